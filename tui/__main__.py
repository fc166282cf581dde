"""``python -m tui``: the same as ``artifacts`` with no arguments."""

from __future__ import annotations

import sys

from .app import main

if __name__ == "__main__":
    sys.exit(main())
