"""What the panes use from the runtime, in one typed place.

The app owns one :class:`Services` and fills it as start-up goes on (the library file first,
then the workspace, then the previews). A widget reaches it with ``services(self)`` — never by
looking attributes up on the app — and a test host app (``tests/tui/host.py``) provides its own,
so a widget can be mounted alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.dom import DOMNode

if TYPE_CHECKING:  # pragma: no cover
    from artifacts_runtime.store import Store
    from artifacts_runtime.workspace import Workspace

    from .preview import Previews

#: An ``artifact.error`` event as the EventHub published it (message, stack, kind, version…).
RuntimeErrorReport = dict[str, Any]


class NotReady(RuntimeError):
    """A pane asked for a service before start-up opened it."""


@dataclass
class Services:
    """The runtime as the panes see it; fields are None until start-up opens them."""

    clock: Callable[[], float] = time.time
    #: ``[ui.keymap]`` (binding id -> keys), applied by the keys that panes handle themselves.
    keymap: dict[str, str] = field(default_factory=dict)
    store: Store | None = None
    workspace: Workspace | None = None
    previews: Previews | None = None
    #: Runtime errors reported by previews, per artifact (the newest last).
    runtime_errors: dict[str, list[RuntimeErrorReport]] = field(default_factory=dict)
    #: The artifact the person is on (the library's cursor, the chat's newest artifact…).
    current_artifact_id: str | None = None

    def now(self) -> float:
        return self.clock()

    def require_store(self) -> Store:
        if self.store is None:
            raise NotReady("the library is not open yet")
        return self.store

    def require_workspace(self) -> Workspace:
        if self.workspace is None:
            raise NotReady("the workspace is not open yet")
        return self.workspace

    def errors_for(self, artifact_id: str | None) -> list[RuntimeErrorReport]:
        if artifact_id is None:
            return []
        return list(self.runtime_errors.get(artifact_id, []))

    def fix_report(self, artifact_id: str | None) -> dict[str, Any] | None:
        """What "Fix with Claude" sends for ``artifact_id``: its newest recorded error (None
        when there is none), from the inspector's F as from a preview's button."""
        errors = self.errors_for(artifact_id)
        if not errors:
            return None
        # A crash is what needs fixing; a resource that did not load only when nothing crashed.
        crashes = [e for e in errors if e.get("fatal") is not False]
        latest = dict((crashes or errors)[-1])
        return {
            "message": latest.get("message", ""),
            "stack": latest.get("stack") or None,
            "source": latest.get("kind") or None,
            "version": latest.get("version"),
        }


@runtime_checkable
class ProvidesServices(Protocol):
    """An app that hands out :class:`Services` (the real app, a test host)."""

    @property
    def services(self) -> Services: ...


def services(node: DOMNode) -> Services:
    """The services of the app ``node`` runs in."""
    app = node.app
    if not isinstance(app, ProvidesServices):
        raise TypeError(f"{type(app).__name__} does not provide the app's services")
    return app.services
