"""The base of every dialog: a centred modal box with a title and a footer of its own keys; Esc
closes it with ``None``."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import BindingType
from textual.screen import ModalScreen
from textual.widgets import Footer

from .. import bindings as keys

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """A centred box with a title; Esc closes it with ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.DIALOG)
    DEFAULT_CLASSES = "dialog"

    def on_mount(self) -> None:
        # Its own footer, over the screen's: the keys shown are the ones that act in the dialog.
        self.mount(Footer(show_command_palette=False))

    def action_close(self) -> None:
        self.dismiss(None)
