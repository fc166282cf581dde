"""tui.settings: the config writer and the keymap reader. (These belong in test_settings.py,
next to the settings module, which another change is rewriting; they stay here meanwhile.)"""

from __future__ import annotations

import tomllib

from tui.settings import load_keymap, set_theme_in_text


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
