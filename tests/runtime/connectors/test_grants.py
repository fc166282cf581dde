"""An artifact's ``fetch()`` and the person's grants: asking, allow once or always, deny, revoke,
and asking once for concurrent fetches. (Every test runs its own data servers on 127.0.0.1.)"""

from __future__ import annotations

import asyncio

import pytest

from artifacts_runtime.connectors import DataFetcher, FetchRefused
from artifacts_runtime.store import Store
from tests.runtime.connectors.support import (
    Asker,
    DataServer,
    body_json,
)

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
