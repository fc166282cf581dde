"""The guard over every route family of a running server: token, Host and Origin, each
case sent as a real HTTP request (the decisions themselves: test_guard.py)."""

from __future__ import annotations

import base64
import json
import os

import httpx
import pytest

from .conftest import PAGE

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
