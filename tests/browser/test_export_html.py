"""``artifacts export ID --html -o FILE``: one self-contained file that works opened from disk
with no network and no server. Storage then lives in memory, and the page says so.

The artifacts are imported and exported with the real command in a subprocess, then opened from
``file://`` in a browser context whose networking is switched off.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

DASHBOARD = """import React, { useState } from "react";
import { BarChart, Bar, XAxis, YAxis } from "recharts";
import { Sun, Moon } from "lucide-react";

const data = [{ m: "Jan", v: 4 }, { m: "Feb", v: 9 }, { m: "Mar", v: 6 }];

export default function Dashboard() {
  const [dark, setDark] = useState(false);
  return (
    <div className="p-4">
      <button id="mode" onClick={() => setDark(!dark)}>{dark ? <Moon /> : <Sun />} {dark ? "dark" : "light"}</button>
      <BarChart width={300} height={150} data={data}>
        <XAxis dataKey="m" /><YAxis /><Bar dataKey="v" fill="#6366f1" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
"""

NOTES = """# Offline notes

| day | km |
|-----|---:|
| Mon | 5  |

```js
const total = runs.reduce((a, b) => a + b, 0);
```
"""


def cli(*args: str) -> str:
    """Run the real ``artifacts`` command with this test's ARTIFACTS_HOME; its stdout."""
    out = subprocess.run(
        [sys.executable, "-m", "artifacts_runtime.cli.main", *args],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def export(tmp_path: Path, source: str, name: str) -> Path:
    src = tmp_path / name
    src.write_text(source, encoding="utf-8")
    artifact_id = cli("import", str(src)).strip()
    target = tmp_path / f"{src.stem}.html"
    cli("export", artifact_id, "--html", "-o", str(target))
    return target


@pytest.fixture
def offline_page(chromium):
    """A page in a browser context with networking disabled; records page errors and every
    request that is not for a file:// or data: URL."""
    context = chromium.new_context(offline=True)
    page = context.new_page()
    page.page_errors = []  # type: ignore[attr-defined]
    page.network = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda exc: page.page_errors.append(str(exc)))
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:")) else page.network.append(r.url))
    yield page
    context.close()


STORAGE_ROUND_TRIP = """async () => {
  const set = await window.storage.set("visits", "3");
  const got = await window.storage.get("visits");
  const listed = await window.storage.list();
  let missing;
  try { await window.storage.get("nope"); missing = "found"; } catch (e) { missing = e.code; }
  return { set, got, listed, missing };
}"""


def test_exported_react_artifact_runs_from_disk_offline(tmp_path, runtime_assets, offline_page) -> None:
    page = offline_page
    target = export(tmp_path, DASHBOARD, "dashboard.jsx")
    assert target.stat().st_size > 1_000_000  # React, Babel, recharts and lucide are inside
    page.goto(target.as_uri())
    page.wait_for_function("window.__artifactRendered", timeout=30_000)
    assert page.locator(".recharts-surface").count() == 1
    assert page.locator(".recharts-bar-rectangle").count() == 3
    assert page.locator("#mode svg.lucide").count() == 1
    page.click("#mode")
    assert "dark" in page.inner_text("#mode")
    assert page.eval_on_selector("div.p-4", "el => getComputedStyle(el).paddingTop") == "16px"  # Tailwind
    assert page.page_errors == []
    assert page.network == []


def test_exported_storage_lives_in_memory_and_the_page_says_so(tmp_path, runtime_assets, offline_page) -> None:
    page = offline_page
    target = export(tmp_path, DASHBOARD, "dashboard.jsx")
    page.goto(target.as_uri())
    page.wait_for_function("window.__artifactRendered", timeout=30_000)
    result = page.evaluate(STORAGE_ROUND_TRIP)
    assert result["set"] == {"key": "visits", "value": "3", "shared": False}
    assert result["got"] == {"key": "visits", "value": "3", "shared": False}
    assert result["listed"] == {"keys": ["visits"], "prefix": None, "shared": False}
    assert result["missing"] == "key_not_found"
    assert "storage lives in memory" in page.inner_text("#__artifact_export_note")
    page.reload()
    page.wait_for_function("window.__artifactRendered", timeout=30_000)
    assert page.evaluate("window.storage.list().then(r => r.keys)") == []  # gone with the page
    assert page.page_errors == []


def test_exported_markdown_runs_from_disk_offline(tmp_path, runtime_assets, offline_page) -> None:
    page = offline_page
    target = export(tmp_path, NOTES, "notes.md")
    page.goto(target.as_uri())
    page.wait_for_function("window.__artifactRendered", timeout=30_000)
    assert page.inner_text("h1") == "Offline notes"
    assert page.locator("table td").all_inner_texts() == ["Mon", "5"]
    assert page.locator("pre code.hljs .hljs-keyword").first.inner_text() == "const"
    assert "storage lives in memory" in page.inner_text("#__artifact_export_note")
    assert page.page_errors == []
    assert page.network == []
