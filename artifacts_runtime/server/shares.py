"""Published links: an aiohttp sub-application mounted under ``/s/``, reachable without the
token (and from other machines when the server is bound to a network address).

A visitor gets the shell and an anonymous cookie; ``/s/TOKEN/call`` answers their storage calls,
scoped to that visitor (personal) or common to everyone (shared), for that one artifact only.
``/s/TOKEN/source`` is what ``artifacts remix URL`` copies.
"""

from __future__ import annotations

import logging

from aiohttp import web

from ..bridge import Bridge, BridgeError
from ..ids import new_token
from ..page import SHELL_CSP, shell_document
from ..records import Share, Version
from ..store import Store
from .dispatch import error_reply, is_call, ok_reply
from .frames import FrameRenderer
from .log import log_refusal
from .replies import NO_STORE, error_response

PREFIX = "/s"
VISITOR_COOKIE = "la_visitor"  # a 5 MB storage value, JSON-escaped, fits
VISITOR_MAX_AGE = 400 * 86400
UNKNOWN_LINK = "this link does not exist or was unpublished"


def valid_visitor(value: str | None) -> bool:
    return value is not None and 16 <= len(value) <= 64 and all(c.isalnum() or c in "-_" for c in value)


class Shares:
    def __init__(self, store: Store, bridge: Bridge, frames: FrameRenderer) -> None:
        self.store = store
        self.bridge = bridge
        self.frames = frames

    def app(self) -> web.Application:
        """A new sub-application (an aiohttp app can be mounted once) for ``/s/``."""
        app = web.Application()
        app.router.add_get("/{share}", self.view)
        app.router.add_get("/{share}/info", self.info)
        app.router.add_get("/{share}/frame", self.frame)
        app.router.add_get("/{share}/source", self.source)
        app.router.add_post("/{share}/call", self.call)
        return app

    async def _share_version(self, request: web.Request) -> tuple[Share, Version]:
        share = await self.store.share(request.match_info["share"])
        if share is None:
            log_refusal(request, "unknown_share", UNKNOWN_LINK, level=logging.INFO)
            raise web.HTTPNotFound(text=UNKNOWN_LINK, content_type="text/plain")
        version = await self.store.version(share.artifact_id, share.version)
        return share, version

    async def view(self, request: web.Request) -> web.Response:
        share, version = await self._share_version(request)
        body = shell_document(share.artifact_id, version.title, None, share=share.token)
        response = web.Response(
            text=body,
            content_type="text/html",
            headers={"Content-Security-Policy": SHELL_CSP, **NO_STORE},
        )
        if not valid_visitor(request.cookies.get(VISITOR_COOKIE)):
            response.set_cookie(
                VISITOR_COOKIE,
                new_token(16),
                max_age=VISITOR_MAX_AGE,
                httponly=True,
                samesite="Strict",
                path="/s/",
            )
        return response

    async def info(self, request: web.Request) -> web.Response:
        share, version = await self._share_version(request)
        return web.json_response(
            {
                "id": share.artifact_id,
                "title": version.title,
                "type": version.type,
                "language": version.language,
                "version": version.number,
                "current_version": version.number,
                "shared_link": True,
                "frame_url": f"/s/{share.token}/frame?v={version.number}",
            },
            headers=NO_STORE,
        )

    async def frame(self, request: web.Request) -> web.Response:
        _, version = await self._share_version(request)
        return await self.frames.response(request, version)

    async def source(self, request: web.Request) -> web.Response:
        """What `artifacts remix URL` copies: the shared version's source and metadata."""
        _, version = await self._share_version(request)
        return web.json_response(
            {
                "format": "live-artifacts-share",
                "title": version.title,
                "type": version.type,
                "language": version.language,
                "version": version.number,
                "content": version.content,
            },
            headers={"Access-Control-Allow-Origin": "*"},
        )

    async def call(self, request: web.Request) -> web.Response:
        try:
            share, _ = await self._share_version(request)
        except web.HTTPNotFound:  # the page's bridge reads JSON: say why in a sentence
            return error_response(404, "not_found", UNKNOWN_LINK)
        visitor = request.cookies.get(VISITOR_COOKIE)
        if not valid_visitor(visitor):
            message = "open the shared link first; it gives your browser its own storage"
            log_refusal(request, "no_visitor", message, level=logging.INFO)
            return error_response(403, "no_visitor", message)
        try:
            payload = await request.json()
        except (ValueError, UnicodeDecodeError, RecursionError):
            return error_response(400, "bad_request", "the request body is not JSON")
        if not is_call(payload):
            return error_response(400, "bad_request", "expected {method, params}")
        try:
            result = await self.bridge.call(
                share.artifact_id,
                payload["method"],
                payload.get("params", {}),
                view=request.headers.get("X-Artifacts-View"),
                owner=f"visitor:{visitor}",
            )
        except BridgeError as exc:
            return web.json_response(error_reply(exc.code, exc.message))
        return web.json_response(ok_reply(result))
