"""How the app starts: the library's first page is on the first screen, read while the app is
built and before the store is open; keys typed meanwhile wait for the store; what the first
screen imports; the start-up log; the collector paused while starting.

Times are never asserted here (bench/tui_bench.py measures them against a hello-world)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tui.screens.main import MainScreen, layout_for, library_table_width

from .app_builder import build_app
from .helpers import wait_until

SEEDED_ORDER = ["Habit tracker", "Budget chart", "Regex tester", "Meeting notes", "Release flow", "Fizzbuzz", "Logo"]


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )


def first_screen(app: Any) -> MainScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, MainScreen)
    return screen


async def test_the_first_screen_lists_the_library_before_the_store_opens(seeded) -> None:
    app = build_app()
    store_may_open = asyncio.Event()
    open_store = app._open_store

    async def slow_open() -> bool:
        await store_may_open.wait()
        return await open_store()

    app._open_store = slow_open  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        library = first_screen(app).library
        assert [row.title for row in library.table.rows_data] == SEEDED_ORDER
        assert app.store is None and not library.loaded  # shown, not yet confirmed by the store
        assert app.focused is library.table
        await pilot.press("down", "down")  # held until the store's own page is shown
        assert library.table.cursor_row == 0
        store_may_open.set()
        await app.wait_ready(10)
        await wait_until(pilot, lambda: library.loaded and library.table.cursor_row == 2, what="the held keys")
        assert [row.title for row in library.table.rows_data] == SEEDED_ORDER
        assert all(row.artifact is not None for row in library.table.rows_data)


async def test_an_empty_library_says_so_on_the_first_screen(artifacts_home) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        library = first_screen(app).library
        empty = library.query_one("#library-empty")
        assert empty.display and "Your library is empty" in str(empty.render())
        await app.wait_ready(10)
        assert library.table.rows_data == []


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (100, 30), (96, 30), (119, 40), (160, 45), (250, 60)])
async def test_the_first_page_is_cut_to_the_width_the_layout_gives_the_list(seeded, size) -> None:
    """library_table_width is what the first page is cut to before the first layout; a wrong
    guess redraws the list once more when the layout comes (app.tcss changed: update it)."""
    app = build_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        table = first_screen(app).library.table
        mode = layout_for(size[0])
        if mode == "narrow":  # the list is the first view: shown
            assert first_screen(app).view == "library"
        assert library_table_width(size[0], mode) == table.scrollable_content_region.width


async def test_each_list_shown_is_published_with_its_generation(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_ready(10)
        library = app.main_screen.library
        await wait_until(pilot, lambda: library.loaded)
        shown: list[int] = []
        library.list_shown.subscribe(app, shown.append, immediate=True)
        before = library.generation
        library.search_input.value = "budget"
        assert library.generation == before + 1  # the keystroke asks for a list at once
        await wait_until(pilot, lambda: library.loaded, what="the search's list")
        assert shown == [before + 1]
        assert {row.title for row in library.table.rows_data} == {"Budget chart", "Meeting notes"}


def test_the_first_screen_imports_neither_the_store_nor_the_other_panes(artifacts_home) -> None:
    done = run_python(
        """
        import json, sys
        import tui.app
        print(json.dumps(sorted(sys.modules)))
        """
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    later = {
        "aiosqlite",
        "httpx",
        "artifacts_runtime.store.store",
        "artifacts_runtime.connectors",
        "artifacts_runtime.chat",
        "tui.widgets.chat",
        "tui.widgets.inspector",
        "tui.dialogs.grant",
        "tui.commands",
    }
    assert not loaded & later
    assert "tui.widgets.library" in loaded  # the first screen's pane is


def test_start_up_steps_go_to_the_log_named_by_the_environment(tmp_path: Path) -> None:
    log = tmp_path / "startup.log"
    done = run_python(
        """
        from tui import startup
        startup.mark("a step")
        """,
        ARTIFACTS_STARTUP_LOG=str(log),
    )
    assert done.returncode == 0, done.stderr
    lines = log.read_text().splitlines()
    assert [line.split(None, 2)[2] for line in lines] == ["launcher (interpreter started, tui imported)", "a step"]
    assert all(float(line.split()[0]) >= 0 and float(line.split()[1]) >= 0 for line in lines)
    done = run_python("from tui import startup; startup.mark('x'); print(startup.enabled())", ARTIFACTS_STARTUP_LOG="")
    assert done.stdout.strip() == "False"


def test_the_collector_is_off_while_the_app_starts() -> None:
    done = run_python(
        """
        import gc, json
        from tui import gc_tuning
        gc_tuning.pause_for_startup()
        during = gc.isenabled()
        gc_tuning.startup_done()
        gc_tuning.startup_done()  # once only
        print(json.dumps([during, gc.isenabled(), gc.get_threshold()[2], gc.get_freeze_count() > 0]))
        """
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [False, True, 1000, True]
