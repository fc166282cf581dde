"""The app's settings: the keymap from the already-loaded config, the theme written by the core."""

from __future__ import annotations

from artifacts_runtime.config import Config, load_config
from artifacts_runtime.paths import Paths
from tui.settings import load_keymap, save_theme


def test_the_keymap_comes_from_the_loaded_config_without_reading_the_file_again(paths: Paths) -> None:
    config = Config(keymap={"app.help": "f10", "bogus": "x"})
    assert not paths.config_file.exists()
    keymap, problems = load_keymap(paths, config)
    assert keymap == {"app.help": "f10"}
    assert problems == [f"{paths.config_file}: [ui.keymap] has no binding 'bogus' (F1 lists them)"]


def test_the_configs_other_warnings_are_reported_with_the_keymap_problems(paths: Paths) -> None:
    paths.config_file.write_text('[ui]\ncolour = "red"\n[ui.keymap]\n"app.quit" = 3\n', encoding="utf-8")
    keymap, problems = load_keymap(paths, load_config(paths))
    assert keymap == {}
    assert problems == [
        f'{paths.config_file}: [ui.keymap] app.quit must be keys such as "ctrl+o"',
        f"{paths.config_file}: unknown key ui.colour (ignored)",
    ]


def test_a_broken_file_gives_no_keymap_here(paths: Paths) -> None:
    paths.config_file.write_text("[ui\n", encoding="utf-8")
    assert load_keymap(paths) == ({}, [])  # load_config reports it where the app loads its config


def test_saving_the_theme_keeps_the_users_comments(paths: Paths) -> None:
    text = '# mine\n[ui]   # the app\ntheme = "old"   # picked last week\n\n[ui.keymap]\n"app.help" = "f1"\n'
    paths.config_file.write_text(text, encoding="utf-8")
    save_theme(paths, "gruvbox")
    assert paths.config_file.read_text(encoding="utf-8") == text.replace('"old"', '"gruvbox"')
    assert load_config(paths).theme == "gruvbox"
