"""The compiled React code, kept per artifact and version.

Babel is 3 MB of JavaScript, and a sandboxed frame (opaque origin) gets no HTTP cache:
compiling costs a few hundred ms on every load. So the frame hands back what it compiled (with
the version's compile ticket), and later loads of the same version get that code and no Babel.
The code only ever runs in that artifact's own frames, so a frame can cache nothing it could not
run itself; an entry is dropped when its source changes, and the oldest go past a memory cap.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import TypedDict

from ..store import Store
from .log import logger
from .tickets import compile_ticket, ticket_matches

MAX_COMPILED_CHARS = 2 * 1024 * 1024  # one React artifact's transpiled code
MAX_COMPILED_TOTAL = 32 * 1024 * 1024  # all of it, in memory
REACT = "application/vnd.ant.react"


class KeepResult(TypedDict):
    cached: bool


def _digest(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()


class CompiledCache:
    def __init__(self, secret: str) -> None:
        self.secret = secret
        #: (artifact id, version) -> (sha256 of its source, the code its frame compiled it to)
        self._entries: OrderedDict[tuple[str, int], tuple[str, str]] = OrderedDict()

    def ticket(self, artifact_id: str, number: int) -> str:
        return compile_ticket(self.secret, artifact_id, number)

    def code(self, artifact_id: str, number: int, source: str) -> str | None:
        """The kept code for this version, when it was compiled from this very source."""
        entry = self._entries.get((artifact_id, number))
        if entry is None or entry[0] != _digest(source):
            return None
        self._entries.move_to_end((artifact_id, number))
        return entry[1]

    def accepts(self, artifact_id: str, params: object) -> tuple[int, str] | None:
        """(version, code) when ``params`` is a well-formed offer with the right ticket."""
        if not isinstance(params, dict):
            return None
        code, number, ticket = params.get("code"), params.get("version"), params.get("ticket", "")
        if not isinstance(code, str) or not isinstance(number, int) or len(code) > MAX_COMPILED_CHARS:
            return None
        if not ticket_matches(str(ticket), self.ticket(artifact_id, number)):
            logger.info("refused compiled code for %s version %s: compile ticket mismatch", artifact_id, number)
            return None
        return number, code

    async def keep(self, store: Store, artifact_id: str, params: object) -> KeepResult:
        """The ``runtime.compiled`` call of a frame: keep its code if the offer holds."""
        offer = self.accepts(artifact_id, params)
        if offer is None:
            return {"cached": False}
        number, code = offer
        version = await store.version(artifact_id, number)
        if version.type != REACT:
            return {"cached": False}
        self._entries[(artifact_id, version.number)] = (_digest(version.content or ""), code)
        self._entries.move_to_end((artifact_id, version.number))
        while sum(len(kept) for _, kept in self._entries.values()) > MAX_COMPILED_TOTAL:
            self._entries.popitem(last=False)
        return {"cached": True}
