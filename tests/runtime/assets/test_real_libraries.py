"""The real lock's libraries, fetched from the real registry once per machine (see
``tests/assets_fixture.py``) and loaded in Chromium (slow)."""

from __future__ import annotations

import os
import shutil

import pytest

from artifacts_runtime import assets
from artifacts_runtime.assets import (
    AssetCache,
)
from artifacts_runtime.page.resources import commonjs_epilogue, commonjs_prelude
from tests.conftest import missing_component

# ----------------------------------------------------------------------------------------------
# The real libraries (slow: downloads about 45 MB once per machine)


@pytest.mark.slow
def test_real_libraries_are_fetched_and_complete(runtime_assets: AssetCache) -> None:
    assert os.environ[assets.ASSETS_DIR_ENV] == str(runtime_assets.root)
    for lib in runtime_assets.lock:
        assert runtime_assets.is_cached(lib.name), lib.name
        for file in lib.files:
            path = runtime_assets.file_path(lib.name, file)
            assert path.stat().st_size == lib.sizes[file] > 0, f"{lib.name}: {file}"
    assert all(row.cached for row in runtime_assets.status())


@pytest.mark.slow
def test_real_libraries_define_their_globals_in_chromium(runtime_assets: AssetCache) -> None:
    """Each library, loaded after what it needs, defines the global the lock says it does."""
    chromium = os.environ.get("ARTIFACTS_CHROMIUM", "/usr/bin/chromium")
    if not shutil.which(chromium) and not os.path.exists(chromium):
        missing_component(f"Chromium at {chromium}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_component("the playwright Python package")
    lock = runtime_assets.lock
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            for lib in lock:
                page = browser.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
                page.set_content("<!doctype html><html><head></head><body><div id=root></div></body></html>")
                for name in lock.load_order([lib.name]):
                    dep = lock.get(name)
                    for alias, source in dep.global_aliases.items():
                        page.evaluate("([a, s]) => { window[a] = window[s]; }", [alias, source])
                    for file in dep.files:
                        if not file.endswith(".js"):
                            continue
                        wrapped = dep.commonjs and file == dep.main
                        if wrapped:  # no UMD build: the runtime's CommonJS shims around it
                            page.add_script_tag(content=commonjs_prelude(dep, lock))
                        page.add_script_tag(path=str(runtime_assets.file_path(name, file)))
                        if wrapped:
                            page.add_script_tag(content=commonjs_epilogue(dep))
                if lib.global_name:
                    kind = page.evaluate("g => typeof window[g]", lib.global_name)
                    assert kind in ("object", "function"), f"{lib.name} did not define {lib.global_name}"
                if lib.commonjs:
                    exported = page.evaluate(
                        "p => Object.keys((window.__artifactsModules || {})[p] || {}).length", lib.package
                    )
                    assert exported > 0, f"{lib.name} exported nothing through the CommonJS shims"
                    leaked = page.evaluate("() => ['module', 'exports', 'require'].filter(k => k in window)")
                    assert leaked == [], f"{lib.name}: shims left on window: {leaked}"
                assert errors == [], f"{lib.name}: {errors}"
                page.close()
        finally:
            browser.close()
