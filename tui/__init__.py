"""The terminal app: chat with Claude, the artifact library and its inspectors, by keyboard.

UI only. Everything it shows and changes goes through :mod:`artifacts_runtime` (which never
imports this package). Start it with ``artifacts`` (no arguments) or ``python -m tui``.
"""

from __future__ import annotations
