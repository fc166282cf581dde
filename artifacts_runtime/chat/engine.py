"""The conversation engine's façade: :class:`ChatEngine` makes turns over a store, a config and
the model service (the Workspace builds it; the service is shared, so its client, rate limits
and usage accounting are too).

Use it either way::

    turn = engine.turn("Make a habit tracker")
    async for event in turn:           # typed events (events.py); breaking out cancels the turn
        ...
    result = await engine.send("…", on_event=callback)   # callback style; returns TurnResult

The turn itself is in :mod:`.turn` (the round loop), :mod:`.reduce` (the stream into blocks),
:mod:`.inline` (``<antArtifact>`` in text), :mod:`.persist` (storing as it streams).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..config import Config, with_overrides
from ..model import ModelService, RetryPolicy
from ..store import Store
from .turn import Attachment, EventCallback, Turn, TurnResult

SAVE_INTERVAL = 0.5  # seconds between saves of a streaming reply


class ChatEngine:
    """Conversations with Claude that create and edit artifacts in ``store``."""

    def __init__(
        self,
        store: Store,
        config: Config,
        *,
        service: ModelService,
        retry: RetryPolicy | None = None,
        save_interval: float = SAVE_INTERVAL,
    ) -> None:
        self.store = store
        self.config = config
        self.service = service
        self.retry = retry or service.retry
        self.save_interval = save_interval

    async def aclose(self) -> None:
        """Nothing to release: the service belongs to whoever made it (the Workspace)."""

    def turn(
        self,
        prompt: str | None,
        *,
        conversation_id: str | None = None,
        attachments: Sequence[Attachment] = (),
        model: str | None = None,
        max_tokens: int | None = None,
        temperature: float | None = None,
        keep_unanswered: bool = True,
    ) -> Turn:
        """A turn, not started yet: iterate it, or ``await turn.run(on_event)``.

        ``prompt=None`` answers the conversation's last user message again (after an error).
        ``attachments``: file paths, or ``(name, data)`` pairs, attached to the conversation.
        ``keep_unanswered=False``: a conversation this turn starts is removed again if the
        model could not be reached and nothing of a reply arrived (the CLI: the person has the
        command to run again; the app keeps it, with the message, to retry in place).
        """
        config = with_overrides(self.config, model=model, max_tokens=max_tokens, temperature=temperature)
        return self._turn(
            prompt, config, conversation_id=conversation_id, attachments=attachments, keep_unanswered=keep_unanswered
        )

    async def send(self, prompt: str | None, *, on_event: EventCallback | None = None, **kwargs: Any) -> TurnResult:
        return await self.turn(prompt, **kwargs).run(on_event)

    def fix(self, artifact_id: str, report: Mapping[str, Any] | Any, **kwargs: Any) -> Turn:
        """ "Fix with Claude": a turn that sends ``report`` (a runtime error of the artifact)
        into the artifact's conversation (one linked to it is made if it has none)."""
        config = with_overrides(
            self.config,
            model=kwargs.pop("model", None),
            max_tokens=kwargs.pop("max_tokens", None),
            temperature=kwargs.pop("temperature", None),
        )
        if kwargs:
            raise TypeError(f"unexpected arguments: {', '.join(kwargs)}")
        return self._turn(None, config, fix=(artifact_id, report))

    def _turn(self, prompt: str | None, config: Config, **kwargs: Any) -> Turn:
        return Turn(
            self.store,
            self.service,
            prompt,
            config=config,
            retry=self.retry,
            save_interval=self.save_interval,
            **kwargs,
        )


__all__ = ["ChatEngine", "Turn", "TurnResult"]
