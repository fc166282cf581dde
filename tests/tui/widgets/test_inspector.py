"""The inspector: code (highlighted; edit -> a new version from the user), versions with a diff
to the previous one, revert; and the way to it from the library."""

from __future__ import annotations

from artifacts_runtime.store import Store
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.unsaved import UnsavedDialog

from ..app_builder import HABIT_V1, HABIT_V2, build_app
from ..helpers import notifications, ready, wait_until


async def open_inspector(pilot, artifact_id: str) -> None:
    app = pilot.app
    app.main_screen.library.select(artifact_id)
    await pilot.press("enter")
    inspector = app.main_screen.inspector
    await wait_until(
        pilot,
        lambda: (
            inspector.artifact is not None
            and inspector.artifact.id == artifact_id
            and inspector.code.version is not None
            and inspector.code.version.artifact_id == artifact_id
        ),
        what="the inspector showing the artifact",
    )


async def test_enter_opens_the_inspector_with_highlighted_code(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_inspector(pilot, seeded["Habit tracker"])
        screen = app.main_screen
        assert screen.view == "inspector"
        assert screen.pane("inspector").display and not screen.pane("library").display  # narrow: one view
        editor = screen.inspector.code.editor
        assert editor.text == HABIT_V2
        assert editor.language == "html" and editor.read_only
        assert app.focused is editor
        header = str(screen.inspector.query_one("#inspector-header").render())
        assert "Habit tracker" in header and "v2" in header and seeded["Habit tracker"] in header


async def test_every_pane_is_reachable_by_a_key(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.main_screen
        await pilot.press("f3")
        assert screen.view == "chat" and app.focused is screen.chat.prompt
        await pilot.press("f4")
        assert screen.view == "inspector"
        await pilot.press("f2")
        assert screen.view == "library" and app.focused is screen.library.table
        await pilot.press("slash")
        assert app.focused is screen.library.search_input


async def test_tabs_show_versions_and_state(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_inspector(pilot, seeded["Habit tracker"])
        inspector = app.main_screen.inspector
        await pilot.press("v")
        await wait_until(pilot, lambda: [v.number for v in inspector.versions.versions] == [2, 1])
        await wait_until(pilot, lambda: "v2" in str(inspector.versions.query_one("#versions-title").render()))
        diff = str(inspector.versions.query_one("#versions-diff").render())
        assert '+    const habits = ["Read", "Walk", "Stretch"];' in diff
        assert '-    const habits = ["Read", "Walk"];' in diff
        await pilot.press("s")
        await wait_until(pilot, lambda: [e.key for e in inspector.state.entries] == ["habits", "theme"])
        assert [e.scope for e in inspector.state.entries] == ["personal", "shared"]
        assert '"Read": [\n' in inspector.state.value_text  # pretty-printed JSON
        await pilot.press("c")
        assert inspector.tab == "code"


async def test_edit_saves_a_new_user_version_then_revert(seeded, paths) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        artifact_id = seeded["Habit tracker"]
        await open_inspector(pilot, artifact_id)
        code = app.main_screen.inspector.code
        await pilot.press("e")
        assert code.editing and not code.editor.read_only
        code.editor.move_cursor((0, 0))
        code.editor.insert("<!-- mine -->")
        await pilot.press("enter", "ctrl+s")
        await wait_until(pilot, lambda: not code.editing and code.version.number == 3)
        assert any("Saved as version 3" in n for n in notifications(app))
        assert code.editor.read_only

        store = app.workspace.store
        v3 = await store.version(artifact_id, 3)
        assert v3.source == "user" and v3.content == "<!-- mine -->\n" + HABIT_V2

        # The versions tab shows it, with its diff; revert to v1 makes v4 equal to v1.
        inspector = app.main_screen.inspector
        await pilot.press("v")
        await wait_until(pilot, lambda: [v.number for v in inspector.versions.versions] == [3, 2, 1])
        await wait_until(
            pilot, lambda: "+<!-- mine -->" in str(inspector.versions.query_one("#versions-diff").render())
        )
        await pilot.press("down", "down")  # v1
        await wait_until(pilot, lambda: inspector.versions.selected_number() == 1)
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("enter")
        await wait_until(pilot, lambda: [v.number for v in inspector.versions.versions][:1] == [4])
        await wait_until(pilot, lambda: code.version is not None and code.version.number == 4)
        assert code.editor.text == HABIT_V1

    async with await Store.open(paths.library) as store:
        v4 = await store.version(artifact_id, 4)
        assert v4.source == "revert" and v4.content == HABIT_V1
        assert (await store.get(artifact_id)).current_version == 4


async def test_escape_with_unsaved_changes_asks_and_loses_nothing(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_inspector(pilot, seeded["Fizzbuzz"])
        code = app.main_screen.inspector.code
        store = app.workspace.store
        assert code.editor.language == "python"
        await pilot.press("e", "x", "y")
        assert code.editor.text.startswith("xy")

        # Esc asks; Esc again keeps editing, with the edit intact.
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, UnsavedDialog))
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, UnsavedDialog))
        assert code.editing and code.editor.text.startswith("xy") and code.editor.has_focus
        await pilot.press("z")
        assert code.editor.text.startswith("xyz")

        # d discards.
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, UnsavedDialog))
        await pilot.press("d")
        await wait_until(pilot, lambda: not code.editing)
        assert not code.editor.text.startswith("xy")
        assert (await store.get(seeded["Fizzbuzz"])).current_version == 1

        # s saves as a new version.
        await pilot.press("e", "q")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, UnsavedDialog))
        await pilot.press("s")
        await wait_until(pilot, lambda: not code.editing and code.version.number == 2)
        assert (await store.version(seeded["Fizzbuzz"], 2)).content.startswith("q")


