"""The one way sizes and times are written for people, in the core, the CLI and the TUI."""

from __future__ import annotations

import time

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR


def format_bytes(n: int | float) -> str:
    """``512 B``, ``1.5 KB``, ``5 MB``, ``2.3 GB``: one decimal, dropped when it is zero, so a
    limit reads ``5 MB`` and a measured size ``4.7 MB``."""
    n = max(0, int(n))
    if n < KIB:
        return f"{n} B"
    for unit, scale in (("KB", KIB), ("MB", MIB), ("GB", GIB)):
        if n < scale * 1024 or unit == "GB":
            text = f"{n / scale:.1f}".removesuffix(".0")
            return f"{text} {unit}"
    raise AssertionError("unreachable")


def format_time(ts: float | None) -> str:
    """A local date and time, ``2026-12-03 18:00`` (``-`` for none)."""
    if ts is None:
        return "-"
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts))


def ago(ts: float | None, now: float) -> str:
    """A compact age: ``now``, ``5m``, ``3h``, ``2d``, ``3w``, ``5mo``, ``2y`` (``-`` for none)."""
    if ts is None:
        return "-"
    delta = max(0.0, now - ts)
    if delta < MINUTE:
        return "now"
    if delta < HOUR:
        return f"{int(delta // MINUTE)}m"
    if delta < DAY:
        return f"{int(delta // HOUR)}h"
    if delta < 14 * DAY:
        return f"{int(delta // DAY)}d"
    if delta < 60 * DAY:
        return f"{int(delta // (7 * DAY))}w"
    if delta < 365 * DAY:
        return f"{int(delta // (30 * DAY))}mo"
    return f"{int(delta // (365 * DAY))}y"


_LONG_UNITS = (("mo", " months"), ("m", " min"), ("h", " h"), ("d", " days"), ("w", " weeks"), ("y", " years"))


def ago_long(ts: float | None, now: float) -> str:
    """``just now``, ``5 min ago``, ``3 h ago``, ``2 days ago``… (``never`` for none)."""
    short = ago(ts, now)
    if short == "now":
        return "just now"
    if short == "-":
        return "never"
    for suffix, word in _LONG_UNITS:
        if short.endswith(suffix):
            number = short[: -len(suffix)]
            if number == "1" and word.endswith("s"):
                word = word[:-1]
            return f"{number}{word} ago"
    return short
