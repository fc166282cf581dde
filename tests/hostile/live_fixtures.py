"""Fixtures of the hostile live-data modules, which take them with ``from … import *`` (a
conftest here would be shared with the other hostile modules): raw data servers, an
artifact, the event hub, a fetcher over the test's real library."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from artifacts_runtime.connectors import DataFetcher
from artifacts_runtime.events import EventHub
from artifacts_runtime.store import Store
from tests.hostile.live_support import RawServer

__all__ = ["artifact_id", "events", "fetcher", "raw", "raw_servers"]


@pytest.fixture
async def raw_servers() -> AsyncIterator[Callable[[], Awaitable[RawServer]]]:
    started: list[RawServer] = []

    async def start() -> RawServer:
        server = await RawServer().start()
        started.append(server)
        return server

    yield start
    for server in started:
        await server.stop()


@pytest.fixture
async def raw(raw_servers) -> RawServer:
    return await raw_servers()


@pytest.fixture
async def artifact_id(store: Store) -> str:
    return (await store.create("<p>dashboard</p>", title="Dashboard")).id


@pytest.fixture
def events() -> EventHub:
    return EventHub()


@pytest.fixture
async def fetcher(store: Store, events: EventHub) -> AsyncIterator[DataFetcher]:
    f = DataFetcher(store, events)
    yield f
    await f.aclose()
