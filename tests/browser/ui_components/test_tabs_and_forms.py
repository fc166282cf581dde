"""Tabs, checkbox, switch, radio group, slider and progress, driven by mouse and keyboard."""

from __future__ import annotations

import pytest

from tests.browser import ui_harness as H
from tests.browser.ui_components.support import (
    no_errors,
)

pytestmark = pytest.mark.slow

# --------------------------------------------------------------------------- tabs


def test_tabs_roles_click_and_arrow_keys(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <Tabs defaultValue="a">
        <TabsList><TabsTrigger value="a">Alpha</TabsTrigger><TabsTrigger value="b">Beta</TabsTrigger><TabsTrigger value="c" disabled>Gamma</TabsTrigger></TabsList>
        <TabsContent value="a">Panel A</TabsContent><TabsContent value="b">Panel B</TabsContent><TabsContent value="c">Panel C</TabsContent>
      </Tabs>;
    }""",
    )
    assert page.get_by_role("tablist").count() == 1
    alpha, beta = page.get_by_role("tab", name="Alpha"), page.get_by_role("tab", name="Beta")
    assert alpha.get_attribute("aria-selected") == "true" and alpha.get_attribute("data-state") == "active"
    assert beta.get_attribute("aria-selected") == "false" and beta.get_attribute("data-state") == "inactive"
    assert page.get_by_role("tabpanel").inner_text() == "Panel A"
    assert page.get_by_role("tabpanel").get_attribute("aria-labelledby") == alpha.get_attribute("id")
    beta.click()
    assert beta.get_attribute("aria-selected") == "true" and alpha.get_attribute("aria-selected") == "false"
    assert page.get_by_role("tabpanel").inner_text() == "Panel B"
    # arrows move (and activate) skipping the disabled tab, wrapping around
    page.keyboard.press("ArrowRight")
    assert alpha.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.textContent") == "Alpha"
    page.keyboard.press("ArrowLeft")
    assert beta.get_attribute("aria-selected") == "true"
    no_errors(page)


def test_tabs_controlled_follows_parent_state(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [v, setV] = React.useState("one");
      const [log, setLog] = React.useState([]);
      return <div>
        <Tabs value={v} onValueChange={(x) => { setLog(l => [...l, x]); if (x !== "locked") setV(x); }}>
          <TabsList><TabsTrigger value="one">One</TabsTrigger><TabsTrigger value="two">Two</TabsTrigger><TabsTrigger value="locked">Locked</TabsTrigger></TabsList>
        </Tabs>
        <button id="ext" onClick={() => setV("two")}>external</button><span id="log">{log.join(",")}</span>
      </div>;
    }""",
    )
    page.click("#ext")
    assert page.get_by_role("tab", name="Two").get_attribute("aria-selected") == "true"
    page.get_by_role("tab", name="Locked").click()
    # the parent refused: a controlled component keeps showing the parent's value
    assert page.get_by_role("tab", name="Two").get_attribute("aria-selected") == "true"
    assert page.get_by_role("tab", name="Locked").get_attribute("aria-selected") == "false"
    assert "locked" in page.inner_text("#log")
    no_errors(page)


# --------------------------------------------------------------------------- checkbox, switch, radio


def test_checkbox_uncontrolled_controlled_and_label(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [c, setC] = React.useState(false);
      return <div className="space-y-2">
        <div><Checkbox id="u" /><Label htmlFor="u">Uncontrolled</Label></div>
        <div><Checkbox id="c" checked={c} onCheckedChange={setC} /><span id="cv">{String(c)}</span></div>
        <div><Checkbox id="i" checked="indeterminate" /></div>
        <div><Checkbox id="d" disabled /></div>
      </div>;
    }""",
    )
    u = page.locator("#u")
    assert u.get_attribute("role") == "checkbox"
    assert u.get_attribute("aria-checked") == "false" and u.get_attribute("data-state") == "unchecked"
    u.click()
    assert u.get_attribute("aria-checked") == "true" and u.get_attribute("data-state") == "checked"
    page.get_by_text("Uncontrolled").click()  # the label toggles its control
    assert u.get_attribute("aria-checked") == "false"
    u.focus()
    page.keyboard.press("Space")
    assert u.get_attribute("aria-checked") == "true"
    page.locator("#c").click()
    assert page.inner_text("#cv") == "true" and page.locator("#c").get_attribute("data-state") == "checked"
    assert page.locator("#i").get_attribute("aria-checked") == "mixed"
    assert page.locator("#i").get_attribute("data-state") == "indeterminate"
    page.locator("#d").click(force=True)
    assert page.locator("#d").get_attribute("aria-checked") == "false"
    no_errors(page)


def test_switch_toggles_and_controlled_switch_can_refuse(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [calls, setCalls] = React.useState(0);
      return <div>
        <Switch id="s" />
        <Switch id="locked" checked={false} onCheckedChange={() => setCalls(n => n + 1)} />
        <span id="calls">{calls}</span>
      </div>;
    }""",
    )
    s = page.locator("#s")
    assert s.get_attribute("role") == "switch" and s.get_attribute("aria-checked") == "false"
    s.click()
    assert s.get_attribute("aria-checked") == "true" and s.get_attribute("data-state") == "checked"
    thumb = s.locator("[data-slot=switch-thumb]")
    assert thumb.get_attribute("data-state") == "checked"
    page.locator("#locked").click()
    assert page.inner_text("#calls") == "1"
    assert page.locator("#locked").get_attribute("aria-checked") == "false"
    no_errors(page)


