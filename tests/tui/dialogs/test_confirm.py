"""Confirm: Enter (or y) says yes, Esc (or n) says no."""

from __future__ import annotations

from tui.dialogs.confirm import ConfirmDialog

from ..host import HostApp


async def test_enter_confirms_and_escape_cancels() -> None:
    host = HostApp()
    async with host.run_test() as pilot:
        await host.show(ConfirmDialog("Delete “x”?", "It cannot be undone.", confirm="Delete", danger=True))
        assert "Delete" in str(host.screen.query_one(".dialog-keys").render())
        await pilot.press("enter")
        await host.show(ConfirmDialog("Again?"))
        await pilot.press("escape")
        await host.show(ConfirmDialog("And n?"))
        await pilot.press("n")
        assert host.results == [True, False, False]


async def test_a_title_is_shown_as_text_not_markup() -> None:
    host = HostApp()
    async with host.run_test():
        await host.show(ConfirmDialog("Delete “[b]bold[/b]”?"))
        assert "[b]bold[/b]" in str(host.screen.query_one(".dialog-title").render())
