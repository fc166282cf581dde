"""Hostile data servers against the live-data decoder.

Who attacks: a server an artifact was granted (or one it redirects to), or whoever controls it.
What they try: a small compressed answer that decodes to gigabytes (gzip twice, deflate, a
bomb under a small Content-Length), encodings nobody asked for, endless or dripping bodies,
absurd Content-Length headers, many fetches at once — to exhaust memory or stall the app's loop.
What must hold: the 10 MB limit applies to decoded bytes as they are produced, memory stays
bounded, the loop keeps running, and the page gets a clear error; nothing is cached.
"""

from __future__ import annotations

import asyncio
import time
import tracemalloc
import zlib

import pytest

from artifacts_runtime import connectors
from artifacts_runtime.connectors import DataFetcher, FetchRefused
from artifacts_runtime.store import Store
from tests.hostile.live_fixtures import *  # noqa: F403 (pytest fixtures, requested by name)
from tests.hostile.live_support import RawServer, answer, chunk, chunked_head, deflate_of_zeros, gz, gzip_of_zeros

MB = 1024 * 1024
#: What the limit lets one fetch hold (the decoded answer and its last steps), with room to spare.
MEMORY_BOUND = 3 * connectors.MAX_RESPONSE_BYTES


async def refused(fetcher: DataFetcher, artifact_id: str, url: str) -> tuple[FetchRefused, int, float]:
    """The refusal, the peak of Python memory during the fetch, and the longest the loop stalled."""
    gaps: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        last = time.perf_counter()
        while not done.is_set():
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    tick = asyncio.ensure_future(ticker())
    tracemalloc.start()
    try:
        with pytest.raises(FetchRefused) as info:
            await fetcher.fetch(artifact_id, url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        done.set()
        await tick
    return info.value, peak, max(gaps, default=0.0)


# ---------------------------------------------------------------------------- bombs


async def test_gzip_twice_is_refused_without_decoding_it(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    """The reported case: 'gzip, gzip' of 64 MB of zeros is about a kilobyte on the wire."""
    body = gz(gzip_of_zeros(64 * MB))
    assert len(body) < 4096

    async def bomb(writer, seen):
        await answer(writer, body, headers={"Content-Encoding": "gzip, gzip"})

    raw.routes["/bomb"] = bomb
    await store.grant(artifact_id, raw.origin)
    error, peak, stall = await refused(fetcher, artifact_id, raw.url("/bomb"))
    assert error.code == "unsupported_encoding"
    assert "gzip, gzip" in error.message and raw.origin in error.message
    assert peak < MEMORY_BOUND
    assert stall < 0.5  # the attack held the loop for seconds
    assert await store.cache_get(artifact_id, "", connectors.cache_key("GET", raw.url("/bomb"))) is None


@pytest.mark.parametrize(
    ("encoding", "make"),
    [
        ("gzip", lambda: gzip_of_zeros(100 * MB)),
        ("x-gzip", lambda: gzip_of_zeros(100 * MB)),
        ("deflate", lambda: deflate_of_zeros(100 * MB)),
        ("deflate", lambda: deflate_of_zeros(100 * MB, raw=True)),  # raw deflate, as some servers send
        ("gzip, identity", lambda: gzip_of_zeros(100 * MB)),
    ],
    ids=["gzip", "x-gzip", "deflate-zlib", "deflate-raw", "gzip-identity"],
)
async def test_a_bomb_under_a_small_content_length_stops_at_the_decoded_limit(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str, encoding: str, make
):
    body = make()
    assert len(body) < connectors.MAX_RESPONSE_BYTES // 20  # well under the limit on the wire

    async def bomb(writer, seen):
        await answer(writer, body, headers={"Content-Encoding": encoding})

    raw.routes["/bomb"] = bomb
    await store.grant(artifact_id, raw.origin)
    error, peak, stall = await refused(fetcher, artifact_id, raw.url("/bomb"))
    assert error.code == "response_too_large"
    assert "10 MB" in error.message and "decod" in error.message and raw.origin in error.message
    assert peak < MEMORY_BOUND
    assert stall < 0.5
    assert await store.cache_get(artifact_id, "", connectors.cache_key("GET", raw.url("/bomb"))) is None


async def test_an_endless_chunked_gzip_stream_stops_at_the_decoded_limit(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    co = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    sent = {"chunks": 0}

    async def endless(writer, seen):
        await chunked_head(writer, {"Content-Encoding": "gzip"})
        while True:  # one gzip stream that never ends: a megabyte of zeros per chunk
            await chunk(writer, co.compress(bytes(MB)) + co.flush(zlib.Z_SYNC_FLUSH))
            sent["chunks"] += 1

    raw.routes["/endless"] = endless
    await store.grant(artifact_id, raw.origin)
    error, peak, _ = await refused(fetcher, artifact_id, raw.url("/endless"))
    assert error.code == "response_too_large" and "decod" in error.message
    assert peak < MEMORY_BOUND
    for _ in range(200):  # we hung up: the server's writes fail and its handler ends
        if raw.active == 0:
            break
        await asyncio.sleep(0.01)
    assert raw.active == 0 and sent["chunks"] > 10


async def test_an_endless_plain_chunked_stream_stops_at_the_limit(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    async def endless(writer, seen):
        await chunked_head(writer)
        while True:
            await chunk(writer, b"[" * 65536)

    raw.routes["/endless"] = endless
    await store.grant(artifact_id, raw.origin)
    error, peak, _ = await refused(fetcher, artifact_id, raw.url("/endless"))
    assert error.code == "response_too_large"
    assert peak < MEMORY_BOUND


# ---------------------------------------------------------------------------- what we asked for


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress", "x-unknown", "gzip, br", "deflate, gzip"])
async def test_encodings_we_did_not_ask_for_are_refused_clearly(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str, encoding: str
):
    async def odd(writer, seen):
        await answer(writer, b"\x1f\x8b whatever", headers={"Content-Encoding": encoding})

    raw.routes["/odd"] = odd
    await store.grant(artifact_id, raw.origin)
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, raw.url("/odd"))
    assert info.value.code == "unsupported_encoding"
    assert encoding in info.value.message and "gzip" in info.value.message


async def test_we_ask_for_gzip_and_deflate_only_whatever_the_artifact_says(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    await store.grant(artifact_id, raw.origin)
    await fetcher.fetch(artifact_id, raw.url(), headers={"Accept-Encoding": "br, zstd, gzip;q=0"})
    assert raw.seen[0].headers["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "identity", ""])
async def test_honest_compressed_answers_still_arrive_whole(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str, encoding: str
):
    data = b'{"rows": [' + b",".join(b'{"n": %d}' % i for i in range(50_000)) + b"]}"
    body = {"gzip": gz(data), "deflate": zlib.compress(data)}.get(encoding, data)
    headers = {"Content-Encoding": encoding} if encoding else {}

    async def honest(writer, seen):
        await answer(writer, body, headers=headers)

    raw.routes["/honest"] = honest
    await store.grant(artifact_id, raw.origin)
    result = await fetcher.fetch(artifact_id, raw.url("/honest"))
    assert result.status == 200 and result.body == data
    assert "content-encoding" not in {k.lower() for k in result.headers}  # the page gets decoded bytes


async def test_an_answer_that_decodes_to_exactly_the_limit_is_accepted(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    body = gzip_of_zeros(connectors.MAX_RESPONSE_BYTES)

    async def exact(writer, seen):
        await answer(writer, body, headers={"Content-Encoding": "gzip"})

    raw.routes["/exact"] = exact
    await store.grant(artifact_id, raw.origin)
    result = await fetcher.fetch(artifact_id, raw.url("/exact"))
    assert len(result.body) == connectors.MAX_RESPONSE_BYTES


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
async def test_broken_compressed_data_is_a_clear_error(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str, damage: str
):
    whole = gz(b'{"ok": true, "pad": "' + b"x" * 5000 + b'"}')
    body = whole[: len(whole) // 2] if damage == "truncated" else b"not gzip at all, sorry"

    async def broken(writer, seen):
        await answer(writer, body, headers={"Content-Encoding": "gzip"})

    raw.routes["/broken"] = broken
    await store.grant(artifact_id, raw.origin)
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, raw.url("/broken"))
    assert info.value.code == "network_error"
    assert "gzip" in info.value.message and raw.origin in info.value.message


# ---------------------------------------------------------------------------- lengths and time


@pytest.mark.parametrize(
    ("length", "code", "words"),
    [
        (str(connectors.MAX_RESPONSE_BYTES + 1), "response_too_large", "10 MB"),
        (str(2**63), "response_too_large", "10 MB"),
        ("99999999999999999999999", "network_error", "Content-Length"),  # the HTTP parser's own refusal
    ],
    ids=["just-over", "2^63", "absurd"],
)
async def test_a_huge_content_length_is_refused_before_reading(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str, length: str, code: str, words: str
):
    async def liar(writer, seen):
        await answer(writer, b"{}", length=length)
        await asyncio.sleep(5)  # never sends the rest

    raw.routes["/liar"] = liar
    await store.grant(artifact_id, raw.origin)
    started = time.monotonic()
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, raw.url("/liar"))
    assert info.value.code == code and words in info.value.message and raw.origin in info.value.message
    assert time.monotonic() - started < 3  # it did not wait for the body


async def test_a_slow_drip_of_gzip_hits_the_overall_time_limit(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(connectors.network, "TIMEOUT_SECONDS", 0.5)
    body = gz(b"[" + b"0," * 10_000 + b"0]")

    async def drip(writer, seen):
        await chunked_head(writer, {"Content-Encoding": "gzip"})
        for i in range(0, len(body), 8):  # a second and more for the whole of it
            await chunk(writer, body[i : i + 8])
            await asyncio.sleep(0.2)
        await chunk(writer, b"")

    raw.routes["/drip"] = drip
    await store.grant(artifact_id, raw.origin)
    started = time.monotonic()
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, raw.url("/drip"))
    assert time.monotonic() - started < 3
    assert info.value.code == "network_error" and "0.5 s" in info.value.message


# ---------------------------------------------------------------------------- many at once


async def test_one_artifact_holds_a_bounded_number_of_connections_and_the_rest_queue(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    async def slow(writer, seen):
        await asyncio.sleep(0.2)
        await answer(writer, b'{"slow": true}')

    raw.routes["/slow"] = slow
    await store.grant(artifact_id, raw.origin)
    n = connectors.MAX_FETCHES_PER_ARTIFACT * 3
    results = await asyncio.gather(*(fetcher.fetch(artifact_id, raw.url(f"/slow?i={i}")) for i in range(n)))
    assert [r.status for r in results] == [200] * n  # all of them, in turn
    assert raw.most_at_once == connectors.MAX_FETCHES_PER_ARTIFACT


async def test_the_app_holds_a_bounded_number_of_connections_over_all_artifacts(
    fetcher: DataFetcher, raw: RawServer, store: Store
):
    async def slow(writer, seen):
        await asyncio.sleep(0.2)
        await answer(writer, b"{}")

    raw.routes["/slow"] = slow
    ids = [(await store.create(f"<p>{i}</p>")).id for i in range(6)]
    for aid in ids:
        await store.grant(aid, raw.origin)
    per = connectors.MAX_FETCHES_PER_ARTIFACT
    calls = [fetcher.fetch(aid, raw.url(f"/slow?i={i}")) for aid in ids for i in range(per)]
    results = await asyncio.gather(*calls)
    assert all(r.status == 200 for r in results)
    assert raw.most_at_once == connectors.MAX_FETCHES


async def test_a_flood_beyond_the_queue_is_refused_clearly_and_the_rest_complete(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    release = asyncio.Event()

    async def held(writer, seen):
        await release.wait()
        await answer(writer, b"{}")

    raw.routes["/held"] = held
    await store.grant(artifact_id, raw.origin)
    room = connectors.MAX_FETCHES_PER_ARTIFACT + connectors.MAX_WAITING_PER_ARTIFACT
    tasks = [asyncio.ensure_future(fetcher.fetch(artifact_id, raw.url(f"/held?i={i}"))) for i in range(room + 5)]
    await asyncio.sleep(0.3)
    release.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    refusals = [r for r in results if isinstance(r, FetchRefused)]
    assert len(refusals) == 5
    assert all(r.code == "too_many_fetches" and "at once" in r.message for r in refusals)
    assert sum(1 for r in results if not isinstance(r, BaseException) and r.status == 200) == room
    assert len(raw.seen) == room  # the refused ones sent nothing
