"""The host as a process group and a log: rotation, the telling line, the group's end."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from artifacts_runtime.preview.process import group_gone, group_running, last_telling_line, rotate_log


def test_the_log_is_rotated_once_over_its_limit(tmp_path: Path) -> None:
    log = tmp_path / "preview.log"
    log.write_bytes(b"x" * 10)
    rotate_log(log, 100)
    assert log.exists() and not (tmp_path / "preview.log.1").exists()
    rotate_log(log, 5)
    assert not log.exists() and (tmp_path / "preview.log.1").read_bytes() == b"x" * 10
    rotate_log(log, 5)  # no log at all: nothing to do


def test_the_telling_line_comes_from_the_last_run_only(tmp_path: Path) -> None:
    log = tmp_path / "preview.log"
    log.write_text(
        "--- 2026-12-01 started by pid 1\nqt.qpa.xcb: could not connect to display :9\n"
        "--- 2026-12-02 started by pid 2\nsome warning\nImportError: no QtWebEngine\nbye\n",
        encoding="utf-8",
    )
    assert last_telling_line(log) == "ImportError: no QtWebEngine"
    log.write_text("--- 2026-12-03 started by pid 3\nplain\nlast words\n", encoding="utf-8")
    assert last_telling_line(log) == "last words"
    assert last_telling_line(tmp_path / "missing.log") == ""


def test_a_group_that_does_not_exist_is_gone_at_once() -> None:
    unused = 2**22 + os.getpid()  # above pid_max on Linux: no such group
    assert not group_running(unused)
    asyncio.run(group_gone(unused, within=0.5))
