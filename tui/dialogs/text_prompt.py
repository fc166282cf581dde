"""One line of text (rename, the path of a file to attach), checked before it is accepted."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from .base import Dialog


class TextPrompt(Dialog[str | None]):
    """One line of text. ``validate`` returns an error to show, or None."""

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        placeholder: str = "",
        confirm: str = "OK",
        validate: Callable[[str], str | None] | None = None,
        detail: str = "",
        password: bool = False,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.confirm_label = confirm
        self.validate = validate
        self.detail = detail
        self.password = password  # shown as dots (an API key)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            if self.detail:
                yield Static(self.detail, classes="dialog-body", markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input", password=self.password)
            yield Static("", classes="dialog-error")
            yield Static(
                Content.from_markup("[b]Enter[/b] $label   [b]Esc[/b] Cancel", label=self.confirm_label),
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.validate(event.value) if self.validate else None
        if error:
            self.query_one(".dialog-error", Static).update(Text(error))
            return
        self.dismiss(event.value)
