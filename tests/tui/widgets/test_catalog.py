"""The catalog tab: keys typed while it loads are not lost, and a remix asks for the copy's
title (distinct from the entry's by default) before anything is written."""

from __future__ import annotations

from textual import events

from artifacts_runtime import catalog
from tui.dialogs.text_prompt import TextPrompt

from ..app_builder import build_app
from ..helpers import footer_keys, ready, wait_until

#: (key, character) as a terminal sends them.
TYPED = [("right_square_bracket", "]"), ("down", None), ("down", None), ("enter", "\r")]


async def test_keys_typed_while_the_catalog_loads_act_on_it_in_order(seeded) -> None:
    third = catalog.entries()[2]
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library = app.main_screen.library
        await wait_until(pilot, lambda: library.has_catalog)
        library.table.focus()
        await pilot.pause()
        for key, character in TYPED:  # at once, without waiting for the tab to load
            app.post_message(events.Key(key, character))
        prompt = await wait_until(pilot, lambda: app.screen if isinstance(app.screen, TextPrompt) else None)
        assert prompt.value == f"{third.title} (remix)"

        await pilot.press("enter")
        store = app.workspace.store
        await wait_until(pilot, lambda: library.tab == "library")
        artifacts = await store.list(limit=None)
        (copy,) = [a for a in artifacts if a.title == f"{third.title} (remix)"]
        assert copy.remixed_from == third.ref
        inspector = app.main_screen.inspector
        await wait_until(pilot, lambda: inspector.artifact is not None and inspector.artifact.id == copy.id)


async def test_escape_in_the_remix_prompt_copies_nothing(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library = app.main_screen.library
        await wait_until(pilot, lambda: library.has_catalog)
        before = len(await app.workspace.store.list(limit=None))
        library.tab = "catalog"
        library.table.focus()
        await wait_until(pilot, lambda: not library.table.holding and library.table.rows_data)
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, TextPrompt))
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, TextPrompt))
        assert len(await app.workspace.store.list(limit=None)) == before


async def test_the_footer_shows_only_what_acts_in_each_tab(seeded) -> None:
    """No "s Sort" where nothing sorts, no "o Preview" on a catalog entry (no page yet)."""
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library = app.main_screen.library
        await wait_until(pilot, lambda: library.has_catalog)
        library.table.focus()

        def shown() -> set[str]:
            return set(footer_keys(app.screen).values())

        await pilot.pause()
        assert {"Sort", "Preview"} <= shown()
        library.tab = "catalog"
        await wait_until(pilot, lambda: not library.table.holding and library.table.rows_data)
        await pilot.pause()
        assert "Remix" in shown() and "Sort" not in shown() and "Preview" not in shown()
        library.tab = "trash"
        await wait_until(pilot, lambda: not library.table.holding)
        await pilot.pause()
        assert "Sort" not in shown()


async def test_the_inspector_follows_the_catalog_cursor_so_the_code_is_read_before_copying(seeded) -> None:
    entries = catalog.entries()
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library, inspector = app.main_screen.library, app.main_screen.inspector
        await wait_until(pilot, lambda: library.has_catalog)
        library.tab = "catalog"
        library.table.focus()
        await wait_until(pilot, lambda: not library.table.holding and library.table.rows_data)
        await pilot.press("down", "down")
        third = entries[2]
        await wait_until(pilot, lambda: inspector.entry is third and inspector.code.editor.text == third.source())
        header = str(inspector.query_one("#inspector-header").render())
        assert third.title in header and "from the catalog" in header
        assert " ".join(third.description.split()[:6]) in " ".join(header.split())  # wrapped, not cut to a snippet
        assert not inspector.query_one("#inspector-tabs").display  # no versions or state before it is copied
        assert "m to copy it" in str(inspector.query_one("#code-mode").render())
        assert app.services.current_artifact_id is None  # the palette offers no "Artifact: …" for it

        # Read it in the inspector: "e" does not edit a catalog entry (nor hold keys for one), "m" copies.
        await pilot.press("f4")
        await wait_until(pilot, lambda: inspector.has_focus_within)
        await pilot.press("e", "x")
        assert inspector.code.editor.text == third.source() and not inspector.code.editing
        await pilot.press("m")
        prompt = await wait_until(pilot, lambda: app.screen if isinstance(app.screen, TextPrompt) else None)
        assert prompt.value == f"{third.title} (remix)"
        await pilot.press("escape")

        # Back in the library tab, the inspector shows the artifact under the cursor again.
        library.tab = "library"
        library.table.focus()
        await wait_until(pilot, lambda: inspector.artifact is not None and inspector.entry is None)
        assert inspector.query_one("#inspector-tabs").display


async def test_enter_is_in_the_footer_where_it_inspects_and_m_where_it_copies(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library = app.main_screen.library
        await wait_until(pilot, lambda: library.has_catalog)
        library.table.focus()
        await pilot.pause()

        assert footer_keys(app.screen).get("enter") == "Inspect"
        library.tab = "catalog"
        await wait_until(pilot, lambda: not library.table.holding and library.table.rows_data)
        await pilot.pause()
        assert footer_keys(app.screen).get("m") == "Remix" and "enter" not in footer_keys(app.screen)
