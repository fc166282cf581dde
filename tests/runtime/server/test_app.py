"""The server's lifecycle without a browser: its runtime file and ``artifacts url``.

The server runs in the test's own asyncio loop; ``artifacts url`` runs in a worker thread (it
starts an event loop of its own) and talks to it over HTTP like the real command.
"""

from __future__ import annotations

import asyncio
import json
import os
import stat
import subprocess
import sys

import httpx

from artifacts_runtime import __version__
from artifacts_runtime.cli.main import main

from .conftest import PAGE


async def run_cli(*argv: str) -> int:
    """``artifacts ARGV`` in-process (in a thread: it runs its own event loop)."""
    return await asyncio.to_thread(main, list(argv))


# --------------------------------------------------------------------------- the runtime file


async def test_the_runtime_file_says_where_the_server_is(server, paths) -> None:
    data = json.loads(paths.server_file.read_text())
    assert data["url"] == server.base_url == f"http://127.0.0.1:{server.port}"
    assert data["host"] == "127.0.0.1" and data["port"] == server.port
    assert data["token"] == server.token and len(server.token) >= 32
    assert data["pid"] == os.getpid()
    assert data["version"] == __version__
    assert isinstance(data["started"], float)


async def test_the_runtime_file_is_readable_only_by_the_user(server, paths) -> None:
    assert stat.S_IMODE(paths.server_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(paths.runtime.stat().st_mode) == 0o700


async def test_stopping_the_server_removes_its_runtime_file(workspace, paths) -> None:
    server = await workspace.start_server()
    assert paths.server_file.exists()
    await server.stop()
    workspace.server = None
    assert not paths.server_file.exists()


async def test_each_server_has_its_own_token(workspace, paths) -> None:
    first = await workspace.start_server()
    token = first.token
    await first.stop()
    workspace.server = None
    second = await workspace.start_server()
    assert second.token != token
    assert json.loads(paths.server_file.read_text())["token"] == second.token


# --------------------------------------------------------------------------- artifacts url


async def test_url_without_a_server_says_how_to_start_one(workspace, capsys) -> None:
    artifact = await workspace.store.create(PAGE, type="html")
    assert await run_cli("url", artifact.id) == 1
    err = capsys.readouterr().err
    assert "no live-artifacts server is running" in err
    assert "artifacts serve" in err


async def test_url_with_a_stale_runtime_file_says_no_server_runs(workspace, paths, capsys) -> None:
    artifact = await workspace.store.create(PAGE, type="html")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    paths.server_file.write_text(
        json.dumps(
            {
                "url": "http://127.0.0.1:9",
                "port": 9,
                "token": "t" * 32,
                "pid": int(dead.stdout),
            }
        )
    )
    assert await run_cli("url", artifact.id) == 1
    assert "artifacts serve" in capsys.readouterr().err


async def test_url_with_a_server_prints_the_link_with_its_token(workspace, server, capsys) -> None:
    artifact = await workspace.store.create(PAGE, type="html")
    assert await run_cli("url", artifact.id[:5]) == 0  # a unique prefix is enough
    url = capsys.readouterr().out.strip()
    assert url == f"{server.base_url}/view/{artifact.id}#token={server.token}"
    async with httpx.AsyncClient() as client:
        shell = await client.get(url.split("#")[0])
    assert shell.status_code == 200 and server.token not in shell.text  # the fragment stays in the browser


async def test_url_of_a_past_version(workspace, server, capsys) -> None:
    artifact = await workspace.store.create(PAGE, type="html")
    await workspace.store.add_version(artifact.id, PAGE + "<p>two</p>", source="user")
    assert await run_cli("url", artifact.id, "--version", "1") == 0
    assert capsys.readouterr().out.strip() == f"{server.base_url}/view/{artifact.id}?v=1#token={server.token}"


async def test_url_of_an_unknown_artifact_fails(workspace, server, capsys) -> None:
    assert await run_cli("url", "zzzzzzzz") == 1
    assert "no artifact" in capsys.readouterr().err
