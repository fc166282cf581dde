"""The library's list and its search box: one row per artifact (or search hit, or catalog
entry), titles cut to the width the table has, and what the status line says."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.widgets import DataTable, Input
from textual.widgets.data_table import RowDoesNotExist

from artifacts_runtime.humanize import ago

from .. import bindings as keys
from ..formatting import table_type, type_label
from ..services import services

if TYPE_CHECKING:  # pragma: no cover
    from artifacts_runtime.records import Artifact

#: Hits shown for a search: more than a tall terminal shows (two lines each). Snippets are most of
#: a search's cost: 40 hits take a third of the time of 100 at 100,000 artifacts.
SEARCH_LIMIT = 40
#: What the store puts around the matched words of a snippet.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


@dataclass
class Row:
    """One line of the list: an artifact, a search hit or a catalog item."""

    key: str
    title: str
    type: str
    language: str | None
    updated: float | None
    pinned: bool = False
    snippet: str = ""
    artifact: Artifact | None = None


def _snippet_text(snippet: str, width: int) -> Text:
    """A search snippet with the matched words highlighted, on one line of ``width``."""
    text = Text(style="dim")
    flat = " ".join(snippet.split())
    bold = False
    for piece in flat.replace(MARK_CLOSE, MARK_OPEN).split(MARK_OPEN):
        if piece:
            text.append(piece, style="bold not dim" if bold else "")
        bold = not bold
    text.truncate(max(1, width), overflow="ellipsis")
    return text


class SearchInput(Input):
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.LIBRARY_SEARCH)

    @property
    def content_width(self) -> int:
        # Never narrower than the box: Input sets its virtual size from this on every change, and
        # a new virtual size lays the whole screen out again; now only text longer than the box
        # does (the box scrolls then, as before).
        return max(super().content_width, self.scrollable_content_region.width)

    def action_leave_search(self) -> None:
        self.screen.query_one(ArtifactTable).focus()

    def action_clear_search(self) -> None:
        """Esc in the search box: clear it and go back to the list (one step back)."""
        self.value = ""
        self.screen.query_one(ArtifactTable).focus()


#: The table's own keys (cursor moves): never a reason to wait.
TABLE_KEYS = frozenset(
    {"up", "down", "pageup", "pagedown", "home", "end", "ctrl+home", "ctrl+end", "left", "right", "j", "k", "g", "G"}
)
#: Actions of the library pane that show another list.
RELIST_ACTIONS = frozenset({"tab", "cycle_type", "cycle_sort"})
RELEASE_AFTER = 0.5  # seconds: a relist that loads nothing releases the held keys after this


class ArtifactTable(DataTable[Text]):
    """The list; the pane fills it. Titles are cut to the width the table has.

    No key is lost while a new list loads (another tab, filter or sort): until the pane shows
    it (:meth:`release`), keys that reach the table are held, then replayed in order, so
    ``] Down Down Enter`` typed at once acts on the third row of the new tab, not on the first.
    """

    DEFAULT_CSS = """
    ArtifactTable { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.LIST)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, show_row_labels=False, id=id, classes=classes)
        self.rows_data: list[Row] = []
        self.now: Callable[[], float] = time.time
        self._columns = Widths(0, 0, 0)
        #: The width to cut titles to before the first layout (the pane's estimate).
        self.expected_width = 60
        self.holding = True  # until the first page is shown
        self._held: list[events.Key] = []
        #: Whether the pane is loading a list (the pane sets it; the table alone cannot know).
        self.loading_list: Callable[[], bool] = lambda: False
        #: Whether the pane's own Enter (Inspect) acts here, and the footer should show it.
        self.pane_enter: Callable[[], bool] = lambda: False

    def hold(self) -> None:
        """A new list is coming: keep the keys for it."""
        self.holding = True

    def release(self) -> None:
        """The new list is shown: replay what was typed meanwhile, in order (a replayed key that
        asks for yet another list holds the rest again)."""
        self.holding = False
        held, self._held = self._held, []
        for key in held:
            # Through the app, as the terminal's keys come: to the focused widget, then bindings.
            self.app.post_message(events.Key(key.key, key.character))

    async def _on_key(self, event: events.Key) -> None:
        if self.holding:
            event.stop()
            event.prevent_default()
            self._held.append(event)
            return
        if event.key in keys.keys_for("library.inspect", services(self).keymap) and self.rows_data:
            # Enter moves the focus to the inspector (or a dialog): what is typed right behind
            # it ("e" to edit, say) belongs there, not to this list. Held until the focus has
            # moved (on_blur), or briefly when it does not.
            await super()._on_key(event)
            self.hold()
            self.set_timer(RELEASE_AFTER, self._release_if_unchanged)
            return
        if event.key not in TABLE_KEYS:
            # A key that asks for another list (next tab, type filter, sort) acts here, at
            # once: bubbled up to its binding it would act only after the keys queued behind
            # it had moved the old list's cursor.
            active = self.screen.active_bindings.get(event.key)
            if active is not None and active.enabled and active.binding.action.split("(")[0] in RELIST_ACTIONS:
                event.stop()
                event.prevent_default()
                self.hold()
                await self.app.run_action(active.binding.action, active.node)
                self.set_timer(RELEASE_AFTER, self._release_if_unchanged)
                return
        await super()._on_key(event)

    def action_back(self) -> None:
        """Esc on search results: back to the search box, the query kept (Esc there clears it)."""
        search = self.screen.query(SearchInput)
        if search and search.first().value:
            search.first().focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            search = self.screen.query(SearchInput)
            return bool(search and search.first().value)
        if action == "select_cursor" and self.pane_enter():
            return False  # step aside: the pane's "Enter Inspect" acts, and the footer says so
        return super().check_action(action, parameters)

    def on_blur(self) -> None:
        if self.holding and not self.loading_list():
            self.release()

    def _release_if_unchanged(self) -> None:
        """The key asked for a list that is the one shown (one tab only, say): nothing loads."""
        if self.holding and not self.loading_list():
            self.release()

    def on_mount(self) -> None:
        self._build_columns(self._widths(self.rows_data))

    def _widths(self, rows: list[Row]) -> Widths:
        return column_widths(
            self.scrollable_content_region.width or self.size.width or self.expected_width,
            [table_type(r.type, r.language) for r in rows],
            [ago(r.updated, self.now()) for r in rows if r.updated],
        )

    def _build_columns(self, widths: Widths) -> None:
        self._columns = widths
        self.clear(columns=True)
        self.add_column("Title", width=widths.title, key="title")
        self.add_column("Type", width=widths.type, key="type")
        if widths.when:  # a catalog's entries have no age: no empty column for them
            self.add_column("Age", width=widths.when, key="when")  # "now", "5m", "3h", "2d"…

    def on_resize(self) -> None:
        if self._widths(self.rows_data) != self._columns:
            self.show_rows(self.rows_data, keep=self.current_key())

    def current_key(self) -> str | None:
        if not self.rows_data or self.cursor_row < 0:
            return None
        try:
            return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)
        except RowDoesNotExist:
            return None

    def _cells(self, row: Row) -> tuple[list[Text], int]:
        width = self._columns.title
        title = Text(row.title, style="bold" if row.pinned else "")
        if row.pinned:
            title = Text.assemble(("★ ", "yellow"), title)
        title.truncate(width, overflow="ellipsis")
        height = 1
        if row.snippet:
            title.append("\n")
            title.append_text(_snippet_text(row.snippet, width))
            height = 2
        cells = [title, Text(table_type(row.type, row.language), style="dim")]
        if self._columns.when:
            cells.append(Text(ago(row.updated, self.now()) if row.updated else "", style="dim", justify="right"))
        return cells, height

    def show_rows(self, rows: list[Row], *, keep: str | None = None) -> None:
        """Replace the rows; the cursor stays on ``keep`` when it is still there."""
        widths = self._widths(rows)
        index = self.cursor_row
        if widths != self._columns:
            self._build_columns(widths)
        else:
            self.clear()
        self.rows_data = list(rows)
        for row in rows:
            cells, height = self._cells(row)
            self.add_row(*cells, key=row.key, height=height)
        if keep is not None:
            for at, row in enumerate(rows):
                if row.key == keep:
                    self.move_cursor(row=at, animate=False, scroll=True)
                    break
            else:
                # The row left (trashed, say): the cursor stays where it was, on the next one.
                if rows and index > 0:
                    self.move_cursor(row=min(index, len(rows) - 1), animate=False, scroll=True)

    def append_rows(self, rows: list[Row]) -> None:
        seen = {r.key for r in self.rows_data}
        new = [row for row in rows if row.key not in seen]
        if self._widths(self.rows_data + new) != self._columns:  # a wider type or age came
            self.show_rows(self.rows_data + new, keep=self.current_key())
            return
        for row in new:
            self.rows_data.append(row)
            cells, height = self._cells(row)
            self.add_row(*cells, key=row.key, height=height)


