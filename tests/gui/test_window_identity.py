"""What a real preview window (pywebview + Qt WebEngine, offscreen) says about itself: the
application it belongs to, where it opens, its title; asked of the host itself (``list``,
``describe``: what Qt reports on its GUI thread)."""

from __future__ import annotations

import json
import time

import pytest

from artifacts_runtime.preview.cascade import STEP, cascade
from artifacts_runtime.preview.host import WINDOW_SIZE
from artifacts_runtime.preview.protocol import MAX_TITLE, encode_command

pytestmark = pytest.mark.slow

PAGE = "<!doctype html><html><body><h1>hello</h1></body></html>"


async def describe(manager) -> dict:
    mark = manager.recorder.mark()
    await manager._send(encode_command("describe"))
    return await manager.recorder.wait("described", after=mark)


def screen_of(monkeypatch, tmp_path, width: int, height: int) -> None:
    """Qt's offscreen platform with one screen of that size (its default is 800 x 800)."""
    config = tmp_path / "screens.json"
    screen = {"name": "test", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    monkeypatch.setenv("QT_QPA_PLATFORM", f"offscreen:configfile={config}")


async def places(manager) -> dict[str, tuple[int, int, int | None]]:
    """Each open window's frame corner as Qt reports it, and its slot."""
    return {w["id"]: (w["geometry"]["x"], w["geometry"]["y"], w["slot"]) for w in (await describe(manager))["windows"]}


async def opened(workspace, manager, title: str) -> str:
    artifact = await workspace.store.create(PAGE, title=title, type="text/html")
    assert await manager.open(artifact.id) == "opened"
    return artifact.id


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


async def test_new_windows_cascade_and_closing_one_frees_its_place(workspace, manager, monkeypatch, tmp_path):
    screen_of(monkeypatch, tmp_path, 1600, 1000)
    a = await opened(workspace, manager, "A")
    b = await opened(workspace, manager, "B")
    described = await describe(manager)
    assert described["screen"] == {"x": 0, "y": 0, "width": 1600, "height": 1000}
    corners = cascade(described["screen"], WINDOW_SIZE)  # (188, 8), (220, 40), ... 8 of them
    at = await places(manager)
    assert at[a] == (*corners[0], 0)
    assert at[b] == (at[a][0] + STEP, at[a][1] + STEP, 1)  # +32, +32 from the last one opened
    assert [w["geometry"]["width"] for w in described["windows"]] == [WINDOW_SIZE[0]] * 2

    assert await manager.open(a) == "focused"  # an open window is raised where it is
    assert (await places(manager))[a] == at[a]

    await manager.close(a)  # the first: its slot is free, but the cascade goes on from B
    c = await opened(workspace, manager, "C")
    assert (await places(manager))[c] == (*corners[2], 2)
    await manager.close(c)  # the last opened: the next one goes where it was
    d = await opened(workspace, manager, "D")
    assert (await places(manager))[d] == (*corners[2], 2)
    await manager.close(b)
    await manager.close(d)  # none open: back to the start
    e = await opened(workspace, manager, "E")
    assert await places(manager) == {e: (*corners[0], 0)}


async def test_a_screen_with_little_room_steps_as_far_as_it_can_then_wraps(workspace, manager, monkeypatch, tmp_path):
    """Qt's default offscreen screen, 800 x 800: narrower than a window (1000 x 760) and 40 px
    taller. Two slots, down only, at the left edge; a third window finds both held and shares
    the slot the cascade wraps to."""
    screen_of(monkeypatch, tmp_path, 800, 800)
    ids = [await opened(workspace, manager, name) for name in ("A", "B", "C")]
    at = await places(manager)
    assert [at[i] for i in ids] == [(0, 4, 0), (0, 36, 1), (0, 4, 0)]
