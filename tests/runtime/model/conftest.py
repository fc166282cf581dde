"""Fixtures for the model tests (and the chat's, which import them): a config, and a model
service over the real ``anthropic`` SDK pointed at ``tests.fakes.messages_api`` through
``base_url``; nothing reaches the internet. Retries wait a millisecond (``RetryPolicy`` with a
tiny base delay; the fake's errors carry ``retry-after-ms: 1`` where a test needs the header).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from artifacts_runtime.config import Config
from artifacts_runtime.model import ModelService, RetryPolicy
from artifacts_runtime.store import Store
from tests.fakes.fixtures import TEST_API_KEY
from tests.fakes.messages_api import FakeMessagesAPI

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
async def service(store: Store, config: Config, messages_api: FakeMessagesAPI) -> AsyncIterator[ModelService]:
    s = ModelService(
        store, config, api_key=TEST_API_KEY, base_url=messages_api.base_url, retry=FAST_RETRY, artifact_retry=FAST_RETRY
    )
    yield s
    await s.aclose()
