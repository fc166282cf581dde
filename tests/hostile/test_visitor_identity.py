"""Share visitors choosing their own identity, against a real server and library file.

Who attacks: a visitor of a published link (anyone holding the URL, possibly from another
machine). What they try: send cookies they made up, edited, or took from another library, to
be a visitor the server never issued (and so get fresh storage per request: eight made-up
cookies once added 125 MB in seconds). What must hold: only ids this library signed are
identities; anything else is refused on calls and replaced by a fresh server-issued id on the
page; and however many genuine visitors there are, together they store at most their pool
(the artifact's quota), apart from the owner's.
"""

from __future__ import annotations

import httpx
import pytest

from artifacts_runtime.paths import Paths
from artifacts_runtime.server import VISITOR_COOKIE, ArtifactServer
from artifacts_runtime.store import Store
from artifacts_runtime.workspace import Workspace

MB = 1024 * 1024


@pytest.fixture
async def shared(workspace: Workspace) -> tuple[str, str]:
    artifact = await workspace.store.create("<p>board</p>", title="Board", type="text/html")
    return artifact.id, await workspace.store.publish(artifact.id, shared_state="read-write")


def browser(server: ArtifactServer, cookie: str | None = None) -> httpx.AsyncClient:
    """A browser of its own; ``cookie`` is sent as the visitor cookie, byte for byte (UTF-8)."""
    headers = {} if cookie is None else {"Cookie": f"{VISITOR_COOKIE}={cookie}".encode()}
    return httpx.AsyncClient(base_url=server.base_url, timeout=30, trust_env=False, headers=headers)


async def genuine_cookie(server: ArtifactServer, token: str) -> str:
    async with browser(server) as client:
        response = await client.get(f"/s/{token}")
        assert response.status_code == 200
        return client.cookies[VISITOR_COOKIE]


def forgeries(real: str) -> list[str]:
    visitor_id, _, signature = real.partition(".")
    flipped = ("0" if signature[0] != "0" else "1") + signature[1:]
    other_id = ("A" if visitor_id[0] != "A" else "B") + visitor_id[1:]
    return [
        "a" * 22,  # what was accepted before: any 16-64 characters
        "visitor-chosen-by-the-attacker-0001",
        visitor_id,  # a real id without its signature
        f"{visitor_id}.{flipped}",  # a tampered signature
        f"{other_id}.{signature}",  # another id under a real signature
        f"{visitor_id}.",
        f".{signature}",
        f"{visitor_id}.{signature}.{signature}",
        f"{visitor_id}.{signature[:-1]}",
        "x" * 5000,
        "ä" * 22,
    ]


async def test_only_ids_the_server_signed_are_visitors(workspace: Workspace, server: ArtifactServer, shared):
    artifact_id, token = shared
    real = await genuine_cookie(server, token)
    for forged in forgeries(real):
        async with browser(server, forged) as client:
            reply = await client.post(
                f"/s/{token}/call", json={"method": "storage.set", "params": {"key": "k", "value": "forged"}}
            )
            assert reply.status_code == 403 and reply.json()["error"]["code"] == "no_visitor", forged
            assert "open the shared link again" in reply.json()["error"]["message"]
            # opening the page replaces the made-up cookie with a fresh, server-issued one
            page = await client.get(f"/s/{token}")
            assert page.status_code == 200 and VISITOR_COOKIE in page.headers.get("set-cookie", "")
            issued = page.cookies[VISITOR_COOKIE]
            assert issued not in (forged, real) and issued.split(".")[0] != forged.split(".")[0]
    rows = await workspace.store._fetchall("SELECT owner FROM state WHERE artifact_id = ?", (artifact_id,))
    assert rows == []  # no forged identity stored anything
    async with browser(server, real) as client:  # the genuine cookie still works, and is kept
        assert "set-cookie" not in (await client.get(f"/s/{token}")).headers
        reply = await client.post(
            f"/s/{token}/call", json={"method": "storage.set", "params": {"key": "k", "value": "v"}}
        )
        assert reply.json()["ok"] is True


async def test_a_cookie_signed_by_another_library_is_no_one_here(
    workspace: Workspace, server: ArtifactServer, shared, tmp_path
):
    _, token = shared
    other = await Workspace.open(
        Paths(data=tmp_path / "o", cache=tmp_path / "oc", logs=tmp_path / "ol", runtime=tmp_path / "or").ensure()
    )
    try:
        other_server = await other.start_server()
        other_artifact = await other.store.create("<p>x</p>", type="text/html")
        other_token = await other.store.publish(other_artifact.id)
        foreign = await genuine_cookie(other_server, other_token)
    finally:
        await other.close()
    async with browser(server, foreign) as client:
        reply = await client.post(f"/s/{token}/call", json={"method": "storage.list", "params": {}})
        assert reply.status_code == 403


async def test_a_visitor_keeps_their_id_when_the_library_is_opened_again(paths: Paths):
    """The signing key lives in the library, so a returning visitor is still themselves."""
    ws = await Workspace.open(paths)
    server = await ws.start_server()
    artifact = await ws.store.create("<p>x</p>", type="text/html")
    token = await ws.store.publish(artifact.id)
    cookie = await genuine_cookie(server, token)
    async with browser(server, cookie) as client:
        await client.post(f"/s/{token}/call", json={"method": "storage.set", "params": {"key": "k", "value": "mine"}})
    await ws.close()
    ws = await Workspace.open(paths)
    try:
        server = await ws.start_server()
        async with browser(server, cookie) as client:
            reply = await client.post(f"/s/{token}/call", json={"method": "storage.get", "params": {"key": "k"}})
            assert reply.json()["result"]["value"] == "mine"
    finally:
        await ws.close()


async def test_many_visitors_together_store_at_most_the_visitor_pool(
    workspace: Workspace, server: ArtifactServer, shared
):
    """The reported flood, replayed with genuine visitors (cookies are free to drop): 8 visitors
    trying to store 15 MB each end with at most the 20 MB pool between them, and the owner keeps
    the whole of their own quota."""
    artifact_id, token = shared
    store: Store = workspace.store
    value = "v" * (5 * MB - 300)
    stored = refused = 0
    for n in range(8):
        async with browser(server) as client:
            await client.get(f"/s/{token}")
            for k in range(3):
                reply = (
                    await client.post(
                        f"/s/{token}/call",
                        json={
                            "method": "storage.set",
                            "params": {"key": f"k{k}", "value": value, "shared": k == 2 and n == 0},
                        },
                    )
                ).json()
                if reply["ok"]:
                    stored += 1
                else:
                    assert reply["error"]["code"] == "quota_exceeded"
                    refused += 1
    pool = store.default_quota
    assert stored == pool // (5 * MB) == 4 and refused == 20
    assert await store.state_usage(artifact_id, owner="visitor:any") <= pool
    assert await store.state_usage(artifact_id) == 0
    for k in range(4):  # the owner's quota is whole: 4 values of almost 5 MB, as the visitors
        await store.state_set(artifact_id, f"owner{k}", "o" * (5 * MB - 300), shared=k % 2 == 1)
