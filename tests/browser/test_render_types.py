"""Every artifact type renders offline in the sandboxed frame, in real headless Chromium.

Each test imports a fresh artifact into one running server (``live_server``), opens its view
URL in a new browser context and looks at what the frame shows. "No page error" means no
uncaught exception anywhere in the page, the artifact's frame included.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import mouse_away, open_view

pytestmark = pytest.mark.slow

EMERALD_600 = "rgb(5, 150, 105)"  # Tailwind v3 bg-emerald-600 (#059669)


def error_event(live_server, artifact_id: str) -> dict:
    """The ``artifact.error`` event the app receives for ``artifact_id``."""
    return live_server.wait_event(lambda e: e["type"] == "artifact.error" and e["artifact_id"] == artifact_id)


# --------------------------------------------------------------------------- HTML


def test_html_runs_its_inline_script(live_server, page) -> None:
    aid = live_server.import_artifact(
        "<!doctype html><html><head><title>Hi</title></head><body>"
        "<h1>Static heading</h1><p id=out>waiting</p>"
        "<script>document.getElementById('out').textContent = 'made by script ' + (40 + 2);</script>"
        "</body></html>",
        type="html",
    )
    frame = open_view(page, live_server.view_url(aid))
    assert frame.inner_text("h1") == "Static heading"
    assert frame.inner_text("#out") == "made by script 42"
    assert page.page_errors == []


def test_html_document_keeps_its_own_html_and_body_attributes(live_server, page) -> None:
    """The runtime's own tags go first in the document (before any artifact script), and the
    artifact's <html> and <body> still come out as written."""
    aid = live_server.import_artifact(
        '<!-- made by hand -->\n<!DOCTYPE html>\n<html lang="fr" class="dark"><head><meta charset="utf-8">'
        "<title>Bonjour</title><style>body.x { margin: 7px }</style></head>"
        '<body class="x" data-mode="print"><p id=p>salut</p>'
        "<script>document.getElementById('p').dataset.storage = typeof window.storage;</script></body></html>",
        type="html",
    )
    frame = open_view(page, live_server.view_url(aid))
    assert frame.evaluate("document.compatMode") == "CSS1Compat"  # the doctype still counts
    assert frame.evaluate("[document.documentElement.lang, document.documentElement.className]") == ["fr", "dark"]
    assert frame.evaluate("[document.body.className, document.body.dataset.mode]") == ["x", "print"]
    assert frame.eval_on_selector("body", "b => getComputedStyle(b).marginTop") == "7px"
    assert frame.get_attribute("#p", "data-storage") == "object"
    assert frame.title() == "Bonjour"
    assert page.page_errors == []


def test_html_cdn_script_is_served_locally(live_server, page) -> None:
    """A cdnjs <script> with integrity= and crossorigin= loads our pinned copy, not the CDN."""
    aid = live_server.import_artifact(
        """<!doctype html><html><head>
<script src="https://cdnjs.cloudflare.com/ajax/libs/Chart.js/4.4.1/chart.umd.min.js"
  integrity="sha512-CQBWl4fJHWbryGE+Pc7UAxWMUMNMWzWxF4SQo9CgkJIN1kx6djDQZjh3Y8SZ1d+6I+1zze6Z7kHXO7q3UyZAWw=="
  crossorigin="anonymous" referrerpolicy="no-referrer"></script>
</head><body><canvas id="chart" width="400" height="200"></canvas>
<p id="out"></p>
<script>
  const chart = new Chart(document.getElementById('chart'), {
    type: 'bar', options: { animation: false },
    data: { labels: ['a', 'b', 'c'], datasets: [{ label: 'n', data: [3, 1, 2] }] },
  });
  document.getElementById('out').textContent = 'Chart ' + Chart.version + ' drew ' + chart.data.datasets[0].data.length + ' bars';
</script></body></html>""",
        type="html",
    )
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    frame = open_view(page, live_server.view_url(aid))
    assert frame.inner_text("#out").startswith("Chart 4.")
    assert frame.inner_text("#out").endswith("drew 3 bars")
    assert not [u for u in requests if "cdnjs" in u]
    assert any(u.startswith(f"{live_server.base_url}/assets/chart.js@") for u in requests)
    assert page.page_errors == []


# --------------------------------------------------------------------------- React


