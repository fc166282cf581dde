"""Start-up timestamps: where the time to the first screen goes.

With ``ARTIFACTS_STARTUP_LOG=FILE`` set, the app appends one line per step of its start-up to
FILE::

    ms-since-process-start  ms-since-previous-step  step

The process start is read from ``/proc/self/stat`` (Linux; 10 ms resolution, 0 elsewhere), so
the first line also shows what the interpreter cost before the launcher ran. Without the
variable every call here is a no-op. docs/tui.md ("Start-up") has a measured breakdown.
"""

from __future__ import annotations

import os
import time
from typing import Any

_PATH = os.environ.get("ARTIFACTS_STARTUP_LOG") or None
_T0 = time.perf_counter()


def _age_at_import() -> float:
    """Seconds between the process start and this module's import (0.0 when unknown)."""
    if _PATH is None:
        return 0.0
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start time, in ticks since boot
        return max(0.0, time.clock_gettime(time.CLOCK_BOOTTIME) - started)
    except (OSError, ValueError, IndexError, AttributeError):
        return 0.0


_AGE = _age_at_import()
_last = _T0


def enabled() -> bool:
    return _PATH is not None


def mark(step: str) -> None:
    """Note that ``step`` is done now (appended to the log at once: a killed app keeps its lines)."""
    global _last
    if _PATH is None:
        return
    now = time.perf_counter()
    line = f"{(_AGE + now - _T0) * 1000:8.1f} {(now - _last) * 1000:7.1f}  {step}\n"
    _last = now
    try:
        with open(_PATH, "a", encoding="utf-8") as fh:
            fh.write(line)
    except OSError:
        pass


def log_frames(app: Any, count: int = 4) -> None:
    """Mark each of ``app``'s first ``count`` frames as it is written to the terminal (the
    only place that knows: Textual draws on a timer, and ``call_after_refresh`` callbacks
    wait for the screen to be idle). Wraps the app's private ``_display``, so only when
    logging."""
    if _PATH is None:
        return
    display = app._display
    written = 0

    def logged(screen: Any, renderable: Any) -> None:
        nonlocal written
        display(screen, renderable)
        if renderable is not None and written < count:
            written += 1
            mark(f"frame {written} written")

    app._display = logged


mark("launcher (interpreter started, tui imported)")
