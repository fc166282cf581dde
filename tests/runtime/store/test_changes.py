"""Changes another process makes to the library reach this one, announced as its own are: the
CLI in another shell imports or saves, a second app edits state. Two real connections to one
SQLite file stand for the two processes (``data_version`` is per connection, not per process)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from artifacts_runtime.store import Store
from artifacts_runtime.store.changes import watch


async def wait_for(events: list[dict], predicate, timeout: float = 5.0) -> dict:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        for e in events:
            if predicate(e):
                return e
        await asyncio.sleep(0.02)
    raise AssertionError(f"no such event in {events}")


async def test_another_processs_import_edit_and_state_are_announced(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    here, elsewhere = await Store.open(path), await Store.open(path)
    events: list[dict] = []
    here.listeners.append(events.append)
    watcher = asyncio.create_task(watch(here, interval=0.05))
    try:
        await asyncio.sleep(0.1)
        a = await elsewhere.create("<p>one</p>", title="From the CLI", type="text/html", source="import")
        await wait_for(events, lambda e: e["type"] == "library.changed")
        await wait_for(
            events, lambda e: e == {"type": "artifact.updated", "artifact_id": a.id, "version": 1, "elsewhere": True}
        )

        await elsewhere.add_version(a.id, "<p>two</p>", source="user")
        await wait_for(events, lambda e: e.get("artifact_id") == a.id and e.get("version") == 2)

        await elsewhere.state_set(a.id, "count", "3", shared=True)
        changed = await wait_for(events, lambda e: e["type"] == "state.changed")
        assert (changed["key"], changed["scope"], changed["elsewhere"]) == ("count", "shared", True)
    finally:
        watcher.cancel()
        await here.close()
        await elsewhere.close()


async def test_this_processs_own_writes_are_not_announced_twice(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    here = await Store.open(path)
    events: list[dict] = []
    here.listeners.append(events.append)
    watcher = asyncio.create_task(watch(here, interval=0.05))
    try:
        await asyncio.sleep(0.1)
        a = await here.create("<p>one</p>", title="Mine", type="text/html", source="import")
        await here.state_set(a.id, "k", "1")
        await asyncio.sleep(0.3)
        assert not [e for e in events if e.get("elsewhere")]
        assert [e["type"] for e in events] == ["artifact.created", "state.changed"]
    finally:
        watcher.cancel()
        await here.close()


async def test_each_change_is_announced_once(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    here, elsewhere = await Store.open(path), await Store.open(path)
    events: list[dict] = []
    here.listeners.append(events.append)
    watcher = asyncio.create_task(watch(here, interval=0.05))
    try:
        await asyncio.sleep(0.1)
        a = await elsewhere.create("<p>one</p>", title="Once", type="text/html", source="import")
        await wait_for(events, lambda e: e.get("artifact_id") == a.id)
        other = await elsewhere.create("<p>x</p>", title="Later", type="text/html", source="import")
        await wait_for(events, lambda e: e.get("artifact_id") == other.id)
        updates = [e for e in events if e["type"] == "artifact.updated" and e["artifact_id"] == a.id]
        assert len(updates) == 1
    finally:
        watcher.cancel()
        await here.close()
        await elsewhere.close()
