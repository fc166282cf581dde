"""Tailwind v3 semantics in a real browser: class → computed value, with v3's own values.

Claude writes Tailwind v3 classes; the runtime's engine is Tailwind 4 (@tailwindcss/browser)
with a v3 layer on top (``artifacts_runtime/page/tailwind-v3.js``, the palette of the pinned
``tailwindcss`` 3 package). Each row of ``CASES`` is an element written as an artifact writes
it and what v3 computes for it (``tailwindcss@3.4``'s generated CSS, as Chromium computes it).
The same table runs in a React artifact and in an HTML artifact that loads the Tailwind CDN
script (``https://cdn.tailwindcss.com``, served locally).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from tests.browser.conftest import mouse_away, open_view

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Case:
    id: str
    markup: str  # HTML with class= (converted to className= for React); the probed element has id=ID
    prop: str  # a computed-style property, or "::placeholder color", or "divider color"
    expected: str
    react: str | None = None  # where a React artifact differs on purpose (see the row)


TRANSPARENT_LAYER = "rgba(0, 0, 0, 0) 0px 0px 0px 0px"

CASES = (
    # The opacity utilities v4 dropped: the modal backdrop is black at 50 %, not solid black.
    Case(
        "bg-opacity",
        '<div id="bg-opacity" class="bg-black bg-opacity-50">x</div>',
        "backgroundColor",
        "rgba(0, 0, 0, 0.5)",
    ),
    Case(
        "bg-opacity-white",
        '<div id="bg-opacity-white" class="bg-white bg-opacity-75">x</div>',
        "backgroundColor",
        "rgba(255, 255, 255, 0.75)",
    ),
    Case(
        "bg-opacity-child",  # v3 resets the opacity with each colour: a child's bg-white is opaque
        '<div class="bg-black bg-opacity-50"><p id="bg-opacity-child" class="bg-white">x</p></div>',
        "backgroundColor",
        "rgb(255, 255, 255)",
    ),
    Case(
        "text-opacity",
        '<p id="text-opacity" class="text-red-600 text-opacity-75">x</p>',
        "color",
        "rgba(220, 38, 38, 0.75)",
    ),
    Case(
        "border-opacity",
        '<div id="border-opacity" class="border-2 border-green-500 border-opacity-25">x</div>',
        "borderTopColor",
        "rgba(34, 197, 94, 0.25)",
    ),
    Case(
        "ring-opacity",
        '<div id="ring-opacity" class="ring-2 ring-indigo-500 ring-opacity-50">x</div>',
        "boxShadow",
        "rgba(99, 102, 241, 0.5) 0px 0px 0px 2px",
    ),
    Case(
        "divide-opacity",
        '<div id="divide-opacity" class="divide-y divide-gray-900 divide-opacity-10"><p>a</p><p>b</p></div>',
        "divider color",
        "rgba(17, 24, 39, 0.1)",
    ),
    Case(
        "placeholder-opacity",
        '<input id="placeholder-opacity" class="placeholder-gray-500 placeholder-opacity-50" placeholder="Name">',
        "::placeholder color",
        "rgba(107, 114, 128, 0.5)",
    ),
    # v3's palette (hex), not v4's oklch one.
    Case("palette-blue", '<div id="palette-blue" class="bg-blue-500">x</div>', "backgroundColor", "rgb(59, 130, 246)"),
    Case(
        "palette-emerald",
        '<div id="palette-emerald" class="bg-emerald-600">x</div>',
        "backgroundColor",
        "rgb(5, 150, 105)",
    ),
    Case("palette-text", '<p id="palette-text" class="text-gray-700">x</p>', "color", "rgb(55, 65, 81)"),
    # The colour modifier v3.3 also has keeps working.
    Case(
        "slash-opacity", '<div id="slash-opacity" class="bg-black/50">x</div>', "backgroundColor", "rgba(0, 0, 0, 0.5)"
    ),
    # Theme steps v4 moved.
    Case("ring", '<button id="ring" class="ring">x</button>', "boxShadow", "rgba(59, 130, 246, 0.5) 0px 0px 0px 3px"),
    Case(
        "shadow-sm", '<div id="shadow-sm" class="shadow-sm">x</div>', "boxShadow", "rgba(0, 0, 0, 0.05) 0px 1px 2px 0px"
    ),
    Case(
        "shadow",
        '<div id="shadow" class="shadow">x</div>',
        "boxShadow",
        "rgba(0, 0, 0, 0.1) 0px 1px 3px 0px, rgba(0, 0, 0, 0.1) 0px 1px 2px -1px",
    ),
    Case("rounded-sm", '<div id="rounded-sm" class="rounded-sm">x</div>', "borderTopLeftRadius", "2px"),
    Case("rounded", '<div id="rounded" class="rounded">x</div>', "borderTopLeftRadius", "4px"),
    Case("rounded-md", '<div id="rounded-md" class="rounded-md">x</div>', "borderTopLeftRadius", "6px"),
    Case("blur-sm", '<div id="blur-sm" class="blur-sm">x</div>', "filter", "blur(4px)"),
    # v3's preflight.
    # In React artifacts borders take shadcn's theme colour (--border, neutral-200), which our
    # @/components/ui set for the whole page as shadcn's own stylesheet does.
    Case(
        "border-color",
        '<div id="border-color" class="border">x</div>',
        "borderTopColor",
        "rgb(229, 231, 235)",
        react="oklch(0.922 0 0)",
    ),
    Case("border-width", '<div id="border-width" class="border">x</div>', "borderTopWidth", "1px"),
    Case("button-cursor", '<button id="button-cursor">Save</button>', "cursor", "pointer"),
    Case("role-button-cursor", '<div id="role-button-cursor" role="button">Save</div>', "cursor", "pointer"),
    Case("disabled-cursor", '<button id="disabled-cursor" disabled>Save</button>', "cursor", "default"),
    Case("placeholder", '<input id="placeholder" placeholder="Search">', "::placeholder color", "rgb(156, 163, 175)"),
)


def _to_react(markup: str) -> str:
    jsx = markup.replace(' class="', ' className="').replace(" disabled>", " disabled={true}>")
    return re.sub(r"<input([^>]*)>", r"<input\1 />", jsx)


def react_source() -> str:
    body = "\n      ".join(_to_react(c.markup) for c in CASES)
    return f"""import React from "react";

