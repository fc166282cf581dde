"""Fix with Claude from the preview: the page's error shows a button in the shell (outside the
sandboxed frame), and a click tells the app. The artifact's own code can neither press it
(the frame cannot reach the shell's document) nor call the method behind it (the shell refuses
to relay it). Real Chromium against the real server."""

from __future__ import annotations

import time

from .conftest import open_view, wait_overlay

BROKEN = """<!doctype html><html><body><p id="ok">half</p>
<script>setTimeout(function () { undefinedThing(); }, 50);</script></body></html>
"""

PROBE = """<!doctype html><html><body><p id="probe">probe</p><script>
window.__answer = null;
window.addEventListener("message", function (e) {
  if (e.data && e.data.__artifacts === 1 && e.data.reply === 4242) window.__answer = e.data;
});
window.parent.postMessage({ __artifacts: 1, id: 4242, method: "error.fix", params: {} }, "*");
</script></body></html>
"""


def test_the_shells_button_sends_the_error_to_the_app(live_server, page) -> None:
    artifact_id = live_server.import_artifact(BROKEN, type="html")
    frame = open_view(page, live_server.view_url(artifact_id))
    assert "undefinedThing" in wait_overlay(frame)
    button = page.wait_for_selector("#__fix_with_claude", timeout=10_000)  # in the shell, not the frame
    assert frame.query_selector("#__fix_with_claude") is None
    button.click()
    event = live_server.wait_event(lambda e: e["type"] == "artifact.fix_requested" and e["artifact_id"] == artifact_id)
    assert set(event) <= {"type", "artifact_id", "view"}  # the app uses the error it recorded, nothing else
    # (the shell's policy forbids eval, so no wait_for_function with a string here)
    page.locator("#status", has_text="sent to Claude").wait_for(timeout=10_000)


def test_the_artifact_cannot_call_the_fix_itself(live_server, page) -> None:
    artifact_id = live_server.import_artifact(PROBE, type="html")
    frame = open_view(page, live_server.view_url(artifact_id))
    frame.wait_for_function("window.__answer !== null", timeout=10_000)
    answer = frame.evaluate("window.__answer")
    assert answer["ok"] is False and answer["error"]["code"] == "not_allowed"
    time.sleep(0.3)
    assert not [
        e for e in live_server.events if e["type"] == "artifact.fix_requested" and e["artifact_id"] == artifact_id
    ]
