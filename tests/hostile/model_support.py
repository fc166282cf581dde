"""Shared by the hostile model tests (not a conftest: other hostile modules need none of it):
the model tests' config and service (the real ``anthropic`` SDK against the local fake Messages
API) and a real bridge over a real library file."""

from __future__ import annotations

import pytest

from artifacts_runtime.bridge import Bridge
from artifacts_runtime.events import EventHub
from artifacts_runtime.model import ModelService
from artifacts_runtime.store import Store
from tests.runtime.model.conftest import _model_env, config, service

__all__ = ["_model_env", "bridge", "caller", "config", "service"]


@pytest.fixture
async def caller(store: Store) -> str:
    """The id of an artifact whose page makes the calls."""
    return (await store.create("<p>x</p>", type="html", title="Caller")).id


@pytest.fixture
def bridge(store: Store, service: ModelService) -> Bridge:
    return Bridge(store, EventHub(), model=lambda: service)
