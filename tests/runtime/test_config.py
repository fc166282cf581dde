"""Configuration: defaults, ``config.toml`` in the data directory, environment overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from artifacts_runtime.config import MB, Config, load_config
from artifacts_runtime.errors import ConfigError
from artifacts_runtime.paths import Paths, get_paths


@pytest.fixture(autouse=True)
def _no_config_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ARTIFACTS_MAX_TOKENS", "ARTIFACTS_TEMPERATURE", "ANTHROPIC_MODEL"):
        monkeypatch.delenv(name, raising=False)


def _write_config(paths: Paths, text: str) -> Path:
    paths.config_file.write_text(text, encoding="utf-8")
    return paths.config_file


def test_without_a_file_or_environment_the_defaults_apply(paths: Paths):
    config = load_config(paths)
    assert config == Config()
    assert config.state_quota_bytes == 20 * MB


def test_values_in_config_toml_are_used(paths: Paths):
    _write_config(
        paths,
        '[storage]\nquota_mb = 2\n\n[model]\nname = "claude-test-model"\nmax_tokens = 1234\n',
    )
    config = load_config(paths)
    assert config.state_quota_bytes == 2 * MB
    assert config.model == "claude-test-model"
    assert config.max_tokens == 1234


def test_a_fractional_quota_in_megabytes_is_accepted(paths: Paths):
    _write_config(paths, "[storage]\nquota_mb = 0.5\n")
    assert load_config(paths).state_quota_bytes == MB // 2


def test_environment_variables_win_over_the_file(paths: Paths, monkeypatch: pytest.MonkeyPatch):
    _write_config(paths, '[storage]\nquota_mb = 2\n[model]\nname = "from-file"\nmax_tokens = 10\n')
    monkeypatch.setenv("ARTIFACTS_STATE_QUOTA_MB", "3")
    monkeypatch.setenv("ARTIFACTS_MODEL", "from-env")
    monkeypatch.setenv("ARTIFACTS_MAX_TOKENS", "99")
    config = load_config(paths)
    assert config.state_quota_bytes == 3 * MB
    assert config.model == "from-env"
    assert config.max_tokens == 99


def test_an_environment_override_that_is_not_a_number_is_a_config_error(paths: Paths, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ARTIFACTS_STATE_QUOTA_MB", "lots")
    with pytest.raises(ConfigError, match="ARTIFACTS_STATE_QUOTA_MB"):
        load_config(paths)


def test_invalid_toml_is_a_config_error_naming_the_file(paths: Paths):
    file = _write_config(paths, "[storage\nquota_mb = = 3\n")
    with pytest.raises(ConfigError) as caught:
        load_config(paths)
    assert str(file) in str(caught.value)
    assert "fix or delete it" in str(caught.value)


def test_a_value_of_the_wrong_type_is_a_config_error_naming_the_file_and_key(paths: Paths):
    file = _write_config(paths, '[storage]\nquota_mb = "big"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(paths)
    assert str(file) in str(caught.value)
    assert "quota_mb" in str(caught.value)


def test_a_quota_that_is_not_positive_is_refused(paths: Paths):
    _write_config(paths, "[storage]\nquota_mb = 0\n")
    with pytest.raises(ConfigError, match="quota_mb must be positive"):
        load_config(paths)


def test_artifacts_home_moves_data_cache_logs_and_runtime_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ARTIFACTS_HOME", str(tmp_path / "elsewhere"))
    paths = get_paths()
    root = (tmp_path / "elsewhere").resolve()
    assert paths.data == root / "data"
    assert paths.cache == root / "cache"
    assert paths.logs == root / "logs"
    assert paths.runtime == root / "run"
    assert paths.library == root / "data" / "library.db"
    assert paths.config_file == root / "data" / "config.toml"
    assert paths.server_file.parent == root / "run"


def test_ensure_creates_the_folders_with_a_private_runtime_folder(paths: Paths):
    for folder in (paths.data, paths.cache, paths.logs, paths.runtime):
        assert folder.is_dir()
    assert paths.runtime.stat().st_mode & 0o777 == 0o700


def test_without_artifacts_home_the_platform_directories_are_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("ARTIFACTS_HOME")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    paths = get_paths()
    assert "live-artifacts" in str(paths.data)
    assert "live-artifacts" in str(paths.cache)
