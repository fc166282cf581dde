"""The runtime-library lock and cache.

Fast tests run against a small fake npm registry served on 127.0.0.1 by the test itself, with
tarballs built here and a test lock. The ``slow`` tests fetch the real lock's libraries from the
real registry once per machine (see ``tests/assets_fixture.py``) and load them in Chromium.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import socket
import tarfile
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from artifacts_runtime import assets
from artifacts_runtime.assets import (
    AssetArchiveError,
    AssetCache,
    AssetError,
    AssetIntegrityError,
    AssetLock,
    AssetRef,
    AssetsUnavailable,
    LibraryLock,
    LockError,
    sri_sha512,
)
from artifacts_runtime.assets_lock import Spec, build_lock, cdnjs_files, newest_on_track
from artifacts_runtime.cli import assets_cmd
from artifacts_runtime.errors import ArtifactsError
from artifacts_runtime.paths import get_paths
from tests.conftest import missing_component

# ----------------------------------------------------------------------------------------------
# Helpers: tarballs, a fake registry, test locks


def make_tarball(members: dict[str, bytes | tuple[str, str]]) -> bytes:
    """A gzipped tarball; keys are raw member names, values bytes or ("symlink", target)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.mtime = 1_700_000_000
            if isinstance(content, tuple):
                info.type = tarfile.SYMTYPE
                info.linkname = content[1]
                tf.addfile(info)
            else:
                info.size = len(content)
                tf.addfile(info, io.BytesIO(content))
    return buf.getvalue()


class FakeRegistry:
    """Serves fixed bytes by path; records requests and the peak number served at once."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, str]] = {}
        self.requests: list[str] = []
        self.delay = 0.0
        self.stall: dict[str, threading.Event] = {}  # path -> send half the body, then wait
        self.in_flight = 0
        self.peak = 0
        self._lock = threading.Lock()
        registry = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with registry._lock:
                    registry.requests.append(self.path)
                    registry.in_flight += 1
                    registry.peak = max(registry.peak, registry.in_flight)
                try:
                    if registry.delay:
                        time.sleep(registry.delay)
                    status, body, ctype = registry.routes.get(
                        self.path, (404, b'{"error":"Not found"}', "application/json")
                    )
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if self.path in registry.stall:
                        self.wfile.write(body[: len(body) // 2])
                        self.wfile.flush()
                        registry.stall[self.path].wait(10)
                        return
                    self.wfile.write(body)
                finally:
                    with registry._lock:
                        registry.in_flight -= 1

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def add(self, path: str, body: bytes, status: int = 200, ctype: str = "application/octet-stream") -> None:
        self.routes["/" + path.lstrip("/")] = (status, body, ctype)

    def add_package(self, name: str, version: str, tarball: bytes) -> str:
        """Publish a tarball the way npm lays it out; returns its path below the registry."""
        path = f"{name}/-/{name.split('/')[-1]}-{version}.tgz"
        self.add(path, tarball)
        manifest = {
            "name": name,
            "version": version,
            "license": "MIT",
            "dist": {"integrity": sri_sha512(tarball), "tarball": f"{self.url}/{path}"},
        }
        self.add(f"{name}/{version}", json.dumps(manifest).encode(), ctype="application/json")
        return path


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeRegistry]:
    fake = FakeRegistry()
    fake.thread.start()
    monkeypatch.setenv("ARTIFACTS_NPM_REGISTRY", fake.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    yield fake
    for event in fake.stall.values():
        event.set()
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture(autouse=True)
def private_assets_dir(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never see a machine-wide cache or registry setting, unless they ask for the real one."""
    root = tmp_path / "assets"
    if "runtime_assets" not in request.fixturenames:
        monkeypatch.setenv(assets.ASSETS_DIR_ENV, str(root))
        monkeypatch.delenv(assets.REGISTRY_ENV, raising=False)
    return root


ALPHA_FILES = {
    "package/dist/alpha.min.js": b"window.Alpha = {ok: true};\n",
    "package/styles/alpha.css": b".alpha { color: red }\n",
    "package/README.md": b"not served\n",
}


