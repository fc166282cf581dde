"""Select and dropdown menu, by mouse and by keyboard, alone and inside a dialog."""

from __future__ import annotations

import pytest

from tests.browser import ui_harness as H
from tests.browser.ui_components.support import (
    no_errors,
)

pytestmark = pytest.mark.slow

# --------------------------------------------------------------------------- select


SELECT_APP = """
function App() {
  const [v, setV] = React.useState("");
  const [calls, setCalls] = React.useState([]);
  return <div className="space-y-2 w-56">
    <Select value={v} onValueChange={(x) => { setV(x); setCalls(c => [...c, x]); }}>
      <SelectTrigger id="trig"><SelectValue placeholder="Pick a fruit" /></SelectTrigger>
      <SelectContent>
        <SelectGroup><SelectLabel>Fruits</SelectLabel>
          <SelectItem value="apple">Apple</SelectItem>
          <SelectItem value="banana">Banana</SelectItem>
          <SelectItem value="blueberry" disabled>Blueberry</SelectItem>
          <SelectItem value="grapes">Grapes</SelectItem>
        </SelectGroup>
      </SelectContent>
    </Select>
    <span id="calls">{calls.join(",")}</span>
    <Select defaultValue="m"><SelectTrigger id="unc"><SelectValue /></SelectTrigger>
      <SelectContent><SelectItem value="s">Small</SelectItem><SelectItem value="m">Medium</SelectItem></SelectContent></Select>
  </div>;
}
"""


def test_select_mouse(page) -> None:
    H.open_app(page, SELECT_APP)
    trigger = page.locator("#trig")
    assert trigger.get_attribute("role") == "combobox"
    assert trigger.get_attribute("aria-expanded") == "false"
    assert trigger.inner_text() == "Pick a fruit"
    assert trigger.get_attribute("data-placeholder") == ""
    assert page.locator("#unc").inner_text() == "Medium"  # label of the default value while closed
    trigger.click()
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    assert trigger.get_attribute("aria-expanded") == "true" and trigger.get_attribute("data-state") == "open"
    assert page.get_by_role("option").count() == 4
    # opens below the trigger, at least as wide
    tb, lb = trigger.bounding_box(), listbox.bounding_box()
    assert lb["y"] >= tb["y"] + tb["height"]
    assert listbox.evaluate("e => e.offsetWidth") >= trigger.evaluate("e => e.offsetWidth")
    page.get_by_role("option", name="Banana").click()
    listbox.wait_for(state="detached")
    assert trigger.inner_text() == "Banana"
    assert trigger.get_attribute("data-placeholder") is None
    assert page.inner_text("#calls") == "banana"
    trigger.click()
    assert page.get_by_role("option", name="Banana").get_attribute("aria-selected") == "true"
    assert page.get_by_role("option", name="Banana").get_attribute("data-state") == "checked"
    page.get_by_role("option", name="Blueberry").click(force=True)  # disabled: nothing happens
    assert page.inner_text("#calls") == "banana"
    page.mouse.click(700, 500)  # outside closes
    listbox.wait_for(state="detached")
    no_errors(page)


def test_select_keyboard(page) -> None:
    H.open_app(page, SELECT_APP)
    trigger = page.locator("#trig")
    trigger.focus()
    page.keyboard.press("ArrowDown")
    page.get_by_role("listbox").wait_for()
    page.wait_for_function("document.activeElement.getAttribute('role') === 'option'")
    assert page.evaluate("document.activeElement.textContent") == "Apple"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # skips the disabled Blueberry
    assert page.evaluate("document.activeElement.textContent") == "Grapes"
    page.keyboard.press("Enter")
    page.get_by_role("listbox").wait_for(state="detached")
    assert trigger.inner_text() == "Grapes"
    assert page.evaluate("document.activeElement.id") == "trig"
    page.keyboard.press("Enter")
    page.get_by_role("listbox").wait_for()
    page.wait_for_function("document.activeElement.textContent === 'Grapes'")  # focus starts on the selected one
    page.keyboard.press("b")  # typeahead
    assert page.evaluate("document.activeElement.textContent") == "Banana"
    page.keyboard.press("Escape")
    page.get_by_role("listbox").wait_for(state="detached")
    assert trigger.inner_text() == "Grapes"
    assert page.inner_text("#calls") == "grapes"
    no_errors(page)


