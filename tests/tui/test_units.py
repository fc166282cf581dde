"""Small pure pieces: formatting, the config writer, the keymap, the bindings table."""

from __future__ import annotations

import tomllib

from artifacts_runtime import kinds
from artifacts_runtime.humanize import ago, ago_long, format_bytes
from tui import bindings as keys
from tui.formatting import editor_language, pretty_value, table_type
from tui.settings import load_keymap, set_theme_in_text
from tui.widgets.text_area import LANGUAGES


def test_ages_are_short() -> None:
    now = 1_000_000_000.0
    assert [ago(now - s, now) for s in (5, 90, 7200, 3 * 86400, 20 * 86400, 90 * 86400, 800 * 86400)] == [
        "now",
        "1m",
        "2h",
        "3d",
        "2w",
        "3mo",
        "2y",
    ]
    assert ago(None, now) == "-"
    assert ago_long(now - 60, now) == "1 min ago" and ago_long(now - 5 * 86400, now) == "5 days ago"


def test_sizes_types_and_languages() -> None:
    assert [format_bytes(n) for n in (12, 3174, 5 * 1048576)] == ["12 B", "3.1 KB", "5 MB"]
    assert table_type(kinds.MARKDOWN, None) == "md" and table_type(kinds.CODE, "javascript") == "js"
    assert table_type(kinds.REACT, None) == "react"
    assert editor_language(kinds.REACT, None, LANGUAGES) == "javascript"
    assert editor_language(kinds.CODE, "python", LANGUAGES) == "python"
    assert editor_language(kinds.MERMAID, None, LANGUAGES) is None
    assert pretty_value('{"a":[1]}') == ('{\n  "a": [\n    1\n  ]\n}', True)
    assert pretty_value("plain") == ("plain", False)


def test_set_theme_keeps_the_rest_of_the_file() -> None:
    assert set_theme_in_text("", "nord") == '[ui]\ntheme = "nord"\n'
    text = '# top\n[model]\nname = "x"  # mine\n'
    assert set_theme_in_text(text, "nord") == text + '\n[ui]\ntheme = "nord"\n'
    text = '[ui]\ntheme = "old"\n\n[model]\nname = "x"\n'
    assert set_theme_in_text(text, "nord") == '[ui]\ntheme = "nord"\n\n[model]\nname = "x"\n'
    text = '[ui] # the app\n[ui.keymap]\n"app.help" = "f1"\n'
    new = set_theme_in_text(text, "gruvbox")
    assert tomllib.loads(new) == {"ui": {"theme": "gruvbox", "keymap": {"app.help": "f1"}}}


def test_keymap_reports_unknown_ids(paths) -> None:
    paths.config_file.write_text('[ui.keymap]\n"app.help" = "f10"\n"bogus" = "x"\n"app.quit" = 3\n')
    keymap, problems = load_keymap(paths)
    assert keymap == {"app.help": "f10"}
    assert len(problems) == 2


def test_every_binding_has_a_unique_id_and_help() -> None:
    ids = [k.id for _, group in keys.GROUPS for k in group]
    assert len(ids) == len(set(ids))
    assert all(k.help or k.description for _, group in keys.GROUPS for k in group)
    assert keys.display_keys(keys.APP[0]) == "F1 / ?"