def test_radio_group_click_and_arrows(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [v, setV] = React.useState("a");
      return <div><RadioGroup value={v} onValueChange={setV}>
        <RadioGroupItem value="a" aria-label="A" /><RadioGroupItem value="b" aria-label="B" /><RadioGroupItem value="c" aria-label="C" />
      </RadioGroup><span id="v">{v}</span></div>;
    }""",
    )
    assert page.get_by_role("radiogroup").count() == 1
    radios = page.get_by_role("radio")
    assert radios.count() == 3
    assert radios.nth(0).get_attribute("aria-checked") == "true"
    radios.nth(2).click()
    assert page.inner_text("#v") == "c" and radios.nth(2).get_attribute("data-state") == "checked"
    assert radios.nth(0).get_attribute("aria-checked") == "false"
    page.keyboard.press("ArrowDown")  # wraps to the first
    assert page.inner_text("#v") == "a"
    page.keyboard.press("ArrowDown")
    assert page.inner_text("#v") == "b"
    no_errors(page)


# --------------------------------------------------------------------------- slider, progress


def test_slider_keyboard_pointer_and_callbacks(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [v, setV] = React.useState([50]);
      const [committed, setCommitted] = React.useState("");
      return <div className="w-[400px]">
        <Slider id="s" value={v} onValueChange={setV} onValueCommit={(x) => setCommitted(String(x))} max={100} step={5} />
        <span id="v">{v.join(",")}</span><span id="c">{committed}</span>
        <Slider id="u" defaultValue={[20, 80]} />
      </div>;
    }""",
    )
    thumb = page.locator("#s [role=slider]")
    assert thumb.get_attribute("aria-valuenow") == "50"
    assert thumb.get_attribute("aria-valuemin") == "0" and thumb.get_attribute("aria-valuemax") == "100"
    thumb.focus()
    page.keyboard.press("ArrowRight")
    assert page.inner_text("#v") == "55" and thumb.get_attribute("aria-valuenow") == "55"
    assert page.inner_text("#c") == "55"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.inner_text("#v") == "45"
    page.keyboard.press("End")
    assert page.inner_text("#v") == "100"
    page.keyboard.press("ArrowRight")  # clamped at max
    assert page.inner_text("#v") == "100"
    page.keyboard.press("Home")
    assert page.inner_text("#v") == "0"
    # pointer: clicking three quarters along the track
    box = page.locator("#s").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] / 2)
    assert abs(int(page.inner_text("#v")) - 75) <= 5
    # uncontrolled range slider renders two thumbs that cannot cross
    thumbs = page.locator("#u [role=slider]")
    assert thumbs.count() == 2
    thumbs.nth(0).focus()
    page.keyboard.press("End")
    assert thumbs.nth(0).get_attribute("aria-valuenow") == "80"
    no_errors(page)


def test_progress_roles(page) -> None:
    H.open_app(
        page,
        """
    function App() { return <div><Progress id="p" value={33} /><Progress id="q" /></div>; }""",
    )
    p = page.locator("#p")
    assert p.get_attribute("role") == "progressbar" and p.get_attribute("aria-valuenow") == "33"
    assert p.get_attribute("data-state") == "loading"
    style = p.locator("[data-slot=progress-indicator]").get_attribute("style")
    assert "translateX(-67%)" in style
    assert page.locator("#q").get_attribute("data-state") == "indeterminate"
    assert page.locator("#q").get_attribute("aria-valuenow") is None
    no_errors(page)
