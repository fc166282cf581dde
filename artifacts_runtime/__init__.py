"""Headless core of live-artifacts: the library store, the runtime, the model engine.

This package never imports Textual; the terminal app in ``tui`` builds on it.
"""

__version__ = "0.1.0"
