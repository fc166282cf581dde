"""``artifacts assets status|fetch`` against the fake registry."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from artifacts_runtime import assets
from artifacts_runtime.cli import assets_cmd
from artifacts_runtime.errors import ArtifactsError
from tests.runtime.assets.fake_registry import (
    FakeRegistry,
    entry,
    make_tarball,
    publish,
)

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
    monkeypatch.setattr(assets.lock, "LOCK_FILE", lock_file)

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
    monkeypatch.setattr(assets.lock, "LOCK_FILE", lock_file)
    monkeypatch.setenv(assets.REGISTRY_ENV, "http://127.0.0.1:9")
    assert run_cli(["assets", "fetch"]) == 1
    assert "Run `artifacts assets fetch` once online" in capsys.readouterr().err
