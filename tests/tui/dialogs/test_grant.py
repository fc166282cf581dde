"""The live-data question: no letter answers; Tab (or an arrow) to a button, then Enter, and
only once the dialog has been open for ``ARM_SECONDS``; Esc answers nothing ("later")."""

from __future__ import annotations

import pytest

from tui.dialogs.grant import ARM_SECONDS, GrantDialog

from ..helpers import wait_until
from ..host import HostApp


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("keys", "answer"),
    [
        (("tab",), "deny"),
        (("tab", "tab"), "once"),
        (("right", "right"), "once"),
        (("tab", "right", "down"), "always"),
        (("left",), "always"),
        (("shift+tab",), "always"),
        (("tab", "tab", "tab", "tab"), "deny"),  # round again
    ],
)
async def test_a_button_and_enter_answer(keys, answer) -> None:
    clock = Clock()
    host = HostApp()
    async with host.run_test() as pilot:
        await host.show(GrantDialog("Budget chart", "https://data.example.com", clock=clock))
        clock.now += ARM_SECONDS
        await pilot.press(*keys, "enter")
        assert host.results == [answer]


async def test_letters_enter_and_space_answer_nothing() -> None:
    clock = Clock()
    host = HostApp()
    async with host.run_test() as pilot:
        dialog = GrantDialog("Budget chart", "https://data.example.com", clock=clock)
        await host.show(dialog)
        clock.now += 10
        await pilot.press(*"oadnyq", "enter", "space", "A", "D")
        assert host.results == [] and host.screen is dialog and host.focused is None


async def test_a_press_right_after_it_opens_is_ignored() -> None:
    clock = Clock()
    host = HostApp()
    async with host.run_test() as pilot:
        dialog = GrantDialog("Budget chart", "https://data.example.com", clock=clock)
        await host.show(dialog)
        clock.now += ARM_SECONDS * 0.8
        await pilot.press("tab", "right", "right", "enter")  # someone typing fast, Tab and Enter included
        assert host.results == [] and host.screen is dialog
        clock.now += ARM_SECONDS
        # Textual's own guard: a button ignores Enter while it shows the last press (0.2 s).
        await wait_until(pilot, lambda: not host.focused.has_class("-active"))
        await pilot.press("enter")
        assert host.results == ["always"]


async def test_escape_answers_nothing() -> None:
    host = HostApp()
    async with host.run_test() as pilot:
        await host.show(GrantDialog("Budget chart", "https://data.example.com"))
        await pilot.press("escape")
        assert host.results == [None]


async def test_a_local_origin_carries_a_warning() -> None:
    host = HostApp()
    async with host.run_test():
        await host.show(GrantDialog("Budget chart", "http://192.168.1.1"))
        warning = host.screen.query(".grant-local")
        assert warning and "local network" in str(warning.first().render())
        await host.show(GrantDialog("Budget chart", "https://data.example.com"))
        assert not host.screen.query(".grant-local")


async def test_the_title_is_text_not_markup() -> None:
    host = HostApp()
    async with host.run_test():
        await host.show(GrantDialog("[b]x[/b] [link=https://e]", "https://data.example.com"))
        assert "[b]x[/b] [link=https://e]" in str(host.screen.query_one(".dialog-title").render())