def entry(name: str, tarball_path: str, tarball: bytes, files: dict[str, bytes], **extra) -> dict:
    data = {
        "package": name,
        "version": "1.0.0",
        "tarball": tarball_path,
        "tarball_size": len(tarball),
        "integrity": sri_sha512(tarball),
        "files": list(files),
        "sizes": {f: len(b) for f, b in files.items()},
        "global": name.capitalize(),
        "imports": {name: name.capitalize()},
        "cdnjs": {"name": name, "files": {}},
    }
    data.update(extra)
    return data


def publish(registry: FakeRegistry, name: str, served: dict[str, bytes], extra_members=None, **extra) -> dict:
    members: dict[str, bytes | tuple[str, str]] = {f"package/{f}": b for f, b in served.items()}
    members.update(extra_members or {})
    tarball = make_tarball(members)
    path = registry.add_package(name, "1.0.0", tarball)
    return entry(name, path, tarball, served, **extra)


def lock_of(*entries: tuple[str, dict]) -> AssetLock:
    return AssetLock.from_dict({"lockfile_version": 1, "libraries": dict(entries)})


def alpha_lock(registry: FakeRegistry) -> AssetLock:
    served = {k.removeprefix("package/"): v for k, v in ALPHA_FILES.items() if not k.endswith(".md")}
    return lock_of(("alpha", publish(registry, "alpha", served)))


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir()) if root.exists() else []


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


# ----------------------------------------------------------------------------------------------
# The cache against the fake registry


async def test_fetch_verifies_extracts_and_reports_status(registry: FakeRegistry, private_assets_dir: Path) -> None:
    cache = AssetCache(alpha_lock(registry))
    assert cache.root == private_assets_dir
    assert not cache.is_cached("alpha")
    assert [s.cached for s in cache.status()] == [False]
    events: list[tuple[str, int, int]] = []

    fetched = await cache.ensure(progress=lambda *e: events.append(e))

    assert fetched == ["alpha"]
    assert cache.is_cached("alpha")
    folder = private_assets_dir / "alpha@1.0.0"
    assert cache.file_path("alpha") == folder / "dist/alpha.min.js"
    assert cache.file_path("alpha").read_bytes() == ALPHA_FILES["package/dist/alpha.min.js"]
    assert cache.file_path("alpha", "styles/alpha.css").read_bytes() == ALPHA_FILES["package/styles/alpha.css"]
    assert not (folder / "README.md").exists(), "only listed files are extracted"
    assert (folder / assets.MARKER).is_file()
    assert leftovers(private_assets_dir) == ["alpha@1.0.0"], "no temporary folder is left"
    total = cache.lock.get("alpha").tarball_size
    assert events[0] == ("alpha", 0, total) and events[-1] == ("alpha", total, total)
    [row] = cache.status()
    assert (row.name, row.version, row.cached) == ("alpha", "1.0.0", True)
    assert row.size == sum(len(v) for k, v in ALPHA_FILES.items() if not k.endswith(".md"))
    assert row.path == str(folder)
    with pytest.raises(AssetError, match="does not serve"):
        cache.file_path("alpha", "README.md")


async def test_cached_path_answers_without_downloading(registry: FakeRegistry, tmp_path: Path, monkeypatch) -> None:
    lock = alpha_lock(registry)
    lock_file = tmp_path / "lock.json"
    lock_file.write_text(
        json.dumps(
            {
                "lockfile_version": 1,
                "libraries": {
                    "alpha": {
                        "package": "alpha",
                        "version": "1.0.0",
                        "tarball": lock.get("alpha").tarball,
                        "integrity": lock.get("alpha").integrity,
                        "files": list(lock.get("alpha").files),
                    }
                },
            }
        )
    )
    monkeypatch.setattr(assets, "LOCK_FILE", lock_file)
    assert assets.cached_path("alpha") is None
    assert registry.requests == []
    await AssetCache().ensure()
    assert assets.cached_path("alpha") == AssetCache().library_dir("alpha") / "dist/alpha.min.js"
    assert assets.cached_path("alpha", "styles/alpha.css").read_bytes() == ALPHA_FILES["package/styles/alpha.css"]
    assert assets.cached_path("alpha", "1.0.0") is None
    assert assets.cached_path("nope") is None


