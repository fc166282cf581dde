"""The model settings: file, then environment, then flags."""

from __future__ import annotations

import pytest

from artifacts_runtime.config import DEFAULT_MODEL, Config, load_config, with_overrides
from artifacts_runtime.errors import ConfigError


def write(paths, text: str) -> None:
    paths.config_file.write_text(text, encoding="utf-8")


def test_defaults() -> None:
    config = Config()
    assert config.model == DEFAULT_MODEL == "claude-sonnet-5-5"
    assert config.temperature is None  # not sent: current models refuse other values
    assert (config.artifact_calls_per_minute, config.artifact_burst, config.artifact_max_tokens) == (10, 5, 4096)


def test_file_env_and_flags(paths, monkeypatch) -> None:
    write(
        paths,
        '[model]\nname = "from-file"\nmax_tokens = 100\ntemperature = 0.5\nmax_rounds = 3\n'
        "[artifacts]\ncalls_per_minute = 2.5\nburst = 1\nmax_tokens = 50\n",
    )
    config = load_config(paths)
    assert (config.model, config.max_tokens, config.temperature, config.max_rounds) == ("from-file", 100, 0.5, 3)
    assert (config.artifact_calls_per_minute, config.artifact_burst, config.artifact_max_tokens) == (2.5, 1, 50)

    monkeypatch.setenv("ANTHROPIC_MODEL", "from-anthropic-env")
    assert load_config(paths).model == "from-anthropic-env"
    monkeypatch.setenv("ARTIFACTS_MODEL", "from-our-env")  # ours wins
    monkeypatch.setenv("ARTIFACTS_TEMPERATURE", "0.1")
    config = load_config(paths)
    assert (config.model, config.temperature) == ("from-our-env", 0.1)

    flagged = with_overrides(config, model="from-flag", max_tokens=7, temperature=0.9)
    assert (flagged.model, flagged.max_tokens, flagged.temperature) == ("from-flag", 7, 0.9)
    assert with_overrides(config) == config


@pytest.mark.parametrize(
    "text",
    [
        "[model]\nmax_rounds = 0\n",
        "[model]\nmax_tokens = 0\n",
        "[artifacts]\ncalls_per_minute = 0\n",
        "[artifacts]\nburst = 0\n",
        "[artifacts]\nmax_tokens = -1\n",
        '[artifacts]\nburst = "many"\n',
    ],
)
def test_bad_values_say_which(paths, text) -> None:
    write(paths, text)
    with pytest.raises(ConfigError):
        load_config(paths)


def test_bad_temperature_env(paths, monkeypatch) -> None:
    monkeypatch.setenv("ARTIFACTS_TEMPERATURE", "warm")
    with pytest.raises(ConfigError, match="ARTIFACTS_TEMPERATURE"):
        load_config(paths)
