"""The state inspector: edit under the storage rules (an invalid value is refused with the
reason, and nothing changes), add, delete, and live updates when an open preview writes."""

from __future__ import annotations

import json

from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.state_edit import StateEditDialog

from ..app_builder import build_app
from ..helpers import ready, wait_until


async def open_state(pilot, artifact_id: str):
    app = pilot.app
    app.main_screen.library.select(artifact_id)
    await pilot.press("enter")
    inspector = app.main_screen.inspector
    await wait_until(pilot, lambda: inspector.artifact is not None and inspector.artifact.id == artifact_id)
    await pilot.press("s")
    await wait_until(
        pilot,
        lambda: inspector.state.artifact is not None and inspector.state.artifact.id == artifact_id,
        what="the state tab loaded",
    )
    return inspector.state


async def test_edit_a_value_stores_compact_json(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        artifact_id = seeded["Habit tracker"]
        state = await open_state(pilot, artifact_id)
        assert app.focused is state.table
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, StateEditDialog))
        dialog = app.screen
        editor = dialog.query_one("#state-value")
        assert editor.text == json.dumps({"Read": [1, 1, 0], "Walk": [0, 1, 1]}, indent=2)
        editor.load_text('{\n  "Read": [1, 1, 1]\n}')
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, StateEditDialog))
        entry = await app.workspace.store.state_get(artifact_id, "habits")
        assert entry.value == '{"Read":[1,1,1]}'  # as JSON.stringify writes it
        await wait_until(pilot, lambda: '"Read": [\n' in state.value_text and "Walk" not in state.value_text)


async def test_an_invalid_value_is_refused_with_the_reason(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        artifact_id = seeded["Habit tracker"]
        await open_state(pilot, artifact_id)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, StateEditDialog))
        app.screen.query_one("#state-value").load_text('{"Read": [1, 1, 1]')  # broken JSON
        await pilot.press("ctrl+s")
        error = str(app.screen.query_one("#state-error").render())
        assert isinstance(app.screen, StateEditDialog)  # still open
        assert "no longer parses" in error and "line 1" in error
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, StateEditDialog))
        entry = await app.workspace.store.state_get(artifact_id, "habits")
        assert entry.value == '{"Read":[1,1,0],"Walk":[0,1,1]}'  # unchanged


async def test_add_checks_the_key_rules_then_stores(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        artifact_id = seeded["Habit tracker"]
        state = await open_state(pilot, artifact_id)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, StateEditDialog))
        dialog = app.screen
        dialog.query_one("#state-key").value = "my key"
        dialog.query_one("#state-value").load_text("plain text")
        await pilot.press("ctrl+s")
        assert "may not contain whitespace" in str(dialog.query_one("#state-error").render())
        dialog.query_one("#state-key").value = "streak"
        dialog.query_one("#state-shared").value = True
        dialog.query_one("#state-value").load_text("[1, 2,  3]")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, StateEditDialog))
        entry = await app.workspace.store.state_get(artifact_id, "streak", shared=True)
        assert entry is not None and entry.value == "[1,2,3]"
        await wait_until(pilot, lambda: ("shared", "streak") in {(e.scope, e.key) for e in state.entries})


async def test_delete_asks_then_removes(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        artifact_id = seeded["Habit tracker"]
        state = await open_state(pilot, artifact_id)
        await pilot.press("down")  # the shared "theme"
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("enter")
        await wait_until(pilot, lambda: [e.key for e in state.entries] == ["habits"])
        assert await app.workspace.store.state_get(artifact_id, "theme", shared=True) is None


async def test_writes_from_an_open_preview_show_at_once(seeded) -> None:
    """A preview writes through the bridge (as window.storage.set does); the tab follows."""
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        artifact_id = seeded["Habit tracker"]
        state = await open_state(pilot, artifact_id)
        loads = state.loads
        for n in range(5):  # a burst of writes is read once or twice, not five times
            await app.workspace.bridge.call(
                artifact_id, "storage.set", {"key": "clicks", "value": str(n)}, view="preview-1"
            )
        await wait_until(
            pilot,
            lambda: any(e.key == "clicks" and e.value == "4" for e in state.entries),
            what="the preview's write in the state tab",
        )
        assert state.loads - loads <= 2
