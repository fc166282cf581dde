"""The state tab: the artifact's personal and shared keys, the selected value pretty-printed,
edit / add / delete under the storage rules; it follows writes made by open previews."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from artifacts_runtime.errors import ArtifactsError
from artifacts_runtime.humanize import ago, format_bytes

from .. import bindings as keys
from ..dialogs.confirm import ConfirmDialog
from ..dialogs.state_edit import StateEditDialog
from ..formatting import one_line, pretty_value
from ..services import services
from .footer_state import FooterState

if TYPE_CHECKING:  # pragma: no cover
    from textual.timer import Timer

    from artifacts_runtime.records import Artifact, StateEntry

RELOAD_DELAY = 0.05  # coalesce bursts of writes from a preview
MIN_KEY_WIDTH = 3  # "Key"
MAX_KEY_WIDTH = 32  # longer keys are cut here; the edit dialog (e) shows the whole key


class StateView(FooterState, Vertical):
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.STATE)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.artifact: Artifact | None = None
        self.entries: list[StateEntry] = []
        self._reload_timer: Timer | None = None
        self.loads = 0
        self.value_text = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="state-summary")
        yield DataTable(cursor_type="row", id="state-table")
        with VerticalScroll(id="state-value-scroll"):
            yield Static("", id="state-value-view")

    def on_mount(self) -> None:
        self._add_columns(MIN_KEY_WIDTH)

    def _add_columns(self, key_width: int) -> None:
        """The columns, the Key column sized to the longest key now (not measured later, when
        the table is next idle: a picture taken between would show keys cut short)."""
        table = self.table
        table.add_column("Scope", width=8, key="scope")
        table.add_column("Key", width=key_width, key="key")
        table.add_column("Size", width=8, key="size")
        table.add_column("Age", width=4, key="age")

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#state-table", DataTable)

    async def load(self, artifact: Artifact) -> None:
        found = services(self)
        store = found.require_store()
        personal = await store.state_entries(artifact.id)
        shared = await store.state_entries(artifact.id, shared=True)
        same = self.artifact is not None and self.artifact.id == artifact.id
        keep = self.selected_entry() if same else None
        self.artifact = artifact
        self.entries = personal + shared
        self.loads += 1
        now = found.now()
        table = self.table
        table.clear(columns=True)
        longest = max((cell_len(entry.key) for entry in self.entries), default=0)
        self._add_columns(max(MIN_KEY_WIDTH, min(MAX_KEY_WIDTH, longest)))
        for entry in self.entries:
            table.add_row(
                Text(entry.scope, style="dim" if entry.scope == "personal" else "bold"),
                Text(entry.key),
                Text(format_bytes(entry.size), style="dim", justify="right"),
                Text(ago(entry.updated_at, now), style="dim", justify="right"),
                key=f"{entry.scope}\x00{entry.key}",
            )
        if keep is not None:
            for index, entry in enumerate(self.entries):
                if entry.scope == keep.scope and entry.key == keep.key:
                    table.move_cursor(row=index, animate=False)
                    break
        used = sum(e.size for e in self.entries)
        quota = store.default_quota
        n_personal, n_shared = len(personal), len(shared)
        if not self.entries:
            self.query_one("#state-summary", Static).update(
                "No stored state. The artifact writes it with window.storage; [b]a[/b] adds a key."
            )
        else:
            quota_text = f"{quota / 1048576:g} MB" if quota >= 1048576 else format_bytes(quota)
            self.query_one("#state-summary", Static).update(
                Text(f"{n_personal} personal · {n_shared} shared · {format_bytes(used)} of {quota_text}")
            )
        self._show_value()
        self.update_bindings()

    def clear_view(self) -> None:
        self.artifact = None
        self.entries = []
        self.table.clear()
        self.query_one("#state-summary", Static).update("")
        self.query_one("#state-value-view", Static).update("")

    def selected_entry(self) -> StateEntry | None:
        table = self.table
        if not self.entries or table.cursor_row < 0 or table.cursor_row >= len(self.entries):
            return None
        return self.entries[table.cursor_row]

    @on(DataTable.RowHighlighted, "#state-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_value()
        self.update_bindings()

    @on(DataTable.RowSelected, "#state-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def _show_value(self) -> None:
        view = self.query_one("#state-value-view", Static)
        entry = self.selected_entry()
        if entry is None:
            self.value_text = ""
            view.update("")
            return
        text, is_json = pretty_value(entry.value)
        self.value_text = text
        if len(text) > 200_000:
            text = text[:200_000] + "\n… (shortened for display)"
        if is_json:
            from rich.syntax import Syntax

            view.update(Syntax(text, "json", theme="ansi_dark", background_color="default", word_wrap=True))
        else:
            view.update(Text(text))

    def schedule_reload(self) -> None:
        """A preview wrote state: read it again soon (bursts of writes are read once)."""
        if self.artifact is None:
            return
        if self._reload_timer is not None:
            return

        def fire() -> None:
            self._reload_timer = None
            if self.artifact is not None:
                self._reload(self.artifact)

        self._reload_timer = self.set_timer(RELOAD_DELAY, fire)

    @work(group="state-load", exclusive=True, exit_on_error=False)
    async def _reload(self, artifact: Artifact) -> None:
        await self.load(artifact)

    # ------------------------------------------------------------------ actions

    def binding_key(self) -> tuple[object, ...]:
        return (self.artifact is not None, self.selected_entry() is not None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete"):
            return self.selected_entry() is not None
        if action in ("add", "refresh"):
            return self.artifact is not None
        return True

    async def _save(self, key: str, value: str, shared: bool) -> str | None:
        """Write one value; returns the error to show (None when it was stored)."""
        if self.artifact is None:
            return "No artifact is selected."
        try:
            await services(self).require_store().state_set(self.artifact.id, key, value, shared=shared)
        except ArtifactsError as exc:
            return str(exc)[:1].upper() + str(exc)[1:]
        return None

    def action_edit(self) -> None:
        entry = self.selected_entry()
        if entry is None or self.artifact is None:
            return

        def done(saved: bool | None) -> None:
            if saved:
                self.notify(f"Saved {entry.key}.", timeout=3, markup=False)

        self.app.push_screen(StateEditDialog(self._save, key=entry.key, value=entry.value, shared=entry.shared), done)

    def action_add(self) -> None:
        if self.artifact is None:
            return
        self.app.push_screen(StateEditDialog(self._save, new=True))

    def action_delete(self) -> None:
        entry = self.selected_entry()
        artifact = self.artifact
        if entry is None or artifact is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self._delete(artifact.id, entry)

        self.app.push_screen(
            ConfirmDialog(
                f"Delete {entry.key} ({entry.scope})?", one_line(entry.value, 200), confirm="Delete", danger=True
            ),
            done,
        )

    @work(exit_on_error=False)
    async def _delete(self, artifact_id: str, entry: StateEntry) -> None:
        try:
            await services(self).require_store().state_delete(artifact_id, entry.key, shared=entry.shared)
        except ArtifactsError as exc:
            self.notify(str(exc), severity="error", markup=False)

    def action_refresh(self) -> None:
        if self.artifact is not None:
            self._reload(self.artifact)
