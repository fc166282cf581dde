"""An artifact asks to fetch from an origin: allow once, always, or deny."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, Static

from .base import Dialog


class GrantDialog(Dialog[str]):
    """An artifact asks to fetch from an origin: allow once, always, or deny."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "answer('once')", "Once", show=False),
        Binding("a", "answer('always')", "Always", show=False),
        Binding("d,n", "answer('deny')", "Deny", show=False),
    ]

    def __init__(self, title: str, origin: str) -> None:
        super().__init__()
        self.artifact_title = title
        self.origin = origin

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="grant"):
            yield Label(f"“{self.artifact_title}” wants live data", classes="dialog-title", markup=False)
            yield Static("It asks to fetch from:", classes="dialog-body")
            yield Static(Text(self.origin, style="bold"), classes="dialog-url")
            yield Static(
                "Artifacts run offline unless you allow an origin. The request waits for your answer.",
                classes="dialog-body",
            )
            yield Static(
                "[b]o[/b] Allow once   [b]a[/b] Always for this artifact   [b]d[/b] Deny", classes="dialog-keys"
            )

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)

    def action_close(self) -> None:
        self.dismiss("deny")
