"""The terminal app: chat with Claude, the artifact library and its inspectors, by keyboard.

UI only. Everything it shows and changes goes through :mod:`artifacts_runtime` (which never
imports this package). Start it with ``artifacts`` (no arguments) or ``python -m tui``.
"""

from __future__ import annotations

import os

# Textual repaints on a 60 Hz timer: a change waits for the next tick (8 ms on average, up to
# 17) before it is drawn. At 120 Hz a keystroke's result shows about 10 ms sooner (measured on
# search as you type); frames are still drawn only when something changed. Set TEXTUAL_FPS
# yourself to choose otherwise (e.g. 30 on a slow link). Read by Textual when it is imported.
os.environ.setdefault("TEXTUAL_FPS", "120")
