"""The maintainer tool that writes the lock (``python -m artifacts_runtime.assets_lock``)."""

from __future__ import annotations

import httpx
import pytest

from artifacts_runtime.assets import (
    sri_sha512,
)
from artifacts_runtime.assets_lock import Spec, build_lock, cdnjs_files, newest_on_track
from tests.runtime.assets.fake_registry import (
    FakeRegistry,
    make_tarball,
)

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
