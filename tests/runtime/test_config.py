"""Configuration: defaults, ``config.toml`` in the data directory, environment overrides; the
schema every setting is declared in, the docs that show it, and the writer that keeps comments."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path

import pytest

import artifacts_runtime.config as config_package
from artifacts_runtime.config import (
    MB,
    SETTINGS,
    Config,
    apply_environment,
    load_config,
    parse_config_text,
    set_in_text,
    set_setting,
)
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


# ---------------------------------------------------------------- the schema, its docs, the writer

README = Path(__file__).resolve().parents[2] / "README.md"


def _docstring_example() -> str:
    doc = config_package.__doc__ or ""
    block = doc.split("Example file::", 1)[1].split("\n\n", 1)[1]
    lines = []
    for line in block.splitlines():
        if line and not line.startswith("    "):
            break
        lines.append(line[4:])
    return "\n".join(lines)


def _readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Configuration", 1)[1]
    return section.split("```toml\n", 1)[1].split("```", 1)[0]


def test_every_config_field_is_filled_by_one_declared_setting():
    fields = {f.name for f in dataclasses.fields(Config)} - {"warnings"}
    assert sorted(s.field for s in SETTINGS) == sorted(fields)
    assert len({s.path for s in SETTINGS}) == len(SETTINGS)
    defaults = Config()
    for setting in SETTINGS:
        assert getattr(defaults, setting.field) == setting.default, setting.path
        assert setting.help, setting.path


def test_the_docstring_example_parses_and_shows_every_setting():
    example = _docstring_example()
    config = parse_config_text(example, "example")
    assert config.warnings == ()
    assert config.keymap == {"app.preview": "ctrl+o,f5"}
    data = tomllib.loads(example)
    for setting in SETTINGS:
        present = setting.key in data.get(setting.section, {})
        # An optional setting may be shown commented out, under its own section.
        section_text = re.split(r"^\[", example, flags=re.M)
        commented = any(
            part.startswith(f"{setting.section}]") and re.search(rf"^#\s*{setting.key}\s*=", part, re.M)
            for part in section_text
        )
        assert present or commented, f"{setting.path} is not in config's docstring example"


def test_the_readme_example_parses_without_unknown_keys():
    config = parse_config_text(_readme_example(), "README")
    assert config.warnings == ()


def test_an_unknown_key_or_section_is_a_warning_not_an_error(paths: Paths):
    file = _write_config(paths, '[model]\nnmae = "typo"\nmax_tokens = 5\n[future]\nx = 1\n')
    config = load_config(paths)
    assert config.max_tokens == 5
    assert config.warnings == (
        f"{file}: unknown section [future] (ignored)",
        f"{file}: unknown key model.nmae (ignored)",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[storage]\nquota_mb = "big"\n', "storage.quota_mb must be a number, not 'big'"),
        ("[storage]\nquota_mb = -1\n", "storage.quota_mb must be positive, not -1"),
        ("[storage]\nquota_mb = true\n", "storage.quota_mb must be a number, not True"),
        ('[model]\nname = ""\n', "model.name must be a non-empty string, not ''"),
        ("[model]\nname = 3\n", "model.name must be a string, not 3"),
        ("[model]\nmax_tokens = 0\n", "model.max_tokens must be 1 or more, not 0"),
        ("[model]\nmax_tokens = 1.5\n", "model.max_tokens must be a whole number, not 1.5"),
        ('[model]\ntemperature = "warm"\n', "model.temperature must be a number, not 'warm'"),
        ("[model]\nmax_rounds = 0\n", "model.max_rounds must be 1 or more, not 0"),
        ("[artifacts]\ncalls_per_minute = 0\n", "artifacts.calls_per_minute must be positive, not 0"),
        ('[artifacts]\nburst = "many"\n', "artifacts.burst must be a whole number, not 'many'"),
        ("[artifacts]\nmax_tokens = -1\n", "artifacts.max_tokens must be 1 or more, not -1"),
        ('[ui]\ntheme = " "\n', "ui.theme must be a theme name such as \"textual-dark\", not ' '"),
        ("storage = 3\n", "storage must be a table ([storage]), not 3"),
    ],
)
def test_each_bad_field_says_file_key_found_and_expected(paths: Paths, text: str, message: str):
    file = _write_config(paths, text)
    with pytest.raises(ConfigError) as caught:
        load_config(paths)
    assert str(caught.value) == f"{file}: {message}"


def test_bad_keymap_entries_are_warnings_and_good_ones_are_kept(paths: Paths):
    file = _write_config(paths, '[ui.keymap]\n"app.help" = " f10 "\n"app.quit" = 3\n')
    config = load_config(paths)
    assert config.keymap == {"app.help": "f10"}
    assert config.warnings == (f'{file}: [ui.keymap] app.quit must be keys such as "ctrl+o"',)
    file = _write_config(paths, '[ui]\nkeymap = "ctrl+o"\n')
    assert load_config(paths).warnings == (f'{file}: [ui.keymap] must be a table of binding id = "keys"',)


def test_an_environment_value_out_of_bounds_names_the_variable():
    with pytest.raises(ConfigError, match="ARTIFACTS_MAX_TOKENS must be 1 or more, not '0'"):
        apply_environment(Config(), {"ARTIFACTS_MAX_TOKENS": "0"})
    assert apply_environment(Config(), {"ANTHROPIC_MODEL": "a", "ARTIFACTS_MODEL": ""}).model == "a"


def test_writing_a_setting_keeps_comments_order_and_layout(paths: Paths):
    text = (
        '# my settings\n\n[model]\nname = "mine"   # keep this\n\n'
        '[ui]  # the app\ntheme = "old"  # the theme\n\n[ui.keymap]\n"app.help" = "f1"\n'
    )
    _write_config(paths, text)
    set_setting(paths, "ui.theme", "nord")
    assert paths.config_file.read_text(encoding="utf-8") == text.replace('"old"', '"nord"')
    assert load_config(paths).theme == "nord"


def test_writing_creates_a_private_file_and_keeps_an_existing_files_mode(paths: Paths):
    set_setting(paths, "ui.theme", "nord")
    assert paths.config_file.read_text(encoding="utf-8") == '[ui]\ntheme = "nord"\n'
    assert paths.config_file.stat().st_mode & 0o777 == 0o600
    paths.config_file.chmod(0o644)
    set_setting(paths, "model.max_rounds", 3)
    assert paths.config_file.stat().st_mode & 0o777 == 0o644
    assert (load_config(paths).theme, load_config(paths).max_rounds) == ("nord", 3)
    assert [p.name for p in paths.config_file.parent.iterdir() if p.name.startswith(".config-")] == []


def test_a_value_is_checked_against_the_schema_before_anything_is_written(paths: Paths):
    file = _write_config(paths, "# mine\n")
    with pytest.raises(ConfigError, match=r"ui\.theme must be a theme name"):
        set_setting(paths, "ui.theme", "  ")
    with pytest.raises(ConfigError, match=r"no setting 'ui\.colour'"):
        set_setting(paths, "ui.colour", "red")
    with pytest.raises(ConfigError, match="is not valid TOML"):
        set_in_text("[ui\n", "ui.theme", "nord")
    assert file.read_text(encoding="utf-8") == "# mine\n"


def test_the_server_port_from_the_file_and_the_environment(paths, monkeypatch) -> None:
    from artifacts_runtime.config import load_config

    paths.config_file.write_text("[server]\nport = 8765\n")
    assert load_config(paths).server_port == 8765
    monkeypatch.setenv("ARTIFACTS_PORT", "9001")
    assert load_config(paths).server_port == 9001
    monkeypatch.setenv("ARTIFACTS_PORT", "http")
    with pytest.raises(Exception, match="ARTIFACTS_PORT"):
        load_config(paths)
    monkeypatch.delenv("ARTIFACTS_PORT")
    paths.config_file.write_text("[server]\nport = 70000\n")
    with pytest.raises(Exception, match=r"server\.port must be a port from 1 to 65535"):
        load_config(paths)
