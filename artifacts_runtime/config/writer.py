"""Changing one setting in ``config.toml`` with ``tomlkit``, keeping the rest as the user wrote it.

Comments, ordering, blank lines and the other values survive; the value is checked against the
schema first, and the whole new file must still load, so the app never writes a file it would
refuse. The new file replaces the old one atomically (a temporary file in the same folder, then
``os.replace``); a new file is private to the user (0600), an existing one keeps its mode.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..paths import Paths
from .loader import field_value, parse_config_text
from .schema import BY_PATH, KEYMAP, Setting


def _setting(path: str) -> Setting[Any]:
    setting = BY_PATH.get(path)
    if setting is None or setting is KEYMAP:
        known = ", ".join(p for p, s in BY_PATH.items() if s is not KEYMAP)
        raise ConfigError(f"no setting {path!r} to write; expected one of {known}")
    return setting


def set_in_text(text: str, path: str, value: Any, where: str = "config.toml") -> str:
    """``text`` (a config.toml) with setting ``path`` (``"ui.theme"``) set to ``value``.

    Raises :class:`ConfigError` when ``value`` is not valid for the setting, or ``text`` is
    not TOML the app would load.
    """
    # Imported here: only writing needs it, and every start of the app reads the config.
    import tomlkit
    import tomlkit.exceptions
    from tomlkit.items import Table

    setting = _setting(path)
    field_value(setting, value, where)
    try:
        document = tomlkit.parse(text)
    except tomlkit.exceptions.ParseError as exc:
        raise ConfigError(f"{where} is not valid TOML ({exc}); fix or delete it") from exc
    section = document.get(setting.section)
    if section is None:
        section = tomlkit.table()
        document[setting.section] = section
    elif not isinstance(section, Table):
        raise ConfigError(f"{where}: {setting.section} must be a table ([{setting.section}]), not {section!r}")
    section[setting.key] = value
    new = document.as_string()
    if not new.endswith("\n"):
        new += "\n"
    parse_config_text(new, where)
    return new


def write_atomically(file: Path, text: str) -> None:
    """Replace ``file`` by ``text`` in one step; a reader sees the old file or the new one."""
    file.parent.mkdir(parents=True, exist_ok=True)
    mode = file.stat().st_mode & 0o777 if file.exists() else 0o600
    fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=file.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def set_setting(paths: Paths, path: str, value: Any) -> None:
    """Remember setting ``path`` (``"ui.theme"``) = ``value`` in config.toml (created if needed)."""
    file = paths.config_file
    text = file.read_text(encoding="utf-8") if file.exists() else ""
    new = set_in_text(text, path, value, str(file))
    if new != text:
        write_atomically(file, new)
