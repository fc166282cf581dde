"""Maintainer tool: regenerate ``assets.lock.json`` from the npm registry.

    python -m artifacts_runtime.assets_lock                  # rewrite the lock from SPECS
    python -m artifacts_runtime.assets_lock --check-updates  # list newer versions on each track
    python -m artifacts_runtime.assets_lock --output /tmp/lock.json --only react

For every entry of ``SPECS`` it reads the registry's manifest for the pinned version, takes
``dist.integrity`` (sha512) and ``dist.tarball``, downloads the tarball, checks it against that
integrity, checks that every listed file is a regular file inside it and records the file sizes.
To move a library to another version, edit its ``version`` here, run the tool and review the
diff of the lock (and run the slow tests: ``pytest -m slow tests/runtime/assets/``).

Choices worth knowing before changing a version:

- ``@babel/standalone`` stays on 7: Babel 8 defaults to the automatic JSX runtime, and pages with
  ``<script type="text/babel">`` then fail with "Cannot use import statement outside a module".
- ``plotly.js-dist-min`` stays on 2.35: plotly.js 3 dropped string titles (``title: "Sales"``),
  which artifacts written for claude.ai use all the time; the title silently disappears.
- ``lucide-react`` 1.x ships no UMD build; 0.383 is the newest of the 0.263-0.383 range that
  artifacts written for claude.ai expect. Its UMD reads the global ``react`` (lower case).
- ``three`` is r128 on purpose: that is the version claude.ai artifacts are written against.
- ``tailwind-merge`` 3 and ``class-variance-authority`` ship CommonJS, no UMD: the lock marks them
  ``commonjs`` and the page loads them through ``module``/``exports``/``require`` shims
  (``artifacts_runtime.page.resources``). ``clsx`` ships a UMD (global ``clsx``).
- ``tailwind`` is the v4 engine; ``tailwind-v3-colors`` is Tailwind 3's own palette
  (``tailwindcss`` 3.4's ``lib/public/colors.js``, CommonJS), which ``page/tailwind-v3.js`` puts
  in the v4 theme so that artifacts get v3's colours (docs/runtime.md, "Tailwind v3").
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import posixpath
import re
import sys
import tarfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .assets import LOCK_FILE, LOCKFILE_VERSION, AssetLock, registry_url


@dataclass(frozen=True)
class Spec:
    name: str  # lock key (no slash): the cache folder is NAME@VERSION
    package: str  # npm package
    version: str  # exact version pinned
    files: tuple[str, ...]  # files served, relative to the package root; the first is "main"
    global_name: str | None = None  # what the main file defines on window
    imports: dict[str, str] = field(default_factory=dict)  # import specifier -> global
    needs: tuple[str, ...] = ()  # lock entries to load first
    global_aliases: dict[str, str] = field(default_factory=dict)  # window[k] = window[v] first
    cdnjs: str | None = None  # library name on cdnjs (None: cdnjs does not carry it)
    cdnjs_version: str | None = None  # when cdnjs spells the version differently ("r128")
    cdnjs_extra: dict[str, str] = field(default_factory=dict)  # more cdnjs file names -> our file
    urls: tuple[str, ...] = ()  # other well-known URLs that mean this library
    track: str | None = None  # version prefix --check-updates looks within (None: pinned)
    commonjs: bool = False  # a CommonJS file: the page loads it through module/exports shims


SPECS: tuple[Spec, ...] = (
    Spec(
        "react",
        "react",
        "18.3.1",
        ("umd/react.production.min.js",),
        "React",
        imports={"react": "React"},
        cdnjs="react",
        cdnjs_extra={"umd/react.development.js": "umd/react.production.min.js"},
        track="18",
    ),
    Spec(
        "react-dom",
        "react-dom",
        "18.3.1",
        ("umd/react-dom.production.min.js",),
        "ReactDOM",
        imports={"react-dom": "ReactDOM", "react-dom/client": "ReactDOM"},
        needs=("react",),
        cdnjs="react-dom",
        cdnjs_extra={"umd/react-dom.development.js": "umd/react-dom.production.min.js"},
        track="18",
    ),
    Spec(
        "babel",
        "@babel/standalone",
        "7.29.13",
        ("babel.min.js",),
        "Babel",
        cdnjs="babel-standalone",
        track="7",
    ),
    Spec(
        "tailwind-v3-colors",
        "tailwindcss",
        "3.4.17",
        ("lib/public/colors.js",),
        None,
        track="3",
        commonjs=True,
    ),
    Spec(
        "tailwind",
        "@tailwindcss/browser",
        "4.3.4",
        ("dist/index.global.js",),
        None,
        urls=("https://cdn.tailwindcss.com",),
        needs=("tailwind-v3-colors",),
        track="4",
    ),
    Spec(
        "prop-types",
        "prop-types",
        "15.8.1",
        ("prop-types.min.js",),
        "PropTypes",
        imports={"prop-types": "PropTypes"},
        cdnjs="prop-types",
        track="15",
    ),
    Spec(
        "recharts",
        "recharts",
        "2.15.4",
        ("umd/Recharts.js",),
        "Recharts",
        imports={"recharts": "Recharts"},
        needs=("react", "prop-types"),
        cdnjs="recharts",
        track="2",
    ),
    Spec(
        "lucide-react",
        "lucide-react",
        "0.383.0",
        ("dist/umd/lucide-react.min.js",),
        "LucideReact",
        imports={"lucide-react": "LucideReact"},
        needs=("react",),
        global_aliases={"react": "React"},
    ),
    Spec(
        "lodash",
        "lodash",
        "4.17.21",
        ("lodash.min.js",),
        "_",
        imports={"lodash": "_", "lodash-es": "_"},
        cdnjs="lodash.js",
        track="4.17",
    ),
    Spec(
        "d3",
        "d3",
        "7.9.2",
        ("dist/d3.min.js",),
        "d3",
        imports={"d3": "d3"},
        cdnjs="d3",
        track="7",
    ),
    Spec(
        "three",
        "three",
        "0.128.0",
        ("build/three.min.js",),
        "THREE",
        imports={"three": "THREE"},
        cdnjs="three.js",
        cdnjs_version="r128",
    ),
    Spec(
        "mathjs",
        "mathjs",
        "15.2.0",
        ("lib/browser/math.js",),
        "math",
        imports={"mathjs": "math"},
        cdnjs="mathjs",
        track="15",
    ),
    Spec(
        "papaparse",
        "papaparse",
        "5.7.1",
        ("papaparse.min.js",),
        "Papa",
        imports={"papaparse": "Papa"},
        cdnjs="PapaParse",
        track="5",
    ),
    Spec(
        "xlsx",
        "xlsx",
        "0.18.5",
        ("dist/xlsx.full.min.js",),
        "XLSX",
        imports={"xlsx": "XLSX"},
        cdnjs="xlsx",
        cdnjs_extra={
            "xlsx.min.js": "dist/xlsx.full.min.js",
            "xlsx.core.min.js": "dist/xlsx.full.min.js",
            "xlsx.mini.min.js": "dist/xlsx.full.min.js",
        },
    ),
    Spec(
        "chart.js",
        "chart.js",
        "4.6.1",
        ("dist/chart.umd.js",),
        "Chart",
        imports={"chart.js": "Chart", "chart.js/auto": "Chart"},
        cdnjs="Chart.js",
        cdnjs_extra={
            "chart.min.js": "dist/chart.umd.js",
            "chart.js": "dist/chart.umd.js",
            "Chart.min.js": "dist/chart.umd.js",
            "Chart.js": "dist/chart.umd.js",
            "Chart.bundle.min.js": "dist/chart.umd.js",
            "Chart.bundle.js": "dist/chart.umd.js",
        },
        track="4",
    ),
    Spec(
        "plotly",
        "plotly.js-dist-min",
        "2.35.3",
        ("plotly.min.js",),
        "Plotly",
        imports={
            "plotly": "Plotly",
            "plotly.js": "Plotly",
            "plotly.js-dist-min": "Plotly",
            "plotly.js-dist": "Plotly",
        },
        cdnjs="plotly.js",
        cdnjs_extra={
            "plotly-basic.min.js": "plotly.min.js",
            "plotly-cartesian.min.js": "plotly.min.js",
        },
        track="2",
    ),
    Spec(
        "tone",
        "tone",
        "15.5.44",
        ("build/Tone.js",),
        "Tone",
        imports={"tone": "Tone"},
        cdnjs="tone",
        track="15",
    ),
    Spec(
        "mermaid",
        "mermaid",
        "11.17.2",
        ("dist/mermaid.min.js",),
        "mermaid",
        imports={"mermaid": "mermaid"},
        cdnjs="mermaid",
        track="11",
    ),
    Spec(
        "marked",
        "marked",
        "15.0.12",
        ("marked.min.js",),
        "marked",
        imports={"marked": "marked"},
        cdnjs="marked",
        cdnjs_extra={"lib/marked.umd.js": "marked.min.js"},
        track="15",
    ),
    Spec(
        "dompurify",
        "dompurify",
        "3.4.18",
        ("dist/purify.min.js",),
        "DOMPurify",
        imports={"dompurify": "DOMPurify"},
        cdnjs="dompurify",
        track="3",
    ),
    Spec(
        "highlight.js",
        "@highlightjs/cdn-assets",
        "11.12.0",
        ("highlight.min.js", "styles/github.min.css", "styles/github-dark.min.css"),
        "hljs",
        imports={"highlight.js": "hljs"},
        cdnjs="highlight.js",
        track="11",
    ),
    # On claude.ai's list of libraries too: a .docx reader and TensorFlow.js.
    Spec(
        "mammoth",
        "mammoth",
        "1.13.0",
        ("mammoth.browser.min.js",),
        "mammoth",
        imports={"mammoth": "mammoth", "mammoth/mammoth.browser": "mammoth"},
        cdnjs="mammoth",
        cdnjs_extra={"mammoth.browser.js": "mammoth.browser.min.js"},
        track="1",
    ),
    Spec(
        "tfjs",
        "@tensorflow/tfjs",
        "4.22.0",
        ("dist/tf.min.js",),
        "tf",
        imports={"@tensorflow/tfjs": "tf"},
        cdnjs="tensorflow",
        cdnjs_extra={"tf.js": "dist/tf.min.js", "dist/tf.js": "dist/tf.min.js"},
        track="4",
    ),
    # Class merging for our @/components/ui/* (shadcn's `cn` and `cva`), loaded on every React page.
    Spec(
        "clsx",
        "clsx",
        "2.1.1",
        ("dist/clsx.min.js",),
        "clsx",
        cdnjs="clsx",
        track="2",
    ),
    Spec(
        "tailwind-merge",
        "tailwind-merge",
        "3.7.0",
        ("dist/bundle-cjs.js",),
        None,
        commonjs=True,
        track="3",
    ),
    Spec(
        "class-variance-authority",
        "class-variance-authority",
        "0.7.1",
        ("dist/index.js",),
        None,
        needs=("clsx",),
        commonjs=True,
        track="0.7",
    ),
)


def _variants(path: str) -> list[str]:
    """``x.min.js`` <-> ``x.js`` (and the same for .css), for cdnjs's habit of offering both."""
    for ext in (".js", ".css"):
        if path.endswith(".min" + ext):
            return [path[: -len(".min" + ext)] + ext]
        if path.endswith(ext):
            return [path[: -len(ext)] + ".min" + ext]
    return []


