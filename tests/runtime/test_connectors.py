"""Live data: an artifact's ``fetch()`` answered by ``connectors.DataFetcher``.

Every test runs its own data server(s) on 127.0.0.1 (aiohttp, in the test's loop) and records
what reached them. Name resolution is simulated by replacing ``connectors.resolve``; where a
test must prove that *nothing* is sent to a simulated address, the fetcher gets an httpx
transport that records and fails every request, so no test can reach another machine.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from aiohttp import web

from artifacts_runtime import connectors
from artifacts_runtime.connectors import DataFetcher, FetchRefused, origin_of
from artifacts_runtime.events import EventHub
from artifacts_runtime.store import Store

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class DataServer:
    """A small HTTP server of the test's own; ``handlers[path]`` answers, everything is logged."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.handlers: dict[str, Handler] = {}
        self.port = 0
        self._runner: web.AppRunner | None = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/data") -> str:
        return self.origin + path

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.requests.append(
            {
                "method": request.method,
                "path": request.path,
                "query": request.query_string,
                "headers": {k.lower(): v for k, v in request.headers.items()},
                "body": body,
            }
        )
        handler = self.handlers.get(request.path)
        if handler is None:
            return web.json_response({"path": request.path, "n": len(self.requests)})
        return await handler(request)

    async def start(self) -> DataServer:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.2)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()


@pytest.fixture
async def servers():
    """``await servers()`` starts another data server; all stop at the end of the test."""
    started: list[DataServer] = []

    async def start() -> DataServer:
        server = await DataServer().start()
        started.append(server)
        return server

    yield start
    for server in started:
        await server.stop()


@pytest.fixture
async def server(servers) -> DataServer:
    return await servers()


@pytest.fixture
async def artifact_id(store: Store) -> str:
    return (await store.create("<p>dashboard</p>", title="Dashboard")).id


@pytest.fixture
def events() -> EventHub:
    return EventHub()


@pytest.fixture
async def fetcher(store: Store, events: EventHub):
    f = DataFetcher(store, events)
    yield f
    await f.aclose()


class Asker:
    """Answers the "may this artifact reach ORIGIN?" question with a fixed answer, and counts."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.calls: list[tuple[str, str]] = []

    async def __call__(self, artifact_id: str, origin: str) -> str:
        self.calls.append((artifact_id, origin))
        return self.answer


class NoNetwork(httpx.AsyncBaseTransport):
    """A transport that records every request and sends none."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        raise httpx.ConnectError("this test sends nothing over the network", request=request)


def fake_dns(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[str]]) -> list[str]:
    """Replace name resolution; unknown names fail as an unknown host would. Returns the log."""
    asked: list[str] = []

    async def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        if host in answers:
            return answers[host]
        try:
            return [str(ipaddress.ip_address(host.strip("[]")))]  # an address: nothing to look up
        except ValueError:
            raise FetchRefused("network_error", f"cannot resolve {host}: unknown host (test DNS)") from None

    monkeypatch.setattr(connectors, "resolve", resolve)
    return asked


def body_json(result) -> Any:
    return json.loads(result.body)


# ---------------------------------------------------------------------------- grants and asking


async def test_without_a_grant_or_an_asker_the_fetch_is_refused_naming_the_grant_command(
    fetcher: DataFetcher, server: DataServer, artifact_id: str
):
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, server.url())
    assert info.value.code == "network_denied"
    assert f"artifacts grant {artifact_id} {server.origin}" in info.value.message
    assert server.requests == []


async def test_allow_once_fetches_stores_nothing_and_asks_again_next_time(
    fetcher: DataFetcher, server: DataServer, artifact_id: str, store: Store
):
    asker = Asker("once")
    fetcher.asker = asker
    result = await fetcher.fetch(artifact_id, server.url("/a"))
    assert result.status == 200 and body_json(result)["path"] == "/a"
    assert asker.calls == [(artifact_id, server.origin)]
    assert await store.grants(artifact_id) == []
    assert await store.grant_for(artifact_id, server.origin) is None
    await fetcher.fetch(artifact_id, server.url("/b"))
    assert len(asker.calls) == 2


async def test_allow_always_is_stored_and_never_asked_again(
    fetcher: DataFetcher, server: DataServer, artifact_id: str, store: Store
):
    asker = Asker("always")
    fetcher.asker = asker
    await fetcher.fetch(artifact_id, server.url("/a"))
    assert await store.grant_for(artifact_id, server.origin) == "allow"
    asker.answer = "deny"  # would refuse, if it were asked
    result = await fetcher.fetch(artifact_id, server.url("/b"))
    assert result.status == 200
    assert len(asker.calls) == 1
    assert [r["path"] for r in server.requests] == ["/a", "/b"]


