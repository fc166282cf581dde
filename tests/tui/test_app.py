"""The app as a whole: layouts by terminal width, help, themes kept in
config.toml, the user's keymap, live-data grants, and how it starts (no model client yet)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap

from artifacts_runtime.config import load_config
from tui import bindings as keys
from tui.dialogs.grant import GrantBar, GrantDialog
from tui.screens.help import HelpScreen
from tui.screens.main import layout_for

from .app_builder import build_app
from .helpers import notifications, ready, wait_until


def shown(app) -> dict[str, bool]:
    screen = app.main_screen
    return {name: screen.pane(name).display for name in ("library", "chat", "inspector")}


async def test_wide_shows_three_panes_and_narrow_one_view_at_a_time(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        assert shown(app) == {"library": True, "chat": True, "inspector": True}
        await pilot.resize_terminal(100, 30)
        await wait_until(pilot, lambda: app.main_screen.layout_mode == "medium")
        assert shown(app) == {"library": True, "chat": True, "inspector": False}
        await pilot.press("f4")
        assert shown(app) == {"library": True, "chat": False, "inspector": True}
        await pilot.resize_terminal(80, 24)
        await wait_until(pilot, lambda: app.main_screen.layout_mode == "narrow")
        assert shown(app) == {"library": False, "chat": False, "inspector": True}
        await pilot.press("f3")
        assert shown(app) == {"library": False, "chat": True, "inspector": False}
        assert app.focused is app.main_screen.chat.prompt
    assert [layout_for(w) for w in (80, 95, 96, 119, 120, 200)] == [
        "narrow",
        "narrow",
        "medium",
        "medium",
        "wide",
        "wide",
    ]


async def test_help_lists_the_keys_of_every_pane(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert len(app.screen.query(".help-group")) == len(keys.GROUPS)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_the_chosen_theme_is_kept_in_config(seeded, paths) -> None:
    paths.config_file.write_text('# mine\n[model]\nname = "claude-x"\n', encoding="utf-8")
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.theme = "nord"
        await wait_until(pilot, lambda: "nord" in paths.config_file.read_text())
    text = paths.config_file.read_text()
    assert text.startswith('# mine\n[model]\nname = "claude-x"\n')  # the rest is kept
    assert load_config(paths).theme == "nord"
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.theme == "nord"


async def test_a_keymap_in_config_changes_keys(seeded, paths) -> None:
    paths.config_file.write_text('[ui.keymap]\n"library.trash" = "x"\n"nope.nothing" = "y"\n', encoding="utf-8")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert any("no binding 'nope.nothing'" in n for n in notifications(app))
        app.main_screen.library.select(seeded["Logo"])
        await pilot.press("x")
        library = app.main_screen.library
        await wait_until(pilot, lambda: "Logo" not in [r.title for r in library.table.rows_data])


async def test_an_artifact_asking_for_live_data_waits_for_an_answer(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        artifact_id = seeded["Budget chart"]
        fetcher = app.workspace.bridge.fetcher
        asking = asyncio.ensure_future(fetcher.authorize(artifact_id, "https://data.example.com"))
        await wait_until(pilot, lambda: app.main_screen.query(GrantBar))  # waits; takes no focus
        assert not isinstance(app.screen, GrantDialog)
        await pilot.press("ctrl+g")  # the deliberate key opens it …
        await wait_until(pilot, lambda: isinstance(app.screen, GrantDialog))
        assert "Budget chart" in str(app.screen.query_one(".dialog-title").render())
        await wait_until(pilot, lambda: app.screen.armed)
        await pilot.press("left", "enter")  # … and a button answers: "Always for this artifact"
        assert await asking is True
        assert await app.workspace.store.grant_for(artifact_id, "https://data.example.com") == "allow"


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60)


def test_building_the_app_does_not_import_the_model_client(artifacts_home) -> None:
    done = run_python(
        """
        import json, sys
        from tui.app import make_app
        make_app()
        print(json.dumps(sorted({m.partition(".")[0] for m in sys.modules})))
        """
    )
    assert done.returncode == 0, done.stderr
    top = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "textual" in top and "anthropic" not in top and "aiohttp" not in top


def test_the_cli_keeps_its_help_and_prints_it_without_a_terminal(artifacts_home) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "artifacts_runtime.cli.main", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "usage: artifacts" in done.stdout
    # No arguments and no terminal (a pipe): the help, not the app.
    done = subprocess.run(
        [sys.executable, "-m", "artifacts_runtime.cli.main"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0 and "usage: artifacts" in done.stdout
