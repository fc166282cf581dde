"""The cache against the fake registry: downloads, verification, atomic installs, concurrency."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest

from artifacts_runtime import assets
from artifacts_runtime.assets import (
    AssetArchiveError,
    AssetCache,
    AssetError,
    AssetIntegrityError,
    AssetLock,
    AssetsUnavailable,
)
from artifacts_runtime.errors import ArtifactsError
from artifacts_runtime.paths import get_paths
from tests.runtime.assets.fake_registry import (
    ALPHA_FILES,
    FakeRegistry,
    alpha_lock,
    entry,
    leftovers,
    lock_of,
    make_tarball,
    publish,
)

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
    monkeypatch.setattr(assets.lock, "LOCK_FILE", lock_file)
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
