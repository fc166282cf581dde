"""The command palette: every action, contributed by the screen and the pane that owns it;
artifacts found by title; a title is shown as text."""

from __future__ import annotations

from textual.command import CommandPalette

from tui.commands import gather

from .app_builder import build_app
from .helpers import ready, wait_until


async def test_the_palette_has_every_action_and_finds_artifacts(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.services.current_artifact_id = seeded["Habit tracker"]
        names = {c.name for c in gather(app.screen)}
        for expected in (
            "View: Library",
            "View: Chat",
            "View: Inspector",
            "Library: Search",
            "Library: Show react",
            "Library: Sort by title",
            "Library: Show the trash",
            "Artifact: Open preview",
            "Artifact: Rename…",
            "Artifact: Move to the trash",
            "Artifact: Edit code",
            "Artifact: Versions and diffs",
            "Artifact: State",
            "Artifact: Add a state key…",
            "Chat: New conversation",
            "Chat: Conversations…",
            "Chat: Attach a file…",
            "Help: Keys",
        ):
            assert expected in names, expected
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"regex")
        palette = app.screen

        def found() -> list[str]:
            return [str(o.prompt) for o in palette.query_one("CommandList").options]

        await wait_until(pilot, lambda: any("Open: Regex tester" in p for p in found()), what="the artifact hit")
        await pilot.press("escape")

        # A palette command runs the action.
        command = next(c for c in gather(app.screen) if c.name == "Library: Show react")
        command.callback()
        library = app.main_screen.library
        await wait_until(pilot, lambda: [r.title for r in library.table.rows_data] == ["Budget chart"])


async def test_commands_follow_what_applies_now(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.services.current_artifact_id = None
        names = {c.name for c in gather(app.screen)}
        assert "Artifact: Rename…" not in names and "Artifact: Edit code" not in names
        assert "Library: Undo move to trash" not in names and "Chat: Cancel the reply" not in names
        assert "Library: Show the catalog" in names  # this installation ships a catalog
        app.services.current_artifact_id = seeded["Logo"]
        trash = next(c for c in gather(app.screen) if c.name == "Artifact: Move to the trash")
        trash.callback()
        library = app.main_screen.library
        await wait_until(pilot, lambda: "Logo" not in [r.title for r in library.table.rows_data])
        assert "Library: Undo move to trash" in {c.name for c in gather(app.screen)}
        # Edit code from the palette: the inspector shows, in edit mode.
        app.services.current_artifact_id = seeded["Fizzbuzz"]
        library.select(seeded["Fizzbuzz"])
        await pilot.press("enter")
        code = app.main_screen.inspector.code
        await wait_until(pilot, lambda: code.artifact is not None and code.artifact.id == seeded["Fizzbuzz"])
        next(c for c in gather(app.screen) if c.name == "Artifact: Edit code").callback()
        await wait_until(pilot, lambda: code.editing)
        assert app.main_screen.view == "inspector" and app.focused is code.editor