def test_select_inside_dialog_escape_closes_only_the_select(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <Dialog defaultOpen><DialogContent><DialogTitle>Pick</DialogTitle>
        <Select><SelectTrigger id="t"><SelectValue placeholder="Choose" /></SelectTrigger>
          <SelectContent><SelectItem value="x">Ex</SelectItem><SelectItem value="y">Why</SelectItem></SelectContent></Select>
      </DialogContent></Dialog>;
    }""",
    )
    page.get_by_role("dialog").wait_for()
    page.locator("#t").click()
    page.get_by_role("listbox").wait_for()
    page.get_by_role("option", name="Why").click()
    assert page.locator("#t").inner_text() == "Why"
    page.locator("#t").click()
    page.get_by_role("listbox").wait_for()
    page.keyboard.press("Escape")
    page.get_by_role("listbox").wait_for(state="detached")
    assert page.get_by_role("dialog").is_visible()
    page.keyboard.press("Escape")
    page.get_by_role("dialog").wait_for(state="detached")
    no_errors(page)


# --------------------------------------------------------------------------- dropdown menu


def test_dropdown_menu(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [picked, setPicked] = React.useState("");
      const [bar, setBar] = React.useState(true);
      const [pos, setPos] = React.useState("top");
      return <div>
        <DropdownMenu>
          <DropdownMenuTrigger asChild><Button id="trig" variant="outline">Open</Button></DropdownMenuTrigger>
          <DropdownMenuContent className="w-56">
            <DropdownMenuLabel>My Account</DropdownMenuLabel><DropdownMenuSeparator />
            <DropdownMenuGroup>
              <DropdownMenuItem onSelect={() => setPicked("profile")}>Profile<DropdownMenuShortcut>⇧⌘P</DropdownMenuShortcut></DropdownMenuItem>
              <DropdownMenuItem disabled>Billing</DropdownMenuItem>
              <DropdownMenuItem onSelect={() => setPicked("settings")}>Settings</DropdownMenuItem>
              <DropdownMenuSub>
                <DropdownMenuSubTrigger>Invite users</DropdownMenuSubTrigger>
                <DropdownMenuPortal><DropdownMenuSubContent>
                  <DropdownMenuItem onSelect={() => setPicked("email")}>Email</DropdownMenuItem>
                  <DropdownMenuItem>Message</DropdownMenuItem>
                </DropdownMenuSubContent></DropdownMenuPortal>
              </DropdownMenuSub>
            </DropdownMenuGroup>
            <DropdownMenuSeparator />
            <DropdownMenuCheckboxItem checked={bar} onCheckedChange={setBar}>Status bar</DropdownMenuCheckboxItem>
            <DropdownMenuRadioGroup value={pos} onValueChange={setPos}>
              <DropdownMenuRadioItem value="top">Top</DropdownMenuRadioItem>
              <DropdownMenuRadioItem value="bottom">Bottom</DropdownMenuRadioItem>
            </DropdownMenuRadioGroup>
          </DropdownMenuContent>
        </DropdownMenu>
        <span id="state">{picked}|{String(bar)}|{pos}</span>
      </div>;
    }""",
    )
    trig = page.locator("#trig")
    assert trig.get_attribute("aria-haspopup") == "menu"
    trig.click()
    menu = page.get_by_role("menu")
    menu.wait_for()
    assert trig.get_attribute("aria-expanded") == "true" and trig.get_attribute("data-state") == "open"
    assert page.get_by_role("menuitem").count() == 4  # Profile, Billing, Settings, Invite users
    assert page.get_by_role("menuitemcheckbox").get_attribute("aria-checked") == "true"
    assert page.get_by_role("menuitemradio", name="Top").get_attribute("aria-checked") == "true"
    page.get_by_role("menuitem", name="Settings").click()
    menu.wait_for(state="detached")
    assert page.inner_text("#state") == "settings|true|top"
    # keyboard: open with Enter, first item focused, arrows skip disabled items
    trig.focus()
    page.keyboard.press("Enter")
    menu.wait_for()
    page.wait_for_function("document.activeElement.textContent.startsWith('Profile')")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Settings"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Invite users"
    page.keyboard.press("ArrowRight")  # opens the submenu and focuses its first item
    page.wait_for_function("document.activeElement.textContent === 'Email'")
    assert page.get_by_role("menu").count() == 2
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("document.activeElement.textContent === 'Invite users'")
    assert page.get_by_role("menu").count() == 1
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.activeElement.textContent === 'Email'")
    page.keyboard.press("Enter")
    menu.wait_for(state="detached")
    assert page.inner_text("#state") == "email|true|top"
    assert page.evaluate("document.activeElement.id") == "trig"
    # checkbox and radio items (the menu closes after each select)
    trig.click()
    page.get_by_role("menuitemcheckbox").click()
    trig.click()
    page.get_by_role("menuitemradio", name="Bottom").click()
    assert page.inner_text("#state") == "email|false|bottom"
    # Escape and outside clicks close it
    trig.click()
    menu.wait_for()
    page.keyboard.press("Escape")
    menu.wait_for(state="detached")
    trig.click()
    menu.wait_for()
    page.mouse.click(700, 600)
    menu.wait_for(state="detached")
    # hovering the sub trigger opens the submenu
    trig.click()
    page.get_by_role("menuitem", name="Invite users").hover()
    page.get_by_role("menuitem", name="Email").wait_for()
    page.get_by_role("menuitem", name="Profile").hover()
    page.get_by_role("menuitem", name="Email").wait_for(state="detached")
    no_errors(page)
