"""The base of every dialog: a centred modal box with a title; Esc closes it with ``None``."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import BindingType
from textual.screen import ModalScreen

from .. import bindings as keys

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """A centred box with a title; Esc closes it with ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.DIALOG)
    DEFAULT_CLASSES = "dialog"

    def action_close(self) -> None:
        self.dismiss(None)
