"""Migration 0004 on a library that has grants and cached answers (schema 0003, real SQLite).

Grants of before cover their whole origin, as they did, and stay the owner's own (visitors of
shared links no longer use them until the owner opens them). Cached answers stay the owner's,
keyed as the plain GET they answered; no URL is kept in clear in a key.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from artifacts_runtime.connectors import cache_key, is_url_granted
from artifacts_runtime.store import Store, schema

BEFORE = schema.MIGRATIONS.index(next(m for m in schema.MIGRATIONS if m.name.startswith("0004_")))


def _library_at_0003(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        schema.apply_migrations(conn, target=BEFORE)
        conn.execute(
            "INSERT INTO artifacts (id, title, type, created_at, updated_at) VALUES ('dashbord', 'D', 'text/html', 1, 1)"
        )
        conn.execute(
            "INSERT INTO grants (artifact_id, origin, decision, created_at) VALUES"
            " ('dashbord', 'https://api.example.com', 'allow', 5.0),"
            " ('dashbord', 'https://tracker.example', 'deny', 6.0)"
        )
        conn.execute(
            "INSERT INTO fetch_cache (artifact_id, url, status, headers, fetched_at, size, body) VALUES"
            """ ('dashbord', 'https://api.example.com/prices?key=s3cret', 200, '{"content-type": "application/json"}',"""
            " 7.0, 11, X'7B2270223A20317D0A0A0A')"
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


async def test_grants_and_cached_answers_survive_the_upgrade(tmp_path: Path):
    assert BEFORE == 3  # 0004 follows 0003_fetch_cache
    path = tmp_path / "library.db"
    _library_at_0003(path)
    store = await Store.open(path)
    try:
        grants = await store.grants("dashbord")
        assert [(g.origin, g.path, g.decision, g.visitors, g.created_at) for g in grants] == [
            ("https://api.example.com", "/", "allow", False, 5.0),
            ("https://tracker.example", "/", "deny", False, 6.0),
        ]
        assert await is_url_granted(store, "dashbord", "https://api.example.com/any/path")
        assert not await is_url_granted(store, "dashbord", "https://api.example.com/any/path", visitor=True)
        assert not await is_url_granted(store, "dashbord", "https://tracker.example/t.gif")

        url = "https://api.example.com/prices?key=s3cret"
        kept = await store.cache_get("dashbord", "", cache_key("GET", url))
        assert kept is not None and kept.body == b'{"p": 1}\n\n\n' and kept.fetched_at == 7.0
        assert kept.headers == {"content-type": "application/json"}
        assert await store.cache_get("dashbord", "visitor:someone", cache_key("GET", url)) is None
        # the new tables take new rows as usual
        await store.grant("dashbord", "https://api.example.com", path="/v2", visitors=True)
        assert await is_url_granted(store, "dashbord", "https://api.example.com/v2/x", visitor=True)
    finally:
        await store.close()
    conn = sqlite3.connect(path)
    try:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(fetch_cache)")]
        assert "url" not in columns and "request_key" in columns and "principal" in columns
        assert b"s3cret" not in b"".join(str(r).encode() for r in conn.execute("SELECT * FROM fetch_cache"))
    finally:
        conn.close()
