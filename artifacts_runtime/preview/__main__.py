"""``python -m artifacts_runtime.preview``: the window host process (see ``host.py``)."""

import sys

if __name__ == "__main__":  # importing this module (e.g. walking the package) starts nothing
    from .host import main

    sys.exit(main())
