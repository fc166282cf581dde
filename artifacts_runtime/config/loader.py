"""Reading ``config.toml`` (with ``tomllib``) and the environment against the schema.

A bad value of a known setting is a :class:`ConfigError` naming the file, the ``section.key``,
what was found and what is expected. An unknown section or key is a *warning*
(``Config.warnings``), not an error: a file written for a newer (or older) version of the app,
or one with a typo, must not stop the app from starting; the app shows the warning instead.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..paths import Paths
from .schema import KEYMAP, KIND_WORDS, SECTIONS, SETTINGS, Config, Setting


def _typed(setting: Setting[Any], value: Any) -> Any | None:
    """``value`` as the setting's TOML type (an integer counts as a float), or None."""
    if isinstance(value, bool):
        return None
    if setting.kind is float and isinstance(value, int):
        return float(value)
    return value if isinstance(value, setting.kind) else None


def field_value(setting: Setting[Any], value: Any, where: str) -> Any:
    """The ``Config`` field's value for a file value, or a ConfigError saying what is wrong."""
    typed = _typed(setting, value)
    if typed is None:
        raise ConfigError(f"{where}: {setting.path} must be {KIND_WORDS[setting.kind]}, not {value!r}")
    if not setting.valid(typed):
        raise ConfigError(f"{where}: {setting.path} must be {setting.expected}, not {value!r}")
    return setting.to_field(typed)


def _keymap(table: Any, where: str) -> tuple[dict[str, str], list[str]]:
    """``[ui.keymap]`` entry by entry: (keymap, warnings). Ids are checked by the TUI."""
    if not isinstance(table, dict):
        return {}, [f'{where}: [ui.keymap] must be a table of binding id = "keys"']
    keymap: dict[str, str] = {}
    warnings: list[str] = []
    for binding_id, keys in table.items():
        if not isinstance(keys, str) or not keys.strip():
            warnings.append(f'{where}: [ui.keymap] {binding_id} must be keys such as "ctrl+o"')
        else:
            keymap[binding_id] = keys.strip()
    return keymap, warnings


def parse_config(data: Mapping[str, Any], where: str, config: Config | None = None) -> Config:
    """``config`` (defaults when None) with the values of a parsed ``config.toml`` applied.

    ``where`` names the file in messages.
    """
    config = config or Config()
    warnings: list[str] = []
    changes: dict[str, Any] = {}
    for section, table in data.items():
        if section not in SECTIONS:
            warnings.append(f"{where}: unknown section [{section}] (ignored)")
        elif not isinstance(table, dict):
            raise ConfigError(f"{where}: {section} must be a table ([{section}]), not {table!r}")
    for setting in SETTINGS:
        table = data.get(setting.section, {})
        if setting.key not in table:
            continue
        value = table[setting.key]
        if setting is KEYMAP:
            changes[setting.field], problems = _keymap(value, where)
            warnings += problems
        else:
            changes[setting.field] = field_value(setting, value, where)
    for section in SECTIONS & data.keys():
        known = {s.key for s in SETTINGS if s.section == section}
        warnings += [f"{where}: unknown key {section}.{key} (ignored)" for key in data[section] if key not in known]
    return replace(config, **changes, warnings=config.warnings + tuple(warnings))


def parse_config_text(text: str, where: str, config: Config | None = None) -> Config:
    """:func:`parse_config` of TOML text; invalid TOML is a ConfigError too."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where} is not valid TOML ({exc}); fix or delete it") from exc
    return parse_config(data, where, config)


def _from_environment(setting: Setting[Any], name: str, raw: str) -> Any:
    if setting.kind is str:
        return raw
    expected = setting.env_expected or KIND_WORDS[setting.kind]
    try:
        value: int | float = int(raw) if setting.kind is int else float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be {expected}") from exc
    if not setting.valid(value):
        raise ConfigError(f"{name} must be {setting.expected}, not {raw!r}")
    return setting.to_field(value)


def apply_environment(config: Config, env: Mapping[str, str]) -> Config:
    """``config`` with each setting's environment override (the first variable set wins)."""
    changes: dict[str, Any] = {}
    for setting in SETTINGS:
        name = next((n for n in setting.env if env.get(n)), None)
        if name is not None:
            changes[setting.field] = _from_environment(setting, name, env[name])
    return replace(config, **changes)


def read_config_file(file: Path, config: Config | None = None) -> Config:
    """``config`` (defaults when None) with ``file``'s values applied; no file: unchanged."""
    config = config or Config()
    if not file.exists():
        return config
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{file} is not valid TOML ({exc}); fix or delete it") from exc
    return parse_config_text(text, str(file), config)


def load_config(paths: Paths) -> Config:
    """Read the file (if any), then apply environment overrides."""
    return apply_environment(read_config_file(paths.config_file), os.environ)


def with_overrides(
    config: Config,
    *,
    model: str | None = None,
    max_tokens: int | None = None,
    temperature: float | None = None,
) -> Config:
    """``config`` with the values given on the command line (or by the app) applied."""
    if model:
        config = replace(config, model=model)
    if max_tokens is not None:
        if max_tokens < 1:
            raise ConfigError("max tokens must be 1 or more")
        config = replace(config, max_tokens=max_tokens)
    if temperature is not None:
        config = replace(config, temperature=temperature)
    return config
