"""Plain records returned by the store. No behaviour beyond presentation helpers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .kinds import SHORT_NAMES

VERSION_SOURCES = ("model", "user", "import", "revert", "remix")
SCOPES = ("personal", "shared")


@dataclass(frozen=True)
class Artifact:
    id: str
    title: str
    type: str
    language: str | None
    created_at: float
    updated_at: float
    current_version: int
    pinned: bool
    trashed_at: float | None
    remixed_from: str | None
    conversation_id: str | None
    size: int = 0

    @property
    def short_type(self) -> str:
        return SHORT_NAMES.get(self.type, self.type)

    @property
    def trashed(self) -> bool:
        return self.trashed_at is not None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["trashed"] = self.trashed
        return data


@dataclass(frozen=True)
class Version:
    artifact_id: str
    number: int
    title: str
    type: str
    language: str | None
    source: str
    label: str | None
    message_id: str | None
    incomplete: bool
    created_at: float
    size: int
    content: str | None = None  # None when listed without content

    def to_json(self, *, with_content: bool = True) -> dict[str, Any]:
        data = asdict(self)
        if not with_content:
            data.pop("content")
        return data


@dataclass(frozen=True)
class SearchHit:
    artifact: Artifact
    snippet: str
    rank: float

    def to_json(self) -> dict[str, Any]:
        return {**self.artifact.to_json(), "snippet": self.snippet, "rank": self.rank}


@dataclass(frozen=True)
class StateEntry:
    artifact_id: str
    scope: str
    key: str
    value: str
    size: int
    updated_at: float

    @property
    def shared(self) -> bool:
        return self.scope == "shared"

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "value": self.value,
            "shared": self.shared,
            "size": self.size,
            "updated_at": self.updated_at,
        }


@dataclass(frozen=True)
class Conversation:
    id: str
    title: str
    model: str | None
    created_at: float
    updated_at: float
    artifact_id: str | None = None
    message_count: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


#: Marks a text block of a user message that the app added for the model (what changed in an
#: artifact, its current source: see ``chat.context``); its value is ``{"artifact_id", "version"}``.
CONTEXT_KEY = "artifact_context"


@dataclass(frozen=True)
class Message:
    id: str
    conversation_id: str
    seq: int
    role: str
    content: list[dict[str, Any]]
    model: str | None
    stop_reason: str | None
    incomplete: bool
    input_tokens: int
    output_tokens: int
    created_at: float

    def text(self) -> str:
        """What was said: the text blocks, without the context the app added for the model."""
        return "".join(b.get("text", "") for b in self.content if b.get("type") == "text" and CONTEXT_KEY not in b)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class AttachedFile:
    id: str
    name: str
    mime: str
    size: int
    created_at: float
    artifact_id: str | None = None
    conversation_id: str | None = None
    data: bytes | None = field(default=None, repr=False)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("data")
        return data


@dataclass(frozen=True)
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    calls: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Grant:
    """A person's answer about one origin for one artifact: ``allow`` or ``deny``.

    ``path`` narrows it to a prefix, by whole segments (``/v1`` covers ``/v1`` and ``/v1/…``,
    not ``/v10``); ``/`` is the whole origin. ``visitors``: visitors of the artifact's shared
    links may use it too (otherwise it is the library's user's alone)."""

    artifact_id: str
    origin: str
    decision: str
    created_at: float
    path: str = "/"
    visitors: bool = False

    @property
    def scope(self) -> str:
        """What it covers, as a URL prefix: ``https://api.example.com`` or ``…/v1``."""
        return self.origin if self.path == "/" else self.origin + self.path

    def describe(self) -> str:
        """One line for people (the CLI, the app's grant list): what may be fetched, by whom."""
        what = f"anything from {self.origin}" if self.path == "/" else f"from {self.scope} and below"
        if self.decision != "allow":
            return f"may not fetch {what}"
        who = "you and visitors of shared links" if self.visitors else "you only"
        return f"may fetch {what} ({who})"

    def to_json(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "path": self.path,
            "scope": self.scope,
            "decision": self.decision,
            "visitors": self.visitors,
            "covers": self.describe(),
            "created_at": self.created_at,
        }


@dataclass(frozen=True)
class CachedResponse:
    """A live-data answer kept for one artifact, principal and request (``fetch_cache.py``)."""

    status: int
    headers: dict[str, str]
    fetched_at: float
    body: bytes = field(repr=False)


@dataclass(frozen=True)
class Share:
    """A published link: ``version`` None follows the artifact's current version;
    ``shared_state`` is ``read-only`` or ``read-write`` (may visitors change the shared keys)."""

    token: str
    artifact_id: str
    version: int | None
    created_at: float
    title: str = ""
    revoked_at: float | None = None
    shared_state: str = "read-only"

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def visitors_write_shared(self) -> bool:
        return self.shared_state == "read-write"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
