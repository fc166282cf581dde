"""``frame-compat.js`` in real Chromium: scripts an artifact creates at run time are resolved by
the same rules as static tags (the Python resolver), and every other address stays blocked."""

from __future__ import annotations

import time

import pytest

from artifacts_runtime.assets import AssetLock
from tests.browser.conftest import open_view, wait_overlay
from tests.runtime.assets.test_lock import test_cdn_urls_resolve_to_local_files as _resolved

pytestmark = pytest.mark.slow

PAGE = "<!doctype html><html><body><h1>compat page</h1></body></html>"

#: Every URL the Python resolver's tests map, and some it does not.
URLS = [args[0] for args in _resolved.pytestmark[0].args[1]] + [
    "https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js",
    "https://example.com/react.js",
    "https://d3js.org/d3-scale.v4.min.js",
    "https://cdn.plot.ly/plotly.js",
    "https://unpkg.com/left-pad@1.3.0/index.js",
    "javascript:alert(1)",
    "data:text/javascript,1",
]


def test_run_time_resolver_agrees_with_the_server(live_server, page) -> None:
    lock = AssetLock.load()
    frame = open_view(page, live_server.view_url(live_server.import_artifact(PAGE, type="html")))
    got = frame.evaluate("urls => urls.map(u => window.__artifactCompat.resolveCdn(u))", URLS)
    for url, local in zip(URLS, got, strict=True):
        ref = lock.resolve_url(url)
        want = None if ref is None else f"/assets/{lock.get(ref.library).folder}/{ref.file}"
        assert local == want, url


def test_a_run_time_script_to_an_unmapped_origin_stays_blocked(live_server, page) -> None:
    responses: list[str] = []
    page.on("response", lambda r: responses.append(r.url))
    aid = live_server.import_artifact(
        "<!doctype html><p id=s>waiting</p><script>"
        "const s = document.createElement('script');"
        "s.src = 'https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js';"
        "s.onerror = () => { document.getElementById('s').textContent = 'jquery failed'; };"
        "document.head.appendChild(s);</script>",
        type="html",
    )
    frame = open_view(page, live_server.view_url(aid))
    text = wait_overlay(frame)
    assert "could not load the script https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js" in text
    assert "frame-errors.js" not in text  # no stack of our own code in the artifact's error
    assert "only the bundled libraries are available" in text
    frame.get_by_text("jquery failed").wait_for()
    assert not [u for u in responses if "cdnjs" in u]  # the CSP refused it: no answer came


def test_a_mapped_address_still_loads_only_from_the_local_server(live_server, page) -> None:
    aid = live_server.import_artifact(PAGE, type="html")
    frame = open_view(page, live_server.view_url(aid))
    src = frame.evaluate(
        """() => { const s = document.createElement('script');
        s.integrity = 'sha384-bogus';
        s.src = 'https://unpkg.com/lodash@4.17.21/lodash.min.js';
        return [s.src, s.getAttribute('integrity') || ''];
        }"""
    )
    assert src[0].startswith(live_server.base_url + "/assets/lodash@4.17.21/")
    assert src[1] == ""


def test_local_storage_is_the_artifacts_own(live_server, page) -> None:
    first = live_server.import_artifact(PAGE, type="html")
    second = live_server.import_artifact(PAGE, type="html")
    frame = open_view(page, live_server.view_url(first))
    frame.evaluate("localStorage.setItem('secret', 'only mine')")
    deadline = time.monotonic() + 10
    while live_server.state(first, "__localStorage:secret") != "only mine":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    page.goto("about:blank")
    frame = open_view(page, live_server.view_url(second))
    assert frame.evaluate("[localStorage.getItem('secret'), localStorage.length]") == [None, 0]
    assert live_server.state(second, "__localStorage:secret") is None


def test_local_storage_keeps_the_storage_limits(live_server, page) -> None:
    frame = open_view(page, live_server.view_url(live_server.import_artifact(PAGE, type="html")))
    result = frame.evaluate(
        """() => {
        const out = {};
        try { localStorage.setItem('k'.repeat(190), 'v'); out.longName = 'kept'; } catch (e) { out.longName = e.name; }
        try { localStorage.setItem('big', 'x'.repeat(5 * 1024 * 1024 + 1)); out.bigValue = 'kept'; } catch (e) { out.bigValue = e.name; }
        localStorage.setItem('a b/c"d', 1);
        out.odd = localStorage.getItem('a b/c"d');
        out.keys = Object.keys(localStorage);
        out.tag = typeof localStorage.getItem;
        return out;
        }"""
    )
    assert result == {
        "longName": "QuotaExceededError",
        "bigValue": "QuotaExceededError",
        "odd": "1",
        "keys": ['a b/c"d'],
        "tag": "function",
    }


def test_an_artifact_may_declare_its_own_process_and_react(live_server, page) -> None:
    """``process`` is a name in the artifact's scope, not a parameter it would clash with."""
    aid = live_server.import_artifact(
        "import React from 'react';\n"
        "const process = (text) => text.trim().toUpperCase();\n"
        "export default function Shout() { return <p id='out'>{process('  hello ')}</p>; }\n",
        type="react",
    )
    frame = open_view(page, live_server.view_url(aid))
    assert frame.inner_text("#out") == "HELLO"
    assert page.page_errors == []
