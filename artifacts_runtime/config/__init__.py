"""User configuration: ``config.toml`` in the data directory, overridden by the environment.

Example file::

    [storage]
    quota_mb = 20          # total state per artifact and scope

    [model]
    name = "claude-sonnet-5-5"
    max_tokens = 32000
    # temperature = 0.7    # unset by default: current models refuse non-default sampling
    max_rounds = 8         # model calls in one chat turn (tool use loops), at most

    [artifacts]            # model calls made from inside artifacts
    calls_per_minute = 10  # per artifact (token bucket)
    burst = 5
    max_tokens = 4096      # clamp for window.claude.complete and fetch(api.anthropic.com)

    [live_data]            # answers of fetch() to granted origins, kept for offline use
    cache_mb = 100         # all artifacts together; the oldest answers go first
    cache_per_artifact_mb = 20  # one artifact's owner (its visitors get as much again)

    [server]               # the local server previews and browsers load pages from
    port = 8765            # fixed, for an ssh -L tunnel that survives restarts (0: any free port)

    [ui]                   # the terminal app
    theme = "textual-dark" # written by the app when you choose a theme (Ctrl+P, "theme")

    [ui.keymap]            # binding id = keys (F1 in the app lists the ids)
    "app.preview" = "ctrl+o,f5"

Environment (wins over the file; command-line flags win over both): ``ARTIFACTS_MODEL`` (or
``ANTHROPIC_MODEL``), ``ARTIFACTS_MAX_TOKENS``, ``ARTIFACTS_TEMPERATURE``, ``ARTIFACTS_PORT``,
``ARTIFACTS_STATE_QUOTA_MB``.

Every setting is declared once, in :mod:`.schema`; :mod:`.loader` reads the file with ``tomllib``,
:mod:`.writer` changes one setting with ``tomlkit`` so the user's comments and layout survive.
An unknown key is a warning (``Config.warnings``), a bad value of a known one an error.
"""

from __future__ import annotations

from .loader import apply_environment, load_config, parse_config, parse_config_text, read_config_file, with_overrides
from .schema import DEFAULT_MODEL, MB, SETTINGS, Config, Setting
from .writer import set_in_text, set_setting

__all__ = [
    "DEFAULT_MODEL",
    "MB",
    "SETTINGS",
    "Config",
    "Setting",
    "apply_environment",
    "load_config",
    "parse_config",
    "parse_config_text",
    "read_config_file",
    "set_in_text",
    "set_setting",
    "with_overrides",
]
