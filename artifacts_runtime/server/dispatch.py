"""One bridge call from a shell, whichever way it came (HTTP, the shell's WebSocket, a share).

The shell names the artifact it was opened for, in full; the call is answered for that artifact
only. ``runtime.compiled`` (a frame handing back its compiled code) is the server's own; every
other method goes to the bridge.

Every call gets an answer: text that is not well-formed Unicode (a lone UTF-16 surrogate such as
``"\\ud800"``, which JSON can carry but UTF-8 and SQLite cannot) is refused up front with
``invalid_text`` naming where it was, and an exception nobody expected becomes an
``internal_error`` reply (logged with its traceback) instead of a call that never answers.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any, Literal, TypedDict, TypeGuard

from ..bridge import Bridge, BridgeError
from ..errors import NotFound
from ..store import Store
from .compiled import CompiledCache

logger = logging.getLogger("artifacts_runtime.server")

_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_WHERE_CHARS = 60


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


def is_call(payload: object) -> TypeGuard[dict[str, Any]]:
    """``{method: str, params?}``: the shape of a call body."""
    return isinstance(payload, dict) and isinstance(payload.get("method"), str)


def parse_json(data: str | bytes) -> object:
    """The JSON value in ``data``; ValueError (with a sentence) for anything that is not JSON,
    nesting too deep for the parser included."""
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise ValueError("the message is not JSON") from exc


def lone_surrogate(value: object, where: str) -> str | None:
    """Where in ``value`` (a parsed JSON value) a lone surrogate is, as a sentence, or None.

    Iterative, so a deeply nested value cannot exhaust the stack."""
    stack: list[tuple[object, str]] = [(value, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            found = _SURROGATE.search(item)
            if found:
                return (
                    f"{path[:MAX_WHERE_CHARS]} contains a lone surrogate (U+{ord(found.group()):04X} at character "
                    f"{found.start()}); text must be well-formed Unicode: pair each surrogate or drop it"
                )
        elif isinstance(item, dict):
            for k, v in item.items():
                if isinstance(k, str) and _SURROGATE.search(k):
                    return lone_surrogate(k, f"a key of {path}")
                stack.append((v, f"{path}.{k}"))
        elif isinstance(item, list):
            stack.extend((v, f"{path}[{i}]") for i, v in enumerate(item))
    return None


def check_text(artifact_id: str, method: str, params: object) -> None:
    """Refuse a call whose text SQLite, UTF-8 or the reply could not carry (BridgeError)."""
    for value, where in ((artifact_id, "the artifact id"), (method, "method"), (params, "params")):
        problem = lone_surrogate(value, where)
        if problem:
            raise BridgeError("invalid_text", problem)


def internal_error(method: str, exc: BaseException) -> ErrorReply:
    """The reply for a call that failed on a bug of ours: logged with the traceback."""
    logger.error("bridge call %s failed", ascii(method)[:80], exc_info=exc)
    return error_reply(
        "internal_error",
        f"{ascii(method)[:80]} failed inside live-artifacts ({type(exc).__name__}) and did not complete; try "
        "again, and if it keeps failing report it with the live-artifacts log, which has the details",
    )


class Dispatcher:
    def __init__(self, store: Store, bridge: Bridge, compiled: CompiledCache) -> None:
        self.store = store
        self.bridge = bridge
        self.compiled = compiled

    async def dispatch(self, artifact_id: str, method: str, params: object, view: str | None) -> tuple[int, Reply]:
        """(HTTP status, reply) for one call of the owner's shell; never raises."""
        try:
            check_text(artifact_id, method, params)
            if await self.store.resolve(artifact_id) != artifact_id:
                raise NotFound("the bridge needs the artifact's full id")
            if method == "runtime.compiled":
                return 200, ok_reply(await self.compiled.keep(self.store, artifact_id, params))
            result = await self.bridge.call(artifact_id, method, params, view=view)
        except BridgeError as exc:
            return 200, error_reply(exc.code, exc.message)
        except NotFound as exc:
            return 404, error_reply("not_found", str(exc))
        except Exception as exc:  # a bug must still answer the call (and be logged)
            return 500, internal_error(method, exc)
        return 200, ok_reply(result)
