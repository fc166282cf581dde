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

    [ui]                   # the terminal app
    theme = "textual-dark" # written by the app when you choose a theme (Ctrl+P, "theme")

Environment (wins over the file; command-line flags win over both): ``ARTIFACTS_MODEL`` (or
``ANTHROPIC_MODEL``), ``ARTIFACTS_MAX_TOKENS``, ``ARTIFACTS_TEMPERATURE``,
``ARTIFACTS_STATE_QUOTA_MB``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace

from .errors import ConfigError
from .paths import Paths

#: The current Claude Sonnet (Claude Sonnet 5.5, September 2026).
DEFAULT_MODEL = "claude-sonnet-5-5"
MB = 1024 * 1024


@dataclass(frozen=True)
class Config:
    state_quota_bytes: int = 20 * MB
    model: str = DEFAULT_MODEL
    max_tokens: int = 32000
    #: None: not sent (the model's default). Claude Sonnet 5 and later refuse other values.
    temperature: float | None = None
    max_rounds: int = 8
    artifact_calls_per_minute: float = 10.0
    artifact_burst: int = 5
    artifact_max_tokens: int = 4096
    #: The app's Textual theme (``[ui] theme``; the app writes it when you pick one). None: default.
    theme: str | None = None


def _number(table: dict, key: str, kind: type, where: str):
    value = table.get(key)
    if value is None:
        return None
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ConfigError(f"{where}: '{key}' must be a {kind.__name__}, not {value!r}")
    return value


def load_config(paths: Paths) -> Config:
    """Read the file (if any), then apply environment overrides."""
    config = Config()
    file = paths.config_file
    if file.exists():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{file} is not valid TOML ({exc}); fix or delete it") from exc
        storage = data.get("storage", {})
        model = data.get("model", {})
        quota = _number(storage, "quota_mb", float, str(file))
        if quota is not None:
            if quota <= 0:
                raise ConfigError(f"{file}: storage.quota_mb must be positive")
            config = replace(config, state_quota_bytes=int(quota * MB))
        name = model.get("name")
        if name is not None:
            if not isinstance(name, str) or not name:
                raise ConfigError(f"{file}: model.name must be a non-empty string")
            config = replace(config, model=name)
        max_tokens = _number(model, "max_tokens", int, str(file))
        if max_tokens is not None:
            config = replace(config, max_tokens=max_tokens)
        temperature = _number(model, "temperature", float, str(file))
        if temperature is not None:
            config = replace(config, temperature=temperature)
        max_rounds = _number(model, "max_rounds", int, str(file))
        if max_rounds is not None:
            if max_rounds < 1:
                raise ConfigError(f"{file}: model.max_rounds must be 1 or more")
            config = replace(config, max_rounds=max_rounds)
        if max_tokens is not None and max_tokens < 1:
            raise ConfigError(f"{file}: model.max_tokens must be 1 or more")
        in_artifacts = data.get("artifacts", {})
        per_minute = _number(in_artifacts, "calls_per_minute", float, str(file))
        if per_minute is not None:
            if per_minute <= 0:
                raise ConfigError(f"{file}: artifacts.calls_per_minute must be positive")
            config = replace(config, artifact_calls_per_minute=per_minute)
        burst = _number(in_artifacts, "burst", int, str(file))
        if burst is not None:
            if burst < 1:
                raise ConfigError(f"{file}: artifacts.burst must be 1 or more")
            config = replace(config, artifact_burst=burst)
        artifact_max = _number(in_artifacts, "max_tokens", int, str(file))
        if artifact_max is not None:
            if artifact_max < 1:
                raise ConfigError(f"{file}: artifacts.max_tokens must be 1 or more")
            config = replace(config, artifact_max_tokens=artifact_max)
        ui = data.get("ui", {})
        theme = ui.get("theme") if isinstance(ui, dict) else None
        if theme is not None:
            if not isinstance(theme, str) or not theme.strip():
                raise ConfigError(f'{file}: ui.theme must be a theme name such as "textual-dark"')
            config = replace(config, theme=theme.strip())
    env = os.environ
    if env.get("ARTIFACTS_STATE_QUOTA_MB"):
        try:
            config = replace(config, state_quota_bytes=int(float(env["ARTIFACTS_STATE_QUOTA_MB"]) * MB))
        except ValueError as exc:
            raise ConfigError("ARTIFACTS_STATE_QUOTA_MB must be a number of megabytes") from exc
    model_name = env.get("ARTIFACTS_MODEL") or env.get("ANTHROPIC_MODEL")
    if model_name:
        config = replace(config, model=model_name)
    if env.get("ARTIFACTS_MAX_TOKENS"):
        try:
            config = replace(config, max_tokens=int(env["ARTIFACTS_MAX_TOKENS"]))
        except ValueError as exc:
            raise ConfigError("ARTIFACTS_MAX_TOKENS must be a whole number") from exc
    if env.get("ARTIFACTS_TEMPERATURE"):
        try:
            config = replace(config, temperature=float(env["ARTIFACTS_TEMPERATURE"]))
        except ValueError as exc:
            raise ConfigError("ARTIFACTS_TEMPERATURE must be a number") from exc
    return config


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