async def test_deny_is_stored_and_later_fetches_are_refused_without_asking(
    fetcher: DataFetcher, server: DataServer, artifact_id: str, store: Store
):
    asker = Asker("deny")
    fetcher.asker = asker
    with pytest.raises(FetchRefused) as first:
        await fetcher.fetch(artifact_id, server.url())
    assert first.value.code == "network_denied" and server.origin in first.value.message
    assert await store.grant_for(artifact_id, server.origin) == "deny"
    with pytest.raises(FetchRefused) as second:
        await fetcher.fetch(artifact_id, server.url())
    assert "denied" in second.value.message and f"artifacts grant {artifact_id} {server.origin}" in second.value.message
    assert len(asker.calls) == 1
    assert server.requests == []


async def test_revoking_a_grant_makes_the_next_fetch_ask_again(
    fetcher: DataFetcher, server: DataServer, artifact_id: str, store: Store
):
    asker = Asker("always")
    fetcher.asker = asker
    await fetcher.fetch(artifact_id, server.url("/a"))
    assert await store.revoke(artifact_id, server.origin) is True
    assert await store.revoke(artifact_id, server.origin) is False
    await fetcher.fetch(artifact_id, server.url("/b"))
    assert len(asker.calls) == 2


async def test_a_grant_is_for_that_exact_origin_only(fetcher: DataFetcher, servers, artifact_id: str, store: Store):
    granted, other = await servers(), await servers()
    await store.grant(artifact_id, granted.origin)
    assert (await fetcher.fetch(artifact_id, granted.url())).status == 200
    with pytest.raises(FetchRefused):
        await fetcher.fetch(artifact_id, other.url())
    # the same port under another name is another origin
    with pytest.raises(FetchRefused):
        await fetcher.fetch(artifact_id, f"http://localhost:{granted.port}/data")
    assert other.requests == [] and len(granted.requests) == 1


async def test_a_grant_for_one_artifact_does_not_serve_another(
    fetcher: DataFetcher, server: DataServer, artifact_id: str, store: Store
):
    other = (await store.create("<p>other</p>")).id
    await store.grant(artifact_id, server.origin)
    with pytest.raises(FetchRefused):
        await fetcher.fetch(other, server.url())


async def test_visitors_are_never_asked(fetcher: DataFetcher, server: DataServer, artifact_id: str):
    asker = Asker("always")
    fetcher.asker = asker
    with pytest.raises(FetchRefused):
        await fetcher.fetch(artifact_id, server.url(), may_ask=False)
    assert asker.calls == [] and server.requests == []


# ---------------------------------------------------------------------------- internal addresses


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.7",
        "172.16.5.4",
        "100.64.0.9",
        "169.254.169.254",
        "::1",
        "::ffff:127.0.0.1",
        "fd00:ec2::254",
        "fe80::1",
        "0.0.0.0",
    ],
)
async def test_a_public_name_that_resolves_to_an_internal_address_is_refused_even_when_granted(
    store: Store, events: EventHub, artifact_id: str, monkeypatch: pytest.MonkeyPatch, address: str
):
    fake_dns(monkeypatch, {"data.example.com": [address]})
    transport = NoNetwork()
    fetcher = DataFetcher(store, events, transport=transport)
    await store.grant(artifact_id, "https://data.example.com")
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, "https://data.example.com/prices.json")
    assert info.value.code == "network_denied"
    assert "internal address" in info.value.message and "data.example.com" in info.value.message
    assert transport.requests == []


