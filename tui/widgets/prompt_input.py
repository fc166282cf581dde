"""The chat's prompt: Enter sends, Ctrl+J (or Alt+Enter) breaks the line, and ↑/↓ on the
first or last line recall the messages sent before — keys handled in the order they arrive."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import TextArea

from .. import bindings as keys
from ..services import services


class PromptInput(TextArea):
    """Multi-line input: Enter sends, Ctrl+J (or Alt+Enter) breaks the line, ↑/↓ on the first or
    last line recall the messages sent before."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.PROMPT)

    class Submitted(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, id: str | None = None, placeholder: str = "") -> None:
        super().__init__(
            "",
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            compact=True,
            id=id,
            placeholder=placeholder,
        )
        self.sent: list[str] = []
        self._history_index: int | None = None
        self._draft = ""

    async def _on_key(self, event: events.Key) -> None:
        # Handled here, in the order keys arrive: as priority bindings, Enter typed right after
        # a burst of characters (a paste, keys batched over SSH) was acted on before them.
        keymap = services(self).keymap
        key = event.key
        action: str | None = None
        if key in keys.keys_for("chat.send", keymap):
            action = "send"
        elif key in keys.keys_for("chat.newline", keymap):
            action = "newline"
        elif key in keys.keys_for("chat.history_prev", keymap) and self.check_action("history", (-1,)):
            action = "prev"
        elif key in keys.keys_for("chat.history_next", keymap) and self.check_action("history", (1,)):
            action = "next"
        elif key in keys.keys_for("chat.page_up", keymap):
            action = "page_up"
        elif key in keys.keys_for("chat.page_down", keymap):
            action = "page_down"
        if action is None:
            return  # TextArea's own handler runs next (Textual calls each class's handler)
        event.stop()
        event.prevent_default()
        if action == "send":
            self.action_send()
        elif action == "newline":
            self.action_newline()
        elif action in ("page_up", "page_down"):
            self.action_scroll_log(-1 if action == "page_up" else 1)
        else:
            self.action_history(-1 if action == "prev" else 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "history":
            step = parameters[0] if parameters and isinstance(parameters[0], int) else -1
            row, _ = self.cursor_location
            if step < 0:
                return row == 0 and bool(self.sent) and self.selection.is_empty
            return row == self.document.line_count - 1 and self._history_index is not None
        return super().check_action(action, parameters)

    def action_send(self) -> None:
        text = self.text
        if not text.strip():
            return
        self.post_message(self.Submitted(text))

    def action_newline(self) -> None:
        self.insert("\n")

    def action_scroll_log(self, pages: int) -> None:
        """PageUp/PageDown from the prompt scroll the conversation, not the few lines typed."""
        from .chat_log import ChatLog

        log = self.screen.query(ChatLog)
        if log:
            if pages < 0:
                log.first().scroll_page_up(animate=False)
            else:
                log.first().scroll_page_down(animate=False)

    def action_history(self, step: int) -> None:
        if not self.sent:
            return
        if self._history_index is None:
            if step > 0:
                return
            self._draft = self.text
            index = len(self.sent) - 1
        else:
            index = self._history_index + step
        if index >= len(self.sent):
            self._history_index = None
            self.load_text(self._draft)
            self.move_cursor(self.document.end)
            return
        index = max(0, index)
        self._history_index = index
        self.load_text(self.sent[index])
        self.move_cursor((0, 0) if step < 0 else self.document.end)

    def remember(self, text: str) -> None:
        if not self.sent or self.sent[-1] != text:
            self.sent.append(text)
        self._history_index = None
        self._draft = ""
