"""Yes or no, with what the yes does ("Delete forever") on the last line."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static

from .base import Dialog


class ConfirmDialog(Dialog[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "confirm", "Yes", key_display="y"),
        Binding("n", "no", "No"),
    ]

    def __init__(self, question: str, detail: str = "", *, confirm: str = "Yes", danger: bool = False) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.confirm_label = confirm
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box" + (" -danger" if self.danger else "")):
            yield Label(self.question, classes="dialog-title", markup=False)  # holds titles, values
            if self.detail:
                yield Static(self.detail, classes="dialog-body", markup=False)
            yield Static(
                Content.from_markup("[b]Enter[/b] $label   [b]Esc[/b] Cancel", label=self.confirm_label),
                classes="dialog-keys",
            )

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)

    def action_close(self) -> None:
        self.dismiss(False)
