"""One place where everything that happens is announced: the store's changes, runtime errors
reported by open views, and whatever else a subscriber (the server's WebSocket, the app's
panes) needs to hear about. Subscribers are plain callables called in the publishing task."""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any

Event = dict[str, Any]
Subscriber = Callable[[Event], None]

#: The open view (a browser tab, a preview window) on whose behalf the current task acts.
#: Set by the bridge; events published meanwhile carry it, so that view can skip its own echo.
current_view: contextvars.ContextVar[str | None] = contextvars.ContextVar("current_view", default=None)


class EventHub:
    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

        return unsubscribe

    def publish(self, event: Event) -> None:
        view = current_view.get()
        if view is not None and "view" not in event:
            event = {**event, "view": view}
        for subscriber in list(self._subscribers):
            try:
                subscriber(event)
            except Exception:  # one broken subscriber must not silence the others
                pass
