"""Markup that tries to run before ``frame.js``, in real Chromium (live frames and exported files).

Who attacks: an HTML artifact (written by a model or imported from a file).
What it tries: hide a ``<script>`` where a search for "a safe spot" does not see it (comment
forms that end early in HTML: ``<!-->``, ``<!--->``, ``--!>``; a BOM, processing instructions,
CDATA, scripts in ``<title>``), so it runs before the bridge and the CSP ``<meta>`` of an export:
with the real ``RTCPeerConnection`` (STUN datagrams leave) or, in an exported file, a request
sent before the policy applies.
What must hold: our tags come first in every document, so the artifact's first script already
sees the patched WebRTC and the policy; the page keeps the rendering mode its source asks for.
"""

from __future__ import annotations

import pytest

from artifacts_runtime.page import FrameSpec, export_document
from tests.browser.conftest import open_view
from tests.browser.test_security import Tripwire

pytestmark = pytest.mark.slow

#: The artifact's first script: what did it find when it ran? It also tries the network.
PROBE = """<script>window.__first = window.__first || {
  storage: typeof window.storage,
  rtc: String(window.RTCPeerConnection && window.RTCPeerConnection.name),
  mode: document.compatMode,
};
try { var pc = new RTCPeerConnection({ iceServers: [{ urls: "stun:127.0.0.1:PORT" }] });
  pc.createDataChannel("leak"); pc.createOffer().then(function (o) { return pc.setLocalDescription(o); });
  window.__first.rtcCall = "created"; } catch (e) { window.__first.rtcCall = "threw"; }
try { new Image().src = "http://127.0.0.1:PORT/early-image"; } catch (e) {}
try { var x = new XMLHttpRequest(); x.open("GET", "http://127.0.0.1:PORT/early-xhr"); x.send(); } catch (e) {}
</script>"""

#: id -> source. ``{P}`` is the probe.
VARIANTS = {
    "abrupt-empty-comment": "<!--> {P} <!-- --><!doctype html><p id=end>end</p>",
    "abrupt-dash-comment": "<!---> {P} <!-- --><!doctype html><p id=end>end</p>",
    "bang-close": "<!-- a --!> {P} <!-- --><!doctype html><p id=end>end</p>",
    "bang-open": "<!--!> --> {P} <!doctype html><p id=end>end</p>",
    "nested-comment": "<!-- <!-- inner --> {P} --> <!doctype html><p id=end>end</p>",
    "unterminated-comment-after": "<!doctype html>{P}<p id=end>end</p><!-- never closed",
    "doctype-then-script": "<!doctype html>{P}<html><head><title>t</title></head><body><p id=end>end</p></body></html>",
    "script-in-title": "<!doctype html><title><script>x</script></title>{P}<p id=end>end</p>",
    "script-in-textarea": "<!doctype html><textarea></textarea><script></textarea>{P}<p id=end>end</p>",
    "bom": "\ufeff<!doctype html>{P}<p id=end>end</p>",
    "leading-whitespace": " \n\t<!DOCTYPE HTML>{P}<p id=end>end</p>",
    "uppercase-legacy-doctype": '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">{P}<p id=end>end</p>',
    "no-doctype": "<html><head>{P}</head><body><p id=end>end</p></body></html>",
    "processing-instruction": '<?xml version="1.0"?>{P}<!doctype html><p id=end>end</p>',
    "pi-then-doctype": '<?xml version="1.0"?><!doctype html>{P}<p id=end>end</p>',
    "cdata": "<![CDATA[ {P} ]]><!doctype html><p id=end>end</p>",
    "comment-then-doctype": "<!-- hello --><!doctype html>{P}<p id=end>end</p>",
    "fragment": "{P}<p id=end>end</p>",
    "doctype-in-script-string": "<script>var s = '<!doctype html>';</script>{P}<p id=end>end</p>",
}

