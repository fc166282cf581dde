"""Leaving an edit with unsaved changes: save them, discard them, or keep editing."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, Static

from .base import Dialog

Choice = Literal["save", "discard"]


class UnsavedDialog(Dialog[Choice | None]):
    """Esc (or k) keeps editing: a second Esc never loses the edit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,s", "choose('save')", "Save", key_display="s"),
        Binding("d", "choose('discard')", "Discard"),
        Binding("k", "close", "Keep editing"),
    ]

    def __init__(self, title: str, changed_lines: int) -> None:
        super().__init__()
        self.title_text = title
        self.changed_lines = changed_lines

    def compose(self) -> ComposeResult:
        lines = "1 line" if self.changed_lines == 1 else f"{self.changed_lines} lines"
        with Vertical(classes="dialog-box"):
            yield Label(f"Unsaved changes to “{self.title_text}”", classes="dialog-title", markup=False)
            yield Static(f"{lines} changed since this edit began.", classes="dialog-body", markup=False)
            yield Static(
                "[b]s[/b] Save as a new version   [b]d[/b] Discard   [b]Esc[/b] Keep editing", classes="dialog-keys"
            )

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)
