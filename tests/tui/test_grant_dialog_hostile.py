"""Hostile: the live-data question in the TUI.

Who attacks: artifact code, whose fetch() to a new origin asks the person — at a moment it
picks (while they type in the chat), as often as it likes (300 origins at once), for addresses
on their machine or network (``http://192.168.1.1``, the router). What must hold: no typed letter
answers (typing "canada" once answered "always"): the question waits in a bar without taking
the focus and needs a deliberate key, then Tab + Enter; questions are grouped and bounded, the
refused ones get a clear error in the page; local addresses carry a warning.
"""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from artifacts_runtime.bridge import BridgeError
from artifacts_runtime.connectors import FetchRefused
from tui.dialogs.grant import (
    MAX_PER_ARTIFACT,
    MAX_PER_MINUTE,
    MAX_WAITING,
    GrantBar,
    GrantDialog,
    GrantQuestions,
    is_local_origin,
)

from .app_builder import build_app
from .helpers import ready, wait_until

LAN = "http://192.168.1.1"


def bar_text(app) -> str:
    bars = app.main_screen.query(GrantBar)
    return str(bars.first().render()) if bars else ""


def fetch(app, artifact_id: str, url: str) -> asyncio.Future:
    """The page's fetch(), through the real bridge (as the server calls it)."""
    return asyncio.ensure_future(app.workspace.bridge.call(artifact_id, "net.fetch", {"url": url}))


async def settle(*tasks: asyncio.Future) -> None:
    for task in tasks:
        task.cancel()
    with contextlib.suppress(BaseException):
        await asyncio.gather(*tasks, return_exceptions=True)


async def test_typing_in_the_chat_never_answers_a_question(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        artifact_id = seeded["Budget chart"]
        await pilot.press("f3")
        prompt = app.main_screen.chat.prompt
        await wait_until(pilot, lambda: app.focused is prompt)
        await pilot.press(*"ca")
        asking = fetch(app, artifact_id, f"{LAN}/admin")
        await wait_until(pilot, lambda: bar_text(app), what="the grant bar")
        await pilot.press(*"nada")  # "a" and "d" were answers once; "o" too
        await pilot.press(*" ok done")
        assert prompt.text == "canada ok done"  # every key went to the chat
        assert app.focused is prompt and not isinstance(app.screen, GrantDialog)
        assert not asking.done()  # the page still waits for an answer
        assert await app.workspace.store.grant_for(artifact_id, LAN) is None  # nothing was decided
        assert LAN in bar_text(app) and "local address" in bar_text(app)
        await settle(asking)
        await wait_until(pilot, lambda: not bar_text(app), what="the bar to go with the request")


async def test_an_answer_takes_the_key_then_tab_and_enter(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        artifact_id = seeded["Budget chart"]
        fetcher = app.workspace.bridge.fetcher
        asking = asyncio.ensure_future(fetcher.authorize(artifact_id, "https://data.example.com"))
        await wait_until(pilot, lambda: bar_text(app))
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, GrantDialog))
        dialog = app.screen
        await pilot.press(*"oad", "n", "y", "enter", "space")  # letters, Enter and Space: nothing focused
        assert app.screen is dialog and not asking.done()
        await pilot.press("escape")  # later: the question keeps waiting
        assert not isinstance(app.screen, GrantDialog) and not asking.done() and bar_text(app)
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, GrantDialog))
        await wait_until(pilot, lambda: app.screen.armed, what="the dialog to arm")
        await pilot.press("tab", "right", "right", "enter")  # Deny, Allow once, Always
        assert await asking is True
        assert await app.workspace.store.grant_for(artifact_id, "https://data.example.com") == "allow"
        await wait_until(pilot, lambda: not bar_text(app))


async def test_a_flood_of_origins_makes_one_question_at_a_time(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        artifact_id = seeded["Budget chart"]
        calls = [fetch(app, artifact_id, f"https://h{i}.example.com/data") for i in range(300)]
        await wait_until(pilot, lambda: sum(c.done() for c in calls) >= 300 - MAX_PER_ARTIFACT, what="refusals")
        refused = [c.exception() for c in calls if c.done()]
        assert len(refused) == 300 - MAX_PER_ARTIFACT
        assert all(isinstance(e, BridgeError) and e.code == "too_many_questions" for e in refused)
        assert "was not asked" in refused[0].message and "artifacts grant" in refused[0].message
        assert len(app.grant_questions) == MAX_PER_ARTIFACT
        assert f"+{MAX_PER_ARTIFACT - 1} more waiting" in bar_text(app)
        await pilot.press("ctrl+g")
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, GrantDialog))
        assert sum(isinstance(s, GrantDialog) for s in app.screen_stack) == 1
        assert await app.workspace.store.grants(artifact_id) == []
        await pilot.press("escape")
        await settle(*calls)


async def test_the_same_origin_asked_many_times_is_one_question(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        artifact_id = seeded["Budget chart"]
        calls = [fetch(app, artifact_id, f"https://data.example.com/p{i}") for i in range(50)]
        await wait_until(pilot, lambda: bar_text(app))
        await pilot.pause(0.05)
        assert len(app.grant_questions) == 1 and not any(c.done() for c in calls)
        assert "more waiting" not in bar_text(app)
        await settle(*calls)


@pytest.mark.parametrize(
    "origin",
    [
        "http://127.0.0.1:8080",
        "http://127.5.6.7",
        "http://[::1]:3000",
        "http://10.0.0.2",
        "http://172.16.4.1",
        "http://172.31.255.254",
        LAN,
        "http://169.254.169.254",
        "http://[fe80::1]",
        "http://[fd12:3456::1]",
        "http://[::ffff:192.168.1.1]",
        "http://100.64.0.1",
        "http://localhost:5173",
        "http://printer.local",
        "http://router",
        "http://nas.home.arpa",
    ],
)
def test_local_origins_are_flagged(origin) -> None:
    assert is_local_origin(origin)


@pytest.mark.parametrize("origin", ["https://data.example.com", "https://8.8.8.8", "http://172.32.0.1"])
def test_public_origins_are_not(origin) -> None:
    assert not is_local_origin(origin)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_questions_are_rate_limited_per_artifact_and_bounded_in_all() -> None:
    clock = Clock()
    questions = GrantQuestions(clock)
    for i in range(MAX_PER_MINUTE):  # answered as fast as asked: the pending cap never bites
        questions.answer(questions.ask("a1", f"https://h{i}.example.com", "A"), "deny")
    with pytest.raises(FetchRefused) as info:
        questions.ask("a1", "https://late.example.com", "A")
    assert info.value.code == "too_many_questions" and "in the last minute" in info.value.message
    assert "artifacts grant a1 https://late.example.com" in info.value.message
    clock.now += 61
    questions.ask("a1", "https://late.example.com", "A")  # a minute later it may ask again
    while len(questions) < MAX_WAITING:  # other artifacts, each up to its own cap
        artifact = f"b{len(questions) // MAX_PER_ARTIFACT}"
        questions.ask(artifact, f"https://h{questions.waiting_for(artifact)}.example.com", "B")
    with pytest.raises(FetchRefused, match="questions already wait in the app"):
        questions.ask("c", "https://x.example.com", "C")
    assert len(questions) == MAX_WAITING
    assert questions.ask("a1", "https://late.example.com", "A") is questions.next()  # the same one, merged
