"""What the panes use from the runtime, in one typed place.

The app owns one :class:`Services` and fills it as start-up goes on (the library file first,
then the workspace, then the previews). A widget reaches it with ``services(self)`` — never by
looking attributes up on the app — and a test host app (``tests/tui/host.py``) provides its own,
so a widget can be mounted alone.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.dom import DOMNode

if TYPE_CHECKING:  # pragma: no cover
    from artifacts_runtime.records import Artifact
    from artifacts_runtime.store import Store
    from artifacts_runtime.workspace import Workspace

    from .preview import Previews

#: An ``artifact.error`` event as the EventHub published it (message, stack, kind, version…).
RuntimeErrorReport = dict[str, Any]


class NotReady(RuntimeError):
    """A pane asked for a service before start-up opened it."""


class FirstPageRead:
    """The library's first page, read in a thread of its own from the moment the app is built
    (``artifacts_runtime.store.peek``), so that the list is on the first screen while the store
    (aiosqlite, migrations) opens after it. The store's own query confirms the page later."""

    def __init__(self, library: Path, limit: int) -> None:
        self._done = threading.Event()
        self._artifacts: list[Artifact] | None = None
        thread = threading.Thread(target=self._read, args=(library, limit), name="first-page", daemon=True)
        thread.start()

    def _read(self, library: Path, limit: int) -> None:
        try:
            from artifacts_runtime.store.peek import first_page

            self._artifacts = first_page(library, limit=limit)
        except Exception:  # the store, opened next, reports what is wrong with the file
            self._artifacts = None
        finally:
            self._done.set()

    def result(self, wait: float) -> list[Artifact] | None:
        """The page (``[]``: no library yet), or None when it is not read within ``wait``
        seconds or cannot be read as the file is."""
        if not self._done.wait(wait):
            return None
        return self._artifacts


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
    #: The library's first page, read while the app starts (taken by the library pane).
    first_page: FirstPageRead | None = None

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