async def test_escape_without_changes_leaves_the_edit_at_once(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_inspector(pilot, seeded["Fizzbuzz"])
        code = app.main_screen.inspector.code
        await pilot.press("e")
        await pilot.press("escape")
        assert not code.editing and not isinstance(app.screen, UnsavedDialog)


async def test_an_update_from_elsewhere_shows_at_once(seeded) -> None:
    """A new version (from the chat, a revert in the CLI's process…) reaches the open inspector."""
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        artifact_id = seeded["Meeting notes"]
        await open_inspector(pilot, artifact_id)
        await app.workspace.store.add_version(artifact_id, "# Meeting notes\n\n- done\n", source="model")
        code = app.main_screen.inspector.code
        await wait_until(pilot, lambda: code.editor.text == "# Meeting notes\n\n- done\n")
        assert code.version.number == 2


async def test_keys_typed_right_after_e_go_into_the_edit(seeded) -> None:
    """``e x y`` typed at once: the edit starts before x arrives, so nothing typed is lost."""
    from textual import events

    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_inspector(pilot, seeded["Fizzbuzz"])
        code = app.main_screen.inspector.code
        code.editor.focus()
        await pilot.pause()
        for key, character in (("e", "e"), ("x", "x"), ("y", "y")):
            app.post_message(events.Key(key, character))
        await wait_until(pilot, lambda: code.editing and code.editor.text.startswith("xy"))


async def test_keys_typed_right_after_enter_in_the_library_reach_the_inspector(seeded) -> None:
    """``Enter e x y`` typed at once: inspect, edit, and the two letters in the code."""
    from textual import events

    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        library = app.main_screen.library
        library.select(seeded["Fizzbuzz"])
        library.table.focus()
        await pilot.pause()
        for key, character in (("enter", "\r"), ("e", "e"), ("x", "x"), ("y", "y")):
            app.post_message(events.Key(key, character))
        code = app.main_screen.inspector.code
        await wait_until(pilot, lambda: code.editing and code.editor.text.startswith("xy"))


async def test_esc_d_typed_at_once_discards_instead_of_typing_d(seeded) -> None:
    """The question after Esc takes the key typed right behind it: "d" discards, never lands
    in the code."""
    from textual import events

    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_inspector(pilot, seeded["Fizzbuzz"])
        code = app.main_screen.inspector.code
        code.editor.focus()
        await pilot.press("e", "x")
        assert code.editor.text.startswith("x")
        for key, character in (("escape", None), ("d", "d")):
            app.post_message(events.Key(key, character))
        await wait_until(pilot, lambda: not code.editing)
        assert not code.editor.text.startswith(("x", "dx", "xd"))
        assert (await app.workspace.store.get(seeded["Fizzbuzz"])).current_version == 1


async def test_at_40_columns_a_diff_wraps_instead_of_cutting_the_change_off(paths) -> None:
    """The inspector is ~38 columns wide at 120: a change at the end of a long line is on screen,
    and the header is not repeated in the code tab's mode line."""
    from textual.geometry import Region

    store = await Store.open(paths.library)
    line = "const message = 'a sentence long enough to pass the pane, twice over: ' + '{}';\n"
    made = await store.create(line.format("the old ending"), title="Long lines", type="application/vnd.ant.react")
    await store.add_version(made.id, line.format("THE NEW ENDING"), source="user")
    await store.close()
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_inspector(pilot, made.id)
        inspector = app.main_screen.inspector
        assert inspector.size.width <= 40
        mode = str(inspector.code.query_one("#code-mode").render())
        assert "react" not in mode.lower() and "e edits" in mode  # the header says the type and size
        await pilot.press("v")
        body = inspector.versions.query_one("#versions-diff")
        await wait_until(pilot, lambda: "THE NEW ENDING" in str(body.render()))
        await pilot.pause()
        strips = body.render_lines(Region(0, 0, body.size.width, body.size.height))
        seen = "".join(strip.text for strip in strips).replace(" ", "")
        assert "THENEWENDING" in seen and "theoldending" in seen
