"""Bridge calls over HTTP: scoped to the artifact in the path, bad calls refused with a reason."""

from __future__ import annotations

import httpx

from .conftest import PAGE


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
