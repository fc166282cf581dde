"""The app's own settings in ``config.toml``: the theme (read by ``artifacts_runtime.config``,
written here) and the keymap (``[ui.keymap]``, binding id -> keys).

Writing changes one line of the file and keeps everything else the user wrote (comments too);
the new file replaces the old one atomically.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from pathlib import Path

from artifacts_runtime.paths import Paths

from .bindings import all_ids

_SECTION = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$")
_THEME_LINE = re.compile(r"^\s*theme\s*=")


def load_keymap(paths: Paths) -> tuple[dict[str, str], list[str]]:
    """``[ui.keymap]`` from config.toml: (keymap, problems). Unknown ids are reported, not used."""
    file = paths.config_file
    if not file.exists():
        return {}, []
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}, []  # load_config reports a broken file
    table = data.get("ui", {}).get("keymap", {}) if isinstance(data.get("ui"), dict) else {}
    if not isinstance(table, dict):
        return {}, [f'{file}: [ui.keymap] must be a table of binding id = "keys"']
    known = all_ids()
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in table.items():
        if binding_id not in known:
            problems.append(f"{file}: [ui.keymap] has no binding {binding_id!r} (F1 lists them)")
        elif not isinstance(keys, str) or not keys.strip():
            problems.append(f'{file}: [ui.keymap] {binding_id} must be keys such as "ctrl+o"')
        else:
            keymap[binding_id] = keys.strip()
    return keymap, problems


def set_theme_in_text(text: str, theme: str) -> str:
    """``text`` (a config.toml) with ``[ui] theme`` set to ``theme``; everything else kept."""
    line = f"theme = {json.dumps(theme)}"
    lines = text.splitlines()
    section: str | None = None
    ui_header: int | None = None
    ui_end: int | None = None
    for i, raw in enumerate(lines):
        m = _SECTION.match(raw)
        if m:
            if section == "ui" and ui_end is None:
                ui_end = i
            section = m.group(1).strip()
            if section == "ui":
                ui_header = i
            continue
        if section == "ui" and _THEME_LINE.match(raw):
            lines[i] = line
            return "\n".join(lines) + "\n"
    if ui_header is not None:
        lines.insert(ui_header + 1, line)
        return "\n".join(lines) + "\n"
    body = "\n".join(lines).rstrip("\n")
    prefix = body + "\n\n" if body else ""
    return f"{prefix}[ui]\n{line}\n"


def save_theme(paths: Paths, theme: str) -> None:
    """Remember ``theme`` in config.toml (creating the file if needed)."""
    file: Path = paths.config_file
    text = file.read_text(encoding="utf-8") if file.exists() else ""
    new = set_theme_in_text(text, theme)
    if new == text:
        return
    file.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=file.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(new)
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
