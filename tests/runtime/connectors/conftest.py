"""Fixtures for the live-data tests: data servers, an artifact, the event hub, the fetcher."""

from __future__ import annotations

import pytest

from artifacts_runtime.connectors import DataFetcher
from artifacts_runtime.events import EventHub
from artifacts_runtime.store import Store
from tests.runtime.connectors.support import (
    DataServer,
)


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
