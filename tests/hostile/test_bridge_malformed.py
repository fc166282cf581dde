"""Malformed bridge calls, over the owner's WebSocket, the owner's HTTP API and a share's /call.

Who attacks: artifact code (or anything holding the page's channel) sending calls the server
does not expect: lone UTF-16 surrogates ("\\ud800") in a key, a value, the method or any
param, invalid JSON, messages that are not objects, ids that are objects, binary frames, huge
or deeply nested messages, and handlers that blow up. What must hold: every call gets an
answer (with its id when it has one), a clear error naming what was wrong, nothing is stored,
and the connection keeps answering the next call.
"""

from __future__ import annotations

import contextlib
import json

import aiohttp
import httpx
import pytest

from artifacts_runtime.server import ArtifactServer
from artifacts_runtime.workspace import Workspace

PAGE = "<!doctype html><p>malformed calls</p>"


@pytest.fixture
async def artifact_id(workspace: Workspace) -> str:
    return (await workspace.store.create(PAGE, type="html")).id


def call_text(artifact: str, method: str, params: str, call_id: str = "1") -> str:
    """A call written by hand, so JSON escapes such as \\ud800 reach the server as sent."""
    return f'{{"type": "call", "id": {call_id}, "artifact": "{artifact}", "method": "{method}", "params": {params}}}'


async def next_reply(ws: aiohttp.ClientWebSocketResponse, timeout: float = 10) -> dict:
    while True:
        msg = await ws.receive(timeout=timeout)
        assert msg.type == aiohttp.WSMsgType.TEXT, f"expected a reply, got {msg.type} {msg.data!r} {msg.extra!r}"
        data = json.loads(msg.data)
        if data.get("type") == "reply":
            return data


async def still_answers(ws: aiohttp.ClientWebSocketResponse, artifact: str) -> None:
    """The connection is usable: a good call right after gets its own answer."""
    await ws.send_str(call_text(artifact, "storage.set", '{"key": "alive", "value": "yes"}', "999"))
    reply = await next_reply(ws)
    assert reply == {
        "type": "reply",
        "id": 999,
        "ok": True,
        "result": {"key": "alive", "value": "yes", "shared": False},
    }


LONE_SURROGATES = [
    ("storage.set", '{"key": "\\ud800", "value": "v"}', "params.key"),
    ("storage.set", '{"key": "k", "value": "ok \\udfff end"}', "params.value"),
    ("storage.set", '{"key": "k", "value": "\\ud83d"}', "params.value"),
    ("storage.get", '{"key": "a\\udc00b"}', "params.key"),
    ("storage.delete", '{"key": "\\ud800", "shared": true}', "params.key"),
    ("storage.list", '{"prefix": "\\ud800"}', "params.prefix"),
    ("fs.readFile", '{"name": "\\ud800.txt"}', "params.name"),
    ("storage.\\ud800", "{}", "method"),
    ("storage.set", '{"key": "k", "value": "v", "\\ud800": 1}', "params"),
    ("storage.set", '{"key": "k", "value": "v", "extra": ["x", {"deep": "\\ud800"}]}', "params.extra"),
]


@pytest.mark.parametrize("method, params, where", LONE_SURROGATES)
async def test_a_lone_surrogate_anywhere_in_a_websocket_call_is_answered_with_a_clear_error(
    workspace: Workspace, server: ArtifactServer, artifact_id: str, method: str, params: str, where: str
):
    url = f"{server.base_url}/ws?token={server.token}"
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        await ws.send_str(call_text(artifact_id, method, params, "41"))
        reply = await next_reply(ws)
        assert reply["id"] == 41 and reply["ok"] is False
        assert reply["error"]["code"] == "invalid_text"
        assert where in reply["error"]["message"] and "surrogate" in reply["error"]["message"]
        await still_answers(ws, artifact_id)
    assert await workspace.store.state_keys(artifact_id) == ["alive"]
    assert await workspace.store.state_keys(artifact_id, shared=True) == []


async def test_a_lone_surrogate_in_the_artifact_id_is_answered(server: ArtifactServer, artifact_id: str):
    url = f"{server.base_url}/ws?token={server.token}"
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        await ws.send_str(call_text("\\ud800", "storage.get", '{"key": "k"}', "5"))
        reply = await next_reply(ws)
        assert reply["id"] == 5 and reply["error"]["code"] == "invalid_text" and "artifact" in reply["error"]["message"]
        await still_answers(ws, artifact_id)