@dataclass(frozen=True)
class Widths:
    title: int
    type: int
    when: int  # 0: no Age column


def column_widths(total: int, types: list[str], ages: list[str]) -> Widths:
    """Type and Age as wide as their longest cell (or header); the title gets the rest."""
    type_w = max([len("Type"), *(len(t) for t in types)])
    when_w = max([len("Age"), *(len(a) for a in ages)]) if ages else 0
    columns = 3 if when_w else 2
    padding = 2 * columns  # DataTable pads each cell by one on both sides
    return Widths(max(8, max(20, total) - type_w - when_w - padding), type_w, when_w)


def count_text(shown: int, more: bool, total: int | None, query: str) -> str:
    """The count on the status line: ``7``, ``100 of 12,345``, ``40+ found``, ``no match``."""
    if query and not shown:
        return "no match"
    if query:
        return f"{shown}{'+' if shown >= SEARCH_LIMIT else ''} found"
    if more and total:
        return f"{shown} of {total:,}"
    if more:
        return f"{shown}+"
    return f"{shown:,}"


def empty_text(query: str, *, tab: str, type_filter: str | None) -> str:
    """What an empty list says, and what to do about it."""
    if query:
        kind = f" {type_label(type_filter, None)}" if type_filter else ""
        return f"Nothing{kind} matches “{query}”.\nEsc clears the search."
    if tab == "trash":
        return "The trash is empty."
    if tab == "catalog":
        return "The catalog is empty."
    if type_filter:
        return f"No {type_label(type_filter, None)} artifacts.\nt changes the type filter."
    return (
        # Paragraphs only: the pane's width wraps them (a hard break mid-sentence looked broken
        # in narrow panes). The command has plain spaces, to copy.
        "Your library is empty.\n\n"
        "F3 opens the chat: ask Claude for a tool, a chart, a document — what it builds lands here.\n\n"
        "Or import files: artifacts import FILE"
    )
