"""Preview windows for real: the window host with pywebview + Qt WebEngine (offscreen), driven
by the manager against the workspace's own server, store and bridge.

Each artifact here is plain HTML whose script writes ``window.storage`` when it loads, so
"the window rendered it" is checked where it matters: in the store, through the bridge.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import pytest

from artifacts_runtime.preview.manager import PreviewManager, PreviewUnavailable
from artifacts_runtime.preview.protocol import PROTOCOL_VERSION, decode_event, encode_command

from .conftest import alive, eventually, process_tree

pytestmark = pytest.mark.slow


def page(label: str) -> str:
    return (
        "<!doctype html><html><body><h1>" + label + "</h1><script>"
        "window.storage.set('opened', '" + label + "');"
        "</script></body></html>"
    )


async def stored(workspace, artifact_id: str, key: str = "opened") -> str | None:
    entry = await workspace.store.state_get(artifact_id, key)
    return entry.value if entry else None


async def holds(workspace, artifact_id: str, expected: str) -> bool:
    return await stored(workspace, artifact_id) == expected


async def host_windows(manager) -> list[dict]:
    mark = manager.recorder.mark()
    await manager._send(encode_command("list"))
    return (await manager.recorder.wait("windows", after=mark))["windows"]


async def test_a_window_renders_the_artifact_and_its_storage_write_reaches_the_store(workspace, manager):
    artifact = await workspace.store.create(page("v1"), title="Storage on load", type="text/html")
    assert await manager.open(artifact.id) == "opened"
    assert manager.open_ids() == {artifact.id}
    assert manager.host_info["gui"] == "qt" and manager.host_info["renderer"] == "qtwebengine"

    loaded = await manager.recorder.wait("loaded", artifact.id)
    assert loaded["version"] == 1
    assert loaded["title"] == "Storage on load"  # the window title is the artifact's title
    assert await eventually(lambda: stored(workspace, artifact.id)) == "v1"
    assert manager.recorder.of("opened", artifact.id)[0]["title"] == "Storage on load"
    assert await manager.open(artifact.id) == "focused"  # open already: brought to the front, said so


async def test_a_new_version_reloads_the_window(workspace, manager):
    artifact = await workspace.store.create(page("v1"), title="Versions", type="text/html")
    await manager.open(artifact.id)
    await manager.recorder.wait("loaded", artifact.id, version=1)
    assert await eventually(lambda: stored(workspace, artifact.id)) == "v1"

    mark = manager.recorder.mark()
    await workspace.store.add_version(artifact.id, page("v2"), source="user", title="Versions, again")
    loaded = await manager.recorder.wait("loaded", artifact.id, after=mark, version=2)
    assert loaded["title"] == "Versions, again"
    await eventually(lambda: holds(workspace, artifact.id, "v2"))  # the new version's write
    windows = await host_windows(manager)
    assert [(w["id"], w["title"]) for w in windows] == [(artifact.id, "Versions, again")]


async def test_a_rename_retitles_the_window(workspace, manager):
    artifact = await workspace.store.create(page("r"), title="Old name", type="text/html")
    await manager.open(artifact.id)
    await manager.recorder.wait("loaded", artifact.id)
    mark = manager.recorder.mark()
    await workspace.store.rename(artifact.id, "New name")
    await manager.recorder.wait("loaded", artifact.id, after=mark, title="New name")
    assert [w["title"] for w in await host_windows(manager)] == ["New name"]


async def test_an_explicit_reload_renders_again(workspace, manager):
    artifact = await workspace.store.create(page("again"), title="Reload me", type="text/html")
    await manager.open(artifact.id)
    await manager.recorder.wait("loaded", artifact.id, renders=1)
    await manager.reload(artifact.id)
    loaded = await manager.recorder.wait("loaded", artifact.id, renders=2)
    assert loaded["version"] == 1


async def test_opening_an_open_artifact_again_focuses_its_one_window(workspace, manager):
    artifact = await workspace.store.create(page("once"), title="Only once", type="text/html")
    await manager.open(artifact.id)
    await manager.recorder.wait("loaded", artifact.id)
    await manager.open(artifact.id[:5])  # a prefix names the same artifact
    await manager.recorder.wait("focused", artifact.id)

    assert len(manager.recorder.of("opened", artifact.id)) == 1
    assert len(manager.recorder.of("focused", artifact.id)) == 1
    windows = await host_windows(manager)
    assert [w["id"] for w in windows] == [artifact.id]
    assert windows[0]["renders"] == 1  # focused, not reloaded
    assert manager.open_ids() == {artifact.id}


async def test_closing_gives_the_closed_event_and_the_host_stays_for_the_next_window(workspace, manager):
    first = await workspace.store.create(page("a"), title="First", type="text/html")
    second = await workspace.store.create(page("b"), title="Second", type="text/html")
    await manager.open(first.id)
    await manager.recorder.wait("loaded", first.id)
    pid = manager.host_pid

    await manager.close(first.id)
    closed = await manager.recorder.wait("closed", first.id)
    assert closed["by"] == "app"
    assert manager.open_ids() == set()
    await asyncio.sleep(0.3)  # closing the last window must not end the host
    assert manager.host_pid == pid and not manager.recorder.of("crashed")

    await manager.open(second.id)
    await manager.recorder.wait("loaded", second.id)
    assert manager.host_pid == pid
    await manager.close("zzzz")  # not open: nothing happens


async def test_a_host_killed_from_outside_is_reported_and_restarted_on_the_next_open(workspace, manager):
    artifact = await workspace.store.create(page("k"), title="Survivor", type="text/html")
    await manager.open(artifact.id)
    await manager.recorder.wait("loaded", artifact.id)
    old_pid = manager.host_pid
    old_tree = process_tree(old_pid)
    assert len(old_tree) > 1  # the host and its WebEngine helpers

    os.kill(old_pid, signal.SIGKILL)
    crashed = await manager.recorder.wait("crashed")
    assert crashed["returncode"] == -signal.SIGKILL
    assert crashed["ids"] == [artifact.id]
    assert manager.open_ids() == set() and manager.host_pid is None
    await eventually(lambda: _none_alive(old_tree), timeout=10)  # no orphaned helpers

    mark = manager.recorder.mark()
    await manager.open(artifact.id)
    await manager.recorder.wait("loaded", artifact.id, after=mark)
    assert manager.host_pid not in (None, old_pid)
    assert manager.open_ids() == {artifact.id}


async def _none_alive(pids: list[int]) -> bool:
    return not any(alive(p) for p in pids)


async def test_aclose_closes_every_window_and_leaves_no_process_behind(workspace, manager):
    ids = [(await workspace.store.create(page(str(n)), title=f"W{n}", type="text/html")).id for n in range(3)]
    for artifact_id in ids:
        await manager.open(artifact_id)
    for artifact_id in ids:
        await manager.recorder.wait("loaded", artifact_id)
    tree = process_tree(manager.host_pid)

    await manager.aclose()
    assert sorted(e["id"] for e in manager.recorder.of("closed")) == sorted(ids)
    assert not manager.recorder.of("crashed")
    assert manager.host_pid is None and manager.open_ids() == set()
    assert [p for p in tree if alive(p)] == []


async def test_the_host_alone_speaks_only_protocol_and_quits_when_stdin_closes(workspace, paths):
    """What the host does when the app dies: its stdin closes, it closes its windows and exits.
    Every line it writes on stdout is an event; bad commands get an error event."""
    artifact = await workspace.store.create(page("solo"), title="Solo", type="text/html")
    server = await workspace.start_server()
    with open(paths.logs / "preview-test.log", "ab") as log:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "artifacts_runtime.preview",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=log,
            start_new_session=True,
        )
    events: list[dict] = []

    async def next_event(kind: str) -> dict:
        while True:
            line = await asyncio.wait_for(proc.stdout.readline(), 30)
            assert line, f"host ended early; events: {events}"
            event = decode_event(line)  # raises on anything that is not an event
            events.append(event)
            if event["type"] == kind:
                return event

    try:
        ready = await next_event("ready")
        assert ready["pid"] == proc.pid and ready["protocol"] == PROTOCOL_VERSION == 2
        proc.stdin.write(b"this is not json\n" + encode_command("focus", id="nope"))
        assert "bad command" in (await next_event("error"))["message"]
        assert (await next_event("error"))["id"] == "nope"
        proc.stdin.write(encode_command("open", id=artifact.id, url=server.view_url(artifact.id), title="Solo"))
        await next_event("opened")
        assert (await next_event("loaded"))["id"] == artifact.id
        tree = process_tree(proc.pid)

        proc.stdin.close()  # the app is gone
        closed = await next_event("closed")
        assert closed == {"type": "closed", "id": artifact.id, "by": "app"}
        assert await asyncio.wait_for(proc.stdout.read(), 15) == b""
        assert await asyncio.wait_for(proc.wait(), 15) == 0
        await eventually(lambda: _none_alive(tree), timeout=10)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert "token" not in (paths.logs / "preview-test.log").read_text()


async def test_the_open_command_shows_the_window_until_ctrl_c(store):
    artifact = await store.create(page("cli"), title="From the CLI", type="text/html")
    proc = subprocess.Popen(
        [sys.executable, "-m", "artifacts_runtime.cli.main", "open", artifact.id],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:

        async def written() -> str | None:
            entry = await store.state_get(artifact.id, "opened")
            return entry.value if entry else None

        assert await eventually(written, timeout=30) == "cli"
        tree = process_tree(proc.pid)
        assert len(tree) > 2  # the command, its window host, WebEngine helpers
        assert proc.poll() is None  # it waits while the window is open
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert out == ""
    assert f"Showing {artifact.id} (From the CLI) in a preview window" in err
    deadline = time.monotonic() + 10
    while any(alive(p) for p in tree) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert [p for p in tree if alive(p)] == []


async def test_a_display_that_cannot_be_reached_makes_previews_unavailable(workspace, monkeypatch):
    """DISPLAY set, no X server behind it: Qt cannot start, and the app is told why."""
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":187")
    artifact = await workspace.store.create(page("x"), title="Nowhere", type="text/html")
    manager = PreviewManager(workspace)
    assert manager.availability() is None  # the variable alone looks fine
    try:
        with pytest.raises(PreviewUnavailable) as caught:
            await manager.open(artifact.id)
    finally:
        await manager.aclose()
    assert caught.value.reason.startswith("the display cannot be reached")
    assert "could not connect to display :187" in caught.value.reason
    assert caught.value.url == workspace.server.view_url(artifact.id)
    assert manager.availability() == caught.value.reason and manager.host_pid is None
