"""The library's palette commands (Ctrl+P): filters, sorts, tabs, what can be done to the
current artifact, undo. Each shows the library first, then acts, as its key would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Protocol

from textual.message import Message

from artifacts_runtime import kinds

from ..messages import ChatAbout, OpenPreview

if TYPE_CHECKING:  # pragma: no cover
    from ..commands import PaletteCommand

TYPES: list[str | None] = [None, *kinds.TYPES]
SORTS = ["updated", "created", "title"]


class LibraryActions(Protocol):
    """What the commands use of the library pane."""

    sort: str
    tab: str

    @property
    def has_catalog(self) -> bool: ...

    @property
    def can_undo(self) -> bool: ...

    def show_then(self, action: Callable[[], object]) -> None: ...

    def show_type(self, type_: str | None) -> None: ...

    def on_current(self, action: str) -> None: ...

    def action_undo(self) -> None: ...

    def action_remix(self) -> None: ...

    def post_message(self, message: Message) -> bool: ...


def library_commands(pane: LibraryActions, current: str | None) -> Iterator[PaletteCommand]:
    """The commands that apply now (``current``: the current artifact's id, if any)."""
    from ..commands import PaletteCommand  # the palette's module, imported when it first opens

    def shown(action: Callable[[], object]) -> Callable[[], object]:
        return partial(pane.show_then, action)

    def set_sort(sort: str) -> None:
        pane.sort = sort

    def set_tab(tab: str) -> None:
        pane.tab = tab

    for type_ in TYPES:
        label = kinds.SHORT_NAMES.get(type_, "all types") if type_ else "all types"
        yield PaletteCommand(
            f"Library: Show {label}", "filter the library by type (t cycles)", shown(partial(pane.show_type, type_))
        )
    for sort in SORTS:
        yield PaletteCommand(
            f"Library: Sort by {sort}", "order of the library (s cycles)", shown(partial(set_sort, sort))
        )
    tabs = [("library", "Show the library"), ("trash", "Show the trash")]
    if pane.has_catalog:
        tabs.insert(1, ("catalog", "Show the catalog"))
    for tab, label in tabs:
        yield PaletteCommand(f"Library: {label}", "the tabs of the library ([ and ])", shown(partial(set_tab, tab)))
    if pane.tab == "catalog":
        yield PaletteCommand(
            "Catalog: Remix the entry under the cursor…",
            "copy it to your library under a title you choose (m, or Enter)",
            shown(pane.action_remix),
        )
    if current:
        yield PaletteCommand(
            "Artifact: Open preview",
            "its window, or the URL to open in a browser (Ctrl+O)",
            partial(pane.post_message, OpenPreview(current)),
        )
        yield PaletteCommand("Artifact: Rename…", "give it another title (r)", partial(pane.on_current, "rename"))
        yield PaletteCommand(
            "Artifact: Pin / unpin", "pinned artifacts come first (p)", partial(pane.on_current, "pin")
        )
        yield PaletteCommand("Artifact: Move to the trash", "u undoes it (d)", partial(pane.on_current, "trash"))
        yield PaletteCommand(
            "Artifact: Continue its conversation",
            "chat about this artifact (c)",
            partial(pane.post_message, ChatAbout(current)),
        )
    if pane.can_undo:
        yield PaletteCommand(
            "Library: Undo move to trash", "bring back the last artifact you trashed (u)", shown(pane.action_undo)
        )
