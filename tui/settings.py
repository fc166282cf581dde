"""The app's own settings in ``config.toml``: the theme (written here through the core's schema,
which keeps the user's comments and layout) and the keymap (``[ui.keymap]``, binding id -> keys).

The core reads the file once (``Config.keymap``) and knows nothing of binding ids; checking them
against the app's bindings is this module's part.
"""

from __future__ import annotations

from artifacts_runtime.config import Config, load_config, set_in_text, set_setting
from artifacts_runtime.errors import ConfigError
from artifacts_runtime.paths import Paths

from .bindings import all_ids


def load_keymap(paths: Paths, config: Config | None = None) -> tuple[dict[str, str], list[str]]:
    """``[ui.keymap]`` of the loaded ``config``: (keymap, problems). Unknown ids are reported,
    not used. ``problems`` also carries the config's other warnings (unknown keys), which the
    app shows the same way. Without ``config``, the file is read here."""
    if config is None:
        try:
            config = load_config(paths)
        except ConfigError:
            return {}, []  # load_config reports a broken file where the config is loaded
    file = paths.config_file
    known = all_ids()
    keymap: dict[str, str] = {}
    problems = list(config.warnings)
    for binding_id, keys in config.keymap.items():
        if binding_id not in known:
            problems.append(f"{file}: [ui.keymap] has no binding {binding_id!r} (F1 lists them)")
        else:
            keymap[binding_id] = keys
    return keymap, problems


def set_theme_in_text(text: str, theme: str) -> str:
    """``text`` (a config.toml) with ``[ui] theme`` set to ``theme``; everything else kept."""
    return set_in_text(text, "ui.theme", theme)


def save_theme(paths: Paths, theme: str) -> None:
    """Remember ``theme`` in config.toml (creating the file if needed)."""
    set_setting(paths, "ui.theme", theme)
