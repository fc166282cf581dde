"""The library at scale: search, the first page of ``ls``, and state writes and reads.

Each figure is measured through ``Store`` (aiosqlite, our queries) and, as its baseline, with
the stdlib ``sqlite3`` module running the same statements on the same file with the same
durability settings (WAL, synchronous=NORMAL, foreign keys on) in the same run.

The generated library (about 5 KB per artifact, a fifth with several versions, words drawn
from a Zipf distribution like real text) is cached under ``bench/.data/`` between runs.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
import sys
import time
from pathlib import Path

from artifacts_runtime import kinds
from artifacts_runtime.store import Store, prepare_file
from artifacts_runtime.store.limits import MAX_KEYS_PER_SCOPE as MAX_KEYS
from artifacts_runtime.store.limits import row_cost
from artifacts_runtime.store.search import (
    BROAD_MATCHES,
    SEARCH_COUNT_CAPPED,
    SEARCH_NEWEST,
    SEARCH_RANKED,
    SEARCH_SNIPPETS,
    fts_query,
)
from artifacts_runtime.store.state import SET_STATE

from .report import Row, percentile, print_table

DATA = Path(__file__).parent / ".data"
GENERATION = 3  # bump when the generated content changes
TYPES = list(kinds.TYPES)
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in "aeiou"] + ["th", "st", "qu", "ch"]


def vocabulary(rng: random.Random, size: int = 20000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words, key=lambda w: rng.random())


def build_library(path: Path, count: int, *, seed: int = 7) -> None:
    """Write ``count`` artifacts straight into a fresh library file (fast bulk path)."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    weights = [1.0 / (rank + 1) for rank in range(len(vocab))]
    tmp = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    prepare_file(tmp)
    conn = sqlite3.connect(tmp, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA foreign_keys = OFF")  # versions go in before their artifact (one FTS pass)
    now = time.time()
    batch = 2000
    started = time.perf_counter()
    for start in range(0, count, batch):
        conn.execute("BEGIN")
        versions, artifacts = [], []
        for i in range(start, min(start + batch, count)):
            artifact_id = f"b{i:07d}"
            title = " ".join(rng.choices(vocab[:3000], k=rng.randint(2, 4))).capitalize()
            type_ = TYPES[i % len(TYPES)]
            language = "python" if type_ == kinds.CODE else None
            n_versions = rng.choice((1, 1, 1, 1, 2, 3, 4))
            created = now - rng.uniform(0, 365 * 86400)
            words = rng.choices(vocab, weights=weights, k=820)
            for number in range(1, n_versions + 1):
                if number > 1:
                    words[rng.randrange(len(words))] = rng.choice(vocab)
                content = " ".join(words)
                versions.append(
                    (
                        artifact_id,
                        number,
                        title,
                        type_,
                        language,
                        "model",
                        None,
                        None,
                        0,
                        created + number,
                        len(content),
                        content,
                    )
                )
            artifacts.append(
                (artifact_id, title, type_, language, created, created + n_versions, n_versions, int(i % 97 == 0))
            )
        conn.executemany(
            "INSERT INTO versions (artifact_id, number, title, type, language, source, label,"
            " message_id, incomplete, created_at, size, content) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            versions,
        )
        conn.executemany(
            "INSERT INTO artifacts (id, title, type, language, created_at, updated_at,"
            " current_version, pinned) VALUES (?,?,?,?,?,?,?,?)",
            artifacts,
        )
        conn.execute("COMMIT")
        done = min(start + batch, count)
        print(
            f"\r  building {path.name}: {done:,}/{count:,} artifacts ({time.perf_counter() - started:.0f} s)",
            end="",
            file=sys.stderr,
            flush=True,
        )
    conn.execute("INSERT INTO artifact_fts(artifact_fts) VALUES ('optimize')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    print(file=sys.stderr)
    tmp.rename(path)


def library_file(count: int) -> Path:
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"library-{count}-g{GENERATION}.db"
    if not path.exists():
        build_library(path, count)
    return path


def search_queries(path: Path, rng: random.Random, n: int = 200) -> list[str]:
    """What people type: words of every frequency, pairs, and prefixes mid-typing."""
    conn = sqlite3.connect(path)
    titles = [r[0] for r in conn.execute("SELECT title FROM artifacts ORDER BY random() LIMIT 400")]
    conn.close()
    vocab = vocabulary(random.Random(7))
    queries: list[str] = []
    while len(queries) < n:
        kind = rng.randrange(5)
        if kind == 0:
            queries.append(rng.choice(titles).split()[0].lower())  # a title word
        elif kind == 1:
            queries.append(" ".join(rng.choice(titles).split()[:2]).lower())  # two title words
        elif kind == 2:
            queries.append(rng.choice(vocab[200:5000]))  # a content word
        elif kind == 3:
            queries.append(rng.choice(vocab[3000:])[:4])  # typing a prefix
        else:
            queries.append(f"{rng.choice(vocab[:2000])} {rng.choice(vocab[2000:8000])}")
    return queries


def raw_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def raw_search(conn: sqlite3.Connection, text: str, limit: int = 20) -> list:
    """The same statements ``Store.search`` runs, with the stdlib driver."""
    query = fts_query(text)
    if query is None:
        return []
    filters = " AND a.trashed_at IS NULL"
    ranking = SEARCH_RANKED.format(filters=filters)
    if conn.execute(SEARCH_COUNT_CAPPED, (query, BROAD_MATCHES + 1)).fetchone()[0] <= BROAD_MATCHES:
        ranked = conn.execute(ranking, (query, limit)).fetchall()
    else:
        ranked = conn.execute(ranking, (f"title : ( {query} )", limit)).fetchall()
        if len(ranked) < limit:
            seen = {r[0] for r in ranked}
            newest = conn.execute(SEARCH_NEWEST.format(filters=filters), (query, limit + len(ranked))).fetchall()
            ranked += [r for r in newest if r[0] not in seen][: limit - len(ranked)]
    if not ranked:
        return []
    ids = [r[0] for r in ranked]
    marks = ",".join("?" * len(ids))
    conn.execute(SEARCH_SNIPPETS.format(placeholders=marks), ["[", "]", query, *ids]).fetchall()
    return conn.execute(
        "SELECT a.rowid, a.id, a.title, a.type, a.language, a.created_at, a.updated_at,"
        " a.current_version, a.pinned, a.trashed_at, a.remixed_from, a.conversation_id,"
        " coalesce(v.size, 0) FROM artifacts a LEFT JOIN versions v ON"
        " v.artifact_id = a.id AND v.number = a.current_version"
        f" WHERE a.rowid IN ({marks})",
        ids,
    ).fetchall()


async def measure(count: int, state_ops: int) -> list[Row]:
    path = library_file(count)
    rng = random.Random(11)
    queries = search_queries(path, rng)
    rows: list[Row] = []

    store = await Store.open(path)
    raw = raw_connection(path)
    try:
        # Warm both paths' page caches the same way.
        for q in queries[:20]:
            await store.search(q)
            raw_search(raw, q)

        ours, base = [], []
        for i, q in enumerate(queries):
            # Alternate who goes first: the second run of a query finds the pages warm.
            for side in (0, 1) if i % 2 else (1, 0):
                t = time.perf_counter()
                if side == 0:
                    await store.search(q)
                    ours.append((time.perf_counter() - t) * 1000)
                else:
                    raw_search(raw, q)
                    base.append((time.perf_counter() - t) * 1000)
        p95 = percentile(ours, 95)
        rows.append(
            Row(f"search p50 ({count:,} artifacts)", percentile(ours, 50), "ms", percentile(base, 50), "raw sqlite3")
        )
        rows.append(
            Row(
                f"search p95 ({count:,} artifacts)",
                p95,
                "ms",
                percentile(base, 95),
                "raw sqlite3",
                "<= 20 ms",
                p95 <= 20,
            )
        )

        ours, base = [], []
        ls_sql = (
            "SELECT a.id, a.title, a.type, a.updated_at, coalesce(v.size, 0) FROM artifacts a"
            " LEFT JOIN versions v ON v.artifact_id = a.id AND v.number = a.current_version"
            " WHERE a.trashed_at IS NULL ORDER BY a.pinned DESC, a.updated_at DESC LIMIT 50"
        )
        for _ in range(50):
            t = time.perf_counter()
            await store.list(limit=50)
            ours.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            raw.execute(ls_sql).fetchall()
            base.append((time.perf_counter() - t) * 1000)
        rows.append(Row("ls first page (50 rows) p50", percentile(ours, 50), "ms", percentile(base, 50), "raw sqlite3"))

        # State: one artifact, distinct keys, 200-byte values.
        artifact_id = "b0000001"
        value = "x" * 200
        quota = store.default_quota
        raw.execute("DELETE FROM state WHERE artifact_id = ?", (artifact_id,))
        t = time.perf_counter()
        for i in range(state_ops):
            await store.state_set(artifact_id, f"k{i}", value)
        ours_set = state_ops / (time.perf_counter() - t)
        raw.execute("DELETE FROM state WHERE artifact_id = ?", (artifact_id,))
        t = time.perf_counter()
        for i in range(state_ops):
            now = time.time()
            key = f"k{i}"
            params = (artifact_id, "personal", "", key, "owner", 200, now, value, row_cost(key, 200), quota, MAX_KEYS)
            raw.execute(SET_STATE["owner"], params)
        base_set = state_ops / (time.perf_counter() - t)
        ratio = ours_set / base_set
        rows.append(Row("state set rate", ours_set, "ops/s", base_set, "raw sqlite3", ">= 50% of raw", ratio >= 0.5))

        t = time.perf_counter()
        for i in range(state_ops):
            await store.state_get(artifact_id, f"k{i}")
        ours_get = state_ops / (time.perf_counter() - t)
        t = time.perf_counter()
        for i in range(state_ops):
            raw.execute(
                "SELECT value, size, updated_at FROM state WHERE artifact_id = ? AND scope = ?"
                " AND owner = ? AND key = ?",
                (artifact_id, "personal", "", f"k{i}"),
            ).fetchone()
        base_get = state_ops / (time.perf_counter() - t)
        rows.append(Row("state get rate", ours_get, "ops/s", base_get, "raw sqlite3"))
        raw.execute("DELETE FROM state WHERE artifact_id = ?", (artifact_id,))
    finally:
        raw.close()
        await store.close()
    return rows


def run(quick: bool = False) -> list[Row]:
    count = 10_000 if quick else 100_000
    rows = asyncio.run(measure(count, state_ops=500 if quick else 3000))
    print_table(f"Library store ({count:,} artifacts)", rows)
    return rows
