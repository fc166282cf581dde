"""The stored conversations, newest first, filtered as you type."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from artifacts_runtime.humanize import ago
from artifacts_runtime.records import Conversation

from ..formatting import one_line
from .base import Dialog


class ConversationsDialog(Dialog[str | None]):
    """The conversations, newest first; type to filter. Returns an id, ``"new"`` or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "new", "New", priority=True),
        Binding("down", "down", show=False),
        Binding("up", "up", show=False),
    ]

    def __init__(self, conversations: Sequence[Conversation], now: float, current: str | None) -> None:
        super().__init__()
        self.conversations = conversations
        self.now = now
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box -wide -tall"):
            yield Label("Conversations", classes="dialog-title")
            yield Input(placeholder="Filter", id="conversation-filter", compact=True)
            yield OptionList(id="conversation-list")
            yield Static("[b]Enter[/b] Open   [b]Ctrl+N[/b] New   [b]Esc[/b] Close", classes="dialog-keys")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, text: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        lowered = text.lower().strip()
        shown = 0
        for c in self.conversations:
            title = c.title or "(untitled)"
            if lowered and lowered not in title.lower():
                continue
            prompt = Text.assemble(
                ("● " if c.id == self.current else "  ", "bold"),
                (one_line(title, 48), "bold" if c.id == self.current else ""),
                (f"  {c.message_count} msg · {ago(c.updated_at, self.now)}", "dim"),
            )
            options.add_option(Option(prompt, id=c.id))
            shown += 1
        if not shown:
            options.add_option(
                Option(Text("No conversations yet — Ctrl+N starts one.", style="dim"), id="__none__", disabled=True)
            )
        else:
            options.highlighted = 0

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _submit(self) -> None:
        self._open()

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self._open()

    def _open(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        option = options.get_option_at_index(options.highlighted)
        if option.id and option.id != "__none__":
            self.dismiss(option.id)

    def action_new(self) -> None:
        self.dismiss("new")

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()
