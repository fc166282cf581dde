"""Garbage-collector tuning for a long-running UI.

The app holds a large, long-lived heap: Textual, the runtime, and after the first chat the
Anthropic SDK (its types are a great many objects). Every full collection walks all of it; with
the SDK loaded that made each key press and frame noticeably slower (measured: twice the time in
the app's tests). ``gc.freeze()`` moves everything alive at that moment into a permanent
generation that collections skip. The app freezes once after start-up and once after the SDK
is imported; objects created later are collected as usual.
"""

from __future__ import annotations

import gc
import sys

_done: set[str] = set()


def freeze_once(moment: str) -> bool:
    """Freeze the heap as it is now, once per ``moment`` ("startup", "model-client")."""
    if moment in _done:
        return False
    _done.add(moment)
    gc.freeze()
    return True


def freeze_after_sdk() -> bool:
    """Freeze once the Anthropic SDK has been imported (no-op before that)."""
    if "anthropic" in sys.modules:
        return freeze_once("model-client")
    return False
