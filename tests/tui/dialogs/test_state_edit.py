"""The state value dialog: what is stored for an edited value, and the error shown in place."""

from __future__ import annotations

from textual.widgets import TextArea

from tui.dialogs.state_edit import StateEditDialog, prepare_state_value

from ..host import HostApp


def test_prepare_state_value_rules() -> None:
    assert prepare_state_value('{ "a": 1 }', was_json=True) == ('{"a":1}', None)
    assert prepare_state_value("hello", was_json=False) == ("hello", None)
    value, error = prepare_state_value("{oops", was_json=True)
    assert value is None and "no longer parses" in error
    assert prepare_state_value('"dark"', was_json=False) == ('"dark"', None)


async def test_a_refused_value_keeps_the_dialog_open_with_the_reason() -> None:
    saved: list[tuple[str, str, bool]] = []

    async def save(key: str, value: str, shared: bool) -> str | None:
        if key == "bad":
            return "That key is not allowed."
        saved.append((key, value, shared))
        return None

    host = HostApp()
    async with host.run_test() as pilot:
        await host.show(StateEditDialog(save, key="bad", value='{"a":1}'))
        dialog = host.screen
        assert dialog.query_one(TextArea).text == '{\n  "a": 1\n}'  # pretty for reading
        await pilot.press("ctrl+s")
        assert isinstance(host.screen, StateEditDialog)
        assert "not allowed" in str(dialog.query_one("#state-error").render())
        dialog.key = "good"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert saved == [("good", '{"a":1}', False)]  # stored compact
        assert host.results == [True]


async def test_a_key_that_looks_like_markup_is_shown_as_written() -> None:
    """Keys come from artifacts: ``[/b]`` or ``[red]`` are valid keys and must stay text."""

    async def save(key: str, value: str, shared: bool) -> str | None:
        return None

    for key in ("[/b]", "[red]x", "[@click=app.quit]q"):
        host = HostApp()
        async with host.run_test() as pilot:
            await host.show(StateEditDialog(save, key=key, value="v"))
            await pilot.pause()
            title = str(host.screen.query_one(".dialog-title").render())
            assert title == f"Edit {key} (personal)"
