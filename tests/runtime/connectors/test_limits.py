"""Size and time limits on a data answer."""

from __future__ import annotations

import asyncio
import time

import pytest
from aiohttp import web

from artifacts_runtime import connectors
from artifacts_runtime.connectors import DataFetcher, FetchRefused, cache_key
from artifacts_runtime.store import Store
from tests.runtime.connectors.support import (
    DataServer,
)

# ---------------------------------------------------------------------------- size and time limits


async def test_an_answer_over_the_size_limit_with_a_content_length_is_refused(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(connectors.decode, "MAX_RESPONSE_BYTES", 1000)

    async def big(request: web.Request) -> web.Response:
        return web.Response(body=b"x" * 5000)

    server.handlers["/big"] = big
    await store.grant(artifact_id, server.origin)
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, server.url("/big"))
    assert info.value.code == "response_too_large"
    assert server.origin in info.value.message and "1000 B" in info.value.message
    assert await store.cache_get(artifact_id, "", cache_key("GET", server.url("/big"))) is None


async def test_an_answer_over_the_size_limit_without_a_content_length_is_refused(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(connectors.decode, "MAX_RESPONSE_BYTES", 1000)

    async def chunked(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(10):
            await response.write(b"y" * 500)
        await response.write_eof()
        return response

    server.handlers["/stream"] = chunked
    await store.grant(artifact_id, server.origin)
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, server.url("/stream"))
    assert info.value.code == "response_too_large"


async def test_an_answer_at_the_size_limit_is_accepted(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(connectors.decode, "MAX_RESPONSE_BYTES", 1000)

    async def exact(request: web.Request) -> web.Response:
        return web.Response(body=b"z" * 1000)

    async def one_over(request: web.Request) -> web.Response:
        return web.Response(body=b"z" * 1001)

    server.handlers["/exact"] = exact
    server.handlers["/one-over"] = one_over
    await store.grant(artifact_id, server.origin)
    assert len((await fetcher.fetch(artifact_id, server.url("/exact"))).body) == 1000
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, server.url("/one-over"))
    assert info.value.code == "response_too_large"


async def test_a_server_that_does_not_answer_in_time_is_reported(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(connectors.network, "TIMEOUT_SECONDS", 0.3)

    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(5)
        return web.json_response({})

    server.handlers["/slow"] = slow
    await store.grant(artifact_id, server.origin)
    started = time.monotonic()
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, server.url("/slow"))
    assert time.monotonic() - started < 2.5
    assert info.value.code == "network_error"
    assert server.origin in info.value.message and "0.3 s" in info.value.message


async def test_a_server_that_stalls_in_the_middle_of_the_body_is_reported(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(connectors.network, "TIMEOUT_SECONDS", 0.3)

    async def stall(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Length": "100"})
        await response.prepare(request)
        await response.write(b"{")
        await asyncio.sleep(5)
        return response

    server.handlers["/stall"] = stall
    await store.grant(artifact_id, server.origin)
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, server.url("/stall"))
    assert info.value.code == "network_error" and "0.3 s" in info.value.message


async def test_a_server_that_trickles_forever_hits_the_overall_time_limit(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    """A byte every 0.1 s never trips a per-read timeout; the whole fetch still has one."""
    monkeypatch.setattr(connectors.network, "TIMEOUT_SECONDS", 0.5)

    async def trickle(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(100):
            await response.write(b" ")
            await asyncio.sleep(0.1)
        return response

    server.handlers["/trickle"] = trickle
    await store.grant(artifact_id, server.origin)
    started = time.monotonic()
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, server.url("/trickle"))
    assert time.monotonic() - started < 3
    assert info.value.code == "network_error"


async def test_a_server_that_is_not_listening_is_reported(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    port = server.port
    await server.stop()
    await store.grant(artifact_id, f"http://127.0.0.1:{port}")
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, f"http://127.0.0.1:{port}/data")
    assert info.value.code == "network_error" and f"127.0.0.1:{port}" in info.value.message
