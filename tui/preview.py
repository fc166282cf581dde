"""Opening previews: a window through the preview manager where one can be shown, otherwise
the URL to open in a browser (with the ``ssh -L`` line when the app runs over SSH).

The window manager (``artifacts_runtime.preview.manager``) is imported on the first open, not
at start-up; when it is missing or says no window can be shown, the app falls back to the URL of
the local server, which works in any browser.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from artifacts_runtime.errors import ArtifactsError

if TYPE_CHECKING:  # pragma: no cover
    from artifacts_runtime.workspace import Workspace

log = logging.getLogger(__name__)

MANAGER_MODULE = "artifacts_runtime.preview.manager"


@dataclass(frozen=True)
class PreviewFallback:
    """No window: what to tell the person instead."""

    reason: str
    url: str
    ssh_hint: str | None


class Previews:
    """The app's previews. ``open`` returns None when a window opened (or was focused)."""

    def __init__(
        self,
        workspace: Workspace,
        on_event: Callable[[dict[str, Any]], None] | None = None,
        *,
        manager_module: str | None = MANAGER_MODULE,
    ) -> None:
        self.workspace = workspace
        self.on_event = on_event
        self._manager_module = manager_module
        self._manager: Any = None
        self._unavailable_class: type[BaseException] | None = None
        self._missing: str | None = None
        self.told_reason = False

    def _load(self) -> Any:
        if self._manager is not None or self._missing is not None:
            return self._manager
        if self._manager_module is None:
            self._missing = "preview windows are turned off"
            return None
        try:
            module = importlib.import_module(self._manager_module)
            manager_class = module.PreviewManager
        except (ImportError, AttributeError) as exc:
            log.info("no preview manager: %s", exc)
            self._missing = "preview windows are not available in this installation"
            return None
        self._unavailable_class = getattr(module, "PreviewUnavailable", None)
        try:
            self._manager = manager_class(self.workspace)
        except Exception as exc:
            log.warning("preview manager failed to start: %s", exc)
            self._missing = f"preview windows cannot start ({exc})"
            return None
        if self.on_event is not None:
            try:
                self._manager.on_event = self._forward
            except AttributeError:
                pass
        return self._manager

    def _forward(self, event: Any) -> None:
        if self.on_event is None:
            return
        self.on_event(event if isinstance(event, dict) else {"type": "preview.event", "detail": event})

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
            try:
                await manager.open(artifact_id)
                return None
            except Exception as exc:
                if self._unavailable_class is not None and isinstance(exc, self._unavailable_class):
                    url = getattr(exc, "url", None)
                    hint = getattr(exc, "ssh_hint", None)
                    if not url:
                        url, hint = await self.url(artifact_id)
                    return PreviewFallback(str(getattr(exc, "reason", None) or exc), url, hint)
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