async def test_one_internal_answer_among_public_ones_is_enough_to_refuse(
    store: Store, events: EventHub, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    fake_dns(monkeypatch, {"data.example.com": ["93.184.216.34", "127.0.0.1"]})
    transport = NoNetwork()
    fetcher = DataFetcher(store, events, transport=transport)
    await store.grant(artifact_id, "https://data.example.com")
    with pytest.raises(FetchRefused):
        await fetcher.fetch(artifact_id, "https://data.example.com/")
    assert transport.requests == []


async def test_a_public_name_resolving_to_loopback_never_reaches_the_local_server(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    """The real data server listens on 127.0.0.1:PORT; the name points there; nothing arrives."""
    fake_dns(monkeypatch, {"rebind.example.com": ["127.0.0.1"]})
    origin = f"http://rebind.example.com:{server.port}"
    await store.grant(artifact_id, origin)
    with pytest.raises(FetchRefused):
        await fetcher.fetch(artifact_id, origin + "/data")
    assert server.requests == []


async def test_the_connection_goes_to_the_checked_address_keeping_the_name_for_host_and_tls(
    store: Store, events: EventHub, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    """DNS pinning: the request is sent to the address that was checked, not to a second answer."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])  # a rebinding resolver: public, then loopback

    async def resolve(host: str, port: int) -> list[str]:
        return next(answers)

    monkeypatch.setattr(connectors, "resolve", resolve)
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"ok": True}, headers={"content-type": "application/json"})

    fetcher = DataFetcher(store, events, transport=httpx.MockTransport(answer))
    await store.grant(artifact_id, "https://api.example.com")
    result = await fetcher.fetch(artifact_id, "https://api.example.com/v1/prices?x=1")
    assert result.status == 200
    (request,) = seen
    assert request.url.host == "93.184.216.34"
    assert request.url.path == "/v1/prices" and request.url.query == b"x=1"
    assert request.headers["host"] == "api.example.com"
    assert request.extensions.get("sni_hostname") == "api.example.com"


@pytest.mark.parametrize(
    "host",
    ["metadata.google.internal", "METADATA.google.internal", "metadata", "instance-data", "metadata.google.internal."],
)
async def test_cloud_metadata_names_are_refused_even_when_granted(
    store: Store, events: EventHub, artifact_id: str, monkeypatch: pytest.MonkeyPatch, host: str
):
    asked = fake_dns(monkeypatch, {})  # whatever they resolve to, they must not be looked up at all
    transport = NoNetwork()
    fetcher = DataFetcher(store, events, transport=transport)
    await store.grant(artifact_id, origin_of(f"http://{host}/"))
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, f"http://{host}/computeMetadata/v1/")
    assert info.value.code == "network_denied" and "metadata" in info.value.message
    assert transport.requests == [] and asked == []


async def test_an_address_origin_granted_by_the_person_is_reachable(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    await store.grant(artifact_id, server.origin)
    assert (await fetcher.fetch(artifact_id, server.url())).status == 200


# ---------------------------------------------------------------------------- redirects


def redirect_to(location: str, status: int = 302) -> Handler:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(status=status, headers={"Location": location})

    return handler


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


# ---------------------------------------------------------------------------- size and time limits


async def test_an_answer_over_the_size_limit_with_a_content_length_is_refused(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(connectors, "MAX_RESPONSE_BYTES", 1000)

    async def big(request: web.Request) -> web.Response:
        return web.Response(body=b"x" * 5000)

    server.handlers["/big"] = big
    await store.grant(artifact_id, server.origin)
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, server.url("/big"))
    assert info.value.code == "response_too_large"
    assert server.origin in info.value.message and "1000 B" in info.value.message
    assert await store.cache_get(artifact_id, server.url("/big")) is None


async def test_an_answer_over_the_size_limit_without_a_content_length_is_refused(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(connectors, "MAX_RESPONSE_BYTES", 1000)

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
    monkeypatch.setattr(connectors, "MAX_RESPONSE_BYTES", 1000)

    async def exact(request: web.Request) -> web.Response:
        return web.Response(body=b"z" * 1000)

    server.handlers["/exact"] = exact
    await store.grant(artifact_id, server.origin)
    assert len((await fetcher.fetch(artifact_id, server.url("/exact"))).body) == 1000


async def test_a_server_that_does_not_answer_in_time_is_reported(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(connectors, "TIMEOUT_SECONDS", 0.3)

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
    monkeypatch.setattr(connectors, "TIMEOUT_SECONDS", 0.3)

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
    monkeypatch.setattr(connectors, "TIMEOUT_SECONDS", 0.5)

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
    cached = await store.cache_get(artifact_id, server.url())
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
    monkeypatch.setattr(connectors, "FRESH_SECONDS", 0.0)
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

    monkeypatch.setattr(connectors, "FRESH_SECONDS", 30.0)
    fresh = await fetcher.fetch(artifact_id, url)
    assert fresh.cached is True and body_json(fresh) == {"price": 2}
    assert fresh.fetched_at == event["fetched_at"]
    assert len(server.requests) == 2


async def test_concurrent_stale_reads_refresh_once(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    async def slowish(request: web.Request) -> web.Response:
        await asyncio.sleep(0.2)
        return web.json_response({"ok": True})

    server.handlers["/s"] = slowish
    await store.grant(artifact_id, server.origin)
    await fetcher.fetch(artifact_id, server.url("/s"))
    monkeypatch.setattr(connectors, "FRESH_SECONDS", 0.0)
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
    monkeypatch.setattr(connectors, "FRESH_SECONDS", 0.0)
    await fetcher.fetch(artifact_id, server.url())
    await asyncio.sleep(0.3)
    assert not [e for e in heard if e["type"] == "data.refreshed"]
    assert (await store.cache_get(artifact_id, server.url())).body == first.body


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
    assert await store.cache_get(artifact_id, server.url("/missing")) is None
    assert await store.cache_get(artifact_id, server.url("/post")) is None


async def test_a_revoked_grant_is_not_bypassed_by_the_cache(
    fetcher: DataFetcher, server: DataServer, store: Store, artifact_id: str
):
    await store.grant(artifact_id, server.origin)
    await fetcher.fetch(artifact_id, server.url())
    await store.grant(artifact_id, server.origin, "deny")
    with pytest.raises(FetchRefused):
        await fetcher.fetch(artifact_id, server.url())


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


# ---------------------------------------------------------------------------- origins


@pytest.mark.parametrize(
    "url, origin",
    [
        ("http://example.com/path?q=1#frag", "http://example.com"),
        ("HTTP://Example.COM:80/", "http://example.com"),
        ("https://example.com:443/x", "https://example.com"),
        ("https://example.com:80/x", "https://example.com:80"),
        ("http://example.com:443/", "http://example.com:443"),
        ("https://api.example.com:8443", "https://api.example.com:8443"),
        ("http://example.com./", "http://example.com"),
        ("http://user:secret@example.com/", "http://example.com"),
        ("https://bücher.example/", "https://xn--bcher-kva.example"),
        ("https://BÜCHER.example/", "https://xn--bcher-kva.example"),
        ("http://127.0.0.1:8080/data.json", "http://127.0.0.1:8080"),
        ("http://[::1]:8080/", "http://[::1]:8080"),
        ("http://[::1]:80/", "http://[::1]"),
        ("http://[2001:DB8::1]/", "http://[2001:db8::1]"),
        ("http://[0:0:0:0:0:0:0:1]:8080/", "http://[::1]:8080"),
        ("http://localhost:3000", "http://localhost:3000"),
    ],
)
def test_origin_of_normalises(url: str, origin: str):
    assert origin_of(url) == origin


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "data:text/plain,hi",
        "javascript:alert(1)",
        "ftp://example.com/",
        "ws://example.com/",
        "blob:https://example.com/x",
        "http://",
        "http:///path",
        "//example.com/",
        "example.com",
        "",
        "http://example.com:99999/",
        "http://example.com:port/",
        "http://exa mple.com/",
        "http://a<b>.com/",
        "http://[::1/",
        "http://..example.com/",
    ],
)
def test_origin_of_refuses_what_is_not_an_http_origin(url: str):
    with pytest.raises(FetchRefused) as info:
        origin_of(url)
    assert info.value.code == "invalid_url" and info.value.message


async def test_fetching_a_non_http_url_is_refused_before_anything_else(fetcher: DataFetcher, artifact_id: str):
    asker = Asker("always")
    fetcher.asker = asker
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, "file:///etc/passwd")
    assert info.value.code == "invalid_url" and asker.calls == []


# ---------------------------------------------------------------------------- asking once


async def test_concurrent_fetches_of_one_origin_ask_once(
    fetcher: DataFetcher, server: DataServer, artifact_id: str, store: Store
):
    calls: list[str] = []

    async def slow_asker(aid: str, origin: str) -> str:
        calls.append(origin)
        await asyncio.sleep(0.1)  # the person takes a moment to decide
        return "once"

    fetcher.asker = slow_asker
    results = await asyncio.gather(*(fetcher.fetch(artifact_id, server.url(f"/{i}")) for i in range(3)))
    assert [r.status for r in results] == [200, 200, 200]
    assert calls == [server.origin]
    await fetcher.fetch(artifact_id, server.url("/later"))  # "once" was for that moment only
    assert len(calls) == 2


async def test_concurrent_fetches_share_a_denial(fetcher: DataFetcher, server: DataServer, artifact_id: str):
    fetcher.asker = Asker("deny")
    results = await asyncio.gather(
        *(fetcher.fetch(artifact_id, server.url(f"/{i}")) for i in range(3)), return_exceptions=True
    )
    assert all(isinstance(r, FetchRefused) for r in results)
    assert len(fetcher.asker.calls) == 1 and server.requests == []


async def test_when_the_asking_call_goes_away_the_waiting_one_asks_again(
    fetcher: DataFetcher, server: DataServer, artifact_id: str
):
    started = asyncio.Event()
    calls: list[int] = []

    async def asker(aid: str, origin: str) -> str:
        calls.append(1)
        if len(calls) == 1:
            started.set()
            await asyncio.sleep(10)  # the first page is closed before the person answers
        return "once"

    fetcher.asker = asker
    first = asyncio.ensure_future(fetcher.fetch(artifact_id, server.url("/a")))
    await started.wait()
    second = asyncio.ensure_future(fetcher.fetch(artifact_id, server.url("/b")))
    await asyncio.sleep(0.05)
    first.cancel()
    result = await asyncio.wait_for(second, 5)
    assert result.status == 200 and len(calls) == 2
    with pytest.raises(asyncio.CancelledError):
        await first


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
