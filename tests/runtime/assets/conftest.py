"""Every test here gets a private asset cache and no machine-wide registry setting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from artifacts_runtime import assets
from tests.runtime.assets.fake_registry import (
    FakeRegistry,
)


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeRegistry]:
    fake = FakeRegistry()
    fake.thread.start()
    monkeypatch.setenv("ARTIFACTS_NPM_REGISTRY", fake.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    yield fake
    for event in fake.stall.values():
        event.set()
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture(autouse=True)
def private_assets_dir(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never see a machine-wide cache or registry setting, unless they ask for the real one."""
    root = tmp_path / "assets"
    if "runtime_assets" not in request.fixturenames:
        monkeypatch.setenv(assets.ASSETS_DIR_ENV, str(root))
        monkeypatch.delenv(assets.REGISTRY_ENV, raising=False)
    return root
