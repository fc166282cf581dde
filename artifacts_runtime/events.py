"""One place where everything that happens is announced: the store's changes, runtime errors
reported by open views, and whatever else a subscriber (the server's WebSocket, the app's
panes) needs to hear about. Subscribers are plain callables called in the publishing task.

Every event is a JSON object whose ``type`` names it (``state.changed``, ``artifact.updated``,
``artifact.error``, ``data.refreshed`` …): the one discriminator across the hub, the chat
events and the preview protocol. The events built in this layer have TypedDicts below; the
store's own are built by the store.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Mapping
from typing import Any, NotRequired, TypedDict

#: An event as subscribers receive it: a JSON object with a ``type`` key.
Event = dict[str, Any]
Subscriber = Callable[[Event], None]

#: The open view (a browser tab, a preview window) on whose behalf the current task acts.
#: Set by the bridge; events published meanwhile carry it, so that view can skip its own echo.
current_view: contextvars.ContextVar[str | None] = contextvars.ContextVar("current_view", default=None)


class ArtifactErrorEvent(TypedDict):
    """A runtime error an open view reported (``window.onerror``, a failed render …)."""

    type: str  # "artifact.error"
    artifact_id: str
    message: str
    stack: str
    kind: str
    version: object
    #: False for what the page survived (an image, stylesheet or font that did not load, a
    #: refused link); True for a crash (an uncaught error, a failed render).
    fatal: NotRequired[bool]
    view: NotRequired[str]


class DataRefreshedEvent(TypedDict):
    """A stale live-data answer was fetched again behind the cached one."""

    type: str  # "data.refreshed"
    artifact_id: str
    url: str
    fetched_at: float
    view: NotRequired[str]


class EventHub:
    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

        return unsubscribe

    def publish(self, event: Mapping[str, Any]) -> None:
        """Hand ``event`` to every subscriber, tagged with the acting view (when there is one)."""
        view = current_view.get()
        payload: Event = dict(event)
        if view is not None and "view" not in payload:
            payload["view"] = view
        for subscriber in list(self._subscribers):
            try:
                subscriber(payload)
            except Exception:  # one broken subscriber must not silence the others
                pass
