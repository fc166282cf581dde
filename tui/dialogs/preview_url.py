"""No preview window can be shown: the browser URL, and the ``ssh -L`` line over SSH."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, Static

from .base import Dialog


class PreviewUrlDialog(Dialog[None]):
    """No window can be shown: the URL to open in a browser, and the ssh -L line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "copy", "Copy URL", show=False),
        Binding("enter", "close", "Close", show=False),
    ]

    def __init__(self, title: str, reason: str, url: str, ssh_hint: str | None) -> None:
        super().__init__()
        self.artifact_title = title
        self.reason = reason
        self.url = url
        self.ssh_hint = ssh_hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box -wide", id="preview-url"):
            yield Label(f"Preview of “{self.artifact_title}”", classes="dialog-title", markup=False)
            reason = self.reason[:1].upper() + self.reason[1:]
            yield Static(f"{reason}. Open this address in a browser:", classes="dialog-body", markup=False)
            yield Static(Text(self.url, style="bold"), classes="dialog-url", id="preview-url-text")
            if self.ssh_hint:
                yield Static(
                    "This app runs over SSH: on your own machine, forward the port first:", classes="dialog-body"
                )
                yield Static(Text(self.ssh_hint, style="bold"), classes="dialog-url", id="preview-ssh")
            yield Static("[b]c[/b] Copy the URL   [b]Esc[/b] Close", classes="dialog-keys")

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.url)
        self.notify("URL copied (your terminal must allow OSC 52 clipboard access).", timeout=4)
