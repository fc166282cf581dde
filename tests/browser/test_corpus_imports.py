"""Artifacts written the way Claude writes them for claude.ai, each leaning on one thing a
bundler, a CDN or the browser would give it there (``corpus/``, one file per artifact). Each is
rendered in the real sandboxed frame, driven as a person would, and checked by what shows."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.browser.conftest import artifact_frame, wait_overlay

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).with_name("corpus")


def load(live_server, name: str, **kw) -> str:
    path = CORPUS / name
    kind = "react" if path.suffix in (".jsx", ".tsx") else "html"
    return live_server.import_artifact(path.read_text(encoding="utf-8"), type=kind, **kw)


def open_view(page, url: str, *, timeout: float = 20.0):
    """Open ``url`` and return the frame once it rendered or shows an error overlay (a broken
    artifact never signals that it rendered: its assertions then say what is wrong). Opening the
    same view again loads it afresh (a goto that differs only in the fragment would not)."""
    page.goto("about:blank")
    page.goto(url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.locator("#frame").count() and page.locator("#frame").get_attribute("src"):
            frame = artifact_frame(page)
            if page.locator("body[data-rendered]").count() or frame.locator("#__artifact_error").count():
                return frame
        time.sleep(0.1)
    raise AssertionError(f"{url} neither rendered nor showed an error within {timeout} s")


def shows(frame, text: str, timeout: float = 10_000) -> None:
    """Wait for ``text`` to be visible; fail with the error overlay's text when one shows."""
    overlay = frame.locator("#__artifact_error")
    frame.locator(f"text={text}").or_(overlay).first.wait_for(timeout=timeout)
    assert overlay.count() == 0, overlay.inner_text()
    frame.get_by_text(text).first.wait_for(timeout=timeout)


def no_overlay(frame, page) -> None:
    assert frame.locator("#__artifact_error").count() == 0, frame.inner_text("#__artifact_error")
    assert page.page_errors == []


def test_synth_reads_process_env_and_import_meta_env(live_server, page) -> None:
    frame = open_view(page, live_server.view_url(load(live_server, "synth_build_env.jsx")))
    shows(frame, "Pocket Synth")
    assert frame.inner_text("#mode") == "mode production · prod true · dev false · api offline"
    frame.get_by_role("button", name="E4").click()
    frame.get_by_role("button", name="G4").click()
    assert frame.locator("#log li").all_inner_texts() == [
        "E4 329.6 Hz at volume 0.5",
        "G4 392.0 Hz at volume 0.5",
    ]
    no_overlay(frame, page)


def test_shadcn_imports_with_file_extensions(live_server, page) -> None:
    frame = open_view(page, live_server.view_url(load(live_server, "shadcn_signup_form.jsx")))
    shows(frame, "Join the newsletter")
    button = frame.get_by_role("button", name="Subscribe")
    assert button.is_disabled()
    frame.locator("#email").fill("ada@example.org")
    button.click()
    assert frame.inner_text("#thanks") == "Thanks, ada@example.org is subscribed."
    no_overlay(frame, page)


def test_d3_chart_from_d3js_org(live_server, page) -> None:
    frame = open_view(page, live_server.view_url(load(live_server, "d3_bar_chart_d3js_org.html")))
    shows(frame, "Fruit Sales")
    assert frame.locator("rect.bar").count() == 3
    assert frame.inner_text("#summary").startswith("Total 88 sold; best seller Apples (d3 7.")
    no_overlay(frame, page)


def test_mammoth_imports_and_reads(live_server, page) -> None:
    frame = open_view(page, live_server.view_url(load(live_server, "mammoth_docx_reader.jsx")))
    shows(frame, "Word document reader")
    shows(frame, "Reader ready: an empty file is not a .docx")
    no_overlay(frame, page)


def test_tfjs_sums_a_tensor(live_server, page) -> None:
    frame = open_view(page, live_server.view_url(load(live_server, "tfjs_tensor_sum.jsx")))
    shows(frame, "Tensor Playground")
    frame.locator("#values").fill("2, 3.5, 4")
    frame.get_by_role("button", name="Sum with TensorFlow").click()
    shows(frame, "Sum 9.5", timeout=30_000)
    assert frame.inner_text("#result") == "Sum 9.5 · mean 3.167 · 3 values"
    no_overlay(frame, page)


