"""Whose cached live data a fetch may be answered with.

Who attacks: a visitor of a published link (or the artifact's code running in their browser).
What they try: open the owner's dashboard and be served, from the fetch cache, the JSON the
owner fetched with their own token (kept in personal storage); or overwrite the owner's entry
with their own refresh. What must hold: cache entries belong to one principal (the owner, each
visitor) and one exact request (method, URL, headers, body); no credential is stored in clear.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from artifacts_runtime import connectors
from artifacts_runtime.connectors import DataFetcher
from artifacts_runtime.paths import Paths
from artifacts_runtime.store import Store
from artifacts_runtime.workspace import Workspace
from tests.hostile.live_fixtures import *  # noqa: F403 (pytest fixtures, requested by name)
from tests.hostile.live_support import RawServer, answer

OWNER_TOKEN = "Bearer owner-secret-7f3a9c"
PRIVATE = {"notes": "the owner's private notes"}
PUBLIC = {"notes": "nothing for anonymous callers"}


def personal_api(raw: RawServer) -> None:
    """An API that answers by the credential it is given, like any personal-data service."""

    async def notes(writer, seen):
        body = PRIVATE if seen.headers.get("authorization") == OWNER_TOKEN else PUBLIC
        body = {**body, "request": len(raw.seen)}
        await answer(writer, json.dumps(body).encode())

    raw.routes["/notes"] = notes


async def owner_call(ws: Workspace, artifact: str, method: str, **params) -> dict:
    server = await ws.start_server()
    headers = {"Authorization": f"Bearer {server.token}"}
    async with httpx.AsyncClient(base_url=server.base_url, headers=headers, trust_env=False) as client:
        reply = await client.post(f"/api/artifacts/{artifact}/call", json={"method": method, "params": params})
    assert reply.status_code == 200, reply.text
    return reply.json()


async def visitor_call(client: httpx.AsyncClient, token: str, method: str, **params) -> dict:
    reply = await client.post(f"/s/{token}/call", json={"method": method, "params": params})
    assert reply.status_code == 200, reply.text
    return reply.json()


def page_json(reply: dict) -> dict:
    assert reply["ok"] is True, reply
    return json.loads(base64.b64decode(reply["result"]["base64"]))


@asynccontextmanager
async def visitor(ws: Workspace, token: str) -> AsyncIterator[httpx.AsyncClient]:
    """A browser of its own (its own cookie jar, no token) that opened the link."""
    server = await ws.start_server()
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10, trust_env=False) as client:
        assert (await client.get(f"/s/{token}")).status_code == 200  # the visitor cookie
        yield client


# ---------------------------------------------------------------------------- owner and visitors


async def test_a_visitor_is_not_served_the_owners_authenticated_answer(workspace: Workspace, raw: RawServer):
    personal_api(raw)
    store = workspace.store
    artifact = (await store.create("<p>notes dashboard</p>", title="Notes")).id
    await store.grant(artifact, raw.origin, visitors=True)
    url = raw.url("/notes")
    # The owner's page keeps its token in personal storage and fetches with it.
    assert (await owner_call(workspace, artifact, "storage.set", key="token", value=OWNER_TOKEN))["ok"]
    owner = page_json(
        await owner_call(workspace, artifact, "net.fetch", url=url, headers={"Authorization": OWNER_TOKEN})
    )
    assert owner["notes"] == PRIVATE["notes"]

    token = await store.publish(artifact)
    async with visitor(workspace, token) as client:
        reply = await visitor_call(client, token, "net.fetch", url=url)
        seen = page_json(reply)
        assert seen["notes"] == PUBLIC["notes"]
        assert reply["result"]["headers"]["x-artifacts-cache"] == "miss"
        assert "authorization" not in raw.seen[-1].headers  # the visitor's own request went out
        # the visitor reading the owner's token from storage fails too (personal scope)
        assert (await visitor_call(client, token, "storage.get", key="token"))["ok"] is False

    # The owner's entry is still the owner's: served from the cache, private, unchanged.
    again = await owner_call(workspace, artifact, "net.fetch", url=url, headers={"Authorization": OWNER_TOKEN})
    assert again["result"]["headers"]["x-artifacts-cache"] == "hit"
    assert page_json(again) == owner


async def test_a_visitors_refresh_does_not_overwrite_the_owners_entry(
    workspace: Workspace, raw: RawServer, monkeypatch: pytest.MonkeyPatch
):
    personal_api(raw)
    store = workspace.store
    artifact = (await store.create("<p>notes</p>")).id
    await store.grant(artifact, raw.origin, visitors=True)
    url = raw.url("/notes")
    owner = page_json(
        await owner_call(workspace, artifact, "net.fetch", url=url, headers={"Authorization": OWNER_TOKEN})
    )
    token = await store.publish(artifact)
    monkeypatch.setattr(connectors.fetcher, "FRESH_SECONDS", 0.0)  # every read refreshes behind the answer
    async with visitor(workspace, token) as client:
        for _ in range(3):
            assert page_json(await visitor_call(client, token, "net.fetch", url=url))["notes"] == PUBLIC["notes"]
            await asyncio.sleep(0.1)  # let the refresh behind it land
    assert len(raw.seen) > 2  # the owner's fetch, the visitor's miss, then at least one refresh
    monkeypatch.setattr(connectors.fetcher, "FRESH_SECONDS", 30.0)
    key = connectors.cache_key("GET", url, {"authorization": OWNER_TOKEN})
    cached = await store.cache_get(artifact, "", key)
    assert cached is not None and json.loads(cached.body) == owner


async def test_two_visitors_do_not_share_entries_even_with_the_same_headers(workspace: Workspace, raw: RawServer):
    """An artifact with a key in its code sends the same header for everyone: still per visitor."""
    store = workspace.store
    artifact = (await store.create("<p>x</p>")).id
    await store.grant(artifact, raw.origin, visitors=True)
    token = await store.publish(artifact)
    url = raw.url("/data")
    headers = {"X-Api-Key": "baked-into-the-artifact"}
    async with visitor(workspace, token) as one, visitor(workspace, token) as two:
        first = await visitor_call(one, token, "net.fetch", url=url, headers=headers)
        second = await visitor_call(two, token, "net.fetch", url=url, headers=headers)
        again = await visitor_call(one, token, "net.fetch", url=url, headers=headers)
    assert first["result"]["headers"]["x-artifacts-cache"] == "miss"
    assert second["result"]["headers"]["x-artifacts-cache"] == "miss"
    assert again["result"]["headers"]["x-artifacts-cache"] == "hit"
    assert len(raw.seen) == 2


# ---------------------------------------------------------------------------- one entry per request


@pytest.mark.parametrize(
    "other",
    [
        {"Authorization": "Bearer someone-else"},
        {"X-Api-Key": "k2"},
        {},
        {"Accept": "text/csv"},
    ],
    ids=["other-token", "api-key", "no-headers", "other-accept"],
)
async def test_another_credential_or_header_is_another_entry(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str, other: dict
):
    personal_api(raw)
    await store.grant(artifact_id, raw.origin)
    url = raw.url("/notes")
    mine = await fetcher.fetch(artifact_id, url, headers={"Authorization": OWNER_TOKEN})
    theirs = await fetcher.fetch(artifact_id, url, headers=other)
    assert theirs.cached is False and json.loads(theirs.body)["notes"] == PUBLIC["notes"]
    assert json.loads(mine.body)["notes"] == PRIVATE["notes"]
    hit = await fetcher.fetch(artifact_id, url, headers={"authorization": OWNER_TOKEN})  # names are case-blind
    assert hit.cached is True and hit.body == mine.body
    assert len(raw.seen) == 2


async def test_the_key_is_a_digest_of_method_url_headers_and_body():
    key = connectors.cache_key("GET", "https://a.example/x", {"Authorization": "Bearer t"})
    assert len(key) == 64 and "Bearer" not in key
    assert key == connectors.cache_key("get", "https://a.example/x", {"authorization": "Bearer t"})
    assert key != connectors.cache_key("GET", "https://a.example/x", {"authorization": "Bearer u"})
    assert key != connectors.cache_key("GET", "https://a.example/y", {"authorization": "Bearer t"})
    assert key != connectors.cache_key("GET", "https://a.example/x", {"authorization": "Bearer t"}, "body")
    # no ambiguity between a header's name and value, or a value and the next header
    assert connectors.cache_key("GET", "u", {"a": "b:c"}) != connectors.cache_key("GET", "u", {"a:b": "c"})


async def test_no_credential_is_stored_in_clear_anywhere_in_the_library(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str, paths: Paths
):
    personal_api(raw)
    await store.grant(artifact_id, raw.origin)
    await fetcher.fetch(artifact_id, raw.url("/notes"), headers={"Authorization": OWNER_TOKEN})
    await fetcher.fetch(artifact_id, raw.url("/data"), headers={"X-Api-Key": "sk-live-0a1b2c3d"})
    assert await store.cache_get(
        artifact_id, "", connectors.cache_key("GET", raw.url("/data"), {"x-api-key": "sk-live-0a1b2c3d"})
    )
    files = [p for p in Path(paths.library).parent.iterdir() if p.name.startswith(Path(paths.library).name)]
    everything = b"".join(p.read_bytes() for p in files)
    assert b"owner-secret-7f3a9c" not in everything and b"sk-live-0a1b2c3d" not in everything
