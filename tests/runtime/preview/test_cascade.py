"""Where new preview windows open (``cascade.py``): the slots on a screen, and which slot a new
window takes as windows open and close. The real windows: tests/gui/test_window_identity.py."""

from __future__ import annotations

from itertools import pairwise

import pytest

from artifacts_runtime.preview.cascade import MAX_SLOTS, STEP, cascade, next_slot
from artifacts_runtime.preview.protocol import Rect

WINDOW = (1000, 760)  # the host's WINDOW_SIZE


def area(width: int, height: int, x: int = 0, y: int = 0) -> Rect:
    return {"x": x, "y": y, "width": width, "height": height}


def test_on_a_full_hd_screen_eight_slots_step_down_and_right_centred_on_the_screen():
    slots = cascade(area(1920, 1080), WINDOW)
    assert len(slots) == MAX_SLOTS == 8
    assert all((b[0] - a[0], b[1] - a[1]) == (STEP, STEP) == (32, 32) for a, b in pairwise(slots))
    assert slots[0] == (348, 48)  # the run (1224 x 984) is centred: 348 + 1224 + 348 = 1920
    assert slots[-1] == (348 + 7 * 32, 48 + 7 * 32)


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 1024), (2560, 1440), (3840, 2160), (1024, 800)])
def test_every_slot_keeps_the_window_on_a_screen_it_fits(width: int, height: int):
    for x, y in cascade(area(width, height), WINDOW):
        assert x >= 0 and x + WINDOW[0] <= width
        assert y >= 0 and y + WINDOW[1] <= height


def test_the_usable_area_counts_not_the_whole_screen():
    """A panel at the top (Qt's availableGeometry starts below it): slots start below it."""
    slots = cascade(area(1920, 1053, y=27), WINDOW)
    assert slots[0] == (348, 27 + (1053 - 760 - 224) // 2)
    assert all(y >= 27 and y + WINDOW[1] <= 27 + 1053 for _, y in slots)


def test_a_screen_barely_taller_than_the_window_still_cascades_sideways():
    """1366 x 768, the common laptop: 8 px of room down, 366 across. Each axis steps as long
    as it has room, so windows still do not cover each other exactly."""
    slots = cascade(area(1366, 768), WINDOW)
    assert len(slots) == 8 and len(set(slots)) == 8
    assert [y for _, y in slots] == [0, 8, 8, 8, 8, 8, 8, 8]
    assert [x for x, _ in slots] == [71 + 32 * k for k in range(8)]


def test_a_window_larger_than_the_screen_gets_one_slot_at_the_top_left():
    """Its title bar stays on the screen (centring would push it above the top)."""
    assert cascade(area(800, 600, x=10, y=20), WINDOW) == [(10, 20)]


def test_few_slots_when_little_room():
    assert cascade(area(1000 + 40, 760 + 40), WINDOW) == [(4, 4), (36, 36)]  # 2 slots, centred
    assert cascade(area(1000 + 31, 760 + 31), WINDOW) == [(15, 15)]  # no room for a step: centred
    # More room down than across: the slots step across only as far as there is room.
    assert cascade(area(1000 + 40, 760 + 100), WINDOW) == [(0, 2), (32, 34), (40, 66), (40, 98)]


def test_the_first_window_opens_in_slot_0_and_each_next_one_after_the_last_opened():
    assert next_slot(8, []) == 0
    assert next_slot(8, [0]) == 1
    assert next_slot(8, [0, 1, 2]) == 3


def test_past_the_last_slot_it_wraps_to_the_start():
    assert next_slot(8, [3, 4, 5, 6, 7]) == 0


def test_closing_the_last_opened_frees_its_slot_for_the_next():
    assert next_slot(8, [0, 1]) == 2  # 0, 1, 2 open; 2 closed: the next goes where 2 was


def test_closing_an_earlier_window_keeps_the_cascade_going_from_the_last_opened():
    assert next_slot(8, [1, 2]) == 3  # 0 closed: free, but not next
    assert next_slot(3, [1, 2]) == 0  # ... until the cascade wraps to it


def test_a_held_slot_is_skipped():
    assert next_slot(8, [1, 2, 7, 0]) == 3  # after 0 comes 1, held, 2, held: 3
    assert next_slot(4, [3, 0, 1]) == 2


def test_when_every_slot_is_held_the_new_window_shares_the_next_one():
    assert next_slot(2, [0, 1]) == 0
    assert next_slot(3, [1, 2, 0]) == 1


def test_slots_from_a_larger_screen_count_for_nothing_on_a_smaller_one():
    assert next_slot(2, [5]) == 0
    assert next_slot(1, [0]) == 0  # one slot: every window shares it (as they all did before)


def test_opening_windows_one_after_another_fills_every_slot_before_any_is_shared():
    taken: list[int] = []
    for _ in range(MAX_SLOTS):
        taken.append(next_slot(MAX_SLOTS, taken))
    assert taken == list(range(MAX_SLOTS))
    assert next_slot(MAX_SLOTS, taken) == 0
