"""Internal addresses are refused even when granted (name resolution is simulated by replacing
``connectors.addresses.resolve``; where nothing may be sent, the transport records and fails every
request), and how origins are normalised."""

from __future__ import annotations

import httpx
import pytest

from artifacts_runtime import connectors
from artifacts_runtime.connectors import DataFetcher, FetchRefused, origin_of
from artifacts_runtime.events import EventHub
from artifacts_runtime.store import Store
from tests.runtime.connectors.support import (
    Asker,
    DataServer,
    NoNetwork,
    fake_dns,
)

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

    monkeypatch.setattr(connectors.addresses, "resolve", resolve)
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