export default function Table() {{
  return (
    <div className="p-4 space-y-2">
      {body}
    </div>
  );
}}
"""


def html_source() -> str:
    body = "\n  ".join(c.markup for c in CASES)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <title>Tailwind v3 table</title>
  <script src="https://cdn.tailwindcss.com"></script>
</head>
<body class="p-4">
  {body}
</body>
</html>
"""


PROBE = """([id, prop]) => {
  const el = document.getElementById(id);
  if (prop === "::placeholder color") return getComputedStyle(el, "::placeholder").color;
  if (prop === "divider color") {
    // v3 draws the line on the second child's top, v4 on the first child's bottom: whichever is drawn.
    for (const child of el.children) {
      const s = getComputedStyle(child);
      if (parseFloat(s.borderTopWidth) > 0) return s.borderTopColor;
      if (parseFloat(s.borderBottomWidth) > 0) return s.borderBottomColor;
    }
    return "no divider";
  }
  return getComputedStyle(el)[prop];
}"""

_NUM = r"(-?[\d.]+)"


def _channel(value: str) -> int:
    return round(float(value) * 255)


def normalize(value: str) -> str:
    """Colours as Chromium's legacy ``rgb()``/``rgba()``, whatever syntax computed them
    (``color(srgb …)`` from colour mixing); box shadows without their invisible layers."""

    def srgb(m: re.Match[str]) -> str:
        r, g, b = (_channel(m.group(i)) for i in (1, 2, 3))
        alpha = m.group(5)
        if alpha is None or float(alpha) == 1:
            return f"rgb({r}, {g}, {b})"
        return f"rgba({r}, {g}, {b}, {round(float(alpha), 3):g})"

    # Colour mixing with black in oklab (v4's `bg-black/50`) computes to oklab(0 0 0 / a).
    value = re.sub(rf"oklab\(0 0 0 / {_NUM}\)", lambda m: f"rgba(0, 0, 0, {float(m[1]):g})", value)
    value = re.sub(rf"color\(srgb {_NUM} {_NUM} {_NUM}( / {_NUM})?\)", srgb, value)
    value = re.sub(
        r"rgba\((\d+), (\d+), (\d+), ([\d.]+)\)",
        lambda m: f"rgba({m[1]}, {m[2]}, {m[3]}, {round(float(m[4]), 3):g})",
        value,
    )
    if ") 0px" in value or "px 0px" in value:  # a box-shadow list
        layers = [part.strip() for part in re.split(r",\s*(?![^()]*\))", value)]
        value = ", ".join(layer for layer in layers if layer != TRANSPARENT_LAYER) or "none"
    return value


def measure(frame) -> dict[str, str]:
    return {c.id: normalize(frame.evaluate(PROBE, [c.id, c.prop])) for c in CASES}


