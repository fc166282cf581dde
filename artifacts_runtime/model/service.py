"""The model service: one per process, shared by the chat and by calls from inside artifacts.

It puts what is the same whatever the provider around a :class:`~.provider.ModelProvider`:
the retry policies, the per-artifact rate limit, the Messages API parameters an artifact may
send, and usage accounting. Calls made from inside an artifact (``window.claude.complete`` and
``fetch("https://api.anthropic.com/v1/messages")``, through the bridge) are rate-limited per
artifact with a token bucket and their usage is recorded per artifact.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Callable, Mapping
from typing import Any

from ..config import Config
from ..errors import ModelError, ModelUnavailable, RateLimited
from ..store import Store
from .body import BodyRefused, check_body
from .provider import MessageStream, ModelProvider
from .rate_limit import TokenBucket
from .redact import redact
from .retry import NO_KEY_MESSAGE, Failure, RetryPolicy, to_error

log = logging.getLogger(__name__)

ARTIFACT_TIMEOUT = 120.0  # seconds for one call from an artifact


class ModelService:
    """The provider with retries, rate limits and usage accounting.

    Without ``provider`` the Anthropic one is made from ``api_key`` / ``base_url`` (or the
    environment); the Workspace passes its own."""

    def __init__(
        self,
        store: Store,
        config: Config,
        *,
        provider: ModelProvider | None = None,
        api_key: str | None = None,
        base_url: str | None = None,
        retry: RetryPolicy | None = None,
        artifact_retry: RetryPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if provider is None:
            from .anthropic import AnthropicProvider

            provider = AnthropicProvider(api_key=api_key, base_url=base_url)
        self.provider: ModelProvider = provider
        self.store = store
        self.config = config
        self.retry = retry or RetryPolicy()
        self.artifact_retry = artifact_retry or RetryPolicy(max_retries=2, max_wait=10.0)
        self.limiter = TokenBucket(config.artifact_calls_per_minute, config.artifact_burst, clock=clock)

    def __repr__(self) -> str:  # never shows the key
        return f"ModelService(model={self.config.model!r}, key={'set' if self.has_key() else 'missing'})"

    # ------------------------------------------------------------------ the provider

    def has_key(self) -> bool:
        """Whether an API key is configured (without calling anything)."""
        return self.provider.has_key()

    @property
    def base_url(self) -> str:
        return self.provider.base_url

    async def warm_up(self) -> None:
        """Do the provider's slow start (importing ``anthropic``) in a thread now."""
        await self.provider.warm_up()

    async def connect(self) -> None:
        """Make the client ready. Raises :class:`ModelUnavailable` when no key is set."""
        await self.provider.connect()

    async def stream(self, params: Mapping[str, Any]) -> MessageStream:
        """Open one streamed call (the chat's rounds; the chat does its own retries)."""
        return await self.provider.stream(params)

    def classify(self, exc: BaseException) -> Failure:
        return self.provider.classify(exc)

    async def aclose(self) -> None:
        await self.provider.aclose()

    # ------------------------------------------------------------------ artifact calls

    async def complete(self, artifact_id: str, prompt: str) -> str:
        """``window.claude.complete(prompt)``: one user message; the reply's text."""
        if not isinstance(prompt, str) or not prompt.strip():
            raise ModelError("window.claude.complete needs a non-empty prompt string", status=400)
        data = await self.messages(artifact_id, {"messages": [{"role": "user", "content": prompt}]})
        return "".join(b.get("text", "") for b in data.get("content", []) if b.get("type") == "text")

    async def messages(self, artifact_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
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
        await self.connect()
        asked_model = params["model"]
        try:
            data = await self._call(params)
        except ModelError as exc:
            # Artifacts written elsewhere may name a model that has since been retired.
            if exc.error_type == "not_found_error" and asked_model != self.config.model:
                params["model"] = self.config.model
                data = await self._call(params)
            else:
                raise
        await self._record(artifact_id, data, params["model"])
        return data

    def prepare_body(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """The parameters actually sent for an artifact's request body."""
        if not isinstance(body, Mapping):
            raise BodyRefused("the request body", "must be a JSON object")
        params = check_body(body)  # nothing that makes the provider fetch for the page (see .body)
        if not isinstance(params.get("model"), str) or not params["model"].strip():
            params["model"] = self.config.model
        limit = self.config.artifact_max_tokens
        asked = params.get("max_tokens")
        if isinstance(asked, bool) or not isinstance(asked, int) or asked < 1:
            asked = limit
        params["max_tokens"] = min(asked, limit)
        return params

    async def _call(self, params: dict[str, Any]) -> dict[str, Any]:
        attempt = 0
        while True:
            attempt += 1
            try:
                return await self.provider.create(params, request_timeout=ARTIFACT_TIMEOUT)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                failure = self.provider.classify(exc)
                if failure.kind == "other":  # not the API's answer: the page learns only what kind
                    log.warning("a model call from an artifact failed: %s", redact(failure.detail))
                    raise ModelError(f"the model call failed ({type(exc).__name__})") from None
                delay = self.artifact_retry.delay(attempt, failure.retry_after) if failure.retryable else None
                if delay is None:
                    # For the page: a code and a short message, never where the API is.
                    raise to_error(
                        failure, attempts=attempt, model=params.get("model"), base_url=self.base_url, for_page=True
                    ) from None
                await asyncio.sleep(delay)

    async def _record(self, artifact_id: str, data: Mapping[str, Any], model: str) -> None:
        usage = data.get("usage") or {}
        values: dict[str, Any] = dict(
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
