"""What headers, methods and statuses cross between the page and a data server."""

from __future__ import annotations

import httpx
import pytest
from aiohttp import web

from artifacts_runtime import connectors
from artifacts_runtime.connectors import DataFetcher, FetchRefused
from artifacts_runtime.events import EventHub
from artifacts_runtime.store import Store
from tests.runtime.connectors.support import (
    DataServer,
)

# ---------------------------------------------------------------------------- headers


async def test_only_the_allowed_request_headers_are_forwarded(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    await store.grant(artifact_id, server.origin)
    await fetcher.fetch(
        artifact_id,
        server.url(),
        headers={
            "Accept": "application/json",
            "Accept-Language": "fr",
            "Authorization": "Bearer t",
            "X-Api-Key": "k",
            "Cookie": "session=stolen",
            "X-Forwarded-For": "1.2.3.4",
            "Origin": "https://evil.example",
            "Referer": "https://evil.example/",
            "X-Custom": "1",
            "User-Agent": "spoofed",
            "Host": "evil.example",
        },
    )
    seen = server.requests[0]["headers"]
    assert seen["accept"] == "application/json" and seen["accept-language"] == "fr"
    assert seen["authorization"] == "Bearer t" and seen["x-api-key"] == "k"
    for name in ("cookie", "x-forwarded-for", "origin", "referer", "x-custom"):
        assert name not in seen
    assert seen["user-agent"] == connectors.USER_AGENT
    assert seen["host"] == f"127.0.0.1:{server.port}"


async def test_only_plain_response_headers_reach_the_page(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    async def noisy(request: web.Request) -> web.Response:
        response = web.json_response({"ok": 1}, headers={"ETag": '"v1"', "X-Secret": "s"})
        response.set_cookie("tracker", "1")
        return response

    server.handlers["/noisy"] = noisy
    await store.grant(artifact_id, server.origin)
    headers = (await fetcher.fetch(artifact_id, server.url("/noisy"))).to_page()["headers"]
    assert headers["etag"] == '"v1"' and headers["content-type"].startswith("application/json")
    assert "set-cookie" not in {k.lower() for k in headers} and "x-secret" not in headers
    assert headers["x-artifacts-cache"] == "miss" and float(headers["x-artifacts-fetched-at"]) > 0


@pytest.mark.parametrize("headers", [{"Authorization": "Bearer ünïcode"}, {"Accept": "a\r\nX-Injected: 1"}])
async def test_unsendable_header_values_are_refused_clearly(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, headers: dict
):
    await store.grant(artifact_id, server.origin)
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, server.url(), headers=headers)
    assert info.value.code == "invalid_argument" and "header" in info.value.message
    assert server.requests == []


@pytest.mark.parametrize("method", ["BAD METHOD", "GET\r\nX: y", "CONNECT", "TRACE", ""])
async def test_odd_methods_are_refused_clearly(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, method: str
):
    await store.grant(artifact_id, server.origin)
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, server.url(), method=method)
    assert info.value.code == "invalid_argument"
    assert server.requests == []


async def test_other_methods_are_forwarded(fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str):
    await store.grant(artifact_id, server.origin)
    for method in ("put", "PATCH", "DELETE", "HEAD", "OPTIONS"):
        await fetcher.fetch(artifact_id, server.url(), method=method, body=None)
    assert [r["method"] for r in server.requests] == ["PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


async def test_a_url_with_credentials_in_it_sends_a_plain_host_header(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    await store.grant(artifact_id, server.origin)
    await fetcher.fetch(artifact_id, f"http://user:pw@127.0.0.1:{server.port}/data")
    assert server.requests[0]["headers"]["host"] == f"127.0.0.1:{server.port}"


async def test_an_answer_without_a_body_reaches_the_page_without_one(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    async def empty(request: web.Request) -> web.Response:
        return web.Response(status=204)

    server.handlers["/empty"] = empty
    await store.grant(artifact_id, server.origin)
    page = (await fetcher.fetch(artifact_id, server.url("/empty"), method="DELETE")).to_page()
    assert page["status"] == 204 and "base64" not in page  # Response(body, {status: 204}) throws


async def test_an_impossible_status_is_refused(store: Store, events: EventHub, artifact_id: str):
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(999, text="?")

    fetcher = DataFetcher(store, events, transport=httpx.MockTransport(answer))
    await store.grant(artifact_id, "http://127.0.0.1:9")
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, "http://127.0.0.1:9/x")
    assert "invalid status 999" in info.value.message
