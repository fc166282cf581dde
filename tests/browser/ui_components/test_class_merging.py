"""Class merging (the real tailwind-merge, clsx and cva): an artifact's classes win over the
components' defaults; the theme variables and dark class; toggles."""

from __future__ import annotations

import json

import pytest

from tests.browser import ui_harness as H
from tests.browser.ui_components.support import (
    EMERALD_600,
    PRIMARY,
    no_errors,
)

pytestmark = pytest.mark.slow

# --------------------------------------------------------------------------- class merging


def test_artifact_classes_win_over_component_defaults(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <div className="space-y-2">
        <Button id="plain">Plain</Button>
        <Button id="green" className="bg-emerald-600 p-2 rounded-full text-lg">Green</Button>
        <Button id="link" asChild className="bg-emerald-600"><a href="#x">Link</a></Button>
        <Badge id="badge" className="bg-red-500 text-white">B</Badge>
        <Card id="card" className="p-8 border-2 border-blue-500"><CardContent id="cc" className="pt-6">x</CardContent></Card>
        <Input id="inp" className="h-12 w-40" />
      </div>;
    }""",
    )
    style = lambda sel, prop: page.locator(sel).evaluate(f"e => getComputedStyle(e).{prop}")  # noqa: E731
    assert style("#plain", "backgroundColor") == PRIMARY
    assert style("#green", "backgroundColor") == EMERALD_600
    assert style("#green", "paddingLeft") == "8px" and style("#green", "paddingTop") == "8px"
    assert style("#green", "height") == "40px"  # h-10 kept
    assert style("#green", "fontSize") == "18px"
    assert style("#green", "borderTopLeftRadius") != "6px"
    cls = page.locator("#green").get_attribute("class")
    assert "bg-primary " not in cls + " " and "px-4" not in cls and "py-2" not in cls and "text-sm" not in cls
    assert "text-primary-foreground" in cls  # a color does not conflict with a size
    assert page.locator("#link").evaluate("e => e.tagName") == "A"
    assert style("#link", "backgroundColor") == EMERALD_600
    assert style("#badge", "backgroundColor") == "rgb(239, 68, 68)"  # v3 red-500
    assert style("#card", "paddingTop") == "32px" and style("#card", "borderTopWidth") == "2px"
    assert style("#card", "borderTopColor") == "rgb(59, 130, 246)"  # v3 blue-500
    assert style("#cc", "paddingTop") == "24px" and style("#cc", "paddingLeft") == "24px"
    assert style("#inp", "height") == "48px" and style("#inp", "width") == "160px"
    no_errors(page)


CN_CASES = [
    # (args as JSON, expected)
    (["px-2 py-1 bg-red-500", "p-3 bg-[#B91C1C]"], "p-3 bg-[#B91C1C]"),
    (["bg-slate-900 px-4 py-2", "bg-emerald-600 p-2"], "bg-emerald-600 p-2"),
    (["p-3", "px-5"], "p-3 px-5"),
    (["text-sm text-red-500", "text-lg"], "text-red-500 text-lg"),
    (["text-sm", "text-muted-foreground"], "text-sm text-muted-foreground"),
    (["font-medium", "font-bold font-mono"], "font-bold font-mono"),
    (["hover:bg-primary/90 bg-primary", "hover:bg-emerald-700"], "bg-primary hover:bg-emerald-700"),
    (
        ["data-[state=open]:bg-accent", "data-[state=open]:bg-white data-[state=closed]:bg-black"],
        "data-[state=open]:bg-white data-[state=closed]:bg-black",
    ),
    (["hover:focus:bg-red-500", "focus:hover:bg-blue-500"], "focus:hover:bg-blue-500"),
    (["md:w-10 w-4", "md:w-20"], "w-4 md:w-20"),
    (["border border-input", "border-2 border-red-500"], "border-2 border-red-500"),
    (["border-x-2 border-t", "border"], "border"),
    (["rounded-md rounded-tl-none", "rounded-lg"], "rounded-lg"),
    (["rounded-lg", "rounded-t-none"], "rounded-lg rounded-t-none"),
    (["shadow-sm", "shadow-lg shadow-black/5"], "shadow-lg shadow-black/5"),
    (["ring-2 ring-ring ring-offset-2", "ring-0 ring-blue-500"], "ring-offset-2 ring-0 ring-blue-500"),
    (["outline-none", "outline-2 outline-red-500"], "outline-none outline-2 outline-red-500"),
    (["block flex-col", "hidden"], "flex-col hidden"),
    (["absolute inset-0", "relative top-2"], "inset-0 relative top-2"),
    (["top-0 left-0", "inset-2"], "inset-2"),
    (["h-10 w-10", "size-8"], "size-8"),
    (
        ["flex-row justify-start items-center", "flex-col justify-between items-start"],
        "flex-col justify-between items-start",
    ),
    (["grid-cols-2 gap-4", "grid-cols-[1fr_auto] gap-x-2"], "gap-4 grid-cols-[1fr_auto] gap-x-2"),
    (["gap-x-2 gap-y-1", "gap-3"], "gap-3"),
    (["opacity-50 z-10 cursor-pointer", "opacity-100 z-50 cursor-not-allowed"], "opacity-100 z-50 cursor-not-allowed"),
    (["overflow-x-auto overflow-y-hidden", "overflow-hidden"], "overflow-hidden"),
    (["min-w-0 max-w-lg min-h-0 max-h-96", "min-w-[8rem] max-w-md"], "min-h-0 max-h-96 min-w-[8rem] max-w-md"),
    (["mt-2 mx-auto", "m-0"], "m-0"),
    (["-mt-2", "mt-4"], "mt-4"),
    (["bg-cover bg-red-500", "bg-blue-500"], "bg-cover bg-blue-500"),
    (["bg-gradient-to-r from-red-500", "bg-white"], "bg-gradient-to-r from-red-500 bg-white"),
    (["text-[14px] text-[#333]", "text-base"], "text-[#333] text-base"),
    (["leading-6", "text-sm/7"], "text-sm/7"),
    (["!p-2", "p-4"], "!p-2 p-4"),
    (["my-card header", "my-card"], "header my-card"),
    (["peer size-4", "[&>svg]:size-3"], "peer size-4 [&>svg]:size-3"),
    (["w-full", None, False, {"w-1/2": True, "hidden": False}, ["opacity-0", ["opacity-100"]]], "w-1/2 opacity-100"),
    (["transition-colors duration-200", "transition-all duration-500"], "transition-all duration-500"),
    (["stroke-2 stroke-red-500", "stroke-1"], "stroke-red-500 stroke-1"),
    (["top-bar", "top-0"], "top-bar top-0"),
]


def test_cn_cases_in_the_page(page) -> None:
    H.open_app(page, "function App() { return <div/>; }")
    results = page.evaluate(
        "(cases) => cases.map(args => window.__artifactsUI.cn(...args))",
        [args for args, _ in CN_CASES],
    )
    failures = [
        f"cn({json.dumps(args)}) = {got!r}, expected {want!r}"
        for (args, want), got in zip(CN_CASES, results, strict=True)
        if got != want
    ]
    assert not failures, "\n".join(failures)


def test_theme_variables_and_dark_class(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      return <div><div id="light"><Button>Light</Button></div><div className="dark"><Button id="dark">Dark</Button></div>
        <p id="muted" className="text-muted-foreground">muted</p></div>;
    }""",
    )
    assert page.locator("#light button").evaluate("e => getComputedStyle(e).backgroundColor") == PRIMARY
    assert page.locator("#dark").evaluate("e => getComputedStyle(e).backgroundColor") == "oklch(0.922 0 0)"
    assert page.locator("#muted").evaluate("e => getComputedStyle(e).color") == "oklch(0.556 0 0)"
    assert page.evaluate("document.querySelectorAll('#artifacts-ui-theme').length") == 1
    assert page.evaluate("document.getElementById('artifacts-ui-theme').type") == "text/tailwindcss"
    no_errors(page)


def test_toggle_and_toggle_group(page) -> None:
    H.open_app(
        page,
        """
    function App() {
      const [v, setV] = React.useState("left");
      return <div>
        <Toggle id="b" aria-label="Bold">B</Toggle>
        <ToggleGroup type="single" value={v} onValueChange={setV}>
          <ToggleGroupItem value="left">L</ToggleGroupItem><ToggleGroupItem value="right">R</ToggleGroupItem></ToggleGroup>
        <span id="v">{v}</span></div>;
    }""",
    )
    b = page.locator("#b")
    assert b.get_attribute("aria-pressed") == "false" and b.get_attribute("data-state") == "off"
    b.click()
    assert b.get_attribute("aria-pressed") == "true" and b.get_attribute("data-state") == "on"
    page.get_by_text("R", exact=True).click()
    assert page.inner_text("#v") == "right"
    no_errors(page)
