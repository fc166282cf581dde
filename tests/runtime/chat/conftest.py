"""Fixtures for the chat engine tests: a store, the fake Messages API, an engine pointed at it.

Every test here uses the real ``anthropic`` SDK against ``tests.fakes.messages_api`` through
``base_url``; nothing reaches the internet. Retries wait a millisecond (``RetryPolicy`` with a
tiny base delay; the fake's errors carry ``retry-after-ms: 1`` where a test needs the header).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from artifacts_runtime.chat import ChatEngine, RetryPolicy
from artifacts_runtime.chat.events import ChatEvent
from artifacts_runtime.config import Config
from artifacts_runtime.llm import ModelService
from tests.fakes.fixtures import TEST_API_KEY

MODEL = "claude-test-model"
FAST_RETRY = RetryPolicy(max_retries=3, base_delay=0.001, max_delay=0.002, max_wait=1.0)


@pytest.fixture(autouse=True)
def _model_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ANTHROPIC_MODEL", "ARTIFACTS_MAX_TOKENS", "ARTIFACTS_TEMPERATURE", "ANTHROPIC_AUTH_TOKEN"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def config() -> Config:
    return replace(Config(), model=MODEL, max_tokens=4096)


@pytest.fixture
async def service(store, config, messages_api):
    s = ModelService(
        store, config, api_key=TEST_API_KEY, base_url=messages_api.base_url, retry=FAST_RETRY, artifact_retry=FAST_RETRY
    )
    yield s
    await s.aclose()


@pytest.fixture
async def engine(store, config, service):
    e = ChatEngine(store, config, service=service, save_interval=0.0)
    yield e
    await e.aclose()


async def collect(turn) -> list[ChatEvent]:
    """Every event of a turn, in order."""
    return [event async for event in turn]


def of(events, kind: type) -> list:
    return [e for e in events if isinstance(e, kind)]