def test_react_artifact_renders_and_reacts(live_server, page) -> None:
    aid = live_server.import_artifact(
        """import React, { useState } from "react";
export default function Counter() {
  const [n, setN] = useState(0);
  return <button id="b" onClick={() => setN(n + 1)}>clicked {n} times</button>;
}""",
        type="react",
    )
    frame = open_view(page, live_server.view_url(aid))
    assert frame.inner_text("#b") == "clicked 0 times"
    frame.click("#b")
    frame.click("#b")
    assert frame.inner_text("#b") == "clicked 2 times"
    assert page.page_errors == []


def test_react_with_recharts_lucide_shadcn_and_tailwind(live_server, page) -> None:
    aid = live_server.import_artifact(
        """import React, { useState } from "react";
import { LineChart, Line, XAxis, YAxis, CartesianGrid, Tooltip } from "recharts";
import { TrendingUp, Heart } from "lucide-react";
import { Card, CardHeader, CardTitle, CardContent } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Tabs, TabsList, TabsTrigger, TabsContent } from "@/components/ui/tabs";

const data = [{ day: "Mon", v: 3 }, { day: "Tue", v: 7 }, { day: "Wed", v: 5 }];

export default function Dashboard() {
  const [likes, setLikes] = useState(0);
  return (
    <div id="wrap" className="p-4 flex flex-col gap-4">
      <Card>
        <CardHeader><CardTitle className="flex items-center gap-2"><TrendingUp /> Sales</CardTitle></CardHeader>
        <CardContent>
          <LineChart width={320} height={160} data={data}>
            <CartesianGrid strokeDasharray="3 3" /><XAxis dataKey="day" /><YAxis /><Tooltip />
            <Line type="monotone" dataKey="v" stroke="#10b981" isAnimationActive={false} />
          </LineChart>
        </CardContent>
      </Card>
      <Tabs defaultValue="one">
        <TabsList><TabsTrigger value="one">One</TabsTrigger><TabsTrigger value="two">Two</TabsTrigger></TabsList>
        <TabsContent value="one">first panel</TabsContent>
        <TabsContent value="two">second panel</TabsContent>
      </Tabs>
      <Button id="like" className="bg-emerald-600" onClick={() => setLikes(likes + 1)}><Heart /> {likes} likes</Button>
    </div>
  );
}""",
        type="react",
    )
    frame = open_view(page, live_server.view_url(aid))
    assert frame.locator(".recharts-surface").count() == 1
    assert frame.locator(".recharts-line-curve").count() == 1
    assert frame.locator("svg.lucide").count() >= 2  # TrendingUp and Heart
    assert frame.get_by_role("tab").count() == 2
    # Tailwind styles the artifact's own classes.
    assert frame.eval_on_selector("#wrap", "el => getComputedStyle(el).paddingTop") == "16px"
    # Tabs switch.
    frame.get_by_role("tab", name="Two").click()
    frame.get_by_text("second panel").wait_for()
    # The artifact's className wins over the component's default background.
    frame.click("#like")
    assert "1 likes" in frame.inner_text("#like")
    mouse_away(page)
    frame.wait_for_function(f"getComputedStyle(document.getElementById('like')).backgroundColor === {EMERALD_600!r}")
    assert page.page_errors == []


def test_react_without_default_export_renders_app(live_server, page) -> None:
    aid = live_server.import_artifact(
        """const { useState } = React;
function Helper() { return <em>helper</em>; }
function App() { return <p id="p">rendered App with <Helper /></p>; }""",
        type="react",
    )
    frame = open_view(page, live_server.view_url(aid))
    assert frame.inner_text("#p") == "rendered App with helper"
    assert page.page_errors == []


def test_typescript_react_renders(live_server, page) -> None:
    aid = live_server.import_artifact(
        """import React, { useState } from "react";
interface Item { id: number; label: string; done?: boolean }
type Filter = "all" | "done";
const items: Item[] = [{ id: 1, label: "typed", done: true }, { id: 2, label: "script" }];
function count<T>(xs: T[], pred: (x: T) => boolean): number { return xs.filter(pred).length; }
export default function App(): JSX.Element {
  const [filter] = useState<Filter>("all");
  const shown = items.filter((i) => filter === "all" || i.done) as Item[];
  return <ul id="list" data-done={count(items, (i) => !!i.done)}>{shown.map((i) => <li key={i.id}>{i.label!}</li>)}</ul>;
}""",
        type="react",
        filename="todo.tsx",
    )
    frame = open_view(page, live_server.view_url(aid))
    assert frame.inner_text("#list").split() == ["typed", "script"]
    assert frame.get_attribute("#list", "data-done") == "1"
    assert page.page_errors == []


