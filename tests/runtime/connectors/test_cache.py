"""The fetch cache: fresh hits, stale-while-refresh, refresh once, failures keep the answer.
(Whose entries they are and how big the cache grows: tests/hostile/.)"""

from __future__ import annotations

import asyncio
import time

import pytest
from aiohttp import web

from artifacts_runtime import connectors
from artifacts_runtime.connectors import DataFetcher, FetchRefused, cache_key
from artifacts_runtime.events import EventHub
from artifacts_runtime.store import Store
from tests.runtime.connectors.support import (
    DataServer,
    body_json,
)

# ---------------------------------------------------------------------------- the cache


async def test_the_first_get_is_a_miss_and_is_stored(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    await store.grant(artifact_id, server.origin)
    before = time.time()
    result = await fetcher.fetch(artifact_id, server.url())
    assert result.cached is False
    page = result.to_page()
    assert page["headers"]["x-artifacts-cache"] == "miss"
    cached = await store.cache_get(artifact_id, "", cache_key("GET", server.url()))
    assert cached is not None and cached.body == result.body and cached.status == 200
    assert before <= cached.fetched_at == result.fetched_at <= time.time()
    assert float(page["headers"]["x-artifacts-fetched-at"]) == pytest.approx(result.fetched_at, abs=0.001)


async def test_a_second_get_while_fresh_is_served_from_the_cache_without_a_request(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    await store.grant(artifact_id, server.origin)
    first = await fetcher.fetch(artifact_id, server.url())
    second = await fetcher.fetch(artifact_id, server.url())
    assert len(server.requests) == 1
    assert second.cached is True and second.body == first.body
    assert second.fetched_at == first.fetched_at
    assert second.to_page()["headers"]["x-artifacts-cache"] == "hit"
    assert second.to_page()["headers"]["content-type"].startswith("application/json")


async def test_a_stale_entry_is_served_at_once_and_refreshed_behind_it(
    fetcher: DataFetcher,
    server: DataServer,
    store: Store,
    artifact_id: str,
    events: EventHub,
    monkeypatch: pytest.MonkeyPatch,
):
    heard: list[dict] = []
    events.subscribe(heard.append)
    version = {"n": 1}

    async def prices(request: web.Request) -> web.Response:
        return web.json_response({"price": version["n"]})

    server.handlers["/prices"] = prices
    await store.grant(artifact_id, server.origin)
    url = server.url("/prices")
    first = await fetcher.fetch(artifact_id, url)
    assert body_json(first) == {"price": 1}

    version["n"] = 2
    monkeypatch.setattr(connectors.fetcher, "FRESH_SECONDS", 0.0)
    await asyncio.sleep(0.01)
    stale = await fetcher.fetch(artifact_id, url)
    assert stale.cached is True and body_json(stale) == {"price": 1}  # at once, the old data
    assert stale.fetched_at == first.fetched_at

    for _ in range(200):
        if any(e["type"] == "data.refreshed" for e in heard):
            break
        await asyncio.sleep(0.01)
    (event,) = [e for e in heard if e["type"] == "data.refreshed"]
    assert event["artifact_id"] == artifact_id and event["url"] == url
    assert event["fetched_at"] > first.fetched_at

    monkeypatch.setattr(connectors.fetcher, "FRESH_SECONDS", 30.0)
    fresh = await fetcher.fetch(artifact_id, url)
    assert fresh.cached is True and body_json(fresh) == {"price": 2}
    assert fresh.fetched_at == event["fetched_at"]
    await asyncio.sleep(0.1)
    assert len(server.requests) == 2  # fresh again: nothing refreshed behind it


async def test_concurrent_stale_reads_refresh_once(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    async def slowish(request: web.Request) -> web.Response:
        await asyncio.sleep(0.2)
        return web.json_response({"ok": True})

    server.handlers["/s"] = slowish
    await store.grant(artifact_id, server.origin)
    await fetcher.fetch(artifact_id, server.url("/s"))
    monkeypatch.setattr(connectors.fetcher, "FRESH_SECONDS", 0.0)
    await asyncio.gather(*(fetcher.fetch(artifact_id, server.url("/s")) for _ in range(5)))
    await asyncio.sleep(0.5)
    assert len(server.requests) == 2


async def test_a_failed_refresh_keeps_the_cached_answer(
    fetcher: DataFetcher,
    server: DataServer,
    store: Store,
    artifact_id: str,
    events: EventHub,
    monkeypatch: pytest.MonkeyPatch,
):
    heard: list[dict] = []
    events.subscribe(heard.append)
    await store.grant(artifact_id, server.origin)
    first = await fetcher.fetch(artifact_id, server.url())

    async def broken(request: web.Request) -> web.Response:
        return web.Response(status=500, text="down")

    server.handlers["/data"] = broken
    monkeypatch.setattr(connectors.fetcher, "FRESH_SECONDS", 0.0)
    await fetcher.fetch(artifact_id, server.url())
    await asyncio.sleep(0.3)
    assert len(server.requests) == 2  # the refresh went out, and failed
    assert not [e for e in heard if e["type"] == "data.refreshed"]
    assert (await store.cache_get(artifact_id, "", cache_key("GET", server.url()))).body == first.body


async def test_error_answers_and_posts_are_not_cached(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    async def missing(request: web.Request) -> web.Response:
        return web.Response(status=404, text="no")

    server.handlers["/missing"] = missing
    await store.grant(artifact_id, server.origin)
    result = await fetcher.fetch(artifact_id, server.url("/missing"))
    assert result.status == 404  # an HTTP error is an answer, passed to the page as it is
    await fetcher.fetch(artifact_id, server.url("/missing"))
    await fetcher.fetch(artifact_id, server.url("/post"), method="POST", body="x")
    await fetcher.fetch(artifact_id, server.url("/post"), method="POST", body="x")
    assert len(server.requests) == 4
    assert await store.cache_get(artifact_id, "", cache_key("GET", server.url("/missing"))) is None
    assert await store.cache_get(artifact_id, "", cache_key("POST", server.url("/post"), {}, "x")) is None


async def test_a_revoked_grant_is_not_bypassed_by_the_cache(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    await store.grant(artifact_id, server.origin)
    await fetcher.fetch(artifact_id, server.url())
    await store.grant(artifact_id, server.origin, "deny")
    with pytest.raises(FetchRefused):
        await fetcher.fetch(artifact_id, server.url())
