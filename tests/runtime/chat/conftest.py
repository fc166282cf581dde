"""Fixtures for the chat engine tests: a store, the fake Messages API, an engine pointed at it.

Every test here uses the real ``anthropic`` SDK against ``tests.fakes.messages_api`` through
``base_url``; nothing reaches the internet. The config and the model service are the model
tests' fixtures (tests/runtime/model/conftest.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from artifacts_runtime.chat import ChatEngine
from artifacts_runtime.chat.events import ChatEvent
from artifacts_runtime.config import Config
from artifacts_runtime.model import ModelService
from artifacts_runtime.store import Store
from tests.runtime.model.conftest import FAST_RETRY, MODEL, _model_env, config, service

__all__ = ["FAST_RETRY", "MODEL", "_model_env", "collect", "config", "engine", "of", "service"]


@pytest.fixture
async def engine(store: Store, config: Config, service: ModelService) -> AsyncIterator[ChatEngine]:
    e = ChatEngine(store, config, service=service, save_interval=0.0)
    yield e
    await e.aclose()


async def collect(turn: Any) -> list[ChatEvent]:
    """Every event of a turn, in order."""
    return [event async for event in turn]


def of(events: list[Any], kind: type) -> list[Any]:
    return [e for e in events if isinstance(e, kind)]
