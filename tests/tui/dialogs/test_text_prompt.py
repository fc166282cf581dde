"""One line of text: the validator's error is shown, a valid value is returned."""

from __future__ import annotations

from textual.widgets import Input

from tui.dialogs.text_prompt import TextPrompt

from ..host import HostApp


async def test_validation_then_submit() -> None:
    host = HostApp()
    async with host.run_test() as pilot:
        await host.show(
            TextPrompt("Rename", "old", validate=lambda t: None if t.strip() else "A title cannot be empty.")
        )
        field = host.screen.query_one(Input)
        assert field.has_focus and field.value == "old"
        field.value = "  "
        await pilot.press("enter")
        assert "cannot be empty" in str(host.screen.query_one(".dialog-error").render())
        field.value = "new"
        await pilot.press("enter")
        assert host.results == ["new"]
