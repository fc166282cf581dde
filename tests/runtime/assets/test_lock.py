"""The lock shipped in the repository, and how any lock is parsed and refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from artifacts_runtime import assets
from artifacts_runtime.assets import (
    AssetLock,
    AssetRef,
    LibraryLock,
    LockError,
)
from tests.runtime.assets.fake_registry import (
    entry,
    lock_of,
)

# ----------------------------------------------------------------------------------------------
# The lock in the repository

BRIEF_IMPORTS = [
    "react",
    "react-dom",
    "react-dom/client",
    "recharts",
    "lucide-react",
    "lodash",
    "d3",
    "three",
    "mathjs",
    "papaparse",
    "xlsx",
    "chart.js",
    "chart.js/auto",
    "plotly",
    "plotly.js",
    "plotly.js-dist-min",
    "tone",
    "mermaid",
    "marked",
]


def test_repo_lock_is_well_formed() -> None:
    raw = assets.LOCK_FILE.read_text(encoding="utf-8")
    data = json.loads(raw)
    assert data["lockfile_version"] == assets.LOCKFILE_VERSION
    assert len(raw) < 100_000, "the lock holds metadata only, never library code"
    assert "://" not in json.dumps([e["tarball"] for e in data["libraries"].values()])
    for name, e in data["libraries"].items():
        assert e["version"], name
        assert e["integrity"].startswith("sha512-"), name
        assert e["tarball"].endswith(".tgz"), name
        assert e["files"] and all(isinstance(f, str) for f in e["files"]), name
        assert set(e["sizes"]) == set(e["files"]) and all(s > 0 for s in e["sizes"].values()), name
        assert "cdnjs" in e and "name" in e["cdnjs"], name
        assert e["main"] in e["files"], name
    lock = AssetLock.load()
    assert {lib.package for lib in lock} >= {
        "react",
        "react-dom",
        "@babel/standalone",
        "@tailwindcss/browser",
        "recharts",
        "prop-types",
        "lucide-react",
        "lodash",
        "d3",
        "three",
        "mathjs",
        "papaparse",
        "xlsx",
        "chart.js",
        "plotly.js-dist-min",
        "tone",
        "mermaid",
        "marked",
        "dompurify",
        "@highlightjs/cdn-assets",
    }
    assert lock.get("@babel/standalone").version.startswith("7."), "Babel 8 breaks text/babel pages"
    assert lock.get("three").version == "0.128.0"
    for spec in BRIEF_IMPORTS:
        ref = lock.resolve_import(spec)
        assert ref is not None, spec
        assert ref.global_name, spec
    # Every library's prerequisites come before it in the lock (a page can load them in order).
    order = list(lock.libraries)
    for lib in lock:
        assert all(order.index(dep) < order.index(lib.name) for dep in lib.needs), lib.name


def test_repo_lock_matches_the_spec_table() -> None:
    from artifacts_runtime.assets_lock import SPECS

    lock = AssetLock.load()
    assert [s.name for s in SPECS] == list(lock.libraries)
    for spec in SPECS:
        lib = lock.get(spec.name)
        assert (lib.package, lib.version, lib.files) == (spec.package, spec.version, spec.files)
        assert lib.global_name == spec.global_name and lib.imports == spec.imports


@pytest.mark.parametrize(
    ("url", "library", "file", "exact"),
    [
        (
            "https://cdnjs.cloudflare.com/ajax/libs/react/18.3.1/umd/react.production.min.js",
            "react",
            "umd/react.production.min.js",
            True,
        ),
        (
            "https://cdnjs.cloudflare.com/ajax/libs/react-dom/18.2.0/umd/react-dom.development.js",
            "react-dom",
            "umd/react-dom.production.min.js",
            False,
        ),
        ("https://cdnjs.cloudflare.com/ajax/libs/three.js/r128/three.min.js", "three", "build/three.min.js", True),
        (
            "https://cdnjs.cloudflare.com/ajax/libs/Chart.js/4.4.1/chart.umd.min.js",
            "chart.js",
            "dist/chart.umd.js",
            False,
        ),
        ("https://cdnjs.cloudflare.com/ajax/libs/chart.js/3.9.1/chart.min.js", "chart.js", "dist/chart.umd.js", False),
        ("https://cdnjs.cloudflare.com/ajax/libs/lodash.js/4.17.21/lodash.min.js", "lodash", "lodash.min.js", True),
        ("https://cdnjs.cloudflare.com/ajax/libs/d3/7.8.5/d3.min.js", "d3", "dist/d3.min.js", False),
        (
            "https://cdnjs.cloudflare.com/ajax/libs/PapaParse/5.4.1/papaparse.min.js",
            "papaparse",
            "papaparse.min.js",
            False,
        ),
        ("https://cdnjs.cloudflare.com/ajax/libs/mathjs/11.8.0/math.min.js", "mathjs", "lib/browser/math.js", False),
        ("https://cdnjs.cloudflare.com/ajax/libs/xlsx/0.18.5/xlsx.full.min.js", "xlsx", "dist/xlsx.full.min.js", True),
        ("https://cdnjs.cloudflare.com/ajax/libs/plotly.js/2.27.0/plotly.min.js", "plotly", "plotly.min.js", False),
        ("https://cdnjs.cloudflare.com/ajax/libs/tone/14.8.49/Tone.js", "tone", "build/Tone.js", False),
        (
            "https://cdnjs.cloudflare.com/ajax/libs/mermaid/10.6.1/mermaid.min.js",
            "mermaid",
            "dist/mermaid.min.js",
            False,
        ),
        ("https://cdnjs.cloudflare.com/ajax/libs/marked/9.1.2/marked.min.js", "marked", "marked.min.js", False),
        (
            "https://cdnjs.cloudflare.com/ajax/libs/dompurify/3.0.6/purify.min.js",
            "dompurify",
            "dist/purify.min.js",
            False,
        ),
        (
            "https://cdnjs.cloudflare.com/ajax/libs/highlight.js/11.9.0/highlight.min.js",
            "highlight.js",
            "highlight.min.js",
            False,
        ),
        (
            "https://cdnjs.cloudflare.com/ajax/libs/highlight.js/11.9.0/styles/github-dark.min.css",
            "highlight.js",
            "styles/github-dark.min.css",
            False,
        ),
        ("https://cdnjs.cloudflare.com/ajax/libs/recharts/2.12.7/Recharts.js", "recharts", "umd/Recharts.js", False),
        (
            "https://cdnjs.cloudflare.com/ajax/libs/prop-types/15.8.1/prop-types.min.js",
            "prop-types",
            "prop-types.min.js",
            True,
        ),
        ("https://cdnjs.cloudflare.com/ajax/libs/babel-standalone/7.23.5/babel.min.js", "babel", "babel.min.js", False),
        ("https://unpkg.com/react@18/umd/react.production.min.js", "react", "umd/react.production.min.js", False),
        (
            "https://unpkg.com/lucide-react@0.383.0/dist/umd/lucide-react.min.js",
            "lucide-react",
            "dist/umd/lucide-react.min.js",
            True,
        ),
        ("https://cdn.jsdelivr.net/npm/@tailwindcss/browser@4", "tailwind", "dist/index.global.js", False),
        ("https://cdn.tailwindcss.com", "tailwind", "dist/index.global.js", False),
        # First-party CDNs of pinned libraries, with and without versions.
        ("https://d3js.org/d3.v7.min.js", "d3", "dist/d3.min.js", True),
        ("https://d3js.org/d3.v7.js", "d3", "dist/d3.min.js", True),
        ("https://d3js.org/d3.v6.min.js", "d3", "dist/d3.min.js", False),
        ("https://d3js.org/d3.min.js", "d3", "dist/d3.min.js", False),
        ("https://cdn.plot.ly/plotly-2.35.3.min.js", "plotly", "plotly.min.js", True),
        ("https://cdn.plot.ly/plotly-latest.min.js", "plotly", "plotly.min.js", False),
        ("https://cdn.plot.ly/plotly-basic-2.27.0.min.js", "plotly", "plotly.min.js", False),
        ("https://threejs.org/build/three.min.js", "three", "build/three.min.js", False),
        ("https://cdn.sheetjs.com/xlsx-0.20.1/package/dist/xlsx.full.min.js", "xlsx", "dist/xlsx.full.min.js", False),
        # unpkg's unminified name for a file we have minified (a library cdnjs does not carry).
        (
            "https://unpkg.com/lucide-react@0.383.0/dist/umd/lucide-react.js",
            "lucide-react",
            "dist/umd/lucide-react.min.js",
            True,
        ),
        ("https://cdn.jsdelivr.net/npm/mermaid@latest/dist/mermaid.min.js", "mermaid", "dist/mermaid.min.js", False),
        ("https://cdn.jsdelivr.net/npm/chart.js@4.4.0/dist/chart.umd.min.js", "chart.js", "dist/chart.umd.js", False),
        # On claude.ai's list: mammoth and TensorFlow.js.
        ("https://unpkg.com/mammoth@1.6.0/mammoth.browser.min.js", "mammoth", "mammoth.browser.min.js", False),
        (
            "https://cdnjs.cloudflare.com/ajax/libs/mammoth/1.13.0/mammoth.browser.js",
            "mammoth",
            "mammoth.browser.min.js",
            True,
        ),
        ("https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/dist/tf.min.js", "tfjs", "dist/tf.min.js", True),
        ("https://cdn.jsdelivr.net/npm/@tensorflow/tfjs", "tfjs", "dist/tf.min.js", True),
        ("https://cdnjs.cloudflare.com/ajax/libs/tensorflow/4.10.0/tf.min.js", "tfjs", "dist/tf.min.js", False),
    ],
)
def test_cdn_urls_resolve_to_local_files(url: str, library: str, file: str, exact: bool) -> None:
    ref = AssetLock.load().resolve(url)
    assert ref is not None
    assert (ref.library, ref.file, ref.exact) == (library, file, exact)


@pytest.mark.parametrize(
    "ref",
    [
        "https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js",
        "https://cdnjs.cloudflare.com/ajax/libs/react/18.3.1/umd/react.profiling.min.js",
        "https://example.com/react.js",
        "https://d3js.org/d3-scale.v4.min.js",
        "https://cdn.plot.ly/plotly.js",
        "https://threejs.org/examples/js/controls/OrbitControls.js",
        "left-pad",
        "@/components/ui/card",
        "not a url://",
    ],
)
def test_unknown_references_resolve_to_none(ref: str) -> None:
    assert AssetLock.load().resolve(ref) is None


def test_import_specifiers_resolve_to_globals() -> None:
    lock = AssetLock.load()
    assert lock.resolve("react-dom/client") == AssetRef("react-dom", "umd/react-dom.production.min.js", "ReactDOM")
    assert lock.resolve("chart.js/auto").global_name == "Chart"
    assert lock.resolve("plotly.js-dist-min").library == "plotly"
    assert lock.resolve("lucide-react").global_name == "LucideReact"
    assert lock.get("lucide-react").global_aliases == {"react": "React"}
    assert lock.load_order(["recharts"]) == ["react", "prop-types", "recharts"]
    assert lock.resolve("mammoth").global_name == "mammoth"
    assert lock.resolve("@tensorflow/tfjs") == AssetRef("tfjs", "dist/tf.min.js", "tf")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"files": ["../evil.js"]}, "safe relative path"),
        ({"files": ["/etc/passwd"]}, "safe relative path"),
        ({"files": ["a/./b.js"]}, "safe relative path"),
        ({"tarball": "https://elsewhere.example/x.tgz"}, "path below the registry"),
        ({"tarball": "../x.tgz"}, "safe relative path"),
        ({"integrity": "sha1-abc"}, "sha512"),
        ({"integrity": "sha512-notbase64!"}, "base64"),
        ({"version": "1.0.0/../.."}, "bad version"),
        ({"main": "other.js"}, "not one of its files"),
        ({"cdnjs": {"name": "x", "files": {"x.js": "other.js"}}}, "not one of its files"),
    ],
)
def test_lock_refuses_unsafe_or_malformed_entries(change: dict, message: str) -> None:
    good = entry("alpha", "alpha/-/alpha-1.0.0.tgz", b"x", {"a.js": b"1"})
    with pytest.raises(LockError, match=message):
        LibraryLock.from_dict("alpha", {**good, **change})
    with pytest.raises(LockError, match="name"):
        LibraryLock.from_dict("../alpha", good)


def test_lock_refuses_unknown_needs_and_missing_file(tmp_path: Path) -> None:
    good = entry("alpha", "alpha/-/alpha-1.0.0.tgz", b"x", {"a.js": b"1"}, needs=["beta"])
    with pytest.raises(LockError, match="needs 'beta'"):
        lock_of(("alpha", good))
    with pytest.raises(LockError, match="missing"):
        AssetLock.load(tmp_path / "nope.json")
