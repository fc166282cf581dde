"""The library pane: search as you type, filters, sort, tabs, rename, pin, trash with undo,
restore, delete for good — checked on the store and on the messages the pane posts."""

from __future__ import annotations

from typing import Any

from textual.coordinate import Coordinate
from textual.widgets.data_table import ColumnKey

from artifacts_runtime import kinds
from artifacts_runtime.store import Store
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.text_prompt import TextPrompt
from tui.messages import ArtifactSelected, LibraryUpdated

from ..app_builder import build_app
from ..helpers import notifications, ready, wait_until


def titles(app: Any) -> list[str]:
    return [row.title for row in app.main_screen.library.table.rows_data]


class Recorder:
    """Collects messages of some classes posted on the main screen."""

    def __init__(self, app: Any, *classes: type) -> None:
        self.seen: list[Any] = []
        screen = app.main_screen
        original = screen.post_message

        def post(message: Any) -> bool:
            if isinstance(message, classes):
                self.seen.append(message)
            return original(message)

        screen.post_message = post  # type: ignore[method-assign]


async def test_the_library_lists_pinned_first_then_newest(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert titles(app) == [
            "Habit tracker",
            "Budget chart",
            "Regex tester",
            "Meeting notes",
            "Release flow",
            "Fizzbuzz",
            "Logo",
        ]
        library = app.main_screen.library
        assert library.query_one("#library-count").render().plain.strip() == "7"


async def test_search_as_you_type_updates_the_list_and_posts_a_message(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        updates: list[LibraryUpdated] = []
        original = app.main_screen.library.post_message

        def spy(message: Any) -> bool:
            if isinstance(message, LibraryUpdated):
                updates.append(message)
            return original(message)

        app.main_screen.library.post_message = spy  # type: ignore[method-assign]
        await pilot.press("slash")
        assert app.focused is app.main_screen.library.search_input
        await pilot.press(*"budget")
        await wait_until(pilot, lambda: updates and updates[-1].query == "budget", what="search results")
        assert titles(app)[0] == "Meeting notes" or "Budget chart" in titles(app)
        assert set(titles(app)) == {"Budget chart", "Meeting notes"}  # title and content matches
        assert titles(app)[0] == "Budget chart"  # a title match ranks first
        row = app.main_screen.library.table.rows_data[1]
        assert "budget" in row.snippet.lower()  # content hits show where they matched
        app.main_screen.library.search_input.value = "budget review"
        await wait_until(pilot, lambda: updates[-1].query == "budget review")
        assert titles(app) == ["Meeting notes"]
        await pilot.press("escape")  # clears the search
        await wait_until(pilot, lambda: updates[-1].query == "")
        assert len(titles(app)) == 7


async def test_search_with_no_match_says_so(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"zzzqqq")
        library = app.main_screen.library
        await wait_until(pilot, lambda: library.last_query == "zzzqqq")
        assert titles(app) == []
        assert str(library.query_one("#library-count").render()).strip() == "no match"
        assert "Esc clears" in str(library.query_one("#library-filters").render())


async def test_filter_by_type_and_sort(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library = app.main_screen.library
        await pilot.press("t")  # all -> html
        await wait_until(pilot, lambda: titles(app) == ["Habit tracker", "Regex tester"])
        assert library.type_filter == kinds.HTML
        await pilot.press("t")  # -> react
        await wait_until(pilot, lambda: titles(app) == ["Budget chart"])
        library.set_type_filter(None)
        await pilot.press("s")  # updated -> created
        await wait_until(pilot, lambda: library.sort == "created" and library.loaded)
        await pilot.press("s")  # -> title (pinned still first)
        await wait_until(
            pilot,
            lambda: (
                titles(app)
                == [
                    "Habit tracker",
                    "Budget chart",
                    "Fizzbuzz",
                    "Logo",
                    "Meeting notes",
                    "Regex tester",
                    "Release flow",
                ]
            ),
        )


async def test_moving_the_cursor_selects_the_artifact_for_the_inspector(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        seen = Recorder(app, ArtifactSelected)
        await pilot.press("down")
        await wait_until(pilot, lambda: app.main_screen.inspector.artifact_id == seeded["Budget chart"])
        assert seen.seen[-1].artifact_id == seeded["Budget chart"] and not seen.seen[-1].focus
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.main_screen.view == "inspector")
        assert app.services.current_artifact_id == seeded["Budget chart"]


async def test_rename_pin_trash_undo_restore_purge(seeded, paths) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library = app.main_screen.library
        await pilot.press("down")  # Budget chart
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, TextPrompt))
        app.screen.query_one("#prompt-input").value = "Monthly budget"
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Monthly budget" in titles(app))

        await pilot.press("p")  # pin it
        await wait_until(
            pilot,
            lambda: (
                titles(app)[:2] == ["Monthly budget", "Habit tracker"]
                or titles(app)[:2] == ["Habit tracker", "Monthly budget"]
            ),
        )
        assert library.current_row().pinned

        library.select(seeded["Regex tester"])
        await pilot.press("d")
        await wait_until(pilot, lambda: "Regex tester" not in titles(app))
        assert any("Press u to undo" in n for n in notifications(app))
        await pilot.press("u")
        await wait_until(pilot, lambda: "Regex tester" in titles(app))

        library.select(seeded["Logo"])
        await pilot.press("delete")
        await wait_until(pilot, lambda: "Logo" not in titles(app))
        await pilot.press("right_square_bracket", "right_square_bracket")  # Library -> Catalog? -> Trash
        await wait_until(pilot, lambda: library.tab == "trash" and titles(app) == ["Logo"])
        await pilot.press("u")  # restore
        await wait_until(pilot, lambda: titles(app) == [])
        await pilot.press("left_square_bracket")
        if library.tab != "library":  # there may be a Catalog tab in between
            await pilot.press("left_square_bracket")
        await wait_until(pilot, lambda: library.tab == "library" and "Logo" in titles(app))

        library.select(seeded["Fizzbuzz"])
        await pilot.press("d")
        library.tab = "trash"
        await wait_until(pilot, lambda: titles(app) == ["Fizzbuzz"])
        await pilot.press("D")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("enter")
        await wait_until(pilot, lambda: titles(app) == [])

    store = await Store.open(paths.library)
    try:
        renamed = await store.get(seeded["Budget chart"])
        assert renamed.title == "Monthly budget" and renamed.pinned
        assert not (await store.get(seeded["Regex tester"])).trashed
        assert not (await store.get(seeded["Logo"])).trashed
        assert [a.title for a in await store.list(trashed=True)] == []
        assert "Fizzbuzz" not in [a.title for a in await store.list(limit=None)]
    finally:
        await store.close()


async def test_the_library_follows_changes_made_elsewhere(seeded, paths) -> None:
    """An artifact created through the same workspace (the chat, the CLI's import in-process)
    appears at once: the store's events reach the pane."""
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await app.workspace.store.create("# Groceries\n\n- milk\n", title="Groceries")
        await wait_until(pilot, lambda: titles(app)[1] == "Groceries", what="the new artifact listed")


async def test_an_empty_library_explains_what_to_do(paths) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        empty = str(app.main_screen.library.query_one("#library-empty").render())
        assert "Your library is empty" in empty and "F3" in empty


async def test_an_import_by_another_process_appears_within_a_second(seeded, paths) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library = app.main_screen.library
        async with await Store.open(paths.library) as other:  # the CLI in another shell
            imported = await other.create(
                "# Notes\n", title="Imported elsewhere", type="text/markdown", source="import"
            )
        await wait_until(pilot, lambda: any(r.key == imported.id for r in library.table.rows_data), timeout=3)


async def test_titles_get_the_room_and_columns_size_to_their_content(paths) -> None:
    """At 120 columns the library pane is ~36 wide: a 19-character title is shown whole (it was
    cut to 12 plus an ellipsis), Type is as wide as "react", and the catalog has no empty Age."""
    from artifacts_runtime.store import Store
    from tui.widgets.artifact_table import Widths, column_widths

    store = await Store.open(paths.library)
    await store.create("<p>x</p>", title="Live Data Dashboard", type="react")
    await store.close()
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library = app.main_screen.library
        await wait_until(pilot, lambda: library.table.rows_data)
        table = library.table
        cell = table.get_cell_at(Coordinate(0, 0))
        assert cell.plain == "Live Data Dashboard"
        assert [c.label.plain for c in table.columns.values()] == ["Title", "Type", "Age"]
        assert table.columns[ColumnKey("type")].width == len("react")

        await wait_until(pilot, lambda: library.has_catalog)
        library.tab = "catalog"
        await wait_until(pilot, lambda: library.tab == "catalog" and not library.table.holding)
        assert [c.label.plain for c in table.columns.values()] == ["Title", "Type"]

    # The arithmetic: the title gets what the others leave, never less than 8.
    assert column_widths(36, ["react", "html"], ["now", "12m"]) == Widths(36 - 5 - 3 - 6, 5, 3)
    assert column_widths(36, ["mermaid"], []).when == 0
    assert column_widths(10, ["react"], ["2d"]).title == 8
