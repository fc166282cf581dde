"""The model service: one Anthropic client per process, for the chat and for artifacts.

- ``anthropic`` takes about 2 s to import, so it is imported on first need, in a thread (the
  app's loop keeps painting), never when this module is imported.
- The API key comes from the constructor or ``ANTHROPIC_API_KEY`` (``ANTHROPIC_AUTH_TOKEN``
  also works); ``ANTHROPIC_BASE_URL`` is honoured. The key is never returned, logged or put
  in an error message.
- Calls made from inside an artifact (``window.claude.complete`` and
  ``fetch("https://api.anthropic.com/v1/messages")``, through the bridge) are rate-limited per
  artifact with a token bucket and their usage is recorded per artifact.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from .chat.retry import NO_KEY_MESSAGE, RetryPolicy, classify, to_error
from .config import Config
from .errors import ModelError, ModelUnavailable, RateLimited
from .store import Store

if TYPE_CHECKING:  # pragma: no cover
    from anthropic import AsyncAnthropic

log = logging.getLogger(__name__)

#: The Messages API parameters an artifact may send; anything else in its body is dropped.
MESSAGES_PARAMS = frozenset(
    {
        "model",
        "messages",
        "max_tokens",
        "system",
        "temperature",
        "top_p",
        "top_k",
        "stop_sequences",
        "tools",
        "tool_choice",
        "thinking",
        "metadata",
    }
)
ARTIFACT_TIMEOUT = 120.0  # seconds for one call from an artifact


class TokenBucket:
    """``rate_per_minute`` calls a minute per key, up to ``burst`` at once."""

    def __init__(self, rate_per_minute: float, burst: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate_per_minute / 60.0
        self.burst = float(burst)
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, when)

    def take(self, key: str) -> float:
        """Take one call: 0.0 if allowed, else the seconds until one would be."""
        now = self.clock()
        tokens, then = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - then) * self.rate)
        if tokens >= 1.0:
            self._buckets[key] = (tokens - 1.0, now)
            return 0.0
        self._buckets[key] = (tokens, now)
        return (1.0 - tokens) / self.rate


def _import_anthropic() -> Any:
    return importlib.import_module("anthropic")


class ModelService:
    """One per process; lazily creates ``anthropic.AsyncAnthropic``."""

    def __init__(
        self,
        store: Store,
        config: Config,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        retry: RetryPolicy | None = None,
        artifact_retry: RetryPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.config = config
        self._api_key = api_key or None
        self._base_url = base_url or None
        self.retry = retry or RetryPolicy()
        self.artifact_retry = artifact_retry or RetryPolicy(max_retries=2, max_wait=10.0)
        self.limiter = TokenBucket(config.artifact_calls_per_minute, config.artifact_burst, clock=clock)
        self._client: AsyncAnthropic | None = None
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:  # never shows the key
        return f"ModelService(model={self.config.model!r}, key={'set' if self.has_key() else 'missing'})"

    # ------------------------------------------------------------------ the client

    def _credentials(self) -> tuple[str | None, str | None]:
        if self._api_key:
            return self._api_key, None
        key = os.environ.get("ANTHROPIC_API_KEY") or None
        token = None if key else (os.environ.get("ANTHROPIC_AUTH_TOKEN") or None)
        return key, token

    def has_key(self) -> bool:
        """Whether an API key is configured (without calling anything)."""
        key, token = self._credentials()
        return bool(key or token)

    @property
    def base_url(self) -> str:
        return self._base_url or os.environ.get("ANTHROPIC_BASE_URL") or "https://api.anthropic.com"

    async def warm_up(self) -> None:
        """Import ``anthropic`` in a thread now, so the first call does not wait for it."""
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
                self._client = anthropic.AsyncAnthropic(
                    api_key=key,
                    auth_token=token,
                    base_url=self._base_url,
                    max_retries=0,
                )
        return self._client

    async def aclose(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.close()

    # ------------------------------------------------------------------ artifact calls

    async def complete(self, artifact_id: str, prompt: str) -> str:
        """``window.claude.complete(prompt)``: one user message; the reply's text."""
        if not isinstance(prompt, str) or not prompt.strip():
            raise ModelError("window.claude.complete needs a non-empty prompt string", status=400)
        data = await self.messages(artifact_id, {"messages": [{"role": "user", "content": prompt}]})
        return "".join(b.get("text", "") for b in data.get("content", []) if b.get("type") == "text")

    async def messages(self, artifact_id: str, body: dict) -> dict:
        """``fetch("https://api.anthropic.com/v1/messages", …)`` from an artifact.

        Forwards the Messages API parameters of ``body`` (not streamed), clamps
        ``max_tokens``, fills in the model, and returns the API's JSON answer.
        """
        params = self.prepare_body(body)
        if not self.has_key():
            raise ModelUnavailable(NO_KEY_MESSAGE)
        wait = self.limiter.take(artifact_id)
        if wait > 0:
            raise RateLimited(
                f"this artifact calls Claude too often (limit {self.config.artifact_calls_per_minute:g} "
                f"a minute); try again in {wait:.1f} s",
                retry_after=wait,
                status=429,
                error_type="rate_limit_error",
            )
        client = await self.client()
        asked_model = params["model"]
        try:
            data = await self._call(client, params)
        except ModelError as exc:
            # Artifacts written elsewhere may name a model that has since been retired.
            if exc.error_type == "not_found_error" and asked_model != self.config.model:
                params["model"] = self.config.model
                data = await self._call(client, params)
            else:
                raise
        await self._record(artifact_id, data, params["model"])
        return data

    def prepare_body(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """The parameters actually sent for an artifact's request body."""
        if not isinstance(body, Mapping):
            raise ModelError("the request body must be a JSON object", status=400, error_type="invalid_request_error")
        params = {k: v for k, v in body.items() if k in MESSAGES_PARAMS}
        messages = params.get("messages")
        if not isinstance(messages, list) or not messages:
            raise ModelError(
                "the request needs a non-empty 'messages' list", status=400, error_type="invalid_request_error"
            )
        if not isinstance(params.get("model"), str) or not params["model"].strip():
            params["model"] = self.config.model
        limit = self.config.artifact_max_tokens
        asked = params.get("max_tokens")
        if isinstance(asked, bool) or not isinstance(asked, int) or asked < 1:
            asked = limit
        params["max_tokens"] = min(asked, limit)
        return params

    async def _call(self, client: AsyncAnthropic, params: dict[str, Any]) -> dict[str, Any]:
        attempt = 0
        while True:
            attempt += 1
            try:
                # Only the required fields go through the SDK's signature; the rest is sent as
                # it came (the SDK no longer knows temperature/top_p/top_k, older models do).
                rest = {k: v for k, v in params.items() if k not in ("model", "messages", "max_tokens")}
                raw = await client.messages.with_raw_response.create(
                    model=params["model"],
                    messages=params["messages"],
                    max_tokens=params["max_tokens"],
                    extra_body=rest or None,
                    timeout=ARTIFACT_TIMEOUT,
                )
                return raw.http_response.json()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                failure = classify(exc)
                if failure.kind == "other":
                    raise ModelError(f"the model call failed ({failure.detail})") from None
                delay = self.artifact_retry.delay(attempt, failure.retry_after) if failure.retryable else None
                if delay is None:
                    raise to_error(
                        failure, attempts=attempt, model=params.get("model"), base_url=self.base_url
                    ) from None
                await asyncio.sleep(delay)

    async def _record(self, artifact_id: str, data: Mapping[str, Any], model: str) -> None:
        usage = data.get("usage") or {}
        values = dict(
            kind="artifact",
            model=data.get("model") or model,
            input_tokens=int(usage.get("input_tokens") or 0),
            output_tokens=int(usage.get("output_tokens") or 0),
            cache_read_tokens=int(usage.get("cache_read_input_tokens") or 0),
            cache_write_tokens=int(usage.get("cache_creation_input_tokens") or 0),
        )
        try:
            await self.store.record_usage(artifact_id=artifact_id, **values)
        except sqlite3.IntegrityError:  # the artifact is gone: keep the tokens, unattributed
            log.warning("usage of a call from unknown artifact %s recorded without it", artifact_id)
            await self.store.record_usage(**values)
