"""Artifacts in the style Claude writes, with Tailwind v3 classes, used as a person would.

The sources are in ``tests/browser/corpus/``: a React invite dialog (a ``bg-black bg-opacity-50``
backdrop, ring-focused inputs) and an HTML card grid that loads the Tailwind CDN script. Each
test does what a person does (opens the dialog, types) and checks what they would see: the
text, the colours and shapes Tailwind v3 gives those classes, and no error overlay.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import mouse_away, open_view
from tests.browser.test_tailwind_v3 import normalize

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "corpus"


def style(frame, selector: str, prop: str, pseudo: str | None = None) -> str:
    value = frame.eval_on_selector(selector, "(el, [p, pseudo]) => getComputedStyle(el, pseudo)[p]", [prop, pseudo])
    return normalize(value)


def no_errors(frame, page) -> None:
    assert frame.locator("#__artifact_error").count() == 0
    assert page.page_errors == []


def test_react_invite_dialog(live_server, page) -> None:
    source = (CORPUS / "react_modal_dialog.jsx").read_text(encoding="utf-8")
    aid = live_server.import_artifact(source, type="react", title="Team invite")
    frame = open_view(page, live_server.view_url(aid))
    frame.get_by_text("Nobody invited yet.").wait_for()
    card = "div.max-w-md"
    assert style(frame, card, "boxShadow") == "rgba(0, 0, 0, 0.05) 0px 1px 2px 0px"  # shadow-sm
    invite = frame.get_by_role("button", name="Invite someone")
    assert invite.evaluate("b => getComputedStyle(b).cursor") == "pointer"
    mouse_away(page)
    assert normalize(invite.evaluate("b => getComputedStyle(b).backgroundColor")) == "rgb(59, 130, 246)"

    invite.click()
    dialog = frame.get_by_role("dialog", name="Invite")
    dialog.wait_for()
    # The page behind shows through the backdrop: black at 50 %, not solid black.
    assert style(frame, "[data-testid=backdrop]", "backgroundColor") == "rgba(0, 0, 0, 0.5)"
    assert dialog.evaluate("d => getComputedStyle(d).backgroundColor") == "rgb(255, 255, 255)"
    assert frame.get_by_text("Invite a team member").is_visible()

    email = frame.get_by_placeholder("name@example.com")
    assert style(frame, "input[type=email]", "color", "::placeholder") == "rgb(156, 163, 175)"  # gray-400
    email.click()
    # focus:ring-2 focus:ring-blue-500: a 2px blue-500 ring.
    assert style(frame, "input[type=email]", "boxShadow") == "rgb(59, 130, 246) 0px 0px 0px 2px"
    email.type("ada@example.com")
    frame.locator("select").focus()
    # focus:ring: v3's default ring, 3px blue-500 at 50 %.
    assert style(frame, "select", "boxShadow") == "rgba(59, 130, 246, 0.5) 0px 0px 0px 3px"
    frame.locator("select").select_option("Editor")
    frame.get_by_role("button", name="Send invite").click()

    dialog.wait_for(state="detached")
    assert frame.locator("[data-testid=backdrop]").count() == 0
    assert frame.get_by_text("ada@example.com").is_visible()
    assert frame.get_by_text("Editor").is_visible()
    assert style(frame, "li span.text-blue-600", "color") == "rgb(37, 99, 235)"  # v3 blue-600
    no_errors(frame, page)


def test_html_card_grid_with_the_cdn_script(live_server, page) -> None:
    source = (CORPUS / "html_card_grid.html").read_text(encoding="utf-8")
    aid = live_server.import_artifact(source, type="html", title="Reading list")
    frame = open_view(page, live_server.view_url(aid))
    cards = frame.locator(".card")
    assert cards.count() == 6
    frame.wait_for_function("getComputedStyle(document.querySelector('.card')).borderTopLeftRadius === '8px'")
    mouse_away(page)
    first = ".card:first-child"
    assert style(frame, first, "boxShadow") == "rgba(0, 0, 0, 0.05) 0px 1px 2px 0px"  # shadow-sm
    assert style(frame, first, "borderTopColor") == "rgb(229, 231, 235)"  # border: gray-200
    assert style(frame, f"{first} span", "borderTopLeftRadius") == "2px"  # rounded-sm
    assert style(frame, f"{first} span", "backgroundColor") == "rgba(224, 231, 255, 0.75)"  # indigo-100 at 75 %
    assert style(frame, f"{first} p", "color") == "rgba(17, 24, 39, 0.6)"  # gray-900 at 60 %
    assert style(frame, f"{first} button", "cursor") == "pointer"
    assert style(frame, "#filter", "color", "::placeholder") == "rgb(156, 163, 175)"

    search = frame.locator("#filter")
    search.click()
    # focus:ring focus:ring-indigo-500 focus:ring-opacity-50: 3px of indigo-500 at 50 %.
    assert style(frame, "#filter", "boxShadow") == "rgba(99, 102, 241, 0.5) 0px 0px 0px 3px"
    search.type("the")
    assert cards.count() == 3
    assert frame.get_by_text("Piranesi").count() == 0
    assert frame.get_by_text("The Name of the Rose").is_visible()
    search.fill("zzz")
    assert cards.count() == 0
    assert frame.get_by_text("No book matches.").is_visible()
    search.fill("dune")
    frame.get_by_role("button", name="Mark as read").click()
    assert frame.get_by_text("Read ✓").is_visible()
    # bg-opacity-50 added by the script to a bg-white card: the grey page shows through.
    frame.wait_for_function(
        "getComputedStyle(document.querySelector('.card')).backgroundColor !== 'rgb(255, 255, 255)'"
    )
    assert style(frame, ".card", "backgroundColor") == "rgba(255, 255, 255, 0.5)"
    no_errors(frame, page)
