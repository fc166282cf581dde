"""What the owner's browser loads: health, the shell page, the sandboxed frame (behind its
ticket), and the static files (the pinned libraries from the user cache, our runtime scripts)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from aiohttp import web

from .. import __version__
from ..assets import AssetCache, AssetError
from ..bridge import local_storage_snapshot
from ..errors import NotFound
from ..page import RUNTIME_DIR, SHELL_CSP, UI_BUNDLE, shell_document, ui_bundle
from ..store import Store
from .frames import FrameRenderer
from .log import log_refusal
from .replies import NO_STORE, content_type
from .tickets import ticket_matches


def runtime_files() -> set[str]:
    """Our own page scripts and styles: the only names ``/runtime/`` serves."""
    return {p.name for p in RUNTIME_DIR.iterdir() if p.suffix in (".js", ".css")}


class Views:
    def __init__(
        self, store: Store, assets: AssetCache, frames: FrameRenderer, frame_ticket: Callable[[str], str]
    ) -> None:
        self.store = store
        self.assets = assets
        self.frames = frames
        self.frame_ticket = frame_ticket
        self.runtime_files = runtime_files()
        self.ui_bundle = ui_bundle().encode("utf-8")
        self.ui_etag = '"' + hashlib.sha256(self.ui_bundle).hexdigest()[:32] + '"'

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/health", self.health)
        app.router.add_get("/favicon.ico", self.no_content)
        app.router.add_get("/view/{id}", self.view)
        app.router.add_get("/frame/{id}/{version}", self.frame)
        app.router.add_get("/assets/{folder}/{path:.+}", self.asset)
        app.router.add_get("/runtime/{name}", self.runtime)

    async def health(self, request: web.Request) -> web.Response:
        return web.json_response({"ok": True, "app": "live-artifacts", "version": __version__})

    async def no_content(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    async def view(self, request: web.Request) -> web.Response:
        artifact_id = request.match_info["id"]
        version = request.query.get("v")
        body = shell_document(artifact_id, "live-artifacts", int(version) if version and version.isdigit() else None)
        return web.Response(
            text=body,
            content_type="text/html",
            headers={"Content-Security-Policy": SHELL_CSP, **NO_STORE},
        )

    async def frame(self, request: web.Request) -> web.Response:
        artifact_id = request.match_info["id"]
        ticket = request.query.get("ticket", "")
        if not ticket_matches(ticket, self.frame_ticket(artifact_id)):
            log_refusal(request, "bad_ticket", "the frame ticket does not match", level=logging.INFO)
            return web.Response(status=403, text="this frame link is not valid", content_type="text/plain")
        try:
            number = int(request.match_info["version"])
            version = await self.store.version(artifact_id, number)
        except (ValueError, NotFound) as exc:
            return web.Response(status=404, text=str(exc), content_type="text/plain")
        snapshot = await local_storage_snapshot(self.store, artifact_id)
        return await self.frames.response(request, version, local_storage=snapshot)

    async def asset(self, request: web.Request) -> web.StreamResponse:
        folder, path = request.match_info["folder"], request.match_info["path"]
        name = folder.rsplit("@", 1)[0]
        try:
            lib = self.assets.lock.get(name)
        except AssetError:
            raise web.HTTPNotFound() from None
        if lib.folder != folder or path not in lib.files:
            raise web.HTTPNotFound()
        if not self.assets.is_cached(lib.name):
            problem = await self.frames.ensure_assets([lib.name])
            if problem:
                return web.Response(status=503, text=problem, content_type="text/plain")
        return web.FileResponse(
            self.assets.file_path(lib.name, path),
            headers={
                "Cache-Control": "public, max-age=31536000, immutable",
                "Access-Control-Allow-Origin": "*",
                "Cross-Origin-Resource-Policy": "cross-origin",
                "Content-Type": content_type(path),
            },
        )

    async def runtime(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        headers = {
            "Cache-Control": "no-cache",
            "Access-Control-Allow-Origin": "*",
            "Cross-Origin-Resource-Policy": "cross-origin",
            "Content-Type": content_type(name),
        }
        if name == UI_BUNDLE:  # the ui-*.js parts joined, built once, revalidated by ETag
            headers["ETag"] = self.ui_etag
            if request.headers.get("If-None-Match") == self.ui_etag:
                return web.Response(status=304, headers=headers)
            return web.Response(body=self.ui_bundle, headers=headers)
        if name not in self.runtime_files:
            raise web.HTTPNotFound()
        return web.FileResponse(RUNTIME_DIR / name, headers=headers)
