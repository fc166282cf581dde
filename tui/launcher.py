"""The ``artifacts`` console script.

Alone in a terminal it opens the app; with a command (or without a terminal) it is the CLI of
``artifacts_runtime``. It lives here, not in the runtime, so that imports run one way only:
``tui`` → ``artifacts_runtime``. Neither path imports what the other needs: the CLI never
pays for Textual, and the app starts without building the CLI's parser.
"""

from __future__ import annotations

import sys

from . import startup


def main() -> int:
    if len(sys.argv) == 1 and sys.stdin.isatty() and sys.stdout.isatty():
        from .gc_tuning import pause_for_startup

        pause_for_startup()  # until the app has started (tui/gc_tuning.py)
        from .app import main as app_main

        startup.mark("imports (tui.app)")
        return app_main()
    from artifacts_runtime.cli.main import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