@pytest.mark.parametrize(
    "message, words",
    [
        ("{not json", "not JSON"),
        ("[1, 2, 3]", "a JSON object"),
        ('"call"', "a JSON object"),
        ("42", "a JSON object"),
        ("null", "a JSON object"),
        ('{"type": "call", "id": {"a": 1}, "artifact": "x", "method": "storage.list", "params": {}}', "id"),
        ('{"type": "call", "id": "7", "artifact": "x", "method": "storage.list", "params": {}}', "id"),
        ('{"type": "call", "id": 1.5, "artifact": "x", "method": "storage.list", "params": {}}', "id"),
        ('{"type": "call", "id": true, "artifact": "x", "method": "storage.list", "params": {}}', "id"),
        ('{"type": "nonsense", "id": 3}', "type"),
        ("[" * 100_000 + "]" * 100_000, "not JSON"),
        ('{"type": "call", "id": 3, "params": ' + "[" * 50_000 + "]" * 50_000 + "}", "not JSON"),
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else v,
)
async def test_a_message_that_is_not_a_call_gets_an_error_reply_and_the_socket_stays_usable(
    server: ArtifactServer, artifact_id: str, message: str, words: str
):
    url = f"{server.base_url}/ws?token={server.token}"
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        await ws.send_str(message)
        reply = await next_reply(ws)
        assert reply["ok"] is False and reply["error"]["code"] == "bad_request"
        assert words in reply["error"]["message"]
        assert reply["id"] in (None, 3)
        await still_answers(ws, artifact_id)


async def test_an_id_that_is_a_valid_call_id_is_echoed_even_when_the_rest_is_wrong(
    server: ArtifactServer, artifact_id: str
):
    url = f"{server.base_url}/ws?token={server.token}"
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        await ws.send_str('{"type": "call", "id": 12, "artifact": 5, "method": ["storage.get"]}')
        reply = await next_reply(ws)
        assert reply["id"] == 12 and reply["error"]["code"] == "bad_request"
        await ws.send_str(
            '{"type": "call", "id": 13, "artifact": "' + artifact_id + '", "method": "storage.get", "params": 7}'
        )
        reply = await next_reply(ws)
        assert reply["id"] == 13 and reply["error"]["code"] == "invalid_argument"
        await still_answers(ws, artifact_id)


async def test_a_binary_frame_is_answered_and_the_socket_stays_usable(server: ArtifactServer, artifact_id: str):
    url = f"{server.base_url}/ws?token={server.token}"
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        await ws.send_bytes(call_text(artifact_id, "storage.list", "{}").encode())
        reply = await next_reply(ws)
        assert reply["id"] is None and reply["error"]["code"] == "bad_request"
        assert "text" in reply["error"]["message"]
        await ws.send_bytes(b"\xff\xfe\x00garbage")
        assert (await next_reply(ws))["error"]["code"] == "bad_request"
        await still_answers(ws, artifact_id)


async def test_a_large_call_within_the_limit_is_answered_and_one_over_it_closes_with_a_reason(
    workspace: Workspace, server: ArtifactServer, artifact_id: str
):
    """Under the message limit a too-large value is a clear storage error; over the limit the
    server closes that socket with 1009 (Message Too Big: aiohttp cannot skip the rest of a
    frame, nor say more), and a new socket works."""
    url = f"{server.base_url}/ws?token={server.token}"
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(url, max_msg_size=0) as ws:
            big = "x" * (6 * 1024 * 1024)
            await ws.send_str(call_text(artifact_id, "storage.set", json.dumps({"key": "big", "value": big}), "2"))
            reply = await next_reply(ws, timeout=30)
            assert reply["id"] == 2 and reply["error"]["code"] == "value_too_large"
            await still_answers(ws, artifact_id)
            with contextlib.suppress(ConnectionError):  # the server may close before it is all sent
                await ws.send_str("x" * (13 * 1024 * 1024))
            msg = await ws.receive(timeout=30)
            while msg.type == aiohttp.WSMsgType.TEXT:  # events still in flight
                msg = await ws.receive(timeout=30)
            assert msg.type == aiohttp.WSMsgType.CLOSE and msg.data == 1009  # "message too big"
        async with session.ws_connect(url) as again:
            await still_answers(again, artifact_id)
    assert await workspace.store.state_get(artifact_id, "big") is None


async def test_an_exception_inside_a_handler_still_answers_with_the_calls_id(
    workspace: Workspace, server: ArtifactServer, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    """A bug in a handler (here: one made to raise) is an internal_error reply, never silence."""

    async def broken(artifact_id: str, params, owner: str):
        raise RuntimeError("a bug in a handler")

    monkeypatch.setitem(server.bridge._methods, "storage.list", broken)
    url = f"{server.base_url}/ws?token={server.token}"
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        await ws.send_str(call_text(artifact_id, "storage.list", "{}", "77"))
        reply = await next_reply(ws)
        assert reply["id"] == 77 and reply["ok"] is False and reply["error"]["code"] == "internal_error"
        assert "storage.list" in reply["error"]["message"] and "log" in reply["error"]["message"]
        await still_answers(ws, artifact_id)
    headers = {"Authorization": f"Bearer {server.token}"}
    async with httpx.AsyncClient(base_url=server.base_url, headers=headers, trust_env=False) as client:
        response = await client.post(f"/api/artifacts/{artifact_id}/call", json={"method": "storage.list"})
        assert response.status_code == 500 and response.json()["error"]["code"] == "internal_error"


# ---------------------------------------------------------------------------- over HTTP


@pytest.mark.parametrize("method, params, where", LONE_SURROGATES)
async def test_a_lone_surrogate_over_http_is_a_clear_error(
    workspace: Workspace, server: ArtifactServer, artifact_id: str, method: str, params: str, where: str
):
    headers = {"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"}
    body = f'{{"method": "{method}", "params": {params}}}'
    async with httpx.AsyncClient(base_url=server.base_url, headers=headers, trust_env=False, timeout=10) as client:
        response = await client.post(f"/api/artifacts/{artifact_id}/call", content=body.encode())
        reply = response.json()
        assert reply["ok"] is False and reply["error"]["code"] == "invalid_text"
        assert where in reply["error"]["message"]
    assert await workspace.store.state_keys(artifact_id) == []


@pytest.mark.parametrize(
    "body, status",
    [
        (b"{oops", 400),
        (b"\xff\xfe not utf-8", 400),
        (b"[" * 100_000 + b"]" * 100_000, 400),
        (b'{"method": "storage.list", "params": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", 400),
        (b'"storage.list"', 400),
    ],
    ids=["invalid", "not-utf8", "deep-array", "deep-params", "string"],
)
async def test_malformed_http_bodies_are_a_json_error(
    server: ArtifactServer, artifact_id: str, body: bytes, status: int
):
    headers = {"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"}
    async with httpx.AsyncClient(base_url=server.base_url, headers=headers, trust_env=False, timeout=10) as client:
        response = await client.post(f"/api/artifacts/{artifact_id}/call", content=body)
        assert response.status_code == status
        assert response.json()["error"]["code"] == "bad_request"


async def test_a_share_visitor_sending_a_lone_surrogate_gets_a_clear_error(
    workspace: Workspace, server: ArtifactServer, artifact_id: str
):
    token = await workspace.store.publish(artifact_id, shared_state="read-write")
    async with httpx.AsyncClient(base_url=server.base_url, trust_env=False, timeout=10) as client:
        assert (await client.get(f"/s/{token}")).status_code == 200
        for method, params, where in LONE_SURROGATES:
            body = f'{{"method": "{method}", "params": {params}}}'
            response = await client.post(
                f"/s/{token}/call", content=body.encode(), headers={"Content-Type": "application/json"}
            )
            reply = response.json()
            assert reply["ok"] is False and reply["error"]["code"] in ("invalid_text", "not_available"), reply
            if reply["error"]["code"] == "invalid_text":
                assert where in reply["error"]["message"]
        deep = b'{"method": "storage.list", "params": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
        response = await client.post(f"/s/{token}/call", content=deep, headers={"Content-Type": "application/json"})
        assert response.status_code == 400 and response.json()["error"]["code"] == "bad_request"
    assert await workspace.store.state_keys(artifact_id, shared=True) == []