def cdnjs_files(spec: Spec) -> dict[str, str]:
    """The file names a cdnjs URL may use for this library, each mapped to a file we serve."""
    out: dict[str, str] = {f: f for f in spec.files}
    for f in spec.files:
        names = [f, posixpath.basename(f)]
        for name in names + [v for n in names for v in _variants(n)]:
            out.setdefault(name, f)
    for name, target in spec.cdnjs_extra.items():
        if target not in spec.files:
            raise SystemExit(f"{spec.name}: cdnjs_extra maps {name!r} to an unserved file {target!r}")
        out.setdefault(name, target)
    return dict(sorted(out.items()))


def tarball_path(tarball_url: str, registry: str) -> str:
    """``<registry>/react/-/react-18.3.1.tgz`` -> ``react/-/react-18.3.1.tgz``."""
    if tarball_url.startswith(registry + "/"):
        return tarball_url[len(registry) + 1 :]
    path = urlsplit(tarball_url).path
    base = urlsplit(registry).path.rstrip("/")
    if base and path.startswith(base + "/"):
        path = path[len(base) :]
    return path.lstrip("/")


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def newest_on_track(versions: Sequence[str], track: str) -> str | None:
    stable = [v for v in versions if re.fullmatch(r"\d+\.\d+\.\d+", v)]
    on_track = [v for v in stable if v == track or v.startswith(track + ".")]
    return max(on_track, key=_key) if on_track else None


