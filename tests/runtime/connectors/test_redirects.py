"""Redirects: each hop is checked against the grants and the address rules."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp import web

from artifacts_runtime.connectors import DataFetcher, FetchRefused
from artifacts_runtime.store import Store
from tests.runtime.connectors.support import (
    Asker,
    DataServer,
    body_json,
    fake_dns,
    redirect_to,
)

# ---------------------------------------------------------------------------- redirects


async def test_a_redirect_to_an_ungranted_origin_is_refused_and_the_target_sees_nothing(
    fetcher: DataFetcher, servers, store: Store, artifact_id: str
):
    granted, target = await servers(), await servers()
    granted.handlers["/data"] = redirect_to(target.url("/stolen"))
    await store.grant(artifact_id, granted.origin)
    fetcher.asker = Asker("always")  # a redirect is never a reason to ask
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, granted.url())
    assert info.value.code == "network_denied"
    assert granted.origin in info.value.message and target.origin in info.value.message
    assert target.requests == []
    assert fetcher.asker.calls == []


async def test_a_redirect_to_a_granted_origin_is_followed(
    fetcher: DataFetcher, servers, store: Store, artifact_id: str
):
    first, second = await servers(), await servers()
    first.handlers["/data"] = redirect_to(second.url("/moved?x=1"), 301)
    await store.grant(artifact_id, first.origin)
    await store.grant(artifact_id, second.origin)
    result = await fetcher.fetch(artifact_id, first.url())
    assert result.status == 200 and body_json(result)["path"] == "/moved"
    assert second.requests[0]["query"] == "x=1"


async def test_a_relative_redirect_on_the_same_origin_is_followed(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    server.handlers["/data"] = redirect_to("/elsewhere", 307)
    await store.grant(artifact_id, server.origin)
    result = await fetcher.fetch(artifact_id, server.url())
    assert body_json(result)["path"] == "/elsewhere"


async def test_a_redirect_to_a_denied_origin_is_refused(fetcher: DataFetcher, servers, store: Store, artifact_id: str):
    first, second = await servers(), await servers()
    first.handlers["/data"] = redirect_to(second.url())
    await store.grant(artifact_id, first.origin)
    await store.grant(artifact_id, second.origin, "deny")
    with pytest.raises(FetchRefused):
        await fetcher.fetch(artifact_id, first.url())
    assert second.requests == []


async def test_a_redirect_to_a_non_http_url_is_refused(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    server.handlers["/data"] = redirect_to("file:///etc/passwd")
    await store.grant(artifact_id, server.origin)
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, server.url())
    assert info.value.code in ("invalid_url", "network_denied")


async def test_a_redirect_to_a_public_name_resolving_to_loopback_is_refused_even_if_granted(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    fake_dns(monkeypatch, {"evil.example.com": ["127.0.0.1"]})
    server.handlers["/data"] = redirect_to(f"http://evil.example.com:{server.port}/inside")
    await store.grant(artifact_id, server.origin)
    await store.grant(artifact_id, f"http://evil.example.com:{server.port}")
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, server.url())
    assert "internal address" in info.value.message
    assert [r["path"] for r in server.requests] == ["/data"]


async def test_at_most_five_redirects_are_followed(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    for i in range(10):
        server.handlers[f"/hop{i}"] = redirect_to(f"/hop{i + 1}")
    await store.grant(artifact_id, server.origin)
    server.handlers["/hop5"] = lambda request: asyncio.sleep(0, web.json_response({"arrived": 5}))
    result = await fetcher.fetch(artifact_id, server.url("/hop0"))  # exactly five hops: fine
    assert body_json(result) == {"arrived": 5}
    server.handlers["/hop5"] = redirect_to("/hop6")
    server.requests.clear()
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, server.url("/hop0?again"))  # (the first answer is cached)
    assert "more than 5" in info.value.message
    assert len(server.requests) == 6


async def test_a_303_turns_a_post_into_a_get_without_the_body(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    server.handlers["/submit"] = redirect_to("/result", 303)
    await store.grant(artifact_id, server.origin)
    result = await fetcher.fetch(
        artifact_id, server.url("/submit"), method="POST", headers={"content-type": "application/json"}, body='{"q": 1}'
    )
    assert result.status == 200
    first, second = server.requests
    assert (first["method"], first["body"]) == ("POST", b'{"q": 1}')
    assert (second["method"], second["path"], second["body"]) == ("GET", "/result", b"")


async def test_a_307_keeps_the_method_and_body(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    server.handlers["/submit"] = redirect_to("/again", 307)
    await store.grant(artifact_id, server.origin)
    await fetcher.fetch(artifact_id, server.url("/submit"), method="POST", body="payload")
    assert [(r["method"], r["body"]) for r in server.requests] == [("POST", b"payload"), ("POST", b"payload")]


async def test_credentials_are_not_carried_across_a_redirect_to_another_origin(
    fetcher: DataFetcher, servers, store: Store, artifact_id: str
):
    first, second = await servers(), await servers()
    first.handlers["/data"] = redirect_to(second.url("/next"))
    await store.grant(artifact_id, first.origin)
    await store.grant(artifact_id, second.origin)
    await fetcher.fetch(
        artifact_id,
        first.url(),
        headers={"Authorization": "Bearer secret", "X-Api-Key": "k", "Accept": "application/json"},
    )
    assert first.requests[0]["headers"]["authorization"] == "Bearer secret"
    assert "authorization" not in second.requests[0]["headers"]
    assert "x-api-key" not in second.requests[0]["headers"]
    assert second.requests[0]["headers"]["accept"] == "application/json"
