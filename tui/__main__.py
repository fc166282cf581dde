"""``python -m tui``: the same as ``artifacts`` with no arguments."""

from __future__ import annotations

import sys

from .gc_tuning import pause_for_startup

pause_for_startup()  # until the app has started (tui/gc_tuning.py)

from .app import main  # noqa: E402  (after the pause: the imports are most of start-up)

if __name__ == "__main__":
    sys.exit(main())
