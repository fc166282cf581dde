"""The library: one SQLite file reached through aiosqlite, behind one ``Store`` facade.

``Store`` is composed of one mixin per aggregate (artifacts.py, search.py, state.py,
conversations.py, files.py, usage.py, grants.py, fetch_cache.py, shares.py, bundles.py, and
changes.py: what other processes changed), all
over ``Connections`` (connection.py: the file, the writer and reader, transactions, events).
Callers see one object with the methods of ``interface.LibraryStore``; docs/store.md has the map.
"""

from __future__ import annotations

from ..ids import new_id
from .artifacts import ArtifactsMixin
from .bundles import BundlesMixin
from .changes import ChangesMixin
from .connection import (
    BUSY_TIMEOUT_MS,
    DEFAULT_QUOTA,
    LOCK_PATIENCE,
    Listener,
    inspect_file,
    prepare_file,
)
from .conversations import ConversationsMixin
from .fetch_cache import FetchCacheMixin
from .files import MAX_FILE_BYTES, FilesMixin
from .grants import GrantsMixin
from .interface import LibraryStore
from .rows import SORTS
from .search import BROAD_MATCHES, SearchMixin
from .shares import SharesMixin
from .state import StateMixin
from .usage import UsageMixin

__all__ = [
    "BROAD_MATCHES",
    "BUSY_TIMEOUT_MS",
    "DEFAULT_QUOTA",
    "LOCK_PATIENCE",
    "MAX_FILE_BYTES",
    "SORTS",
    "Listener",
    "Store",
    "inspect_file",
    "prepare_file",
]


class Store(
    BundlesMixin,
    SharesMixin,
    ArtifactsMixin,
    SearchMixin,
    StateMixin,
    ConversationsMixin,
    FilesMixin,
    UsageMixin,
    GrantsMixin,
    FetchCacheMixin,
    ChangesMixin,
):
    """Async access to one library file. Open with ``await Store.open(path)``."""

    def _new_id(self, length: int = 8) -> str:
        # Looked up in this module at call time: the one place new ids come from, so a test
        # can fix them by patching ``artifacts_runtime.store.store.new_id`` (tests/tui).
        return new_id(length)


def _satisfies_the_interface(store: Store) -> LibraryStore:
    """Checked by mypy: the SQLite store is a ``LibraryStore`` (see interface.py)."""
    return store
