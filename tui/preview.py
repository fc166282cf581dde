"""Opening previews: a window through the preview manager where one can be shown, otherwise
the URL to open in a browser (with the ``ssh -L`` line when the app runs over SSH).

The window manager (:class:`artifacts_runtime.preview.manager.PreviewManager`) is imported and
built on the first open, not at start-up. When the app was built without one (tests, a
headless session) or it cannot start, the URL of the local server still works in any browser.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from artifacts_runtime.errors import ArtifactsError

if TYPE_CHECKING:  # pragma: no cover
    from artifacts_runtime.preview.protocol import PreviewEvent
    from artifacts_runtime.workspace import Workspace

log = logging.getLogger(__name__)


class WindowManager(Protocol):
    """What the app uses of ``PreviewManager`` (a test stands in a fake with these)."""

    on_event: Callable[[PreviewEvent], None] | None

    def availability(self) -> str | None: ...

    async def open(self, artifact_id: str) -> str | None: ...

    async def close(self, artifact_id: str) -> None: ...

    async def aclose(self) -> None: ...


ManagerFactory = Callable[["Workspace"], WindowManager]


def preview_manager(workspace: Workspace) -> WindowManager:
    """The real window manager (its module is imported here, on the first open)."""
    from artifacts_runtime.preview.manager import PreviewManager

    return PreviewManager(workspace)


@dataclass(frozen=True)
class PreviewFallback:
    """No window: what to tell the person instead."""

    reason: str
    url: str
    ssh_hint: str | None


class Previews:
    """The app's previews. ``open`` returns None when a window opened (or was focused)."""

    #: How the last window came up: "opened" (a new one) or "focused" (it was open already).
    last_open: str = "opened"

    def __init__(
        self,
        workspace: Workspace,
        on_event: Callable[[PreviewEvent], None] | None = None,
        *,
        manager: ManagerFactory | None = preview_manager,
    ) -> None:
        self.workspace = workspace
        self.on_event = on_event
        self._factory = manager
        self._manager: WindowManager | None = None
        self._missing: str | None = None if manager is not None else "preview windows are turned off"

    def _load(self) -> WindowManager | None:
        if self._manager is not None or self._missing is not None or self._factory is None:
            return self._manager
        try:
            self._manager = self._factory(self.workspace)
        except ImportError as exc:
            log.info("no preview manager: %s", exc)
            self._missing = "preview windows are not available in this installation"
            return None
        except Exception as exc:
            log.warning("preview manager failed to start: %s", exc)
            self._missing = f"preview windows cannot start ({exc})"
            return None
        if self.on_event is not None:
            self._manager.on_event = self.on_event
        return self._manager

    def availability(self) -> str | None:
        """Why no window can be shown (None when one can)."""
        manager = self._load()
        if manager is None:
            return self._missing
        try:
            return manager.availability()
        except Exception as exc:
            return f"preview windows cannot start ({exc})"

    async def url(self, artifact_id: str) -> tuple[str, str | None]:
        """The browser URL of ``artifact_id`` on the local server, and the ssh -L line if any."""
        from artifacts_runtime.remote import ssh_hint

        server = await self.workspace.start_server()
        return server.view_url(artifact_id), ssh_hint(server.port)

    async def open(self, artifact_id: str) -> PreviewFallback | None:
        manager = self._load()
        reason = self._missing or "no preview window can be shown here"
        if manager is not None:
            from artifacts_runtime.preview.manager import PreviewUnavailable

            try:
                self.last_open = await manager.open(artifact_id) or "opened"
                return None
            except PreviewUnavailable as exc:
                return PreviewFallback(exc.reason, exc.url, exc.ssh_hint)
            except Exception as exc:
                if not isinstance(exc, ArtifactsError):
                    log.exception("the preview window failed")
                reason = f"the preview window failed ({exc})"
        url, hint = await self.url(artifact_id)
        return PreviewFallback(reason, url, hint)

    async def close(self, artifact_id: str) -> None:
        if self._manager is not None:
            await self._manager.close(artifact_id)

    async def aclose(self) -> None:
        manager, self._manager = self._manager, None
        if manager is not None:
            await manager.aclose()
