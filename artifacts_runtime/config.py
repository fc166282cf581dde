"""User configuration: ``config.toml`` in the data directory, overridden by the environment.

Example file::

    [storage]
    quota_mb = 20          # total state per artifact and scope

    [model]
    name = "claude-sonnet-4-5"
    max_tokens = 16000
    temperature = 1.0
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace

from .errors import ConfigError
from .paths import Paths

DEFAULT_MODEL = "claude-sonnet-4-5"
MB = 1024 * 1024


@dataclass(frozen=True)
class Config:
    state_quota_bytes: int = 20 * MB
    model: str = DEFAULT_MODEL
    max_tokens: int = 16000
    temperature: float = 1.0


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
    env = os.environ
    if env.get("ARTIFACTS_STATE_QUOTA_MB"):
        try:
            config = replace(config, state_quota_bytes=int(float(env["ARTIFACTS_STATE_QUOTA_MB"]) * MB))
        except ValueError as exc:
            raise ConfigError("ARTIFACTS_STATE_QUOTA_MB must be a number of megabytes") from exc
    if env.get("ARTIFACTS_MODEL"):
        config = replace(config, model=env["ARTIFACTS_MODEL"])
    if env.get("ARTIFACTS_MAX_TOKENS"):
        try:
            config = replace(config, max_tokens=int(env["ARTIFACTS_MAX_TOKENS"]))
        except ValueError as exc:
            raise ConfigError("ARTIFACTS_MAX_TOKENS must be a whole number") from exc
    return config
