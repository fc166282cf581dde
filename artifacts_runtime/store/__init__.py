"""The artifact library store (SQLite through aiosqlite)."""

from .store import Store, inspect_file, prepare_file

__all__ = ["Store", "inspect_file", "prepare_file"]