def lock_entry(client: Any, spec: Spec, registry: str, log: Callable[[str], object] = print) -> dict[str, Any]:
    manifest_url = f"{registry}/{spec.package}/{spec.version}"
    response = client.get(manifest_url)
    response.raise_for_status()
    manifest = response.json()
    if manifest.get("version") != spec.version:
        raise SystemExit(f"{spec.name}: the registry returned {manifest.get('version')} for {spec.version}")
    dist = manifest["dist"]
    integrity = dist.get("integrity", "")
    if not integrity.startswith("sha512-"):
        raise SystemExit(f"{spec.name}: the registry gives no sha512 integrity ({integrity!r})")
    data = client.get(dist["tarball"]).raise_for_status().content
    got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")
    if got != integrity:
        raise SystemExit(f"{spec.name}: the tarball does not match dist.integrity")
    sizes: dict[str, int] = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as tf:
        members = {}
        for m in tf.getmembers():
            parts = m.name.split("/", 1)
            if len(parts) == 2:
                members[parts[1]] = m
        for f in spec.files:
            member = members.get(f)
            if member is None or not member.isreg():
                raise SystemExit(f"{spec.name} {spec.version}: {f!r} is not a file in the tarball")
            sizes[f] = member.size
    license_ = manifest.get("license")
    if isinstance(license_, dict):
        license_ = license_.get("type")
    log(f"  {spec.name:<14} {spec.package + '@' + spec.version:<34} {len(data):>12,} bytes  ok")
    return {
        "package": spec.package,
        "version": spec.version,
        "license": license_,
        "tarball": tarball_path(dist["tarball"], registry),
        "tarball_size": len(data),
        "integrity": integrity,
        "files": list(spec.files),
        "sizes": sizes,
        "main": spec.files[0],
        "global": spec.global_name,
        "needs": list(spec.needs),
        "global_aliases": dict(spec.global_aliases),
        "imports": dict(spec.imports),
        "cdnjs": {
            "name": spec.cdnjs,
            "version": spec.cdnjs_version or spec.version,
            "files": cdnjs_files(spec) if spec.cdnjs else {},
        },
        "urls": list(spec.urls),
        **({"commonjs": True} if spec.commonjs else {}),
    }


