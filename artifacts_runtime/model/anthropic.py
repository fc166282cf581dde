"""The Anthropic provider: the only module that imports ``anthropic``, and only lazily.

- ``anthropic`` takes about 2 s to import, so it is imported on first need, in a thread (the
  app's loop keeps painting), never when this module is imported.
- The API key comes from the constructor or ``ANTHROPIC_API_KEY`` (``ANTHROPIC_AUTH_TOKEN``
  also works), else from the key entered in the app (``credentials.py``);
  ``ANTHROPIC_BASE_URL`` is honoured. The key is never returned, logged or put
  in an error message; nor are the base URL's userinfo, path or query: :attr:`base_url` is
  ``scheme://host[:port]``, failures are redacted (:mod:`.redact`), and so are the log records
  of the SDK's HTTP libraries, which print request URLs.
- The SDK's own retries are off (``max_retries=0``): :mod:`.retry` has the one policy.
"""

from __future__ import annotations

import asyncio
import importlib
import os
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..errors import ModelUnavailable
from .provider import MessageStream
from .redact import install_log_filter, secrets_of, where
from .retry import NO_KEY_MESSAGE, Failure, classify

if TYPE_CHECKING:  # pragma: no cover
    from anthropic import AsyncAnthropic

DEFAULT_BASE_URL = "https://api.anthropic.com"


def _import_anthropic() -> ModuleType:
    return importlib.import_module("anthropic")


class AnthropicProvider:
    """One ``anthropic.AsyncAnthropic`` per provider, created on the first call."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        stored_key: Callable[[], str | None] | None = None,
    ) -> None:
        self._api_key = api_key or None
        #: The key entered in the app (credentials.py), used when the environment has none.
        self._stored_key = stored_key
        self._base_url = base_url or None
        self._client: AsyncAnthropic | None = None
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:  # never shows the key
        return f"AnthropicProvider(base_url={self.base_url!r}, key={'set' if self.has_key() else 'missing'})"

    def _credentials(self) -> tuple[str | None, str | None]:
        if self._api_key:
            return self._api_key, None
        key = os.environ.get("ANTHROPIC_API_KEY") or None
        token = None if key else (os.environ.get("ANTHROPIC_AUTH_TOKEN") or None)
        if not key and not token and self._stored_key is not None:
            key = self._stored_key()
        return key, token

    async def replace_key(self, key: str) -> None:
        """Use ``key`` from now on (entered in the app): the next call makes a new client."""
        self._api_key = key
        async with self._lock:
            client, self._client = self._client, None
        if client is not None:
            await client.close()

    def has_key(self) -> bool:
        key, token = self._credentials()
        return bool(key or token)

    def _configured_url(self) -> str:
        return self._base_url or os.environ.get("ANTHROPIC_BASE_URL") or DEFAULT_BASE_URL

    @property
    def base_url(self) -> str:
        """Where requests go, fit to show: ``scheme://host[:port]`` (no credentials, no path)."""
        return where(self._configured_url())

    def _secrets(self) -> list[str | None]:
        key, token = self._credentials()
        return [key, token, *secrets_of(self._configured_url())]

    async def warm_up(self) -> None:
        await asyncio.to_thread(_import_anthropic)

    async def client(self) -> AsyncAnthropic:
        """The shared client. Raises :class:`ModelUnavailable` when no key is set."""
        if self._client is not None:
            return self._client
        key, token = self._credentials()
        if not key and not token:
            raise ModelUnavailable(NO_KEY_MESSAGE)
        async with self._lock:
            if self._client is None:
                anthropic = await asyncio.to_thread(_import_anthropic)
                install_log_filter(self._secrets())
                self._client = anthropic.AsyncAnthropic(
                    api_key=key,
                    auth_token=token,
                    base_url=self._base_url,
                    max_retries=0,
                )
        return self._client

    async def connect(self) -> None:
        await self.client()

    async def stream(self, params: Mapping[str, Any]) -> MessageStream:
        # The raw event stream (create(stream=True)), not MessageStream: the SDK's helper
        # re-parses the accumulated tool input at every delta (see docs/chat.md).
        client = await self.client()
        stream: MessageStream = await client.messages.create(**params, stream=True)
        return stream

    async def create(self, params: Mapping[str, Any], *, request_timeout: float) -> dict[str, Any]:
        client = await self.client()
        # Only the required fields go through the SDK's signature; the rest is sent as it came
        # (the SDK no longer knows temperature/top_p/top_k, older models do).
        rest = {k: v for k, v in params.items() if k not in ("model", "messages", "max_tokens")}
        raw = await client.messages.with_raw_response.create(
            model=params["model"],
            messages=params["messages"],
            max_tokens=params["max_tokens"],
            extra_body=rest or None,
            timeout=request_timeout,
        )
        data: dict[str, Any] = raw.http_response.json()
        return data

    def classify(self, exc: BaseException) -> Failure:
        return classify(exc, self._secrets())

    async def aclose(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.close()
