"""Keys people expect from the best terminal apps: j/k/g/G and Home/End in the list, Esc one
step back (results -> search box -> list), the cursor kept in place after a trash, PageUp and
PageDown scrolling the conversation from the prompt, and a focused chip saying what Enter does."""

from __future__ import annotations

from textual import events

from tests.fakes.messages_api import tool_use
from tui.widgets.artifact_table import ArtifactTable
from tui.widgets.chat_log import ArtifactChip

from ..app_builder import build_app
from ..helpers import footer_keys, ready, wait_until
from .test_chat import create, send


async def test_j_k_g_G_home_end_move_in_the_list(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        table = app.main_screen.library.table
        table.focus()
        last = len(table.rows_data) - 1
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == last
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("end")
        assert table.cursor_row == last
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_escape_steps_back_from_results_to_the_box_to_the_list(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library = app.main_screen.library
        await pilot.press("slash")
        for ch in "habit":
            await pilot.press(ch)
        await wait_until(pilot, lambda: library.last_query == "habit")
        await pilot.press("enter")  # to the results
        assert isinstance(app.focused, ArtifactTable)
        await pilot.press("escape")  # back to the box, the query kept
        assert app.focused is library.search_input and library.search_input.value == "habit"
        await pilot.press("escape")  # cleared, back to the list
        assert isinstance(app.focused, ArtifactTable) and library.search_input.value == ""


async def test_the_cursor_stays_in_place_after_a_trash(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        table = app.main_screen.library.table
        table.focus()
        await pilot.press("j", "j")
        below = table.rows_data[3].key
        await pilot.press("d")
        await wait_until(pilot, lambda: table.current_key() == below)
        assert table.cursor_row == 2


async def test_pageup_from_the_prompt_scrolls_the_conversation(seeded, anthropic_env) -> None:
    anthropic_env.reply("\n\n".join(f"Paragraph {i} of a long answer." for i in range(80)))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await send(pilot, "Tell me a lot")
        chat = app.main_screen.chat
        await wait_until(pilot, lambda: chat.turns >= 1 and not chat.streaming, timeout=20)
        log = chat.log_view
        await wait_until(pilot, lambda: log.max_scroll_y > 0 and log.scroll_y == log.max_scroll_y)
        assert chat.prompt.has_focus
        bottom = log.scroll_y
        app.post_message(events.Key("pageup", None))
        await wait_until(pilot, lambda: log.scroll_y < bottom)
        app.post_message(events.Key("pagedown", None))
        await wait_until(pilot, lambda: log.scroll_y == bottom)
        assert chat.prompt.has_focus and chat.prompt.text == ""


async def test_a_focused_chip_says_enter_opens_it(seeded, anthropic_env) -> None:
    anthropic_env.reply(tool_use("artifacts", create()))
    anthropic_env.reply("Done.")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await send(pilot, "Make a water tracker")
        chat = app.main_screen.chat
        await wait_until(pilot, lambda: chat.turns >= 1 and not chat.streaming, timeout=20)
        chip = chat.log_view.query(ArtifactChip).first()
        chip.focus()
        await pilot.pause()
        shown = set(footer_keys(app.screen).values())
        assert "Open in the inspector" in shown


async def test_escape_in_the_inspector_at_80_columns_goes_back_to_the_library(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.main_screen
        screen.library.table.focus()
        await pilot.press("enter")  # inspect: at 80 columns the inspector takes the library's place
        await wait_until(pilot, lambda: screen.view == "inspector")
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen.view == "library" and isinstance(app.focused, ArtifactTable))
