"""The conversations list: filter as you type, Enter opens, Ctrl+N starts a new one."""

from __future__ import annotations

from artifacts_runtime.records import Conversation
from tui.dialogs.conversations import ConversationsDialog

from ..app_builder import HOUR, NOW
from ..host import HostApp


def conversation(id_: str, title: str, age: float) -> Conversation:
    return Conversation(
        id=id_,
        title=title,
        model="claude-test",
        created_at=NOW - age,
        updated_at=NOW - age,
        message_count=2,
    )


async def test_filter_open_and_new() -> None:
    items = [conversation("c1", "Habit tracker", HOUR), conversation("c2", "Budget [b]chart[/b]", 2 * HOUR)]
    host = HostApp()
    async with host.run_test() as pilot:
        await host.show(ConversationsDialog(items, NOW, "c1"))
        options = host.screen.query_one("#conversation-list")
        assert options.option_count == 2
        assert "[b]chart[/b]" in str(options.get_option_at_index(1).prompt)  # a title is text
        await pilot.press(*"budget")
        assert options.option_count == 1
        await pilot.press("enter")
        await host.show(ConversationsDialog(items, NOW, None))
        await pilot.press("ctrl+n")
        assert host.results == ["c2", "new"]
