"""What a real preview window (pywebview + Qt WebEngine, offscreen) says about itself: the
application it belongs to, where it opens, its title; asked of the host itself (``list``,
``describe``: what Qt reports on its GUI thread)."""

from __future__ import annotations

import time

import pytest

from artifacts_runtime.preview.protocol import MAX_TITLE, encode_command

pytestmark = pytest.mark.slow

PAGE = "<!doctype html><html><body><h1>hello</h1></body></html>"


async def describe(manager) -> dict:
    mark = manager.recorder.mark()
    await manager._send(encode_command("describe"))
    return await manager.recorder.wait("described", after=mark)


async def host_windows(manager) -> list[dict]:
    mark = manager.recorder.mark()
    await manager._send(encode_command("list"))
    return (await manager.recorder.wait("windows", after=mark))["windows"]


async def test_the_windows_belong_to_live_artifacts_and_keep_the_artifact_s_title(workspace, manager):
    artifact = await workspace.store.create(PAGE, title="Expense Tracker", type="text/html")
    await manager.open(artifact.id)
    await manager.recorder.wait("loaded", artifact.id)

    described = await describe(manager)
    assert described["app"] == {
        "name": "live-artifacts",  # X11's WM_CLASS class
        "display_name": "live-artifacts",  # what title bars add: "Expense Tracker — live-artifacts"
        "desktop_file": "live-artifacts",  # Wayland's app_id
        "platform": "offscreen",
    }
    [window] = described["windows"]
    assert window["id"] == artifact.id
    assert window["title"] == window["shown_title"] == "Expense Tracker"


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Line one\nline two\r\n\x00\x1b[31m\x07 bell\u2028sep", "Line one line two [31m bell sep"),
        ("Todo [*] list", "Todo [*] list"),
        ("long " * 40_000, ("long " * 40)[: MAX_TITLE - 1] + "…"),
    ],
    ids=["control-characters", "qt-modified-mark", "200-kB"],
)
async def test_a_hostile_title_neither_breaks_the_protocol_nor_the_window(workspace, manager, title, shown):
    """A title is the library's, unbounded and unfiltered: before, a 200 kB one made the open
    command longer than a protocol line, so the host refused it without naming the window and
    open() waited 15 s in vain; control characters went into the title bar as they were."""
    artifact = await workspace.store.create(PAGE, title=title, type="text/html")
    started = time.monotonic()
    assert await manager.open(artifact.id) == "opened"
    assert time.monotonic() - started < 10
    assert manager.recorder.of("opened", artifact.id)[0]["title"] == shown
    loaded = await manager.recorder.wait("loaded", artifact.id)
    assert loaded["title"] == shown  # the page's own title, cleaned the same way
    assert [w["title"] for w in await host_windows(manager)] == [shown]
    [window] = (await describe(manager))["windows"]
    assert window["shown_title"] == shown  # what Qt puts in the title bar
    assert not manager.recorder.of("error")
