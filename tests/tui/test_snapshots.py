"""SVG snapshots of the main screens at 80x24 (SSH, a small window), 100x32 (the medium layout)
and 120x40 (a large one); the command palette; every dialog.

Deterministic: fixed titles, ids, times and clock (``app_builder``), no server port on screen,
cursors not blinking. After a deliberate change of the look, review the new pictures and run
``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot

from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.conversations import ConversationsDialog
from tui.dialogs.grant import GrantDialog
from tui.dialogs.preview_url import PreviewUrlDialog
from tui.dialogs.state_edit import StateEditDialog
from tui.dialogs.text_prompt import TextPrompt
from tui.dialogs.unsaved import UnsavedDialog

from .app_builder import build_app, seed_library_sync
from .helpers import no_blink, ready, wait_until

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def snapshot(
    snap_compare: Any, paths: Any, size: tuple[int, int], steps: Any = None, *, conversation: bool = False
) -> bool:
    ids = seed_library_sync(paths, conversation=conversation)
    app = build_app()

    async def run_before(pilot: Pilot) -> None:
        await ready(pilot)
        if steps is not None:
            await steps(pilot, ids)
        await pilot.pause()
        no_blink(pilot)
        await pilot.pause()

    return snap_compare(app, terminal_size=size, run_before=run_before)


async def _inspect(pilot: Pilot, ids: dict[str, str], tab: str = "code") -> None:
    app: Any = pilot.app
    app.main_screen.library.select(ids["Habit tracker"])
    await pilot.press("enter")
    inspector = app.main_screen.inspector
    await wait_until(pilot, lambda: inspector.code.version is not None)
    if tab != "code":
        await pilot.press(tab[0])
        view = inspector.versions if tab == "versions" else inspector.state
        await wait_until(pilot, lambda: view.artifact is not None)
        if tab == "versions":
            await wait_until(pilot, lambda: "v2" in str(view.query_one("#versions-title").render()))
        else:
            table = view.table
            await wait_until(pilot, lambda: table.row_count == len(view.entries) > 0, what="the state rows")


@pytest.mark.parametrize("size", SIZES)
def test_library(snap_compare, paths, size) -> None:
    """Start-up: the library (pinned first, then newest); wide: all three panes."""
    assert snapshot(snap_compare, paths, size)


@pytest.mark.parametrize("size", SIZES)
def test_inspector_code(snap_compare, paths, size) -> None:
    """Enter on an artifact: its code, highlighted, with the version line."""
    assert snapshot(snap_compare, paths, size, _inspect)


@pytest.mark.parametrize("size", SIZES)
def test_inspector_versions(snap_compare, paths, size) -> None:
    """The versions tab: v2 (yours) and v1 (Claude's), the diff between them."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        await _inspect(pilot, ids, "versions")

    assert snapshot(snap_compare, paths, size, steps)


@pytest.mark.parametrize("size", SIZES)
def test_inspector_state(snap_compare, paths, size) -> None:
    """The state tab: a personal and a shared key, the selected value pretty-printed."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        await _inspect(pilot, ids, "state")

    assert snapshot(snap_compare, paths, size, steps)


@pytest.mark.parametrize("size", SIZES)
def test_chat_conversation(snap_compare, paths, size) -> None:
    """A stored conversation: your message, Claude's Markdown reply, the artifact it made."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        app: Any = pilot.app
        await app.main_screen.chat.load_conversation(ids["conversation"])
        await pilot.press("f3")
        await wait_until(pilot, lambda: app.main_screen.chat.log_view.children)

    assert snapshot(snap_compare, paths, size, steps, conversation=True)


def test_search(snap_compare, paths) -> None:
    """Searching: title and content hits, the match shown in the content snippet."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        app: Any = pilot.app
        library = app.main_screen.library
        await pilot.press("slash", *"habit")
        await wait_until(pilot, lambda: library.last_query == "habit")

    assert snapshot(snap_compare, paths, (80, 24), steps)


def test_help(snap_compare, paths) -> None:
    """F1: the keys of every pane."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        await pilot.press("f1")

    assert snapshot(snap_compare, paths, (80, 24), steps)


def test_preview_url(snap_compare, paths) -> None:
    """No window can be shown (over SSH): the URL and the ssh -L line."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        await pilot.app.push_screen(
            PreviewUrlDialog(
                "Habit tracker",
                "no display: this session has no DISPLAY or WAYLAND_DISPLAY",
                f"http://127.0.0.1:8123/view/{ids['Habit tracker']}#token=k7Qx2-example-token",
                "ssh -N -L 8123:127.0.0.1:8123 ada@workstation",
            )
        )

    assert snapshot(snap_compare, paths, (80, 24), steps)


MEDIUM = (100, 32)


def test_medium_layout(snap_compare, paths) -> None:
    """96-119 columns: the library and one of chat / inspector (here the chat)."""
    assert snapshot(snap_compare, paths, MEDIUM)


def test_medium_layout_inspector(snap_compare, paths) -> None:
    """The medium layout with the inspector as the second pane (F4)."""
    assert snapshot(snap_compare, paths, MEDIUM, _inspect)


def test_palette(snap_compare, paths) -> None:
    """Ctrl+P: every action by name (an artifact selected, so its commands are listed too)."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        await _inspect(pilot, ids)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
        palette = pilot.app.screen
        # Textual marks the palette "-ready" once every provider has answered.
        await wait_until(pilot, lambda: palette.has_class("-ready"), what="the commands")
        assert palette.query_one("CommandList").option_count > 10

    assert snapshot(snap_compare, paths, (120, 40), steps)


def test_palette_finds_an_artifact(snap_compare, paths) -> None:
    """Typing in the palette: commands and artifacts ("Open: …") that match."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
        palette = pilot.app.screen
        await pilot.press(*"regex")

        def found() -> list[str]:
            return [str(o.prompt) for o in palette.query_one("CommandList").options]

        await wait_until(pilot, lambda: any("Open: Regex tester" in p for p in found()), what="the artifact hit")

    assert snapshot(snap_compare, paths, (80, 24), steps)


def test_confirm_dialog(snap_compare, paths) -> None:
    """D in the trash: delete for good asks first."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        await pilot.app.push_screen(
            ConfirmDialog(
                "Delete “Logo” for good?",
                "Its versions, state and files go with it. This cannot be undone.",
                confirm="Delete forever",
                danger=True,
            )
        )

    assert snapshot(snap_compare, paths, (80, 24), steps)


