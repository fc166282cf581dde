"""A reopened conversation shows what happened, as it was shown live: what was made (title,
type, version, and Enter opens that artifact of the library), what was refused and why."""

from __future__ import annotations

from artifacts_runtime import kinds
from tests.fakes.messages_api import tool_use
from tui.widgets.chat_log import ArtifactChip

from ..app_builder import build_app
from ..helpers import footer_keys, ready, wait_until
from .test_chat import create, send


def chip_text(chip: ArtifactChip) -> str:
    return str(chip.render())


async def test_reopened_chips_show_the_real_outcome_and_open_the_library_artifact(seeded, anthropic_env) -> None:
    anthropic_env.reply(tool_use("artifacts", create()))
    anthropic_env.reply(
        tool_use("artifacts", {"command": "update", "id": "water-tracker", "old_str": "NOT THERE", "new_str": "x"})
    )
    anthropic_env.reply("Made it; the second change did not apply.")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await send(pilot, "Make a water tracker, then tweak it")
        chat = app.main_screen.chat
        await wait_until(pilot, lambda: chat.turns >= 1 and not chat.streaming, timeout=20)
        live = [chip_text(c) for c in chat.log_view.query(ArtifactChip)]
        conversation_id = chat.conversation_id
        made = [c.artifact_id for c in chat.log_view.query(ArtifactChip) if c.artifact_id]

        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: chat.conversation_id is None)
        await chat.load_conversation(conversation_id)
        await wait_until(pilot, lambda: len(chat.log_view.query(ArtifactChip)) == 2)
        created, refused = chat.log_view.query(ArtifactChip)

        assert chip_text(created).startswith("✓ Created Water tracker") and "v1" in chip_text(created)
        assert chip_text(refused).startswith("✗ update failed: old_str was not found")
        assert live[0] == chip_text(created)
        assert created.artifact_id == made[0]  # the library's id, not the model's "water-tracker"
        artifact = await app.workspace.store.get(made[0])
        assert artifact.type == kinds.HTML

        created.focus()
        await pilot.press("enter")
        inspector = app.main_screen.inspector
        await wait_until(pilot, lambda: inspector.artifact is not None and inspector.artifact.id == made[0])


async def test_a_failed_edit_is_one_line_and_enter_shows_what_went_wrong(seeded, anthropic_env) -> None:
    anthropic_env.reply(tool_use("artifacts", create()))
    anthropic_env.reply(
        tool_use("artifacts", {"command": "update", "id": "water-tracker", "old_str": "NOT THERE", "new_str": "x"})
    )
    anthropic_env.reply("The second change did not apply.")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await send(pilot, "Make a water tracker, then tweak it")
        chat = app.main_screen.chat
        await wait_until(pilot, lambda: chat.turns >= 1 and not chat.streaming, timeout=20)
        refused = next(c for c in chat.log_view.query(ArtifactChip) if c.state == "failed")
        collapsed = chip_text(refused)
        assert "\n" not in collapsed and collapsed.endswith("Enter: details")
        assert "Claude was told" not in collapsed

        refused.focus()
        await pilot.pause()
        footer = set(footer_keys(app.screen).values())
        assert "Details" in footer and "Open in the inspector" not in footer  # nothing to open
        await pilot.press("enter")
        assert "(Claude was told and may try again)" in chip_text(refused) and refused.expanded
        assert app.main_screen.inspector.artifact_id != "water-tracker"
        await pilot.press("enter")
        assert chip_text(refused) == collapsed


def test_a_failure_summary_is_its_first_sentence_on_one_line() -> None:
    from tui.widgets.chat_log import failure_summary

    assert failure_summary("update failed: old_str was not found.\nThe artifact has 3 lines.") == (
        "update failed: old_str was not found."
    )
    assert len(failure_summary("x" * 500)) == 80
    assert failure_summary("   ") == "failed"
