"""A share's frame document opened on its own, in real Chromium against the real server.

Who attacks: someone holding a published link (a visitor, or whoever they forward URLs to).
What they try: open the frame document (the artifact's own code) as a top-level page — from
the bare URL, with a ticket taken from another visitor, or with one that expired — where it
would run outside the shell's sandboxed iframe. What must hold: the frame needs the ticket the
share page gets from ``/info`` for that visitor, for a few minutes; anything else is a 403 that
shows none of the artifact; the share page itself still renders its frame.
"""

from __future__ import annotations

import time

import pytest

from artifacts_runtime.server.tickets import SHARE_FRAME_TICKET_SECONDS, share_frame_ticket
from tests.browser.conftest import artifact_frame

pytestmark = pytest.mark.slow

MARK = "only-in-the-frame-document"
PAGE = f"<!doctype html><html><body><h1 id='title'>{MARK}</h1></body></html>"


@pytest.fixture
def link(live_server):
    artifact = live_server.import_artifact(PAGE, type="html", title="Board")
    token = live_server.run(lambda: live_server.store.publish(artifact))
    return token, f"{live_server.base_url}/s/{token}"


@pytest.fixture
def people(chromium):
    contexts = [chromium.new_context(), chromium.new_context()]
    yield contexts
    for context in contexts:
        context.close()


def open_share(context, url: str):
    page = context.new_page()
    assert page.goto(url).status == 200
    page.wait_for_selector("body[data-rendered]", state="attached", timeout=20_000)
    return page


def frame_src(page) -> str:
    return page.eval_on_selector("#frame", "f => f.src")


def refused(page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 403
    body = page.inner_text("body")
    assert MARK not in page.content() and "open the shared link itself" in body


def test_the_share_page_renders_its_frame_through_a_ticket(live_server, link, people):
    token, url = link
    page = open_share(people[0], url)
    assert artifact_frame(page).inner_text("#title") == MARK
    assert f"/s/{token}/frame?v=1&ticket=" in frame_src(page)


def test_the_frame_without_a_ticket_is_refused_top_level(live_server, link, people):
    _, url = link
    page = open_share(people[0], url)  # even for a visitor with a cookie
    for bare in (f"{url}/frame", f"{url}/frame?v=1", f"{url}/frame?v=1&ticket=", f"{url}/frame?ticket=1.abc"):
        refused(page, bare)


def test_a_ticket_taken_from_another_visitor_is_refused(live_server, link, people):
    _, url = link
    alice = open_share(people[0], url)
    src = frame_src(alice)
    bob = people[1].new_page()
    refused(bob, src)  # no cookie at all
    open_share(people[1], url)  # Bob's own cookie: still not his ticket
    refused(bob, src)


def test_an_expired_ticket_is_refused(live_server, link, people):
    token, url = link
    page = open_share(people[0], url)
    cookie = next(c["value"] for c in people[0].cookies() if c["name"] == "la_visitor")
    visitor = cookie.split(".")[0]
    stale = share_frame_ticket(live_server.token, token, visitor, time.time() - SHARE_FRAME_TICKET_SECONDS - 5)
    refused(page, f"{url}/frame?v=1&ticket={stale}")
    fresh = share_frame_ticket(live_server.token, token, visitor, time.time())
    response = page.goto(f"{url}/frame?v=1&ticket={fresh}")  # the same visitor, in time: served
    assert response is not None and response.status == 200
