"""The live-data question: o, a, d answer; Esc denies."""

from __future__ import annotations

from tui.dialogs.grant import GrantDialog

from ..host import HostApp


async def test_each_key_answers() -> None:
    host = HostApp()
    async with host.run_test() as pilot:
        for key in ("o", "a", "d", "escape"):
            await host.show(GrantDialog("Budget chart", "https://data.example.com"))
            await pilot.press(key)
        assert host.results == ["once", "always", "deny", "deny"]
