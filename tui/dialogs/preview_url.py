"""No preview window can be shown: the browser URL, and the ``ssh -L`` line over SSH.

Each is one line that never wraps (a terminal selection across a wrapped line picks up the
line break, in the middle of the token): a read-only, horizontally scrolling field. ``c``
copies through the terminal (OSC 52); where the terminal does not allow that, ``p`` prints
them in the terminal itself, outside the app, to select as any text.
"""

from __future__ import annotations

import sys
from typing import ClassVar

from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, Static, TextArea

from .base import Dialog


class PreviewUrlDialog(Dialog[None]):
    """No window can be shown: the URL to open in a browser, and the ssh -L line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "copy", "Copy URL"),
        Binding("p", "print", "Print URL"),
        Binding("enter", "close", "Close"),
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
            yield _line(self.url, "preview-url-text")
            if self.ssh_hint:
                yield Static(
                    "This app runs over SSH: on your own machine, forward the port first:", classes="dialog-body"
                )
                yield _line(self.ssh_hint, "preview-ssh")
            yield Static(
                "[b]c[/b] Copy the URL   [b]p[/b] Print it in the terminal   [b]Esc[/b] Close", classes="dialog-keys"
            )

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.url)
        self.notify(
            "URL copied, if your terminal allows OSC 52 clipboard access; if not, p prints it to select.", timeout=6
        )

    def action_print(self) -> None:
        """The URL (and the ssh line) in the terminal's own screen, whole, to select there."""
        lines = [self.url] + ([self.ssh_hint] if self.ssh_hint else [])
        try:
            with self.app.suspend():
                sys.stdout.write("\n" + "\n\n".join(lines) + "\n\nPress Enter to go back to live-artifacts. ")
                sys.stdout.flush()
                sys.stdin.readline()
        except SuspendNotSupported:
            self.notify("This terminal cannot show text outside the app: select the line above.", timeout=6)


def _line(text: str, id: str) -> TextArea:
    """One line of text to read, select and scroll sideways; never wrapped, never edited."""
    field = TextArea(text, read_only=True, soft_wrap=False, show_line_numbers=False, id=id, classes="dialog-url")
    field.cursor_blink = False
    return field
