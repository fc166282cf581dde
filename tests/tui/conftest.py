"""Fixtures for the app's tests: a seeded library in the test's own ARTIFACTS_HOME."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from artifacts_runtime.paths import Paths

from .app_builder import seed_library


@pytest.fixture(autouse=True)
def _no_ssh_no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the same environment wherever they run (a desktop, SSH, CI)."""
    for name in (
        "SSH_CONNECTION",
        "SSH_CLIENT",
        "SSH_TTY",
        "DISPLAY",
        "WAYLAND_DISPLAY",
        "ANTHROPIC_AUTH_TOKEN",
        "ANTHROPIC_MODEL",
        "ARTIFACTS_MAX_TOKENS",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
async def seeded(paths: Paths) -> dict[str, str]:
    """The seeded library: {title: artifact id}."""
    return await seed_library(paths)


@pytest.fixture(autouse=True, scope="session")
def _quiet_gc() -> Iterator[None]:
    """Pilot waits for the process to go idle after each key; the collector walking a heap that
    only grows during a test session kept it busy. Collect rarely (tests are short-lived)."""
    import gc

    old = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)
    yield
    gc.set_threshold(*old)
