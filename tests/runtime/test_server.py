"""The local server without a browser: its runtime file, ``artifacts url``, and the guard
(token, Host, Origin) over every route family.

The server runs in the test's own asyncio loop; ``artifacts url`` runs in a worker thread (it
starts an event loop of its own) and talks to it over HTTP like the real command.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import stat
import subprocess
import sys
from collections.abc import AsyncIterator

import httpx
import pytest

from artifacts_runtime import __version__
from artifacts_runtime.cli.main import main
from artifacts_runtime.paths import Paths
from artifacts_runtime.workspace import Workspace

PAGE = "<!doctype html><p>hello from the server test</p>"


@pytest.fixture
async def workspace(paths: Paths) -> AsyncIterator[Workspace]:
    ws = await Workspace.open(paths)
    yield ws
    await ws.close()


@pytest.fixture
async def server(workspace: Workspace):
    return await workspace.start_server()


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


# --------------------------------------------------------------------------- the guard

OK, NO_TOKEN, BAD_HOST, BAD_ORIGIN = "ok", "bad_token", "bad_host", "bad_origin"

#: route family -> (method, path template, needs the token)
ROUTES = {
    "health": ("GET", "/health", False),
    "view": ("GET", "/view/{id}", False),
    "frame": ("GET", "/frame/{id}/1?ticket={ticket}", False),
    "api": ("GET", "/api/artifacts/{id}", True),
    "call": ("POST", "/api/artifacts/{id}/call", True),
    "ws": ("GET", "/ws", True),
    "assets": ("GET", "/assets/no-such-library@1.0.0/index.js", False),
    "runtime": ("GET", "/runtime/frame.js", False),
}

#: case -> (what it changes, the outcome for routes without a token, for routes with one)
CASES = {
    "legitimate": ({}, OK, OK),
    "no token": ({"token": None}, OK, NO_TOKEN),
    "wrong token": ({"token": "x" * 32}, OK, NO_TOKEN),
    "foreign host": ({"Host": "evil.example"}, BAD_HOST, BAD_HOST),
    "foreign host with our port": ({"Host": "evil.example:{port}"}, BAD_HOST, BAD_HOST),
    "lan address as host": ({"Host": "10.0.0.7:{port}"}, BAD_HOST, BAD_HOST),
    "localhost": ({"Host": "localhost:{port}"}, OK, OK),
    "foreign origin": ({"Origin": "http://evil.example"}, OK, BAD_ORIGIN),
    "null origin": ({"Origin": "null"}, OK, BAD_ORIGIN),
    "other local port": ({"Origin": "http://127.0.0.1:1"}, OK, BAD_ORIGIN),
    "own origin": ({"Origin": "{base}"}, OK, OK),
    "cross-site fetch": ({"Sec-Fetch-Site": "cross-site"}, OK, BAD_ORIGIN),
    "same-origin fetch": ({"Sec-Fetch-Site": "same-origin"}, OK, OK),
}

STATUS = {NO_TOKEN: 401, BAD_HOST: 403, BAD_ORIGIN: 403}
LEGITIMATE_STATUS = {"assets": 404, "ws": 101}  # (no such library: past the guard all the same)


def build_request(server, artifact_id: str, route: str, case: str) -> tuple[str, str, dict[str, str]]:
    method, template, needs_token = ROUTES[route]
    change = dict(CASES[case][0])
    token = change.pop("token", server.token)
    headers = {k: v.format(port=server.port, base=server.base_url) for k, v in change.items()}
    path = template.format(id=artifact_id, ticket=server.frame_ticket(artifact_id))
    if route == "ws":
        headers.update(
            {
                "Connection": "Upgrade",
                "Upgrade": "websocket",
                "Sec-WebSocket-Version": "13",
                "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
            }
        )
        if token:
            path += f"?token={token}"
    elif needs_token and token:
        headers["Authorization"] = f"Bearer {token}"
    return method, path, headers


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("route", list(ROUTES))
async def test_the_guard(workspace, server, route: str, case: str) -> None:
    artifact = await workspace.store.create(PAGE, type="html")
    method, path, headers = build_request(server, artifact.id, route, case)
    expected = CASES[case][2] if ROUTES[route][2] else CASES[case][1]
    body = json.dumps({"method": "storage.list", "params": {}}) if method == "POST" else None
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as client:
        response = await client.request(method, path, headers=headers, content=body)
    if expected == OK:
        assert response.status_code == LEGITIMATE_STATUS.get(route, 200), response.text[:200]
    else:
        assert response.status_code == STATUS[expected]
        assert response.json() == {
            "ok": False,
            "error": {"code": expected, "message": response.json()["error"]["message"]},
        }


async def test_refusals_explain_themselves(workspace, server) -> None:
    artifact = await workspace.store.create(PAGE, type="html")
    async with httpx.AsyncClient(base_url=server.base_url) as client:
        no_token = (await client.get(f"/api/artifacts/{artifact.id}")).json()["error"]["message"]
        bad_host = (await client.get("/health", headers={"Host": "evil.example"})).json()["error"]["message"]
    assert "artifacts url ID" in no_token
    assert "Host" in bad_host


async def test_the_bridge_answers_for_the_artifact_in_the_path(workspace, server) -> None:
    a = await workspace.store.create(PAGE, type="html")
    b = await workspace.store.create(PAGE, type="html")
    await workspace.store.state_set(b.id, "secret", "b")
    headers = {"Authorization": f"Bearer {server.token}"}
    async with httpx.AsyncClient(base_url=server.base_url, headers=headers) as client:
        call = {"method": "storage.get", "params": {"key": "secret", "artifact_id": b.id}}
        answer = (await client.post(f"/api/artifacts/{a.id}/call", json=call)).json()
        assert answer["ok"] is False and answer["error"]["code"] == "key_not_found"
        # A prefix is not enough for the bridge: the shell always sends the full id.
        answer = await client.post(f"/api/artifacts/{b.id[:4]}/call", json=call)
        assert answer.status_code == 404
        answer = (await client.post(f"/api/artifacts/{b.id}/call", json=call)).json()
        assert answer == {"ok": True, "result": {"key": "secret", "value": "b", "shared": False}}


async def test_bad_calls_are_refused_with_a_reason(workspace, server) -> None:
    a = await workspace.store.create(PAGE, type="html")
    headers = {"Authorization": f"Bearer {server.token}"}
    async with httpx.AsyncClient(base_url=server.base_url, headers=headers) as client:
        not_json = await client.post(f"/api/artifacts/{a.id}/call", content="{oops")
        assert not_json.status_code == 400 and not_json.json()["error"]["code"] == "bad_request"
        no_method = await client.post(f"/api/artifacts/{a.id}/call", json={"params": {}})
        assert no_method.status_code == 400
        unknown = (await client.post(f"/api/artifacts/{a.id}/call", json={"method": "os.system", "params": {}})).json()
        assert unknown["error"]["code"] == "unknown_method"
        params = (
            await client.post(f"/api/artifacts/{a.id}/call", json={"method": "storage.list", "params": []})
        ).json()
        assert params["error"]["code"] == "invalid_argument"


async def test_runtime_files_are_only_our_own(server) -> None:
    async with httpx.AsyncClient(base_url=server.base_url) as client:
        assert (await client.get("/runtime/frame.js")).status_code == 200
        for path in [
            "/runtime/..%2Fserver.py",
            "/runtime/server.py",
            "/runtime/%2e%2e%2fpage.py",
            "/assets/react@18.3.1/..%2F..%2Fetc%2Fpasswd",
            "/assets/react@0.0.1/umd/react.production.min.js",
        ]:
            assert (await client.get(path)).status_code == 404, path


# --------------------------------------------------------------------------- calls over the WebSocket


async def test_a_bridge_call_over_the_websocket_answers_like_http(workspace, server) -> None:
    """The shell sends its calls over its event WebSocket when it is open (cheaper than a fetch
    per call); the reply carries the call's id, and the change event names the calling view."""
    import aiohttp

    artifact = await workspace.store.create(PAGE, type="html")
    events: list[dict] = []
    workspace.events.subscribe(events.append)
    url = f"{server.base_url}/ws?token={server.token}&view=view-1"
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        await ws.send_json(
            {
                "type": "call",
                "id": 7,
                "artifact": artifact.id,
                "method": "storage.set",
                "params": {"key": "k", "value": "v"},
            }
        )
        replies = []
        while len(replies) < 1:
            msg = await ws.receive_json(timeout=5)
            if msg.get("type") == "reply":
                replies.append(msg)
        assert replies == [
            {"type": "reply", "id": 7, "ok": True, "result": {"key": "k", "value": "v", "shared": False}}
        ]
        await ws.send_json(
            {"type": "call", "id": 8, "artifact": artifact.id, "method": "storage.get", "params": {"key": "missing"}}
        )
        await ws.send_json(
            {"type": "call", "id": 9, "artifact": "zzzzzzzz", "method": "storage.get", "params": {"key": "k"}}
        )
        await ws.send_json({"type": "call", "id": 10, "method": "storage.get"})
        got = {}
        while len(got) < 3:
            msg = await ws.receive_json(timeout=5)
            if msg.get("type") == "reply":
                got[msg["id"]] = msg
    assert got[8]["ok"] is False and got[8]["error"]["code"] == "key_not_found"
    assert got[9]["ok"] is False and got[9]["error"]["code"] == "not_found"
    assert got[10]["ok"] is False and got[10]["error"]["code"] == "bad_request"
    assert await workspace.store.state_get(artifact.id, "k") is not None
    [changed] = [e for e in events if e["type"] == "state.changed"]
    assert changed["view"] == "view-1"


