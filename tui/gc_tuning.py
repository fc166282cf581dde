"""Garbage-collector tuning for a long-running UI.

The app holds a large, long-lived heap: Textual, the runtime, and after the first chat the
Anthropic SDK (its types are a great many objects). Every full collection walks all of it; with
the SDK loaded that made each key press and frame noticeably slower (measured: twice the time in
the app's tests). ``gc.freeze()`` moves everything alive at that moment into a permanent
generation that collections skip. The app freezes once after start-up and once after the SDK
is imported; objects created later are collected as usual.

Start-up itself runs with the collector off (``pause_for_startup``, from the launcher, before
the imports): until the first screen is drawn the process only grows, and the collections it
triggered (175 young ones and a full one, about 35 ms of a 300 ms start measured) freed
next to nothing. ``startup_done`` freezes what start-up built and turns the collector back on.

After start-up, full collections are rarer: one per 1,000 young-generation passes instead of
10. Typing a search at 100,000 artifacts ran one every dozen keystrokes, each 20-30 ms (the
rendering caches Textual keeps are most of the unfrozen heap), and they found nothing to free:
they were the slowest 5% of keystrokes. Young generations are collected as before.
"""

from __future__ import annotations

import gc
import sys

#: Young-generation (gen 1) collections between two full ones, after start-up (CPython: 10).
FULL_COLLECTION_EVERY = 1000

_done: set[str] = set()
_paused = False


def pause_for_startup() -> None:
    """No garbage collection until :func:`startup_done` (called by the launcher, not by tests)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def startup_done() -> None:
    """Start-up is over (or failed): freeze its heap, collect again if start-up paused it, and
    make full collections rare."""
    global _paused
    if freeze_once("startup"):
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
    if _paused:
        _paused = False
        gc.enable()


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
