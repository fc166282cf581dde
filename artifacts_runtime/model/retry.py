"""What went wrong in a model call, whether to try again, and what to tell the person.

The SDK's own retries are turned off (``max_retries=0``): they stop at the start of a stream,
while an ``overloaded_error`` may also arrive in the middle of one. One policy here covers both,
honours ``retry-after-ms`` / ``retry-after``, and lets the engine tell the app it is waiting.

This module does not import ``anthropic``: classifying an exception only looks at it.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..errors import (
    ConnectionLost,
    ModelError,
    ModelOverloaded,
    ModelUnavailable,
    RateLimited,
)
from .redact import redact, where

NO_KEY_MESSAGE = (
    "no Anthropic API key is set: set ANTHROPIC_API_KEY (export ANTHROPIC_API_KEY=sk-ant-…) "
    "and try again; the library, previews and state work without one"
)
RETRYABLE_STATUS = {408, 409, 429, 500, 502, 503, 504, 529}
RETRYABLE_TYPES = {"overloaded_error", "rate_limit_error", "api_error", "timeout_error"}
_CONNECTION_CLASSES = {
    "APIConnectionError",
    "APITimeoutError",
    "TransportError",
    "ConnectError",
    "ConnectTimeout",
    "ReadError",
    "ReadTimeout",
    "RemoteProtocolError",
    "WriteError",
    "PoolTimeout",
    "NetworkError",
    "ProtocolError",
    "TimeoutException",
}


@dataclass(frozen=True)
class RetryPolicy:
    """``max_retries`` further attempts; exponential backoff from ``base_delay`` (with jitter)
    up to ``max_delay``, unless the API said how long to wait. A ``retry-after`` longer than
    ``max_wait`` is not waited out: the error is reported with it."""

    max_retries: int = 4
    base_delay: float = 1.0
    max_delay: float = 20.0
    max_wait: float = 60.0

    def delay(self, retry: int, retry_after: float | None) -> float | None:
        """Seconds to wait before retry number ``retry`` (1-based); None: do not retry."""
        if retry > self.max_retries:
            return None
        if retry_after is not None and retry_after >= 0:
            return None if retry_after > self.max_wait else retry_after
        backoff = min(self.base_delay * 2.0 ** (retry - 1), self.max_delay)
        return backoff * (1 - 0.25 * random.random())


def retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Seconds from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date)."""
    if not headers:
        return None
    value = headers.get("retry-after-ms")
    if value is not None:
        try:
            return max(0.0, float(value) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        return max(0.0, email.utils.mktime_tz(parsed) - time.time())


@dataclass(frozen=True)
class Failure:
    """One failed attempt, classified."""

    kind: str  # auth | rate_limit | overloaded | server | connection | bad_request | not_found | other
    status: int | None
    error_type: str | None
    api_message: str | None
    retry_after: float | None
    retryable: bool
    detail: str = ""

    def describe(self) -> str:
        bits = [str(self.status)] if self.status and self.status != 200 else []
        if self.error_type:
            bits.append(self.error_type)
        head = " ".join(bits)
        if self.api_message and self.api_message not in (self.error_type, ""):
            head = f"{head}: {self.api_message}" if head else self.api_message
        return head or self.detail or self.kind


def _is_connection_error(exc: BaseException) -> bool:
    return any(cls.__name__ in _CONNECTION_CLASSES for cls in type(exc).__mro__)


def classify(exc: BaseException, secrets: Iterable[str | None] = ()) -> Failure:
    """Look at an exception from the SDK (or its HTTP library) and say what it is. What the
    API said and the exception's text are redacted (``secrets``: the provider's own values)."""
    failure = _classify(exc)
    return replace(
        failure,
        api_message=redact(failure.api_message, secrets) if failure.api_message else failure.api_message,
        detail=redact(failure.detail, secrets),
    )


def _classify(exc: BaseException) -> Failure:
    status = getattr(exc, "status_code", None)
    if isinstance(status, int):
        body: Any = getattr(exc, "body", None)
        error = body.get("error") if isinstance(body, dict) else None
        error_type = error.get("type") if isinstance(error, dict) else None
        api_message = error.get("message") if isinstance(error, dict) else None
        response = getattr(exc, "response", None)
        headers = getattr(response, "headers", None)
        after = retry_after(headers)
        if status == 200 and not error_type:
            error_type = "api_error"
        if status == 401 or error_type == "authentication_error":
            kind = "auth"
        elif status == 429 or error_type == "rate_limit_error":
            kind = "rate_limit"
        elif status == 529 or error_type == "overloaded_error":
            kind = "overloaded"
        elif status == 404 or error_type == "not_found_error":
            kind = "not_found"
        elif status >= 500 or error_type in ("api_error", "timeout_error"):
            kind = "server"
        elif 400 <= status < 500 and status not in (408, 409):
            kind = "bad_request"
        else:
            kind = "server"
        should = (headers or {}).get("x-should-retry") if headers is not None else None
        retryable = status in RETRYABLE_STATUS or (status == 200 and error_type in RETRYABLE_TYPES)
        if should == "false":
            retryable = False
        return Failure(kind, status, error_type, api_message, after, retryable, str(exc))
    if _is_connection_error(exc):
        return Failure("connection", None, None, None, None, True, str(exc) or type(exc).__name__)
    return Failure("other", None, None, None, None, False, f"{type(exc).__name__}: {exc}")


def to_error(
    failure: Failure,
    *,
    attempts: int = 1,
    model: str | None = None,
    mid_stream: bool = False,
    base_url: str | None = None,
    for_page: bool = False,
) -> ModelError:
    """The typed error for a final failure, with a sentence that says what to do.

    ``base_url`` is shown as ``scheme://host[:port]`` only. ``for_page``: the error goes to an
    artifact's page, which learns neither where the API is (``base_url`` is masked wherever the
    API's own message quotes it) nor the transport's details."""
    error = _to_error(failure, attempts, model, mid_stream, None if for_page else base_url, for_page)
    hide: list[str] = []
    if for_page and base_url:
        shown = where(base_url)
        hide += [shown, shown.partition("://")[2]]
    error.args = (redact(str(error), hide),)
    if error.api_message:
        error.api_message = redact(error.api_message, hide)
    return error


def _to_error(
    failure: Failure, attempts: int, model: str | None, mid_stream: bool, base_url: str | None, for_page: bool
) -> ModelError:
    info = failure.describe()
    tried = f" after {attempts} attempts" if attempts > 1 else ""
    kw: dict[str, Any] = {
        "status": failure.status,
        "error_type": failure.error_type,
        "api_message": failure.api_message,
    }
    kind = failure.kind
    if kind == "auth":
        return ModelUnavailable(
            f"the Anthropic API refused the API key ({info}): set a valid ANTHROPIC_API_KEY and try again",
            **kw,
        )
    if kind == "rate_limit":
        wait = failure.retry_after
        when = f"in {wait:.0f} s" if wait else "in a minute"
        return RateLimited(
            f"the Anthropic API rate limit was reached ({info}){tried}; try again {when}",
            retry_after=wait if wait is not None else 60.0,
            **kw,
        )
    if kind == "overloaded":
        return ModelOverloaded(
            f"Claude is overloaded ({info}){tried}; nothing received was lost — try again in a minute",
            **kw,
        )
    if kind == "not_found":
        what = f" (model {model!r})" if model else ""
        return ModelError(
            f"the Anthropic API answered not found{what} ({info}); choose another model: in the app "
            "Ctrl+P, then \u201cmodel\u201d; [model] name in config.toml; or --model / ARTIFACTS_MODEL",
            **kw,
        )
    if kind == "connection":
        if mid_stream:
            return ConnectionLost(
                "the connection to the Anthropic API dropped in the middle of the reply; what "
                "arrived is kept (marked incomplete) — send again to continue",
                **kw,
            )
        if for_page:
            return ConnectionLost(
                f"could not reach the model API{tried}; the app's network or its model settings need a "
                "look — try again later",
                **kw,
            )
        at = f" at {where(base_url)}" if base_url else ""
        return ConnectionLost(
            f"could not reach the Anthropic API{at} ({failure.detail}){tried}; check the "
            "network (and ANTHROPIC_BASE_URL) and try again",
            **kw,
        )
    if kind == "bad_request":
        if failure.status == 413:
            return ModelError(
                f"the request is too large for the API ({info}); start a new conversation or attach smaller files",
                **kw,
            )
        return ModelError(f"the Anthropic API refused the request ({info})", **kw)
    if kind == "server":
        return ModelError(f"the Anthropic API failed ({info}){tried}; try again", **kw)
    return ModelError(f"the model call failed ({failure.kind if for_page else info})", **kw)
