"""The window host as an operating-system process group: killing what is left of it, waiting
until none of it runs, and reading its log (rotated, and searched for the line that says why
it could not start). No asyncio state, no protocol: the manager's plumbing, kept apart.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from pathlib import Path


def kill_group(pgid: int) -> None:
    """SIGKILL whatever is left in the host's process group (its WebEngine helpers)."""
    if not hasattr(os, "killpg"):
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


async def group_gone(pgid: int, within: float = 2.0) -> None:
    """Wait (briefly) until no process of the group is still running. Polled: nothing signals
    the end of a process group that is not our child."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline and group_running(pgid):  # noqa: ASYNC110
        await asyncio.sleep(0.02)


def group_running(pgid: int) -> bool:
    """Whether a process of the group runs. Zombies do not count: they are dead, waiting for
    init (which they were handed to when the host exited) to reap them."""
    if not os.path.isdir("/proc/self"):
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError, AttributeError):
            return False
        return True
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 2 and int(fields[2]) == pgid and fields[0] != b"Z":
            return True
    return False


def rotate_log(path: Path, limit: int) -> None:
    """Keep one old log (``.1``) once ``path`` is over ``limit`` bytes."""
    try:
        if path.stat().st_size > limit:
            os.replace(path, path.with_name(path.name + ".1"))
    except OSError:
        pass


#: Lines of the host's log that say best why it could not start, most telling first.
_TELLING = (
    "could not connect to display",
    "not installed",
    "Error:",
    "Exception:",
    "ERROR",
    "failed to start",
)


def last_telling_line(path: Path) -> str:
    """The line of the host's last run in its log that best says what went wrong."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - 16384))
            text = fh.read().decode("utf-8", "replace")
    except OSError:
        return ""
    lines = [line.strip() for line in text.split("\n--- ")[-1].splitlines()[1:] if line.strip()]
    for needle in _TELLING:
        for line in reversed(lines):
            if needle in line:
                return line[:300]
    return lines[-1][:300] if lines else ""
