"""The README's key table says what the bindings do: every key of every binding in F1 is in the
README's table (as it is written there: `Ctrl+S`, `Esc`, `[`), and F1 lists every binding id
(what ``[ui.keymap]`` in config.toml names)."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console

from tui import bindings as keys
from tui.screens.help import HelpScreen

from .helpers import ready

README = Path(__file__).parents[2] / "README.md"
#: How the README writes a key that display_keys() writes differently.
README_NAMES = {"↑": "Up", "↓": "Down", "Del": "Delete"}
#: Keys the README leaves to the footer on purpose (none today): binding id -> key names.
NOT_IN_README: dict[str, set[str]] = {}


def readme_keys() -> set[str]:
    text = README.read_text()
    section = text.split("## The app, by keyboard", 1)[1].split("\n## ", 1)[0]
    table = "\n".join(line for line in section.splitlines() if line.startswith("|"))
    return set(re.findall(r"`([^`]+)`", table))


def test_every_bound_key_is_in_the_readme_table() -> None:
    documented = readme_keys()
    missing = []
    for _, group in keys.GROUPS:
        for key in group:
            for name in keys.display_keys(key).split(" / "):
                if name in NOT_IN_README.get(key.id, set()):
                    continue
                if README_NAMES.get(name, name) not in documented:
                    missing.append(f"{key.id}: {name}")
    assert not missing, "keys bound but not in the README's table: " + ", ".join(missing)


async def test_f1_lists_every_binding_id(seeded) -> None:
    from .app_builder import build_app

    app = build_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, record=True, file=io.StringIO())
        for widget in app.screen.query(".help-group"):
            console.print(widget.content)
        shown = console.export_text()
        for _, group in keys.GROUPS:
            for key in group:
                assert key.id in shown, key.id
