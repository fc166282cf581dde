"""What a library backend must offer, one Protocol per aggregate, and ``LibraryStore`` for all.

The SQLite ``Store`` satisfies ``LibraryStore`` structurally (mypy checks an assignment in
store.py; tests/runtime/store/test_interface.py compares names and signatures at run time).
A second backend (PostgreSQL for a team server) implements the same methods with the same
records, errors and events; nothing here names a dialect. The contract beyond the types:

- ids: artifact refs may be any unique prefix (``resolve``); unknown ones raise ``NotFound``
  (with a ``hint`` for the CLI), several matches raise ``AmbiguousId``;
- every content change is a new immutable version; ``revert`` appends, never rewrites;
- a state write is atomic with its quota check (``QuotaExceeded`` when it would not fit); the
  ``owner`` of a state call is the caller (``''`` the library's user, else a share visitor):
  personal keys are theirs, shared keys everyone's, and a visitor's writes count against the
  visitors' pool, never the owner's (state.py);
- each change emits its event (a dict with ``type``) to every callable in ``listeners``.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypedDict, runtime_checkable

from ..records import (
    Artifact,
    AttachedFile,
    CachedResponse,
    Conversation,
    Grant,
    Message,
    SearchHit,
    Share,
    StateEntry,
    Usage,
    Version,
)
from .fetch_rules import PER_ARTIFACT_BYTES, TOTAL_BYTES

# ---------------------------------------------------------------------------- bundle input


class BundleVersion(TypedDict):
    """One version of a bundle, as ``artifacts_runtime.bundles.parse_bundle`` validated it."""

    number: int
    content: str
    title: str
    type: str
    language: str | None
    source: str
    label: str | None
    incomplete: bool
    created_at: float


class BundleState(TypedDict):
    scope: str
    key: str
    value: str
    updated_at: float


class BundleFile(TypedDict):
    name: str
    mime: str
    data: bytes
    created_at: float


# ---------------------------------------------------------------------------- the aggregates


@runtime_checkable
class ArtifactStore(Protocol):
    async def resolve(self, ref: str) -> str: ...

    async def get(self, ref: str) -> Artifact: ...

    async def create(
        self,
        content: str,
        *,
        title: str | None = None,
        type: str | None = None,
        language: str | None = None,
        filename: str | None = None,
        source: str = "import",
        label: str | None = None,
        message_id: str | None = None,
        conversation_id: str | None = None,
        remixed_from: str | None = None,
        incomplete: bool = False,
    ) -> Artifact: ...

    async def add_version(
        self,
        ref: str,
        content: str,
        *,
        source: str,
        title: str | None = None,
        type: str | None = None,
        language: str | None = None,
        label: str | None = None,
        message_id: str | None = None,
        incomplete: bool = False,
    ) -> Version: ...

    async def version(self, ref: str, number: int | None = None) -> Version: ...

    async def versions(self, ref: str) -> builtins.list[Version]: ...

    async def revert(self, ref: str, number: int) -> Version: ...

    async def list(
        self,
        *,
        type: str | None = None,
        sort: str = "updated",
        limit: int | None = 50,
        offset: int = 0,
        trashed: bool = False,
    ) -> builtins.list[Artifact]: ...

    async def count(self, *, trashed: bool = False) -> int: ...

    async def rename(self, ref: str, title: str) -> Artifact: ...

    async def set_pinned(self, ref: str, pinned: bool) -> Artifact: ...

    async def trash(self, ref: str) -> Artifact: ...

    async def untrash(self, ref: str) -> Artifact: ...

    async def purge(self, ref: str) -> None: ...


@runtime_checkable
class SearchStore(Protocol):
    async def search(
        self, text: str, *, limit: int = 20, type: str | None = None, marks: tuple[str, str] = ("[", "]")
    ) -> list[SearchHit]: ...


@runtime_checkable
class StateStore(Protocol):
    async def state_get(
        self, artifact_id: str, key: str, *, shared: bool = False, owner: str = ""
    ) -> StateEntry | None: ...

    async def state_set(
        self, artifact_id: str, key: str, value: str, *, shared: bool = False, owner: str = ""
    ) -> StateEntry: ...

    async def state_delete(self, artifact_id: str, key: str, *, shared: bool = False, owner: str = "") -> bool: ...

    async def state_keys(
        self, artifact_id: str, prefix: str = "", *, shared: bool = False, owner: str = ""
    ) -> list[str]: ...

    async def state_entries(self, artifact_id: str, *, shared: bool = False, owner: str = "") -> list[StateEntry]: ...

    async def state_usage(self, artifact_id: str, *, owner: str = "") -> int: ...

    async def state_quota(self, artifact_id: str) -> int: ...

    async def all_state(self, artifact_id: str) -> list[StateEntry]: ...


@runtime_checkable
class ConversationStore(Protocol):
    async def create_conversation(
        self, *, title: str = "", model: str | None = None, artifact_id: str | None = None
    ) -> Conversation: ...

    async def delete_conversation(self, conversation_id: str) -> None: ...

    async def resolve_conversation(self, ref: str) -> str: ...

    async def conversation(self, ref: str) -> Conversation: ...

    async def conversations(self, *, limit: int | None = 100) -> list[Conversation]: ...

    async def set_conversation_title(self, conversation_id: str, title: str) -> None: ...

    async def add_message(
        self,
        conversation_id: str,
        role: str,
        content: list[dict[str, Any]],
        *,
        model: str | None = None,
        stop_reason: str | None = None,
        incomplete: bool = False,
        input_tokens: int = 0,
        output_tokens: int = 0,
    ) -> Message: ...

    async def update_message(
        self,
        message_id: str,
        *,
        content: list[dict[str, Any]],
        stop_reason: str | None = None,
        incomplete: bool = False,
        input_tokens: int = 0,
        output_tokens: int = 0,
    ) -> None: ...

    async def messages(self, conversation_id: str) -> list[Message]: ...


@runtime_checkable
class FileStore(Protocol):
    async def attach_file(
        self,
        name: str,
        data: bytes,
        *,
        mime: str | None = None,
        artifact_id: str | None = None,
        conversation_id: str | None = None,
    ) -> AttachedFile: ...

    async def files(
        self, *, artifact_id: str | None = None, conversation_id: str | None = None
    ) -> list[AttachedFile]: ...

    async def read_file(
        self, name: str, *, artifact_id: str | None = None, conversation_id: str | None = None
    ) -> AttachedFile: ...


@runtime_checkable
class UsageStore(Protocol):
    async def record_usage(
        self,
        *,
        kind: str,
        model: str | None,
        input_tokens: int = 0,
        output_tokens: int = 0,
        cache_read_tokens: int = 0,
        cache_write_tokens: int = 0,
        artifact_id: str | None = None,
        conversation_id: str | None = None,
    ) -> None: ...

    async def usage(self, *, artifact_id: str | None = None, conversation_id: str | None = None) -> Usage: ...


@runtime_checkable
class GrantStore(Protocol):
    async def grant(
        self, artifact_id: str, origin: str, decision: str = "allow", *, path: str = "/", visitors: bool = False
    ) -> None: ...

    async def revoke(self, artifact_id: str, origin: str, *, path: str = "/") -> bool: ...

    async def grant_for(self, artifact_id: str, origin: str, *, path: str = "/") -> str | None: ...

    async def grants(self, artifact_id: str, *, origin: str | None = None) -> list[Grant]: ...


@runtime_checkable
class FetchCacheStore(Protocol):
    async def cache_put(
        self,
        artifact_id: str,
        principal: str,
        key: str,
        status: int,
        headers: dict[str, str],
        body: bytes,
        *,
        per_artifact_bytes: int = PER_ARTIFACT_BYTES,
        total_bytes: int = TOTAL_BYTES,
    ) -> float: ...

    async def cache_get(self, artifact_id: str, principal: str, key: str) -> CachedResponse | None: ...


@runtime_checkable
class ShareStore(Protocol):
    async def publish(
        self, artifact_id: str, version: int | None = None, *, shared_state: str = "read-only"
    ) -> str: ...

    async def unpublish(self, artifact_id: str) -> int: ...

    async def share(self, token: str) -> Share | None: ...

    async def shares(self, *, include_revoked: bool = False) -> list[Share]: ...

    async def visitor_secret(self) -> str: ...


@runtime_checkable
class BundleStore(Protocol):
    async def import_bundle(
        self,
        *,
        title: str,
        versions: Sequence[BundleVersion],
        state: Sequence[BundleState] = (),
        files: Sequence[BundleFile] = (),
        created_at: float | None = None,
        updated_at: float | None = None,
        pinned: bool = False,
        remixed_from: str | None = None,
    ) -> Artifact: ...


# ---------------------------------------------------------------------------- all of it


@runtime_checkable
@runtime_checkable
class ChangeFeed(Protocol):
    """What other processes changed (changes.py; a server backend would use its own feed)."""

    async def foreign_commit(self) -> bool: ...

    async def announce_foreign_changes(self) -> int: ...


class LibraryStore(
    ArtifactStore,
    SearchStore,
    StateStore,
    ConversationStore,
    FileStore,
    UsageStore,
    GrantStore,
    FetchCacheStore,
    ShareStore,
    BundleStore,
    ChangeFeed,
    Protocol,
):
    """One library: every aggregate, plus the few attributes the app reads and the lifecycle."""

    path: Path
    default_quota: int
    listeners: builtins.list[Callable[[dict[str, Any]], None]]

    async def close(self) -> None: ...


#: Every aggregate Protocol, by module name of its SQLite implementation (docs/store.md).
AGGREGATES: dict[str, type] = {
    "artifacts": ArtifactStore,
    "search": SearchStore,
    "state": StateStore,
    "conversations": ConversationStore,
    "files": FileStore,
    "usage": UsageStore,
    "grants": GrantStore,
    "fetch_cache": FetchCacheStore,
    "shares": ShareStore,
    "bundles": BundleStore,
    "changes": ChangeFeed,
}