def build_lock(
    client: Any, specs: Sequence[Spec], registry: str, log: Callable[[str], object] = print, validate: bool = True
) -> dict[str, Any]:
    lock = {
        "comment": "Generated by `python -m artifacts_runtime.assets_lock`; edit SPECS there, not this file.",
        "lockfile_version": LOCKFILE_VERSION,
        "libraries": {spec.name: lock_entry(client, spec, registry, log) for spec in specs},
    }
    if validate:
        AssetLock.from_dict(lock)  # the runtime must accept what we write
    return lock


def check_updates(client: Any, specs: Sequence[Spec], registry: str) -> int:
    newer = 0
    for spec in specs:
        if spec.track is None:
            print(f"  {spec.name:<14} {spec.version:<10} pinned")
            continue
        doc = (
            client.get(f"{registry}/{spec.package}", headers={"Accept": "application/vnd.npm.install-v1+json"})
            .raise_for_status()
            .json()
        )
        best = newest_on_track(list(doc.get("versions", {})), spec.track)
        flag = ""
        if best and _key(best) > _key(spec.version):
            flag = f"-> {best} available"
            newer += 1
        latest = doc.get("dist-tags", {}).get("latest")
        print(f"  {spec.name:<14} {spec.version:<10} track {spec.track + '.x':<8} {flag:<22} (latest {latest})")
    return newer


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m artifacts_runtime.assets_lock",
        description="Regenerate the runtime-library lock from the npm registry.",
    )
    parser.add_argument("--output", type=Path, default=LOCK_FILE, help="where to write (default: the package's lock)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="regenerate only these entries (others are kept)")
    parser.add_argument("--check-updates", action="store_true", help="list newer versions; write nothing")
    args = parser.parse_args(argv)

    import httpx

    registry = registry_url()
    specs = list(SPECS)
    with httpx.Client(timeout=120, follow_redirects=True) as client:
        if args.check_updates:
            check_updates(client, specs, registry)
            return 0
        if args.only:
            unknown = set(args.only) - {s.name for s in specs}
            if unknown:
                parser.error(f"unknown entries: {', '.join(sorted(unknown))}")
            old = json.loads(args.output.read_text(encoding="utf-8")) if args.output.exists() else None
            print(f"Locking {', '.join(args.only)} from {registry}")
            fresh = build_lock(client, [s for s in specs if s.name in args.only], registry, validate=False)
            if old:
                merged = {}
                for s in specs:
                    entry = fresh["libraries"].get(s.name) or old["libraries"].get(s.name)
                    if entry:
                        merged[s.name] = entry
                fresh["libraries"] = merged
            AssetLock.from_dict(fresh)
            lock = fresh
        else:
            print(f"Locking {len(specs)} libraries from {registry}")
            lock = build_lock(client, specs, registry)
    text = json.dumps(lock, indent=2, ensure_ascii=False) + "\n"
    args.output.write_text(text, encoding="utf-8")
    total = sum(e["tarball_size"] for e in lock["libraries"].values())
    served = sum(sum(e["sizes"].values()) for e in lock["libraries"].values())
    print(
        f"Wrote {args.output}: {len(lock['libraries'])} libraries, "
        f"{total / 1e6:.1f} MB to download, {served / 1e6:.1f} MB served."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
