"""What a frame document is built from: one version of one artifact."""

from __future__ import annotations

from dataclasses import dataclass

#: The ``window.storage`` keys (personal scope) under which ``frame-compat.js`` keeps an artifact's
#: ``localStorage``: ``__localStorage:`` + the item's name, percent-encoded (storage keys may not
#: hold whitespace, slashes or quotes).
LOCAL_STORAGE_PREFIX = "__localStorage:"


@dataclass(frozen=True)
class FrameSpec:
    artifact_id: str
    version: int
    type: str
    title: str
    source: str
    language: str | None = None
    #: React only: the code a frame already compiled this source to (then no Babel is loaded)
    compiled: str | None = None
    #: React only: lets the frame hand back what it compiled, for this version and no other
    compile_ticket: str | None = None
    #: The caller's ``localStorage`` items when the page opens (stored key without the prefix ->
    #: value), so that the artifact's first synchronous ``getItem`` already sees them.
    local_storage: dict[str, str] | None = None
