"""Pytest fixtures for the fake Messages API (loaded with ``pytest_plugins``).

- ``messages_api``: a started :class:`~tests.fakes.messages_api.FakeMessagesAPI`, stopped after
  the test. Point a client at ``messages_api.base_url``.
- ``anthropic_env``: the same fake, with ``ANTHROPIC_BASE_URL`` pointing at it and
  ``ANTHROPIC_API_KEY`` set to :data:`TEST_API_KEY` (so ``anthropic.Anthropic()`` with no
  arguments, or a subprocess that inherits the environment, talks to the fake).

Deliberately does not import ``anthropic``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.messages_api import FakeMessagesAPI

TEST_API_KEY = "sk-ant-test-key"


@pytest.fixture
def messages_api() -> Iterator[FakeMessagesAPI]:
    """A running fake Messages API for this test."""
    with FakeMessagesAPI() as fake:
        yield fake


@pytest.fixture
def anthropic_env(messages_api: FakeMessagesAPI, monkeypatch: pytest.MonkeyPatch) -> FakeMessagesAPI:
    """The running fake, with ANTHROPIC_BASE_URL and ANTHROPIC_API_KEY set for it."""
    monkeypatch.setenv("ANTHROPIC_BASE_URL", messages_api.base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", TEST_API_KEY)
    return messages_api
