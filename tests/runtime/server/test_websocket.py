"""Bridge calls over the shell's WebSocket: answered like HTTP, large values included."""

from __future__ import annotations

from .conftest import PAGE


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
