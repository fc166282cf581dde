"""Published links: an aiohttp sub-application mounted under ``/s/``, reachable without the
token (and from other machines when the server is bound to a network address).

A visitor gets the shell and a cookie naming them: an id the server chose, signed with the
library's visitor key (tickets.py), so a made-up or edited cookie is no one and is replaced by a
fresh id. ``/s/TOKEN/call`` answers their storage calls for that one artifact only: personal
values are the visitor's own, the shared ones everyone's — readable always, writable only when
the owner published the link with ``--shared read-write``. Everything visitors store counts
against one pool per artifact (store/state.py), never against the owner's quota.
``/s/TOKEN/info`` hands the page a short-lived ticket for its frame, bound to the visitor, which
``/s/TOKEN/frame`` requires. ``/s/TOKEN/source`` is what ``artifacts remix URL`` copies.
"""

from __future__ import annotations

import logging
import time

from aiohttp import web

from ..bridge import Bridge, BridgeError, local_storage_snapshot
from ..ids import new_token
from ..page import SHELL_CSP, shell_document
from ..records import Share, Version
from ..store import Store
from .dispatch import check_text, error_reply, internal_error, is_call, ok_reply, parse_json
from .frames import FrameRenderer
from .log import log_refusal
from .replies import NO_STORE, error_response
from .tickets import share_frame_ticket, share_frame_ticket_valid, visitor_cookie, visitor_from_cookie

PREFIX = "/s"
VISITOR_COOKIE = "la_visitor"
VISITOR_MAX_AGE = 400 * 86400
UNKNOWN_LINK = "this link does not exist or was unpublished"
SHARED_WRITES = frozenset({"storage.set", "storage.delete"})
READ_ONLY = (
    "this shared link lets visitors read the shared values, not change them; your own (personal) values "
    "work as usual. The artifact's owner decides: `artifacts publish ID --shared read-write`"
)


class Shares:
    def __init__(self, store: Store, bridge: Bridge, frames: FrameRenderer) -> None:
        self.store = store
        self.bridge = bridge
        self.frames = frames
        self._visitor_key: str | None = None

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

    # -- who the visitor is

    async def _key(self) -> str:
        if self._visitor_key is None:
            self._visitor_key = await self.store.visitor_secret()
        return self._visitor_key

    async def visitor(self, request: web.Request) -> str | None:
        """The visitor this request's cookie names, if this library signed it."""
        return visitor_from_cookie(await self._key(), request.cookies.get(VISITOR_COOKIE))

    async def _visitor_or_new(self, request: web.Request) -> tuple[str, str | None]:
        """The request's visitor and None; without a valid cookie, a new id and its cookie."""
        visitor = await self.visitor(request)
        if visitor is not None:
            return visitor, None
        visitor = new_token(16)
        return visitor, visitor_cookie(await self._key(), visitor)

    @staticmethod
    def _give_cookie(response: web.Response, cookie: str | None) -> web.Response:
        if cookie is not None:
            response.set_cookie(
                VISITOR_COOKIE, cookie, max_age=VISITOR_MAX_AGE, httponly=True, samesite="Strict", path="/s/"
            )
        return response

    # -- routes

    async def view(self, request: web.Request) -> web.Response:
        share, version = await self._share_version(request)
        body = shell_document(share.artifact_id, version.title, None, share=share.token)
        _, cookie = await self._visitor_or_new(request)
        response = web.Response(
            text=body,
            content_type="text/html",
            headers={"Content-Security-Policy": SHELL_CSP, **NO_STORE},
        )
        return self._give_cookie(response, cookie)

    async def info(self, request: web.Request) -> web.Response:
        share, version = await self._share_version(request)
        visitor, cookie = await self._visitor_or_new(request)
        ticket = share_frame_ticket(self.frames.compiled.secret, share.token, visitor, time.time())
        response = web.json_response(
            {
                "id": share.artifact_id,
                "title": version.title,
                "type": version.type,
                "language": version.language,
                "version": version.number,
                "current_version": version.number,
                "shared_link": True,
                "shared_state": share.shared_state,
                "frame_url": f"/s/{share.token}/frame?v={version.number}&ticket={ticket}",
            },
            headers=NO_STORE,
        )
        return self._give_cookie(response, cookie)

    async def frame(self, request: web.Request) -> web.Response:
        share, version = await self._share_version(request)
        visitor = await self.visitor(request)
        ticket = request.query.get("ticket", "")
        if visitor is None or not share_frame_ticket_valid(
            self.frames.compiled.secret, ticket, share.token, visitor, time.time()
        ):
            log_refusal(
                request,
                "bad_ticket",
                "the share frame ticket is missing, expired or not this visitor's",
                level=logging.INFO,
            )
            return web.Response(
                status=403,
                text="this frame link is not valid on its own: open the shared link itself",
                content_type="text/plain",
                headers=NO_STORE,
            )
        snapshot = await local_storage_snapshot(self.store, version.artifact_id, owner=f"visitor:{visitor}")
        return await self.frames.response(request, version, local_storage=snapshot)

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
        visitor = await self.visitor(request)
        if visitor is None:
            message = "open the shared link again; it gives your browser its own storage"
            log_refusal(request, "no_visitor", message, level=logging.INFO)
            return error_response(403, "no_visitor", message)
        try:
            payload = parse_json(await request.read())
        except ValueError:
            return error_response(400, "bad_request", "the request body is not JSON")
        if not is_call(payload):
            return error_response(400, "bad_request", "expected {method, params}")
        method: str = payload["method"]
        params = payload.get("params", {})
        try:
            check_text(share.artifact_id, method, params)
            if (
                method in SHARED_WRITES
                and isinstance(params, dict)
                and bool(params.get("shared", False))
                and not share.visitors_write_shared
            ):
                raise BridgeError("read_only", READ_ONLY)
            result = await self.bridge.call(
                share.artifact_id,
                method,
                params,
                view=request.headers.get("X-Artifacts-View"),
                owner=f"visitor:{visitor}",
            )
        except BridgeError as exc:
            return web.json_response(error_reply(exc.code, exc.message))
        except Exception as exc:  # a bug must still answer the call (and be logged)
            return web.json_response(internal_error(method, exc), status=500)
        return web.json_response(ok_reply(result))
