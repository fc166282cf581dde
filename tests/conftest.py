"""Shared fixtures. Every test runs with its own temporary ARTIFACTS_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from artifacts_runtime.paths import Paths, get_paths

pytest_plugins = ["tests.fakes.fixtures", "tests.assets_fixture"]

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(autouse=True)
def artifacts_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data directory; nothing a test does touches the user's real library."""
    home = tmp_path / "home"
    monkeypatch.setenv("ARTIFACTS_HOME", str(home))
    for name in (
        "ANTHROPIC_API_KEY",
        "ANTHROPIC_AUTH_TOKEN",
        "ANTHROPIC_BASE_URL",
        "ANTHROPIC_MODEL",
        "ARTIFACTS_MODEL",
        "ARTIFACTS_MAX_TOKENS",
        "ARTIFACTS_TEMPERATURE",
        "ARTIFACTS_STATE_QUOTA_MB",
    ):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def paths(artifacts_home: Path) -> Paths:
    return get_paths().ensure()


def missing_component(what: str) -> None:
    """Skip a real-component test locally, but fail it in CI, where skipping would hide a gap."""
    if IN_CI:
        pytest.fail(f"{what} is required in CI; install it with the README's test command")
    pytest.skip(f"{what} is not available")


@pytest.fixture
async def store(paths: Paths):
    """An open library in the test's private data directory."""
    from artifacts_runtime.store import Store

    s = await Store.open(paths.library)
    yield s
    await s.close()
