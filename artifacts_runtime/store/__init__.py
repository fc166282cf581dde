"""The artifact library store (SQLite through aiosqlite); docs/store.md has the module map.

The names below are imported on first use: ``artifacts_runtime.store.peek`` (the first page of
the library, read with the standard library alone while a program starts) must not pay for
aiosqlite and every aggregate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .interface import LibraryStore
    from .store import Store, inspect_file, prepare_file

__all__ = ["LibraryStore", "Store", "inspect_file", "prepare_file"]


def __getattr__(name: str) -> Any:
    if name == "LibraryStore":
        from .interface import LibraryStore

        return LibraryStore
    if name in ("Store", "inspect_file", "prepare_file"):
        from . import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
