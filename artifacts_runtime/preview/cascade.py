"""Where a new preview window opens: cascaded, so that new windows do not cover each other.
Pure arithmetic on the screen's usable area (docs/preview.md, "Where a window opens"):

- **Slots**: slot *k* is *k* steps of ``STEP`` px down and to the right of slot 0. The cascade
  has as many slots as keep the window inside the area, at most ``MAX_SLOTS``, and is centred
  in it, so the first window sits near the middle, where pywebview alone would centre it. On an
  axis where the window has no room left (a screen barely taller than it, or smaller) it stays
  put while the other axis still steps; where it does not fit at all it keeps to the top/left
  edge, so its title bar stays on the screen.
- **A new window** takes the slot after that of the most recently opened window still open,
  back to slot 0 after the last one (or when none is open). A slot an open window holds is
  skipped, unless every slot is held (then the window shares that next slot).
- A window keeps its slot while it is open (focusing or reopening it moves nothing); closing it
  frees the slot. Slots are places, not where the person has since dragged a window.
"""

from __future__ import annotations

from collections.abc import Sequence

from .protocol import Rect

STEP = 32  # px, down and right, between two slots
MAX_SLOTS = 8


def cascade(area: Rect, size: tuple[int, int], step: int = STEP, limit: int = MAX_SLOTS) -> list[tuple[int, int]]:
    """The top-left corner of each slot, slot 0 first, for a window of ``size`` (width, height)
    on ``area`` (always at least one slot)."""
    room_x = max(area["width"] - size[0], 0)
    room_y = max(area["height"] - size[1], 0)
    count = max(1, min(limit, 1 + max(room_x, room_y) // step))
    run_x = min((count - 1) * step, room_x)  # how far the slots reach along each axis
    run_y = min((count - 1) * step, room_y)
    left = area["x"] + (room_x - run_x) // 2
    top = area["y"] + (room_y - run_y) // 2
    return [(left + min(k * step, run_x), top + min(k * step, run_y)) for k in range(count)]


def next_slot(count: int, taken: Sequence[int]) -> int:
    """The slot for a new window, of ``count`` slots; ``taken`` holds the slots of the open
    windows, the earliest opened first (a slot past ``count``, from a larger screen, counts as
    taken by nobody here)."""
    start = taken[-1] + 1 if taken else 0
    if start >= count:
        start = 0
    held = set(taken)
    for k in range(count):
        slot = (start + k) % count
        if slot not in held:
            return slot
    return start
