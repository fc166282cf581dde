"""The real runtime libraries, downloaded once per machine, for tests that need them.

``tests/conftest.py`` registers this module as a pytest plugin, so any test can ask for it::

    def test_page(runtime_assets):
        path = runtime_assets.file_path("react")

The libraries live in a persistent folder outside any test's temporary home, so a machine
downloads them (about 45 MB) only the first time: ``$ARTIFACTS_TEST_ASSETS_DIR`` if set, else
``~/.cache/live-artifacts-test/assets`` (``$XDG_CACHE_HOME`` respected). For the whole session
``ARTIFACTS_ASSETS_DIR`` points there, so code that builds its own ``AssetCache()`` (the server,
a preview process started by a test) finds the same copy. Offline, tests that use the fixture are
skipped locally and fail in CI.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from artifacts_runtime.assets import ASSETS_DIR_ENV, AssetCache, AssetError
from tests.conftest import missing_component


def persistent_assets_dir() -> Path:
    override = os.environ.get("ARTIFACTS_TEST_ASSETS_DIR")
    if override:
        return Path(override).expanduser()
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache_home) / "live-artifacts-test" / "assets"


@pytest.fixture(scope="session")
def runtime_assets() -> Iterator[AssetCache]:
    """An :class:`AssetCache` with every locked library present (fetched on first use)."""
    root = persistent_assets_dir()
    saved = os.environ.get(ASSETS_DIR_ENV)
    os.environ[ASSETS_DIR_ENV] = str(root)
    try:
        cache = AssetCache(root=root)
        try:
            cache.ensure_blocking()
        except AssetError as exc:
            missing_component(f"the runtime libraries ({exc})")
        yield cache
    finally:
        if saved is None:
            os.environ.pop(ASSETS_DIR_ENV, None)
        else:
            os.environ[ASSETS_DIR_ENV] = saved
