"""One bridge call from a shell, whichever way it came (HTTP or the shell's WebSocket).

The shell names the artifact it was opened for, in full; the call is answered for that artifact
only. ``runtime.compiled`` (a frame handing back its compiled code) is the server's own; every
other method goes to the bridge.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

from ..bridge import Bridge, BridgeError
from ..errors import NotFound
from ..store import Store
from .compiled import CompiledCache


class ErrorBody(TypedDict):
    code: str
    message: str


class OkReply(TypedDict):
    ok: Literal[True]
    result: Any


class ErrorReply(TypedDict):
    ok: Literal[False]
    error: ErrorBody


Reply = OkReply | ErrorReply


def ok_reply(result: object) -> OkReply:
    return {"ok": True, "result": result}


def error_reply(code: str, message: str) -> ErrorReply:
    return {"ok": False, "error": {"code": code, "message": message}}


def is_call(payload: object) -> bool:
    """``{method: str, params?}``: the shape of a call body."""
    return isinstance(payload, dict) and isinstance(payload.get("method"), str)


class Dispatcher:
    def __init__(self, store: Store, bridge: Bridge, compiled: CompiledCache) -> None:
        self.store = store
        self.bridge = bridge
        self.compiled = compiled

    async def dispatch(self, artifact_id: str, method: str, params: object, view: str | None) -> tuple[int, Reply]:
        """(HTTP status, reply) for one call of the owner's shell."""
        try:
            if await self.store.resolve(artifact_id) != artifact_id:
                raise NotFound("the bridge needs the artifact's full id")
            if method == "runtime.compiled":
                return 200, ok_reply(await self.compiled.keep(self.store, artifact_id, params))
            result = await self.bridge.call(artifact_id, method, params, view=view)
        except BridgeError as exc:
            return 200, error_reply(exc.code, exc.message)
        except NotFound as exc:
            return 404, error_reply("not_found", str(exc))
        return 200, ok_reply(result)