#: No doctype and no <html>/<head> first: a fragment, which gets a document of ours in
#: standards mode (as it always did), where the raw source would be in quirks mode.
FRAGMENTS = {
    "abrupt-empty-comment",
    "abrupt-dash-comment",
    "bang-close",
    "bang-open",
    "nested-comment",
    "processing-instruction",
    "cdata",
    "fragment",
    "doctype-in-script-string",
}


def source(variant: str, port: int) -> str:
    return VARIANTS[variant].replace("{P}", PROBE.replace("PORT", str(port)))


def raw_mode(page, variant: str) -> str:
    """``document.compatMode`` of the source served as it is (the artifact's own intent), with
    a probe that does nothing (the mode does not depend on what a script does)."""
    html = VARIANTS[variant].replace("{P}", "<script>0</script>")
    page.route("http://raw.invalid/", lambda route: route.fulfill(body=html.encode(), content_type="text/html"))
    page.goto("http://raw.invalid/")
    mode = page.evaluate("document.compatMode")
    page.unroute("http://raw.invalid/")
    return "CSS1Compat" if variant in FRAGMENTS else mode


def assert_first_script_was_second(first: dict | None, trip: Tripwire) -> None:
    if first is None:  # the probe was inside a comment, as the browser parses it: it never ran
        return
    assert first["storage"] == "object", first
    assert first["rtc"] == "Blocked", first
    assert first["rtcCall"] == "threw", first


@pytest.fixture(scope="module")
def tripwire():
    wire = Tripwire()
    yield wire
    wire.close()


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_no_artifact_script_runs_before_the_bridge_in_a_live_frame(live_server, page, tripwire, variant) -> None:
    tripwire.reset()
    html = source(variant, tripwire.port)
    expected_mode = raw_mode(page, variant)
    aid = live_server.import_artifact(html, type="html")
    frame = open_view(page, live_server.view_url(aid))
    first = frame.evaluate("window.__first || null")
    assert_first_script_was_second(first, tripwire)
    assert frame.evaluate("document.compatMode") == expected_mode  # our doctype handling kept it
    if variant not in ("nested-comment",):
        assert frame.locator("#end").count() == 1
    page.wait_for_timeout(300)
    assert tripwire.datagrams == [] and tripwire.requests == [] and tripwire.connections == 0


def test_the_probe_does_run_and_leak_without_our_prelude(page, tripwire) -> None:
    """Control: served as it is, the same probe gets the real WebRTC and reaches the tripwire."""
    tripwire.reset()
    page.route(
        "http://raw.invalid/",
        lambda route: route.fulfill(body=source("abrupt-empty-comment", tripwire.port), content_type="text/html"),
    )
    page.goto("http://raw.invalid/")
    first = page.evaluate("window.__first")
    assert first["rtc"] == "RTCPeerConnection" and first["rtcCall"] == "created"
    page.wait_for_timeout(1000)
    assert tripwire.requests or tripwire.datagrams


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_no_artifact_script_runs_before_the_policy_in_an_exported_file(
    chromium, runtime_assets, tmp_path, tripwire, variant
) -> None:
    """An exported file has only its ``<meta>`` policy: it must precede every artifact byte.
    The browser context is online: nothing but that policy stands in the way."""
    tripwire.reset()
    html = source(variant, tripwire.port)
    target = tmp_path / "export.html"
    target.write_text(export_document(FrameSpec("abc", 1, "text/html", "t", html), runtime_assets), encoding="utf-8")
    context = chromium.new_context()
    try:
        page = context.new_page()
        expected_mode = raw_mode(page, variant)
        page.goto(target.as_uri())
        page.wait_for_load_state("load")
        first = page.evaluate("window.__first || null")
        assert_first_script_was_second(first, tripwire)
        assert page.evaluate("document.compatMode") == expected_mode
        page.wait_for_timeout(300)
        assert tripwire.datagrams == [] and tripwire.requests == [] and tripwire.connections == 0
    finally:
        context.close()
