"""Helpers shared by the command modules: opening the library, printing tables and JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any, TypeAlias

from ..config import load_config
from ..paths import get_paths
from ..store import Store

#: What each command module's ``register(sub)`` receives: the ``artifacts`` sub-command table.
# A string: the class is not subscriptable at run time on Python 3.11.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


@asynccontextmanager
async def open_store() -> AsyncIterator[Store]:
    paths = get_paths().ensure()
    config = load_config(paths)
    store = await Store.open(paths.library, quota_bytes=config.state_quota_bytes)
    try:
        yield store
    finally:
        await store.close()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[str(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], len(c))
    # The last column takes the rest of the line; do not pad it.
    fmt = "  ".join(f"{{:<{w}}}" for w in widths[:-1]) + "  {}"
    print(fmt.format(*headers).rstrip())
    for row in cells:
        print(fmt.format(*row).rstrip())
