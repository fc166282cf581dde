"""Real preview windows: pywebview + Qt WebEngine, drawn offscreen (no X server needed).

Every test here runs with ``QT_QPA_PLATFORM=offscreen``. Without PyQt6 WebEngine the tests
skip locally and fail in CI (``missing_component``): install the ``preview`` extra and the
Debian libraries from ``.ci/setup``.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from artifacts_runtime.preview import environment
from artifacts_runtime.preview.manager import PreviewManager
from artifacts_runtime.workspace import Workspace
from tests.conftest import missing_component

Event = dict[str, Any]


@pytest.fixture(autouse=True)
def offscreen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.delenv("PYWEBVIEW_GUI", raising=False)
    if not environment.qt_available():
        missing_component("pywebview with PyQt6 WebEngine (the preview extra)")


@pytest.fixture
async def workspace(paths):
    ws = await Workspace.open(paths)
    yield ws
    await ws.close()


class Recorder:
    """Collects a manager's events; ``wait`` for one that matches."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._changed = asyncio.Event()

    def __call__(self, event: Event) -> None:
        self.events.append(event)
        self._changed.set()

    def mark(self) -> int:
        return len(self.events)

    def of(self, kind: str, artifact_id: str | None = None, *, after: int = 0) -> list[Event]:
        return [
            e
            for e in self.events[after:]
            if e.get("type") == kind and (artifact_id is None or e.get("id") == artifact_id)
        ]

    async def wait(
        self, kind: str, artifact_id: str | None = None, *, after: int = 0, timeout: float = 30.0, **fields: Any
    ) -> Event:
        deadline = time.monotonic() + timeout
        while True:
            for event in self.of(kind, artifact_id, after=after):
                if all(event.get(k) == v for k, v in fields.items()):
                    return event
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no {kind} event for {artifact_id} {fields} in {timeout} s; got {self.events}")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except TimeoutError:
                pass


@pytest.fixture
async def manager(workspace):
    m = PreviewManager(workspace)
    recorder = Recorder()
    m.on_event = recorder
    m.recorder = recorder  # type: ignore[attr-defined]
    yield m
    await m.aclose()


async def eventually(check: Callable[[], Awaitable[Any]], timeout: float = 15.0) -> Any:
    """Poll an async check until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still {value!r} after {timeout} s")
        await asyncio.sleep(0.05)


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped does not count)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False
