"""An artifact version as its sandboxed frame document, for the owner's views and for published
links alike: the runtime libraries it needs (fetched on first need), its compiled code when
kept, and the frame's Content-Security-Policy naming this server as the only destination.

The policy goes in the header (:func:`~artifacts_runtime.page.frame_header_csp`): it sandboxes
the document even when it is opened top-level, and lets only this server's pages embed it. The
origin it names is the one the guard validated (``request[OWN_ORIGIN]``), never the raw Host."""

from __future__ import annotations

import asyncio

from aiohttp import web

from ..assets import AssetCache, AssetError
from ..page import FrameSpec, Resources, frame_document, frame_header_csp, needed_libraries
from ..records import Version
from .compiled import CompiledCache
from .middleware import OWN_ORIGIN
from .replies import NO_STORE, escape


class FrameRenderer:
    def __init__(self, assets: AssetCache, compiled: CompiledCache) -> None:
        self.assets = assets
        self.compiled = compiled
        self._fetch_lock = asyncio.Lock()

    async def ensure_assets(self, names: list[str]) -> str | None:
        """Fetch missing libraries on first need; a sentence for the page when that fails."""
        if not self.assets.missing(names):
            return None
        async with self._fetch_lock:
            try:
                await self.assets.ensure(names)
            except AssetError as exc:
                return str(exc)
        return None

    async def response(
        self, request: web.Request, version: Version, *, local_storage: dict[str, str] | None = None
    ) -> web.Response:
        source = version.content or ""
        spec = FrameSpec(
            version.artifact_id,
            version.number,
            version.type,
            version.title,
            source,
            version.language,
            compiled=self.compiled.code(version.artifact_id, version.number, source),
            compile_ticket=self.compiled.ticket(version.artifact_id, version.number),
            local_storage=local_storage,
        )
        problem = await self.ensure_assets(needed_libraries(spec, self.assets.lock))
        if problem:
            return web.Response(
                status=503,
                content_type="text/html",
                text=f"<!doctype html><meta charset=utf-8><title>Runtime libraries missing</title>"
                f"<body style='font:15px system-ui;padding:24px'><h2>This artifact cannot be shown yet</h2>"
                f"<p>{escape(problem)}</p></body>",
                headers={"Content-Security-Policy": frame_header_csp(None), **NO_STORE},
            )
        html_doc = frame_document(spec, Resources(self.assets.lock))
        return web.Response(
            text=html_doc,
            content_type="text/html",
            headers={"Content-Security-Policy": frame_header_csp(request.get(OWN_ORIGIN) or None), **NO_STORE},
        )
