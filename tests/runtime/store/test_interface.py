"""The SQLite ``Store`` satisfies the backend interface (store/interface.py).

mypy checks it statically (``store._satisfies_the_interface``); this checks it at run time:
the same method names, parameter names, kinds and defaults, all coroutines, each aggregate
implemented in the module the map names, and nothing public on the store outside the
interface except what is SQLite's own.
"""

from __future__ import annotations

import inspect

import pytest

from artifacts_runtime.store import LibraryStore, Store
from artifacts_runtime.store.interface import AGGREGATES

#: Public on the SQLite store but not part of the interface: how it is opened and its
#: transactions over an aiosqlite connection (a second backend has its own).
SQLITE_ONLY = {"open", "transaction"}


def _methods(protocol: type) -> set[str]:
    return {name for name, value in vars(protocol).items() if callable(value) and not name.startswith("_")}


def _interface_methods() -> set[str]:
    return set().union(*(_methods(p) for p in AGGREGATES.values())) | _methods(LibraryStore)


def _shape(function: object) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]  # type: ignore[arg-type]


async def test_an_open_store_is_a_library_store_and_each_aggregate(store: Store):
    assert isinstance(store, LibraryStore)
    for protocol in AGGREGATES.values():
        assert isinstance(store, protocol), protocol.__name__


@pytest.mark.parametrize("name", sorted(_interface_methods()))
def test_each_method_matches_the_interface(name: str):
    declared = next(getattr(p, name) for p in [*AGGREGATES.values(), LibraryStore] if name in vars(p))
    implemented = getattr(Store, name)
    assert inspect.iscoroutinefunction(implemented) and inspect.iscoroutinefunction(declared)
    assert _shape(implemented) == _shape(declared)


def test_each_aggregate_lives_in_its_own_module():
    for module, protocol in AGGREGATES.items():
        for name in _methods(protocol):
            assert getattr(Store, name).__module__ == f"artifacts_runtime.store.{module}", (module, name)


def test_the_store_has_nothing_public_beyond_the_interface():
    public = {n for n in dir(Store) if not n.startswith("_") and callable(getattr(Store, n))}
    assert public - SQLITE_ONLY == _interface_methods()
