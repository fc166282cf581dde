"""How big the live-data cache may grow.

Who attacks: an artifact's code (or a visitor of its shared link, running that code), asking
for the same data under endless distinct query strings (`?n=1`, `?n=2`, …), each answer a few
megabytes, to fill the owner's disk through the library file. What must hold: the cache keeps
under its total and per-artifact limits, dropping the oldest answers first; visitors' answers
cannot push the owner's out; the library file stops growing.
"""

from __future__ import annotations

import os

import pytest

from artifacts_runtime import connectors
from artifacts_runtime.config import load_config
from artifacts_runtime.connectors import CacheLimits, DataFetcher
from artifacts_runtime.events import EventHub
from artifacts_runtime.paths import Paths
from artifacts_runtime.store import Store
from tests.hostile.live_fixtures import *  # noqa: F403 (pytest fixtures, requested by name)
from tests.hostile.live_support import RawServer, answer

MB = 1024 * 1024


def big_answers(raw: RawServer, size: int) -> None:
    async def big(writer, seen):
        await answer(writer, b'"' + b"x" * (size - 2) + b'"')

    raw.routes["/big"] = big


async def cached_bytes(store: Store, artifact: str | None = None) -> int:
    rows = await store._fetchall(
        "SELECT coalesce(sum(size), 0) AS n FROM fetch_cache" + (" WHERE artifact_id = ?" if artifact else ""),
        (artifact,) if artifact else (),
    )
    return int(rows[0]["n"])


@pytest.fixture
async def small_cache(store: Store, events: EventHub):
    f = DataFetcher(store, events, cache=CacheLimits(total_bytes=12 * MB, per_artifact_bytes=5 * MB))
    yield f
    await f.aclose()


async def test_distinct_query_strings_do_not_grow_the_cache_past_its_per_artifact_limit(
    small_cache: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    big_answers(raw, MB)
    await store.grant(artifact_id, raw.origin)
    for n in range(12):
        await small_cache.fetch(artifact_id, raw.url(f"/big?n={n}"))
    assert await cached_bytes(store, artifact_id) <= 5 * MB
    newest = await store.cache_get(artifact_id, "", connectors.cache_key("GET", raw.url("/big?n=11")))
    oldest = await store.cache_get(artifact_id, "", connectors.cache_key("GET", raw.url("/big?n=0")))
    assert newest is not None and oldest is None  # the oldest answers went first


async def test_many_artifacts_together_stay_under_the_total_limit(
    small_cache: DataFetcher, raw: RawServer, store: Store
):
    big_answers(raw, MB)
    ids = [(await store.create(f"<p>{i}</p>")).id for i in range(5)]
    for aid in ids:
        await store.grant(aid, raw.origin)
        for n in range(4):
            await small_cache.fetch(aid, raw.url(f"/big?n={n}"))
    assert await cached_bytes(store) <= 12 * MB
    last = await store.cache_get(ids[-1], "", connectors.cache_key("GET", raw.url("/big?n=3")))
    first = await store.cache_get(ids[0], "", connectors.cache_key("GET", raw.url("/big?n=0")))
    assert last is not None and first is None


async def test_visitors_flooding_the_cache_do_not_push_out_the_owners_answers(
    small_cache: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    big_answers(raw, MB)
    await store.grant(artifact_id, raw.origin, visitors=True)
    await small_cache.fetch(artifact_id, raw.url("/big?owner=1"))
    for n in range(10):
        await small_cache.fetch(artifact_id, raw.url(f"/big?n={n}"), principal=f"visitor:v{n % 3}", may_ask=False)
    assert await store.cache_get(artifact_id, "", connectors.cache_key("GET", raw.url("/big?owner=1"))) is not None
    assert await cached_bytes(store, artifact_id) <= 2 * 5 * MB  # the owner's share and the visitors' share


async def test_an_answer_larger_than_the_per_artifact_limit_is_served_but_not_kept(
    store: Store, events: EventHub, raw: RawServer, artifact_id: str
):
    fetcher = DataFetcher(store, events, cache=CacheLimits(total_bytes=4 * MB, per_artifact_bytes=MB))
    try:
        big_answers(raw, 2 * MB)
        await store.grant(artifact_id, raw.origin)
        await fetcher.fetch(artifact_id, raw.url("/big?keep=1"))
        result = await fetcher.fetch(artifact_id, raw.url("/big?keep=1"))
        assert len(result.body) == 2 * MB and result.cached is False
        assert await cached_bytes(store) == 0
    finally:
        await fetcher.aclose()


async def test_the_library_file_stops_growing(
    small_cache: DataFetcher, raw: RawServer, store: Store, artifact_id: str, paths: Paths
):
    big_answers(raw, MB)
    await store.grant(artifact_id, raw.origin)
    for n in range(10):
        await small_cache.fetch(artifact_id, raw.url(f"/big?a={n}"))
    await store._writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    settled = os.path.getsize(paths.library)
    for n in range(30):
        await small_cache.fetch(artifact_id, raw.url(f"/big?b={n}"))
    await store._writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert os.path.getsize(paths.library) <= settled + 2 * MB  # pages of evicted answers are reused


def test_the_limits_come_from_the_config(paths: Paths):
    paths.config_file.write_text("[live_data]\ncache_mb = 50\ncache_per_artifact_mb = 5\n")
    config = load_config(paths)
    assert CacheLimits.from_config(config) == CacheLimits(total_bytes=50 * MB, per_artifact_bytes=5 * MB)
    paths.config_file.write_text("")
    defaults = CacheLimits.from_config(load_config(paths))
    assert defaults == CacheLimits() and defaults.total_bytes == 100 * MB and defaults.per_artifact_bytes == 20 * MB


async def test_the_app_uses_the_configured_limits(paths: Paths):
    from artifacts_runtime.workspace import Workspace

    paths.config_file.write_text("[live_data]\ncache_mb = 30\ncache_per_artifact_mb = 3\n")
    async with await Workspace.open(paths) as ws:
        assert ws.bridge.fetcher.cache == CacheLimits(total_bytes=30 * MB, per_artifact_bytes=3 * MB)
