"""Artifacts as Claude writes them for claude.ai (``tests/browser/corpus/``), in real Chromium,
with what a person would see: the text on the page, computed values, and which error boxes show.

- A resource that does not load (an ``@import`` of a web font, a missing relative image, an
  image, stylesheet, font or media the CSP refuses) is not a crash: a quiet, dismissible notice
  (``#__artifact_notice``) says what and why, once per cause, and the app still hears of it,
  marked non-fatal. A ``data:`` image renders (the frame's CSP allows it).
- Only real crashes (an uncaught error, a rejection with an Error, a React render failure, a
  script that could not load) get the overlay (``#__artifact_error``), one box per cause.
- ``window.storage`` answers as claude.ai documents it; the Messages ``fetch`` answers every
  content block; links never navigate the frame (see test_hostile_navigation.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import LiveServer, open_view
from tests.fakes.fixtures import TEST_API_KEY
from tests.fakes.messages_api import Reply, tool_use

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "corpus"


def corpus(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def load(server: LiveServer, page, name: str):
    kind = "react" if name.endswith(".jsx") else "html"
    aid = server.import_artifact(corpus(name), type=kind, title=name)
    return aid, open_view(page, server.view_url(aid))


def overlay_count(frame) -> int:
    return frame.locator("#__artifact_error .__artifact_error_item").count()


def notice_lines(frame) -> list[str]:
    return frame.locator("#__artifact_notice .__artifact_notice_item").all_inner_texts()


def errors_of(server: LiveServer, aid: str) -> list[dict]:
    return [e for e in server.events if e.get("type") == "artifact.error" and e.get("artifact_id") == aid]


@pytest.fixture
def server(runtime_assets, tmp_path) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path / "live")
    yield live
    live.stop()


# --------------------------------------------------------------------------- window.storage


def test_a_storage_backed_tracker_starts_empty_saves_and_remembers(live_server, page) -> None:
    aid, frame = load(live_server, page, "storage-habit-tracker.jsx")
    frame.wait_for_selector("text=No habits yet. Add your first one!")
    frame.fill("input[aria-label='New habit']", "Drink water")
    frame.click("button:text-is('Add')")
    frame.wait_for_selector("text=Saved habits (personal)")
    assert live_server.state(aid, "habits") == '[{"name":"Drink water","done":false}]'
    frame.check("input[aria-label='Drink water']")
    frame.wait_for_selector("text=1 log entries under log:")
    assert frame.inner_text("#progress") == "1 of 1 done today"
    page.reload()
    frame = open_view(page, live_server.view_url(aid))
    frame.wait_for_selector("text=1 of 1 done today")
    frame.click("text=Clear all")
    frame.wait_for_selector("text=Cleared habits: deleted")
    assert live_server.state(aid, "habits") is None
    assert overlay_count(frame) == 0 and notice_lines(frame) == []
    assert errors_of(live_server, aid) == []
    assert page.page_errors == []


STORAGE_CALLS = """async () => {
  const out = {};
  try { await window.storage.get("never-written"); out.get = "resolved"; }
  catch (e) { out.get = { isError: e instanceof Error, message: e.message }; }
  out.set = await window.storage.set("note", "hi");
  out.setShared = await window.storage.set("note", "all", true);
  out.got = await window.storage.get("note");
  out.list = await window.storage.list();
  out.listPrefix = await window.storage.list("no", true);
  out.del = await window.storage.delete("note");
  out.delAgain = await window.storage.delete("note");
  return out;
}"""


def test_storage_returns_claude_ai_shapes(live_server, page) -> None:
    aid = live_server.import_artifact("<!doctype html><p>storage</p>", type="html")
    frame = open_view(page, live_server.view_url(aid))
    out = frame.evaluate(STORAGE_CALLS)
    assert out["get"]["isError"] is True and "never-written" in out["get"]["message"]
    assert out["set"] == {"key": "note", "value": "hi", "shared": False}
    assert out["setShared"] == {"key": "note", "value": "all", "shared": True}
    assert out["got"] == {"key": "note", "value": "hi", "shared": False}
    assert out["list"]["keys"] == ["note"] and out["list"]["shared"] is False
    assert out["listPrefix"] == {"keys": ["note"], "prefix": "no", "shared": True}
    assert out["del"] == {"key": "note", "deleted": True, "shared": False}
    assert out["delAgain"] == {"key": "note", "deleted": False, "shared": False}
    assert overlay_count(frame) == 0


# --------------------------------------------------------------------------- resources


def test_a_page_with_a_failing_import_and_a_broken_image_renders_with_a_quiet_notice(live_server, page) -> None:
    aid, frame = load(live_server, page, "reading-list-broken-assets.html")
    assert frame.inner_text("#summary") == "2 of 3 books finished"
    assert frame.evaluate("getComputedStyle(document.querySelector('h1')).color") == "rgb(120, 53, 15)"
    # The data: images render: the frame's CSP allows data: images.
    frame.wait_for_function("[...document.querySelectorAll('img.dot')].every((i) => i.complete)")
    assert frame.evaluate("[...document.querySelectorAll('img.dot')].map((i) => i.naturalWidth)") == [1, 1]
    frame.wait_for_selector("#__artifact_notice")
    page.wait_for_timeout(800)  # every report is in
    lines = notice_lines(frame)
    assert len(lines) == 2, lines
    [font] = [x for x in lines if "fonts.googleapis.com" in x]
    [logo] = [x for x in lines if "bookshelf-logo.png" in x]
    assert "stylesheet" in font and "offline" in font
    assert "not found" in logo and "offline" not in logo
    assert not [x for x in lines if "data:" in x]
    assert overlay_count(frame) == 0
    errors = errors_of(live_server, aid)
    assert len(errors) == 2 and all(e.get("fatal") is False for e in errors), errors
    # Dismissible: the person closes it and it stays closed.
    frame.click("#__artifact_notice button")
    assert frame.locator("#__artifact_notice").count() == 0


def test_a_blocked_cdn_script_and_the_crash_it_causes_show_once_each(live_server, page) -> None:
    aid, frame = load(live_server, page, "budget-chart-unpinned-cdn.html")
    assert frame.inner_text("#total") == "Total: $1840"
    frame.wait_for_selector("#__artifact_error")
    page.wait_for_timeout(800)
    boxes = frame.locator("#__artifact_error .__artifact_error_item").all_inner_texts()
    assert len(boxes) == 2, boxes
    [blocked] = [b for b in boxes if "cdn.example-charts.dev" in b]
    [crash] = [b for b in boxes if "MiniChart" in b]
    assert "could not load" in blocked and "minichart.min.js" in blocked
    assert "is not defined" in crash
    errors = errors_of(live_server, aid)
    assert len(errors) == 2 and all(e.get("fatal") is True for e in errors), errors


def test_a_react_crash_shows_the_overlay_once_with_its_reason(live_server, page) -> None:
    aid, frame = load(live_server, page, "crashing-quiz.jsx")
    frame.wait_for_selector("text=What is 2 + 2?")
    frame.click("text=4")
    frame.wait_for_selector("text=Which planet is red?")
    assert frame.inner_text("#score") == "Score: 1"
    frame.click("text=Mars")
    frame.wait_for_selector("#__artifact_error")
    page.wait_for_timeout(800)
    boxes = frame.locator("#__artifact_error .__artifact_error_item").all_inner_texts()
    assert len(boxes) == 1, boxes
    assert "Cannot read properties of undefined" in boxes[0]
    assert "This artifact hit an error" in boxes[0]
    assert notice_lines(frame) == []
    assert [e.get("fatal") for e in errors_of(live_server, aid)] == [True]


# --------------------------------------------------------------------------- links


def offer(page):
    return page.locator("#link-offer")


def test_anchor_links_scroll_and_outside_links_ask_the_person_first(live_server, page) -> None:
    opened: list[str] = []
    page.context.route(
        "https://developer.mozilla.org/**",
        lambda route: (opened.append(route.request.url), route.fulfill(body="mdn", content_type="text/plain")),
    )
    aid, frame = load(live_server, page, "guide-with-links.html")
    before = frame.evaluate("location.pathname")
    frame.click("#to-areas")
    frame.wait_for_function("window.scrollY > 500")
    assert frame.evaluate("document.getElementById('areas').getBoundingClientRect().top") < 50
    # An outside link: the shell asks, with the full address as text.
    frame.click("#to-mdn")
    url = "https://developer.mozilla.org/en-US/docs/Web/CSS/CSS_grid_layout"
    offer(page).wait_for()
    assert offer(page).inner_text().startswith(f"Open {url} in your browser?")
    page.locator("#link-cancel").click()
    assert offer(page).count() == 0
    assert opened == [] and len(page.context.pages) == 1
    frame.click("#to-mdn")
    page.wait_for_timeout(700)  # the Open link is armed a moment after it shows
    with page.context.expect_page() as new_page:
        page.locator("#link-open").click()
    assert new_page.value.url == url
    assert offer(page).count() == 0
    # A relative link (the artifact has no other pages) and a mailto: link: a quiet notice.
    frame.click("#to-faq")
    frame.wait_for_selector("#__artifact_notice")
    frame.click("#to-mail")
    frame.wait_for_function("document.querySelectorAll('#__artifact_notice .__artifact_notice_item').length === 2")
    lines = notice_lines(frame)
    assert "faq.html" in lines[0] and "not open" in lines[0]
    assert "mailto:" in lines[1]
    assert offer(page).count() == 0
    assert frame.evaluate("location.pathname") == before
    assert overlay_count(frame) == 0
    assert all(e.get("fatal") is False for e in errors_of(live_server, aid))


# --------------------------------------------------------------------------- the model


def test_a_react_app_sends_an_image_to_the_messages_api_and_shows_every_block(server, page, anthropic_env) -> None:
    def answer(body):
        if body.get("tools"):
            return Reply("A small red square on white.", tool_use("save_caption", {"caption": "Red square"}))
        return Reply("  Crimson Geometry  ")

    anthropic_env.responder = answer
    _aid, frame = load(server, page, "photo-caption-assistant.jsx")
    frame.click("text=Describe photo")
    frame.wait_for_selector(".caption")
    assert frame.inner_text(".description") == "A small red square on white."
    assert frame.inner_text(".caption") == "Caption saved: Red square (save_caption)"
    frame.click("text=Suggest album title")
    frame.wait_for_selector("#album-title")
    assert frame.inner_text("#album-title") == "Album: Crimson Geometry"
    first = anthropic_env.requests[0]
    image = first.messages[0]["content"][0]
    assert image["type"] == "image" and image["source"]["type"] == "base64"
    assert image["source"]["media_type"] == "image/png"
    assert first.api_key == TEST_API_KEY
    assert TEST_API_KEY not in page.content() and TEST_API_KEY not in frame.content()
    assert frame.locator("#error").count() == 0
    assert overlay_count(frame) == 0


DOCUMENT_FETCH = """async () => {
  const pdf = btoa("%PDF-1.4\\n1 0 obj << /Type /Catalog >> endobj\\ntrailer << /Root 1 0 R >>\\n%%EOF");
  const response = await fetch("https://api.anthropic.com/v1/messages", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: "claude-sonnet-4-20250514",
      max_tokens: 500,
      messages: [{ role: "user", content: [
        { type: "document", source: { type: "base64", media_type: "application/pdf", data: pdf } },
        { type: "text", text: "Summarise the attached PDF." },
      ] }],
    }),
  });
  return { status: response.status, data: await response.json() };
}"""


def test_a_base64_document_block_is_accepted(server, page, anthropic_env) -> None:
    anthropic_env.responder = lambda body: Reply("It is an empty PDF.")
    aid = server.import_artifact("<!doctype html><p>docs</p>", type="html")
    frame = open_view(page, server.view_url(aid))
    answer = frame.evaluate(DOCUMENT_FETCH)
    assert answer["status"] == 200, answer
    assert answer["data"]["content"] == [{"type": "text", "text": "It is an empty PDF."}]
    [request] = anthropic_env.requests
    assert request.messages[0]["content"][0]["source"]["media_type"] == "application/pdf"
