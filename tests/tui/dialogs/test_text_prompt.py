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


async def test_an_error_that_quotes_the_input_shows_it_as_text() -> None:
    """The attach prompt's errors name the path typed; ``[/x]`` in it stays text."""
    host = HostApp()
    async with host.run_test() as pilot:
        await host.show(TextPrompt("Attach a file", validate=lambda t: f"No file at {t}"))
        host.screen.query_one(Input).value = "~/[/x][red]data.csv"
        await pilot.press("enter")
        assert str(host.screen.query_one(".dialog-error").render()) == "No file at ~/[/x][red]data.csv"