async def test_second_ensure_does_no_network_io(registry: FakeRegistry) -> None:
    cache = AssetCache(alpha_lock(registry))
    await cache.ensure()
    requests = len(registry.requests)
    assert requests == 1
    cache.registry = "http://127.0.0.1:9"  # nothing listens there
    assert await cache.ensure() == []
    assert AssetCache(cache.lock).ensure_blocking() == []
    assert len(registry.requests) == requests


async def test_hash_mismatch_is_refused_and_nothing_is_left(registry: FakeRegistry, private_assets_dir: Path) -> None:
    lock = alpha_lock(registry)
    route = "/" + lock.get("alpha").tarball
    status, genuine, ctype = registry.routes[route]
    tampered = bytearray(genuine)
    tampered[len(tampered) // 2] ^= 0xFF  # same size, one byte changed in transit
    registry.routes[route] = (status, bytes(tampered), ctype)
    cache = AssetCache(lock)

    with pytest.raises(AssetIntegrityError) as info:
        await cache.ensure()

    assert isinstance(info.value, ArtifactsError)
    assert "alpha 1.0.0" in str(info.value) and "discarded" in str(info.value)
    assert leftovers(private_assets_dir) == []
    assert not cache.is_cached("alpha")


async def test_a_download_larger_than_the_lock_is_cut_off(registry: FakeRegistry, private_assets_dir: Path) -> None:
    lock = alpha_lock(registry)
    path = lock.get("alpha").tarball
    registry.add(path, b"\0" * (lock.get("alpha").tarball_size * 50))
    with pytest.raises(AssetIntegrityError, match="larger than"):
        await AssetCache(lock).ensure()
    assert leftovers(private_assets_dir) == []


async def test_unreachable_registry_names_the_fetch_command(private_assets_dir: Path, monkeypatch) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: connections are refused
    monkeypatch.setenv("ARTIFACTS_NPM_REGISTRY", f"http://127.0.0.1:{port}")
    tarball = make_tarball({"package/a.js": b"1"})
    cache = AssetCache(lock_of(("alpha", entry("alpha", "alpha/-/alpha-1.0.0.tgz", tarball, {"a.js": b"1"}))))

    with pytest.raises(AssetsUnavailable) as info:
        await cache.ensure()

    assert "artifacts assets fetch" in str(info.value)
    assert "alpha 1.0.0" in str(info.value)
    assert leftovers(private_assets_dir) == []
    with pytest.raises(AssetsUnavailable, match="artifacts assets fetch"):
        cache.file_path("alpha")


async def test_one_missing_tarball_does_not_stop_the_others(registry: FakeRegistry) -> None:
    good = publish(registry, "alpha", {"a.js": b"alpha"})
    gone = entry("beta", "beta/-/beta-1.0.0.tgz", b"never served", {"b.js": b"beta"})
    cache = AssetCache(lock_of(("alpha", good), ("beta", gone)))

    with pytest.raises(AssetsUnavailable, match=r"beta 1\.0\.0.*404.*artifacts assets fetch") as info:
        await cache.ensure()

    assert info.value.names == ["beta 1.0.0"]
    assert cache.is_cached("alpha") and not cache.is_cached("beta")


async def test_hostile_tarball_members_are_not_written(
    registry: FakeRegistry, tmp_path: Path, private_assets_dir: Path
) -> None:
    absolute = tmp_path / "absolute-evil"
    served = {"ok.js": b"fine"}
    hostile = {
        "package/../evil": b"x",
        "../evil": b"x",
        "package/../../evil": b"x",
        str(absolute): b"x",
        "/ok.js": b"impostor",
        "package/link.js": ("symlink", "/etc/passwd"),
        "package/sub/../../../evil": b"x",
    }
    cache = AssetCache(lock_of(("alpha", publish(registry, "alpha", served, hostile))))

    await cache.ensure()

    assert cache.file_path("alpha", "ok.js").read_bytes() == b"fine"
    assert not absolute.exists()
    assert not list(tmp_path.rglob("evil")), "nothing escaped the library folder"
    assert sorted(p.name for p in (private_assets_dir / "alpha@1.0.0").iterdir()) == [assets.MARKER, "ok.js"]


async def test_a_listed_file_that_is_a_link_is_refused(registry: FakeRegistry, private_assets_dir: Path) -> None:
    tarball = make_tarball({"package/a.js": ("symlink", "/etc/passwd")})
    path = registry.add_package("alpha", "1.0.0", tarball)
    cache = AssetCache(lock_of(("alpha", entry("alpha", path, tarball, {"a.js": b""}))))
    with pytest.raises(AssetArchiveError, match="not a regular file"):
        await cache.ensure()
    assert leftovers(private_assets_dir) == []


async def test_a_listed_file_missing_from_the_tarball_is_reported(
    registry: FakeRegistry, private_assets_dir: Path
) -> None:
    tarball = make_tarball({"package/a.js": b"1"})
    path = registry.add_package("alpha", "1.0.0", tarball)
    cache = AssetCache(lock_of(("alpha", entry("alpha", path, tarball, {"a.js": b"1", "b.js": b"2"}))))
    with pytest.raises(AssetArchiveError, match=r"no 'b\.js'"):
        await cache.ensure()
    assert leftovers(private_assets_dir) == []


async def test_leftovers_of_a_killed_download_are_replaced(registry: FakeRegistry, private_assets_dir: Path) -> None:
    cache = AssetCache(alpha_lock(registry))
    dead = private_assets_dir / ".tmp-alpha@1.0.0-99999999-0badc0de"  # no such process
    (dead / "package").mkdir(parents=True)
    (dead / "package.tgz").write_bytes(b"half")
    broken = private_assets_dir / "alpha@1.0.0"  # no marker: never completed
    (broken / "dist").mkdir(parents=True)
    (broken / "dist/alpha.min.js").write_bytes(b"half")
    assert not cache.is_cached("alpha")

    assert await cache.ensure() == ["alpha"]

    assert leftovers(private_assets_dir) == ["alpha@1.0.0"]
    assert cache.file_path("alpha").read_bytes() == ALPHA_FILES["package/dist/alpha.min.js"]


async def test_killing_a_download_midway_leaves_no_library_folder(
    registry: FakeRegistry, tmp_path: Path, private_assets_dir: Path
) -> None:
    """A real process is killed (SIGKILL) while the tarball is half received."""
    import signal
    import subprocess
    import sys

    lock = alpha_lock(registry)
    route = "/" + lock.get("alpha").tarball
    registry.stall[route] = threading.Event()
    lock_file = tmp_path / "lock.json"
    lock_file.write_text(
        json.dumps(
            {
                "lockfile_version": 1,
                "libraries": {
                    "alpha": {
                        "package": "alpha",
                        "version": "1.0.0",
                        "tarball": lock.get("alpha").tarball,
                        "tarball_size": lock.get("alpha").tarball_size,
                        "integrity": lock.get("alpha").integrity,
                        "files": list(lock.get("alpha").files),
                    }
                },
            }
        )
    )
    code = (
        "import sys; from artifacts_runtime.assets import AssetCache, AssetLock; "
        "AssetCache(AssetLock.load(sys.argv[1])).ensure_blocking()"
    )
    child = subprocess.Popen([sys.executable, "-c", code, str(lock_file)], cwd=Path(__file__).parents[2])
    try:
        deadline = time.monotonic() + 20
        while not any(n.startswith(".tmp-") for n in leftovers(private_assets_dir)):
            assert child.poll() is None and time.monotonic() < deadline, "the download never started"
            time.sleep(0.02)
        time.sleep(0.2)  # the first half of the tarball is written to the temporary folder
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    names = leftovers(private_assets_dir)
    assert "alpha@1.0.0" not in names and len(names) == 1 and names[0].startswith(".tmp-")

    del registry.stall[route]
    cache = AssetCache(lock)
    assert await cache.ensure() == ["alpha"]
    assert leftovers(private_assets_dir) == ["alpha@1.0.0"], "the dead process's leftovers are gone"


async def test_a_tampered_cache_file_counts_as_missing(registry: FakeRegistry) -> None:
    cache = AssetCache(alpha_lock(registry))
    await cache.ensure()
    cache.file_path("alpha").write_bytes(b"changed")
    assert not cache.is_cached("alpha")
    assert await cache.ensure() == ["alpha"]
    assert cache.file_path("alpha").read_bytes() == ALPHA_FILES["package/dist/alpha.min.js"]


async def test_downloads_run_concurrently_but_bounded(registry: FakeRegistry) -> None:
    entries = [(n, publish(registry, n, {f"{n}.js": n.encode() * 100})) for n in ("a1", "a2", "a3", "a4", "a5")]
    registry.delay = 0.1
    cache = AssetCache(lock_of(*entries), concurrency=2)
    assert sorted(await cache.ensure()) == ["a1", "a2", "a3", "a4", "a5"]
    assert registry.peak == 2


def test_cache_location_and_registry_follow_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(assets.ASSETS_DIR_ENV)
    assert AssetCache(AssetLock([])).root == get_paths().cache / "assets"
    assert AssetCache(AssetLock([])).registry == assets.DEFAULT_REGISTRY
    monkeypatch.setenv(assets.ASSETS_DIR_ENV, str(tmp_path / "shared"))
    monkeypatch.setenv(assets.REGISTRY_ENV, "http://mirror.invalid/npm/")
    cache = AssetCache(AssetLock([]))
    assert cache.root == tmp_path / "shared"
    assert cache.registry == "http://mirror.invalid/npm"


# ----------------------------------------------------------------------------------------------
# The CLI


def run_cli(argv: list[str]) -> int:
    """Parse like ``artifacts`` does and run the handler (errors become exit 1, as in main)."""
    import asyncio
    import inspect

    parser = argparse.ArgumentParser(prog="artifacts")
    assets_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    try:
        result = args.handler(args)
        if inspect.isawaitable(result):
            result = asyncio.run(result)
        return int(result or 0)
    except ArtifactsError as exc:
        print(f"artifacts: {exc}", file=__import__("sys").stderr)
        return 1


def test_cli_status_fetch_and_json(registry: FakeRegistry, tmp_path: Path, monkeypatch, capsys) -> None:
    lock_file = tmp_path / "lock.json"
    lock = {
        "lockfile_version": 1,
        "libraries": {
            "alpha": publish(registry, "alpha", {"a.js": b"alpha" * 100}),
            "beta": publish(registry, "beta", {"b.js": b"beta" * 10}, needs=["alpha"]),
        },
    }
    lock_file.write_text(json.dumps(lock))
    monkeypatch.setattr(assets, "LOCK_FILE", lock_file)

    assert run_cli(["assets", "status"]) == 1
    out = capsys.readouterr().out
    assert "alpha" in out and "no" in out and "artifacts assets fetch" in out

    assert run_cli(["assets", "fetch", "--only", "beta"]) == 0
    err = capsys.readouterr().err
    assert "alpha" in err and "beta" in err and "Fetched 2 libraries" in err

    assert run_cli(["assets", "status", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["cached"]) for r in data["libraries"]] == [("alpha", True), ("beta", True)]
    assert data["libraries"][0]["size"] == 500

    assert run_cli(["assets", "fetch"]) == 0
    assert "All 2 runtime libraries are cached" in capsys.readouterr().err

    assert run_cli(["assets", "fetch", "--only", "gamma"]) == 1
    assert "no runtime library named 'gamma'" in capsys.readouterr().err


def test_cli_fetch_offline_fails_with_the_hint(tmp_path: Path, monkeypatch, capsys) -> None:
    lock_file = tmp_path / "lock.json"
    tarball = make_tarball({"package/a.js": b"1"})
    lock_file.write_text(
        json.dumps(
            {
                "lockfile_version": 1,
                "libraries": {"alpha": entry("alpha", "alpha/-/alpha-1.0.0.tgz", tarball, {"a.js": b"1"})},
            }
        )
    )
    monkeypatch.setattr(assets, "LOCK_FILE", lock_file)
    monkeypatch.setenv(assets.REGISTRY_ENV, "http://127.0.0.1:9")
    assert run_cli(["assets", "fetch"]) == 1
    assert "Run `artifacts assets fetch` once online" in capsys.readouterr().err


# ----------------------------------------------------------------------------------------------
# The maintainer tool


def test_lock_tool_reads_integrity_and_checks_files(registry: FakeRegistry) -> None:
    tarball = make_tarball({"package/dist/x.min.js": b"x" * 10, "package/x.css": b"c"})
    path = registry.add_package("@scope/x", "2.1.0", tarball)
    spec = Spec("x", "@scope/x", "2.1.0", ("dist/x.min.js", "x.css"), "X", imports={"x": "X"}, cdnjs="x")
    with httpx.Client() as client:
        lock = build_lock(client, [spec], registry.url, log=lambda *a: None)
        e = lock["libraries"]["x"]
        assert e["tarball"] == path and e["integrity"] == sri_sha512(tarball)
        assert e["sizes"] == {"dist/x.min.js": 10, "x.css": 1} and e["tarball_size"] == len(tarball)
        assert e["cdnjs"]["files"]["x.min.js"] == "dist/x.min.js" and e["cdnjs"]["files"]["x.js"] == "dist/x.min.js"
        missing = Spec("x", "@scope/x", "2.1.0", ("dist/other.js",))
        with pytest.raises(SystemExit, match="not a file"):
            build_lock(client, [missing], registry.url, log=lambda *a: None)


def test_lock_tool_helpers() -> None:
    assert newest_on_track(["7.29.13", "7.29.9", "8.0.1", "7.30.0-beta.1"], "7") == "7.29.13"
    assert newest_on_track(["2.15.4", "2.15.10", "2.150.0"], "2.15") == "2.15.10"
    files = cdnjs_files(Spec("t", "t", "1.0.0", ("build/t.min.js",), cdnjs="t"))
    assert files == {
        "build/t.js": "build/t.min.js",
        "build/t.min.js": "build/t.min.js",
        "t.js": "build/t.min.js",
        "t.min.js": "build/t.min.js",
    }


# ----------------------------------------------------------------------------------------------
# The real libraries (slow: downloads about 45 MB once per machine)


@pytest.mark.slow
def test_real_libraries_are_fetched_and_complete(runtime_assets: AssetCache) -> None:
    assert os.environ[assets.ASSETS_DIR_ENV] == str(runtime_assets.root)
    for lib in runtime_assets.lock:
        assert runtime_assets.is_cached(lib.name), lib.name
        for file in lib.files:
            path = runtime_assets.file_path(lib.name, file)
            assert path.stat().st_size == lib.sizes[file] > 0, f"{lib.name}: {file}"
    assert all(row.cached for row in runtime_assets.status())


@pytest.mark.slow
def test_real_libraries_define_their_globals_in_chromium(runtime_assets: AssetCache) -> None:
    """Each library, loaded after what it needs, defines the global the lock says it does."""
    chromium = os.environ.get("ARTIFACTS_CHROMIUM", "/usr/bin/chromium")
    if not shutil.which(chromium) and not os.path.exists(chromium):
        missing_component(f"Chromium at {chromium}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_component("the playwright Python package")
    lock = runtime_assets.lock
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            for lib in lock:
                page = browser.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
                page.set_content("<!doctype html><html><head></head><body><div id=root></div></body></html>")
                for name in lock.load_order([lib.name]):
                    dep = lock.get(name)
                    for alias, source in dep.global_aliases.items():
                        page.evaluate("([a, s]) => { window[a] = window[s]; }", [alias, source])
                    for file in dep.files:
                        if file.endswith(".js"):
                            page.add_script_tag(path=str(runtime_assets.file_path(name, file)))
                if lib.global_name:
                    kind = page.evaluate("g => typeof window[g]", lib.global_name)
                    assert kind in ("object", "function"), f"{lib.name} did not define {lib.global_name}"
                assert errors == [], f"{lib.name}: {errors}"
                page.close()
        finally:
            browser.close()