# --------------------------------------------------------------------------- SVG


def test_svg_is_shown(live_server, page) -> None:
    aid = live_server.import_artifact(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="200">'
        '<circle id="dot" cx="50" cy="50" r="40" fill="tomato"/><text x="20" y="55">Hello SVG</text></svg>',
        type="svg",
    )
    frame = open_view(page, live_server.view_url(aid))
    assert frame.locator("#root svg circle").count() == 1
    assert "Hello SVG" in frame.inner_text("#root")
    assert frame.eval_on_selector("#root svg", "el => el.getBoundingClientRect().width") > 100
    assert page.page_errors == []


def test_svg_scripts_and_event_handlers_do_not_run(live_server, page) -> None:
    aid = live_server.import_artifact(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="window.__pwned = \'onload\'">'
        "<script>window.__pwned = 'script'</script>"
        '<rect width="10" height="10" fill="navy" onmouseover="window.__pwned = \'hover\'"/></svg>',
        type="svg",
    )
    frame = open_view(page, live_server.view_url(aid))
    frame.hover("#root svg rect")
    page.wait_for_timeout(200)
    assert frame.locator("#root svg rect").count() == 1
    assert frame.locator("#root script").count() == 0
    assert frame.evaluate("window.__pwned") is None
    html = frame.inner_html("#root")
    assert "onload" not in html and "onmouseover" not in html
    assert page.page_errors == []


# --------------------------------------------------------------------------- Markdown


MARKDOWN = """# Report

| fruit  | count |
|--------|------:|
| apple  | 3     |
| banana | 5     |

```python
def greet(name):
    return f"hello {name}"
```
"""


def test_markdown_renders_tables_and_highlighted_code(live_server, page) -> None:
    aid = live_server.import_artifact(MARKDOWN, type="markdown")
    frame = open_view(page, live_server.view_url(aid))
    assert frame.inner_text("h1") == "Report"
    assert frame.locator("table th").all_inner_texts() == ["fruit", "count"]
    assert frame.locator("table tbody tr").count() == 2
    assert frame.locator("pre code.hljs .hljs-keyword").first.inner_text() == "def"
    assert "hello" in frame.inner_text("pre code")
    assert page.page_errors == []


def test_markdown_html_event_handlers_do_not_run(live_server, page) -> None:
    aid = live_server.import_artifact(
        "Look: <img src=x onerror=\"window.__pwned = 'img'\"> and "
        "<a href=\"javascript:window.__pwned = 'link'\" id=l>a link</a>"
        "<script>window.__pwned = 'script'</script>\n",
        type="markdown",
    )
    frame = open_view(page, live_server.view_url(aid))
    page.wait_for_timeout(300)  # give a broken image time to fire onerror, had it survived
    assert frame.evaluate("window.__pwned") is None
    assert frame.locator("#root img").count() == 1
    assert frame.get_attribute("#root img", "onerror") is None
    assert frame.locator("#root script").count() == 0
    assert "javascript:" not in (frame.get_attribute("#root a", "href") or "")
    assert page.page_errors == []


# --------------------------------------------------------------------------- Mermaid and code


def test_mermaid_flowchart_becomes_svg(live_server, page) -> None:
    aid = live_server.import_artifact(
        "flowchart TD\n  A[Start here] --> B{Decide}\n  B -->|yes| C[Ship it]\n  B -->|no| A\n",
        type="mermaid",
    )
    frame = open_view(page, live_server.view_url(aid), timeout=30_000)
    frame.wait_for_selector("#root svg")
    text = frame.inner_text("#root")
    assert "Start here" in text and "Ship it" in text
    assert frame.locator("#root svg .node").count() >= 3
    assert page.page_errors == []


def test_code_is_highlighted_with_line_numbers(live_server, page) -> None:
    source = 'import os\n\ndef home():\n    """Where we live."""\n    return os.environ["HOME"]\n'
    aid = live_server.import_artifact(source, type="code", language="python")
    frame = open_view(page, live_server.view_url(aid))
    numbers = frame.eval_on_selector_all("table.code-view td.ln", "tds => tds.map(td => td.getAttribute('data-n'))")
    assert numbers == ["1", "2", "3", "4", "5"]
    # The number is drawn by CSS, so copying the code does not copy it.
    assert frame.eval_on_selector("table.code-view td.ln", "td => getComputedStyle(td, '::before').content") == '"1"'
    assert frame.locator("td.code .hljs-keyword").first.inner_text() == "import"
    assert frame.locator("td.code").nth(4).inner_text() == '    return os.environ["HOME"]'
    assert page.page_errors == []


