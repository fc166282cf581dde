"""Accordion, collapsible, tooltip and popover."""

from __future__ import annotations

import pytest

from tests.browser import ui_harness as H
from tests.browser.ui_components.support import (
    no_errors,
)

pytestmark = pytest.mark.slow

# --------------------------------------------------------------------------- accordion, collapsible


def test_accordion_single_and_multiple(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <div>
        <Accordion id="single" type="single" collapsible>
          <AccordionItem value="a"><AccordionTrigger>First</AccordionTrigger><AccordionContent>One</AccordionContent></AccordionItem>
          <AccordionItem value="b"><AccordionTrigger>Second</AccordionTrigger><AccordionContent>Two</AccordionContent></AccordionItem>
        </Accordion>
        <Accordion id="strict" type="single" defaultValue="x">
          <AccordionItem value="x"><AccordionTrigger>Ex</AccordionTrigger><AccordionContent>X body</AccordionContent></AccordionItem>
        </Accordion>
        <Accordion id="multi" type="multiple">
          <AccordionItem value="m1"><AccordionTrigger>M1</AccordionTrigger><AccordionContent>M1 body</AccordionContent></AccordionItem>
          <AccordionItem value="m2"><AccordionTrigger>M2</AccordionTrigger><AccordionContent>M2 body</AccordionContent></AccordionItem>
        </Accordion>
      </div>;
    }""",
    )
    first = page.get_by_role("button", name="First")
    second = page.get_by_role("button", name="Second")
    assert first.get_attribute("aria-expanded") == "false" and page.get_by_text("One").count() == 0
    first.click()
    assert first.get_attribute("aria-expanded") == "true" and first.get_attribute("data-state") == "open"
    assert page.get_by_role("region", name="First").inner_text() == "One"
    second.click()  # single: opening one closes the other
    assert first.get_attribute("aria-expanded") == "false" and second.get_attribute("aria-expanded") == "true"
    second.click()  # collapsible
    assert second.get_attribute("aria-expanded") == "false"
    ex = page.get_by_role("button", name="Ex")
    assert ex.get_attribute("aria-disabled") == "true"  # open and not collapsible, as in Radix
    ex.click(force=True)  # stays open
    assert ex.get_attribute("aria-expanded") == "true"
    page.get_by_role("button", name="M1").click()
    page.get_by_role("button", name="M2").click()
    assert page.get_by_text("M1 body").is_visible() and page.get_by_text("M2 body").is_visible()
    page.get_by_role("button", name="M1").click()
    assert page.get_by_text("M1 body").count() == 0
    # keyboard: arrows move between triggers of one accordion
    first.focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Second"
    no_errors(page)


def test_collapsible(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <Collapsible><CollapsibleTrigger asChild><Button>Toggle</Button></CollapsibleTrigger>
        <CollapsibleContent>Hidden stuff</CollapsibleContent></Collapsible>;
    }""",
    )
    assert page.get_by_text("Hidden stuff").count() == 0
    page.get_by_role("button", name="Toggle").click()
    assert page.get_by_text("Hidden stuff").is_visible()
    no_errors(page)


# --------------------------------------------------------------------------- tooltip, popover


def test_tooltip_hover_focus_and_escape(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <TooltipProvider delayDuration={50}><div className="p-10 flex gap-4">
        <Tooltip><TooltipTrigger asChild><Button id="t">Hover me</Button></TooltipTrigger><TooltipContent>Add to library</TooltipContent></Tooltip>
        <Button id="other">Other</Button>
        <Tooltip><TooltipTrigger id="bare">No provider</TooltipTrigger><TooltipContent side="bottom">Works too</TooltipContent></Tooltip>
      </div></TooltipProvider>;
    }""",
    )
    assert page.get_by_role("tooltip").count() == 0
    page.hover("#t")
    tip = page.get_by_role("tooltip")
    tip.wait_for()
    assert tip.inner_text() == "Add to library"
    assert page.locator("#t").get_attribute("aria-describedby") == tip.get_attribute("id")
    tb, bb = tip.bounding_box(), page.locator("#t").bounding_box()
    assert tb["y"] + tb["height"] <= bb["y"]  # above the trigger by default
    page.hover("#other")
    tip.wait_for(state="detached")
    page.focus("#t")
    tip.wait_for()
    page.keyboard.press("Escape")
    tip.wait_for(state="detached")
    page.hover("#bare")
    page.get_by_role("tooltip", name="Works too").wait_for()
    no_errors(page)


def test_tooltip_without_provider(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <div className="p-10"><Tooltip delayDuration={0}><TooltipTrigger>Bare</TooltipTrigger>
        <TooltipContent><p>Alone</p></TooltipContent></Tooltip></div>;
    }""",
    )
    page.hover("text=Bare")
    page.get_by_role("tooltip").wait_for()
    no_errors(page)


def test_popover(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <div className="p-10"><Popover>
        <PopoverTrigger asChild><Button variant="outline" id="p">Open popover</Button></PopoverTrigger>
        <PopoverContent className="w-80"><div className="grid gap-2"><Label htmlFor="width">Width</Label><Input id="width" defaultValue="100%" /></div></PopoverContent>
      </Popover></div>;
    }""",
    )
    page.click("#p")
    dlg = page.get_by_role("dialog")
    dlg.wait_for()
    assert page.locator("#p").get_attribute("aria-expanded") == "true"
    page.wait_for_function("document.activeElement.id === 'width'")
    assert dlg.evaluate("e => e.offsetWidth") == 320  # className w-80 replaced w-72
    page.click("#p")  # the trigger toggles it closed
    dlg.wait_for(state="detached")
    page.click("#p")
    dlg.wait_for()
    page.keyboard.press("Escape")
    dlg.wait_for(state="detached")
    assert page.evaluate("document.activeElement.id") == "p"
    page.click("#p")
    dlg.wait_for()
    page.mouse.click(900, 600)
    dlg.wait_for(state="detached")
    no_errors(page)
