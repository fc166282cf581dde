"""What the library asks before it changes something: a title for a remix or a rename, and
"for good?" before a purge. Each dialog acts on the pane when it closes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol

from textual.app import App

from .artifact_table import Row

if TYPE_CHECKING:  # pragma: no cover
    from textual.worker import Worker

    from artifacts_runtime.store import Store


class LibraryHost(Protocol):
    """What the dialogs use of the library pane."""

    @property
    def app(self) -> App[object]: ...

    @property
    def store(self) -> Store: ...

    def notify(self, message: str, *, markup: bool = True) -> None: ...

    def remix(self, row: Row, title: str) -> Worker[None]: ...

    def store_call(self, call: Callable[[], Awaitable[object]]) -> Worker[None]: ...


def _title_problem(text: str) -> str | None:
    return None if text.strip() else "A title cannot be empty."


def ask_remix(pane: LibraryHost, row: Row) -> None:
    """Copy the catalog entry ``row`` into the library under a title the person confirms."""
    from ..dialogs.text_prompt import TextPrompt  # the dialogs are imported when first asked

    def done(title: str | None) -> None:
        if title is not None and title.strip():
            pane.remix(row, title.strip())

    pane.app.push_screen(
        TextPrompt(
            f"Copy “{row.title}” to your library",
            f"{row.title} (remix)",
            placeholder="A title for your copy",
            confirm="Copy",
            validate=_title_problem,
            detail="The copy is yours to change; the catalog entry stays as it is.",
        ),
        done,
    )


def ask_rename(pane: LibraryHost, row: Row) -> None:
    from ..dialogs.text_prompt import TextPrompt

    def done(title: str | None) -> None:
        if title and title.strip() and title.strip() != row.title:
            pane.store_call(partial(pane.store.rename, row.key, title.strip()))

    pane.app.push_screen(
        TextPrompt("Rename", row.title, placeholder="A title", confirm="Rename", validate=_title_problem),
        done,
    )


def ask_purge(pane: LibraryHost, row: Row) -> None:
    from ..dialogs.confirm import ConfirmDialog

    def done(yes: bool | None) -> None:
        if yes:
            pane.store_call(partial(pane.store.purge, row.key))
            pane.notify(f"Deleted “{row.title}” for good.", markup=False)

    pane.app.push_screen(
        ConfirmDialog(
            f"Delete “{row.title}” for good?",
            "Its versions, state and files go with it. This cannot be undone.",
            confirm="Delete forever",
            danger=True,
        ),
        done,
    )
