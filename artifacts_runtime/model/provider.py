"""What the chat and the bridge need from a model provider, so that other providers (an
OpenAI-compatible server, a local model) can be added next to Anthropic's without touching
either of them.

The shapes are the Anthropic Messages API's, because that is what the chat engine reduces and
what artifacts written for claude.ai send: a streaming call yields SDK-shaped events (objects
with ``type`` = ``message_start`` / ``content_block_start`` / ``content_block_delta`` /
``content_block_stop`` / ``message_delta`` / ``message_stop`` and the fields the API gives
them); a non-streaming call returns the API's JSON answer as a dict. A provider for another
API translates to these shapes. Failures are raised as the provider's own exceptions and
classified by :meth:`ModelProvider.classify` into a :class:`~.retry.Failure`, which is all the
retry policy looks at.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import Any, Protocol, runtime_checkable

from .retry import Failure

#: One event of a streamed reply, shaped like the Anthropic SDK's raw stream events (read by
#: attribute: ``event.type``, ``event.index``, ``event.delta.text`` …).
StreamEvent = Any


@runtime_checkable
class MessageStream(Protocol):
    """An open streamed reply: iterate it for events; close it when done (also when abandoned)."""

    def __aiter__(self) -> AsyncIterator[StreamEvent]: ...

    async def close(self) -> None: ...


@runtime_checkable
class ModelProvider(Protocol):
    """A source of model replies: credentials, a streaming call, a plain call, error triage."""

    #: Where requests go (shown in "could not reach …" messages; never holds a key).
    @property
    def base_url(self) -> str: ...

    def has_key(self) -> bool:
        """Whether credentials are configured (without calling anything)."""
        ...

    async def warm_up(self) -> None:
        """Do slow one-off work (importing an SDK) now, so the first call does not wait for it."""
        ...

    async def connect(self) -> None:
        """Make the client ready; raises :class:`~artifacts_runtime.errors.ModelUnavailable`
        when there are no credentials."""
        ...

    async def stream(self, params: Mapping[str, Any]) -> MessageStream:
        """Open a streamed Messages call with ``params`` (``model``, ``max_tokens``, ``system``,
        ``tools``, ``messages``, optionally ``extra_body``)."""
        ...

    async def create(self, params: Mapping[str, Any], *, request_timeout: float) -> dict[str, Any]:
        """One non-streamed Messages call; the API's JSON answer. ``params`` has ``model``,
        ``messages``, ``max_tokens`` and any other Messages API parameter, sent as given."""
        ...

    def classify(self, exc: BaseException) -> Failure:
        """What a failed call's exception means for retrying and for the person."""
        ...

    async def aclose(self) -> None: ...