def test_mermaid_from_a_script_created_at_run_time(live_server, page) -> None:
    frame = open_view(page, live_server.view_url(load(live_server, "mermaid_loaded_at_runtime.html")))
    shows(frame, "Diagram ready", timeout=20_000)
    labels = frame.locator("#diagram").inner_text()
    assert all(word in labels for word in ("Idea", "Prototype", "Launch"))
    no_overlay(frame, page)


def test_chart_js_by_set_attribute_with_a_cdn_integrity_hash(live_server, page) -> None:
    frame = open_view(page, live_server.view_url(load(live_server, "chart_loaded_with_integrity.html")))
    shows(frame, "7 days, 57,500 steps")
    assert frame.inner_text("#status").startswith("Chart.js 4.")
    no_overlay(frame, page)


def wait_state(live_server, artifact_id: str, key: str, value: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while live_server.state(artifact_id, key) != value:
        assert time.monotonic() < deadline, (key, live_server.state(artifact_id, key))
        time.sleep(0.05)


def test_local_storage_counter_survives_a_reload(live_server, page) -> None:
    aid = load(live_server, "localstorage_click_counter.jsx")
    frame = open_view(page, live_server.view_url(aid))
    shows(frame, "Click Counter")
    assert frame.inner_text("#count") == "0"
    for _ in range(3):
        frame.get_by_role("button", name="Click me").click()
    assert frame.inner_text("#count") == "3"
    wait_state(live_server, aid, "__localStorage:clicks", "3")
    assert live_server.state(aid, "__localStorage:lastClick") == "yes"
    frame = open_view(page, live_server.view_url(aid))
    shows(frame, "Click Counter")
    assert frame.inner_text("#count") == "3"
    assert frame.inner_text("#visits") == "Views this session: 1"  # sessionStorage is the page's own
    frame.get_by_role("button", name="Reset").click()
    assert frame.inner_text("#count") == "0"
    wait_state(live_server, aid, "__localStorage:clicks", "0")
    no_overlay(frame, page)


def test_local_storage_is_read_while_an_html_page_parses(live_server, page) -> None:
    aid = load(live_server, "localstorage_theme_notes.html")
    frame = open_view(page, live_server.view_url(aid))
    shows(frame, "Nothing saved yet")
    frame.get_by_role("button", name="Toggle theme").click()
    frame.locator("#note").fill("buy oat milk")
    wait_state(live_server, aid, "__localStorage:quick-notes%2Ftext", "buy oat milk")
    wait_state(live_server, aid, "__localStorage:quick-notes%2Fsettings", '{"dark":true}')
    frame = open_view(page, live_server.view_url(aid))
    shows(frame, "Restored 12 characters")
    assert frame.input_value("#note") == "buy oat milk"
    assert frame.evaluate("document.body.className") == "dark"
    no_overlay(frame, page)


def test_relative_fetch_reads_an_attached_csv(live_server, page) -> None:
    aid = load(live_server, "csv_sales_by_relative_fetch.jsx")
    csv = b"region,amount\nNorth,120\nSouth,80\nWest,45\n"
    live_server.run(lambda: live_server.store.attach_file("sales.csv", csv, artifact_id=aid))
    frame = open_view(page, live_server.view_url(aid))
    shows(frame, "Total across 3 regions: 245")
    assert frame.locator("tr").all_inner_texts() == ["North\t120", "South\t80", "West\t45"]
    no_overlay(frame, page)


def test_relative_fetch_of_a_file_not_attached_says_how_to_attach_it(live_server, page) -> None:
    aid = load(live_server, "csv_sales_by_relative_fetch.jsx")
    frame = open_view(page, live_server.view_url(aid))
    text = wait_overlay(frame)
    frame.get_by_text("HTTP 404").wait_for()
    assert f"artifacts attach {aid} sales.csv" in text
    assert "window.fs.readFile" in text
    assert "grant" not in text


def test_title_comes_from_the_component_not_its_constants(live_server, page) -> None:
    aid = load(live_server, "memory_match_titled.jsx")  # no title given: inferred on import
    frame = open_view(page, live_server.view_url(aid))
    page.locator("#title", has_text="Memory Match").wait_for()
    assert frame.title() == "Memory Match"
    frame.get_by_role("button", name="tile").nth(5).click()
    assert frame.inner_text("#flips") == "Flips: 1"
    no_overlay(frame, page)