async def test_a_large_value_fits_through_the_websocket(workspace, server) -> None:
    import aiohttp

    artifact = await workspace.store.create(PAGE, type="html")
    value = "x" * (5 * 1024 * 1024)
    url = f"{server.base_url}/ws?token={server.token}"
    async with aiohttp.ClientSession() as session, session.ws_connect(url, max_msg_size=0) as ws:
        await ws.send_json(
            {
                "type": "call",
                "id": 1,
                "artifact": artifact.id,
                "method": "storage.set",
                "params": {"key": "big", "value": value},
            }
        )
        await ws.send_json(
            {
                "type": "call",
                "id": 2,
                "artifact": artifact.id,
                "method": "storage.set",
                "params": {"key": "bigger", "value": value + "x"},
            }
        )
        got = {}
        while len(got) < 2:
            msg = await ws.receive_json(timeout=20)
            if msg.get("type") == "reply":
                got[msg["id"]] = msg
    assert got[1]["ok"] is True
    assert got[2]["ok"] is False and got[2]["error"]["code"] == "value_too_large"


async def test_error_reports_are_capped_per_artifact_per_minute(store):
    """A looping artifact cannot flood the app: past the cap, reports are acknowledged but not published."""
    from artifacts_runtime.bridge import MAX_REPORTS_PER_MINUTE, Bridge
    from artifacts_runtime.events import EventHub

    hub = EventHub()
    published: list[dict] = []
    hub.subscribe(published.append)
    bridge = Bridge(store, hub)
    artifact = await store.create("<p>x</p>", type="html")
    for i in range(MAX_REPORTS_PER_MINUTE + 5):
        await bridge.call(artifact.id, "error.report", {"message": f"boom {i}"})
    assert len([e for e in published if e["type"] == "artifact.error"]) == MAX_REPORTS_PER_MINUTE


def test_an_exported_file_carries_its_policy_in_a_meta_tag():
    """Opened online, an exported file still reaches no network: the CSP travels with it."""
    from artifacts_runtime.assets import load_lock
    from artifacts_runtime.page import FrameSpec, Resources, frame_document

    spec = FrameSpec("abc", 1, "text/markdown", "Doc", "# Hi")
    live = frame_document(spec, Resources(load_lock()), mode="live")
    assert "Content-Security-Policy" not in live  # the server sends it as a header
    exported = frame_document(spec, Resources(load_lock()), mode="export")
    assert 'http-equiv="Content-Security-Policy"' in exported and "connect-src &#x27;none&#x27;" in exported
