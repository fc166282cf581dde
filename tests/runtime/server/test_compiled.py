"""The compiled-code cache without a browser: what a frame may hand back, and when it is used."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from artifacts_runtime.server import compiled as compiled_module
from artifacts_runtime.server.compiled import REACT, CompiledCache

SECRET = "s" * 43


@dataclass
class FakeVersion:
    number: int
    type: str
    content: str


class FakeStore:
    def __init__(self, *versions: FakeVersion) -> None:
        self.versions = {v.number: v for v in versions}

    async def version(self, artifact_id: str, number: int) -> FakeVersion:
        return self.versions[number]


def offer(cache: CompiledCache, number: int, code: str = "compiled()", ticket: str | None = None) -> dict:
    return {"version": number, "code": code, "ticket": cache.ticket("a", number) if ticket is None else ticket}


async def test_kept_code_is_served_for_the_same_source_only() -> None:
    cache = CompiledCache(SECRET)
    store = FakeStore(FakeVersion(1, REACT, "source one"))
    assert await cache.keep(store, "a", offer(cache, 1)) == {"cached": True}
    assert cache.code("a", 1, "source one") == "compiled()"
    assert cache.code("a", 1, "source changed") is None
    assert cache.code("b", 1, "source one") is None


@pytest.mark.parametrize(
    "params",
    [
        None,
        [],
        {"version": 1, "code": "x"},  # no ticket
        {"version": "1", "code": "x", "ticket": "?"},
        {"version": 1, "code": 5, "ticket": "?"},
    ],
)
async def test_malformed_offers_are_not_kept(params: object) -> None:
    cache = CompiledCache(SECRET)
    store = FakeStore(FakeVersion(1, REACT, "s"))
    assert await cache.keep(store, "a", params) == {"cached": False}


async def test_a_ticket_for_another_version_or_secret_is_refused() -> None:
    cache = CompiledCache(SECRET)
    store = FakeStore(FakeVersion(1, REACT, "one"), FakeVersion(2, REACT, "two"))
    wrong_version = offer(cache, 2, ticket=cache.ticket("a", 1))
    assert await cache.keep(store, "a", wrong_version) == {"cached": False}
    other = CompiledCache("o" * 43)
    assert await cache.keep(store, "a", offer(other, 1)) == {"cached": False}


async def test_only_react_versions_are_kept() -> None:
    cache = CompiledCache(SECRET)
    store = FakeStore(FakeVersion(1, "text/html", "<p>"))
    assert await cache.keep(store, "a", offer(cache, 1)) == {"cached": False}


async def test_the_oldest_entries_go_past_the_memory_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled_module, "MAX_COMPILED_TOTAL", 25)
    cache = CompiledCache(SECRET)
    store = FakeStore(*(FakeVersion(n, REACT, f"v{n}") for n in (1, 2, 3)))
    for n in (1, 2, 3):
        await cache.keep(store, "a", offer(cache, n, code="x" * 10))
    assert cache.code("a", 1, "v1") is None
    assert cache.code("a", 2, "v2") == cache.code("a", 3, "v3") == "x" * 10
