"""The owner's API over HTTP (behind the token): an artifact's metadata with its frame URL, and
bridge calls (the shell uses these when its WebSocket is not open)."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web

from ..errors import ArtifactsError, NotFound
from ..store import Store
from .dispatch import Dispatcher, is_call, parse_json
from .replies import NO_STORE, error_response


class Api:
    def __init__(self, store: Store, dispatcher: Dispatcher, frame_ticket: Callable[[str], str]) -> None:
        self.store = store
        self.dispatcher = dispatcher
        self.frame_ticket = frame_ticket

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/api/artifacts/{id}", self.artifact)
        app.router.add_post("/api/artifacts/{id}/call", self.call)

    async def artifact(self, request: web.Request) -> web.Response:
        try:
            artifact = await self.store.get(request.match_info["id"])
            number = request.query.get("version")
            version = await self.store.version(artifact.id, int(number) if number and number.isdigit() else None)
        except (NotFound, ArtifactsError) as exc:
            return error_response(404, "not_found", str(exc))
        return web.json_response(
            {
                "id": artifact.id,
                "title": artifact.title,
                "type": version.type,
                "language": version.language,
                "version": version.number,
                "current_version": artifact.current_version,
                "trashed": artifact.trashed,
                "frame_url": f"/frame/{artifact.id}/{version.number}?ticket={self.frame_ticket(artifact.id)}",
            },
            headers=NO_STORE,
        )

    async def call(self, request: web.Request) -> web.Response:
        artifact_id = request.match_info["id"]
        try:
            payload = parse_json(await request.read())
        except ValueError:
            return error_response(400, "bad_request", "the request body is not JSON")
        except web.HTTPRequestEntityTooLarge:
            return error_response(
                413, "value_too_large", "the request is larger than 12 MB; storage values may be at most 5 MB"
            )
        if not is_call(payload):
            return error_response(400, "bad_request", "expected {method, params}")
        status, reply = await self.dispatcher.dispatch(
            artifact_id, payload["method"], payload.get("params", {}), request.headers.get("X-Artifacts-View")
        )
        return web.json_response(reply, status=status)