def wait_for_tailwind(frame) -> None:
    """The browser build compiles asynchronously: wait until a utility has taken effect."""
    frame.wait_for_function(
        "getComputedStyle(document.getElementById('rounded')).borderTopLeftRadius !== '0px'", timeout=20_000
    )


def expected(case: Case, kind: str) -> str:
    return case.react if kind == "react" and case.react is not None else case.expected


def check(frame, page, kind: str) -> None:
    mouse_away(page)
    wait_for_tailwind(frame)
    got = measure(frame)
    wrong = {c.id: (got[c.id], expected(c, kind)) for c in CASES if got[c.id] != expected(c, kind)}
    assert wrong == {}, f"{len(wrong)} of {len(CASES)} differ from Tailwind v3 (got, v3): {wrong}"
    assert frame.locator("#__artifact_error").count() == 0
    assert page.page_errors == []


def test_normalize_reads_colour_syntaxes() -> None:
    assert normalize("color(srgb 0 0 0 / 0.5)") == "rgba(0, 0, 0, 0.5)"
    assert normalize("color(srgb 1 1 1)") == "rgb(255, 255, 255)"
    assert normalize(f"{TRANSPARENT_LAYER}, {TRANSPARENT_LAYER}, rgba(0, 0, 0, 0.05) 0px 1px 2px 0px") == (
        "rgba(0, 0, 0, 0.05) 0px 1px 2px 0px"
    )


def test_react_artifact_has_tailwind_v3_values(live_server, page) -> None:
    aid = live_server.import_artifact(react_source(), type="react", title="v3 table")
    check(open_view(page, live_server.view_url(aid)), page, "react")


def test_html_artifact_with_the_cdn_script_has_tailwind_v3_values(live_server, page) -> None:
    aid = live_server.import_artifact(html_source(), type="html", title="v3 table")
    check(open_view(page, live_server.view_url(aid)), page, "html")


def test_html_artifact_can_set_tailwind_config_as_with_the_v3_cdn(live_server, page) -> None:
    """``tailwind.config = {...}`` after the CDN script, as v3's Play CDN reads it: theme colours
    (nested, DEFAULT), fonts and ``darkMode: "class"``. The v4 build has no ``tailwind`` global."""
    aid = live_server.import_artifact(
        """<!DOCTYPE html><html class="dark"><head><script src="https://cdn.tailwindcss.com"></script>
<script>
  tailwind.config = {
    darkMode: 'class',
    theme: { extend: {
      colors: { brand: { DEFAULT: '#ff0000', light: '#00ff00' } },
      fontFamily: { display: ['Georgia', 'serif'] },
    } },
  };
</script></head>
<body><div id="a" class="bg-brand text-brand-light font-display dark:border-4 rounded">x</div></body></html>""",
        type="html",
    )
    frame = open_view(page, live_server.view_url(aid))
    frame.wait_for_function("getComputedStyle(document.getElementById('a')).backgroundColor === 'rgb(255, 0, 0)'")
    a = "e => { const s = getComputedStyle(e); return [s.color, s.fontFamily, s.borderTopWidth]; }"
    assert frame.eval_on_selector("#a", a) == ["rgb(0, 255, 0)", "Georgia, serif", "4px"]
    assert frame.locator("#__artifact_error").count() == 0
    assert page.page_errors == []


def test_hover_colours_and_opacities_combine_as_in_v3(live_server, page) -> None:
    """v3 resets the opacity with each colour: a hover colour over a base bg-opacity is opaque,
    and a hover opacity dims the base colour."""
    aid = live_server.import_artifact(
        """<!DOCTYPE html><html><head><script src="https://cdn.tailwindcss.com"></script></head><body>
<div id="a" class="bg-black bg-opacity-50 hover:bg-red-500 rounded p-8">a</div>
<div id="b" class="bg-black hover:bg-opacity-25 rounded p-8">b</div></body></html>""",
        type="html",
    )
    frame = open_view(page, live_server.view_url(aid))
    frame.wait_for_function("getComputedStyle(document.getElementById('a')).borderTopLeftRadius === '4px'")
    bg = "e => getComputedStyle(e).backgroundColor"
    frame.hover("#a")
    assert normalize(frame.eval_on_selector("#a", bg)) == "rgb(239, 68, 68)"
    frame.hover("#b")
    assert normalize(frame.eval_on_selector("#b", bg)) == "rgba(0, 0, 0, 0.25)"
    assert normalize(frame.eval_on_selector("#a", bg)) == "rgba(0, 0, 0, 0.5)"