def test_text_prompt(snap_compare, paths) -> None:
    """r: rename, with the validator's error shown under the field."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, TextPrompt))
        pilot.app.screen.query_one("#prompt-input").value = ""
        await pilot.press("enter")

    assert snapshot(snap_compare, paths, (80, 24), steps)


def test_conversations_dialog(snap_compare, paths) -> None:
    """Ctrl+R: the conversations, the current one marked."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ConversationsDialog))

    assert snapshot(snap_compare, paths, (80, 24), steps, conversation=True)


def test_state_edit_dialog(snap_compare, paths) -> None:
    """e on a state key: the value pretty-printed, Ctrl+S saves it compact."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        await _inspect(pilot, ids, "state")
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, StateEditDialog))

    assert snapshot(snap_compare, paths, (80, 24), steps)


def test_state_add_dialog(snap_compare, paths) -> None:
    """a on the state tab: a new key (personal or shared) and its value."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        await _inspect(pilot, ids, "state")
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, StateEditDialog))

    assert snapshot(snap_compare, paths, (80, 24), steps)


def test_grant_dialog(snap_compare, paths) -> None:
    """An artifact's fetch() to a new origin: once, always or deny."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        await pilot.app.push_screen(GrantDialog("Budget chart", "https://data.example.com"))

    assert snapshot(snap_compare, paths, (80, 24), steps)


def test_unsaved_dialog(snap_compare, paths) -> None:
    """Esc in the code editor with unsaved changes: save, discard or keep editing."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        await pilot.app.push_screen(UnsavedDialog("Habit tracker", 3))

    assert snapshot(snap_compare, paths, (80, 24), steps)


def test_catalog_entry_in_the_inspector(snap_compare, paths) -> None:
    """The inspector follows the catalog's cursor: description wrapped, code read-only, m copies."""

    async def steps(pilot: Pilot, ids: dict[str, str]) -> None:
        library = pilot.app.main_screen.library
        await wait_until(pilot, lambda: library.has_catalog)
        library.tab = "catalog"
        library.table.focus()
        await wait_until(pilot, lambda: not library.table.holding and library.table.rows_data)
        inspector = pilot.app.main_screen.inspector
        await wait_until(pilot, lambda: inspector.entry is not None and inspector.code.editor.text)

    assert snapshot(snap_compare, paths, (120, 40), steps)
