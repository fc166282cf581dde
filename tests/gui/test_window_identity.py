"""What a real preview window (pywebview + Qt WebEngine, offscreen) says about itself: the
application it belongs to, where it opens, its title; asked of the host itself (``list``)."""

from __future__ import annotations

import time

import pytest

from artifacts_runtime.preview.protocol import MAX_TITLE, encode_command

pytestmark = pytest.mark.slow

PAGE = "<!doctype html><html><body><h1>hello</h1></body></html>"


async def host_windows(manager) -> list[dict]:
    mark = manager.recorder.mark()
    await manager._send(encode_command("list"))
    return (await manager.recorder.wait("windows", after=mark))["windows"]


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
    assert not manager.recorder.of("error")