# --------------------------------------------------------------------------- errors


def test_import_outside_the_set_shows_an_overlay_naming_the_module(live_server, page) -> None:
    aid = live_server.import_artifact(
        'import moment from "moment";\nexport default function App() { return <p>{moment().format()}</p>; }',
        type="react",
    )
    page.goto(live_server.view_url(aid))
    frame = page.locator("#frame").content_frame
    text = frame.locator("#__artifact_error").inner_text()
    assert 'Cannot import "moment"' in text
    assert "recharts" in text  # says what is available
    event = error_event(live_server, aid)
    assert event["kind"] == "import" and "moment" in event["message"]
    assert frame.locator("#root").inner_text() == ""


def test_transpile_error_shows_overlay_and_reaches_the_app(live_server, page) -> None:
    aid = live_server.import_artifact("export default function App() {\n  return <div>unclosed;\n}\n", type="react")
    page.goto(live_server.view_url(aid))
    frame = page.locator("#frame").content_frame
    text = frame.locator("#__artifact_error").inner_text()
    assert "does not compile" in text
    event = error_event(live_server, aid)
    assert event["kind"] == "transpile"
    assert event["version"] == 1
    assert "artifact.tsx" in event["message"] or "Unexpected" in event["message"]


def test_thrown_error_shows_overlay_and_reaches_the_app(live_server, page) -> None:
    aid = live_server.import_artifact(
        "export default function App() {\n  throw new Error('kaboom at render');\n}\n", type="react"
    )
    page.goto(live_server.view_url(aid))
    frame = page.locator("#frame").content_frame
    assert "kaboom at render" in frame.locator("#__artifact_error").inner_text()
    event = error_event(live_server, aid)
    assert event["kind"] == "runtime"
    assert event["message"] == "kaboom at render"
    assert "artifact.jsx" in event["stack"]  # points into the artifact's own code


def test_unhandled_rejection_shows_overlay_and_reaches_the_app(live_server, page) -> None:
    aid = live_server.import_artifact(
        """import { useEffect } from "react";
export default function App() {
  useEffect(() => { Promise.reject(new Error("nobody caught me")); }, []);
  return <p>fine so far</p>;
}""",
        type="react",
    )
    page.goto(live_server.view_url(aid))
    frame = page.locator("#frame").content_frame
    assert "nobody caught me" in frame.locator("#__artifact_error").inner_text()
    assert frame.locator("#root").inner_text() == "fine so far"
    event = error_event(live_server, aid)
    assert event["message"] == "nobody caught me"


def test_error_in_an_html_artifact_reaches_the_app(live_server, page) -> None:
    aid = live_server.import_artifact(
        "<!doctype html><body><p>before</p><script>undefinedFunction()</script></body>", type="html"
    )
    page.goto(live_server.view_url(aid))
    frame = page.locator("#frame").content_frame
    assert "undefinedFunction" in frame.locator("#__artifact_error").inner_text()
    assert "undefinedFunction" in error_event(live_server, aid)["message"]


# --------------------------------------------------------------------------- warm loads


def test_a_second_load_reuses_the_compiled_code_without_babel(live_server, page) -> None:
    """Babel is 3 MB and a sandboxed frame gets no HTTP cache, so the server keeps the code a
    frame compiled; later loads of that version run it without loading Babel at all."""
    aid = live_server.import_artifact(
        'export default function App() { return <p id="p">compiled {1 + 1}</p>; }', type="react"
    )
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    frame = open_view(page, live_server.view_url(aid))
    assert frame.inner_text("#p") == "compiled 2"
    assert [u for u in requests if "/assets/babel@" in u]
    requests.clear()
    page.goto("about:blank")
    frame = open_view(page, live_server.view_url(aid))
    assert frame.inner_text("#p") == "compiled 2"
    assert not [u for u in requests if "/assets/babel@" in u]
    # A new version is compiled afresh.
    live_server.add_version(aid, 'export default function App() { return <p id="p">version {2 + 1}</p>; }')
    page.wait_for_selector('body[data-rendered="2"]', state="attached")
    frame = page.locator("#frame").element_handle().content_frame()
    assert frame.inner_text("#p") == "version 3"
    assert [u for u in requests if "/assets/babel@" in u]
    assert page.page_errors == []
