"""One way to write sizes and ages, shared by the core's messages, the CLI and the TUI."""

from __future__ import annotations

import time

import pytest

from artifacts_runtime.humanize import DAY, HOUR, MIB, ago, ago_long, format_bytes, format_time


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "0 B"),
        (-5, "0 B"),
        (1023, "1023 B"),
        (1024, "1 KB"),
        (1536, "1.5 KB"),
        (5 * MIB, "5 MB"),
        (int(4.74 * MIB), "4.7 MB"),
        (20 * 1024 * MIB, "20 GB"),
    ],
)
def test_sizes_read_with_one_decimal_dropped_when_zero(n: int, text: str) -> None:
    assert format_bytes(n) == text


def test_a_limit_just_under_a_unit_does_not_round_up_into_the_next_unit() -> None:
    assert format_bytes(1024 * 1024 - 1) == "1024 KB"


def test_times_are_local_and_a_missing_one_is_a_dash() -> None:
    ts = time.mktime((2026, 12, 3, 18, 5, 0, 0, 0, -1))
    assert format_time(ts) == "2026-12-03 18:05"
    assert format_time(None) == "-"


def test_ages_short_and_long() -> None:
    now = 1_000_000_000.0
    assert [ago(now - d, now) for d in (5, 3 * HOUR, 2 * DAY, 21 * DAY, 400 * DAY)] == ["now", "3h", "2d", "3w", "1y"]
    assert ago(None, now) == "-" and ago_long(None, now) == "never"
    assert ago_long(now - 3 * HOUR, now) == "3 h ago"
    assert ago_long(now - DAY, now) == "1 day ago"
    assert ago_long(now, now) == "just now"
