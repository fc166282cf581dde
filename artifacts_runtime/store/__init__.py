"""The artifact library store (SQLite through aiosqlite); docs/store.md has the module map."""

from .interface import LibraryStore
from .store import Store, inspect_file, prepare_file

__all__ = ["LibraryStore", "Store", "inspect_file", "prepare_file"]
