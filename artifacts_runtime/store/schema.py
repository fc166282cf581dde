"""The library's schema, as an ordered list of named migrations.

``PRAGMA user_version`` is the number of migrations applied. A file whose version is higher
than ``LATEST`` was written by a newer release and is refused untouched. ``application_id``
marks the file as ours so that a foreign SQLite database is never "migrated".

Rule for maintainers: never edit a migration that has shipped; append a new one, and the test
``tests/runtime/store/test_schema.py`` checks it from an empty file and from the previous schema.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from .fetch_rules import request_key

APPLICATION_ID = 0x4C415254  # "LART"


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        # Statement by statement: executescript() would COMMIT the open transaction.
        for statement in _statements(sql):
            conn.execute(statement)

    return run


def _statements(sql: str) -> list[str]:
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


INITIAL = """
CREATE TABLE conversations (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL DEFAULT '',
    model       TEXT,
    artifact_id TEXT,              -- the artifact this conversation continues, if any
    created_at  REAL NOT NULL,
    updated_at  REAL NOT NULL
);

CREATE TABLE messages (
    id              TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content         TEXT NOT NULL,      -- JSON list of content blocks, as the API has them
    model           TEXT,
    stop_reason     TEXT,
    incomplete      INTEGER NOT NULL DEFAULT 0,
    input_tokens    INTEGER NOT NULL DEFAULT 0,
    output_tokens   INTEGER NOT NULL DEFAULT 0,
    created_at      REAL NOT NULL,
    UNIQUE (conversation_id, seq)
);

-- pk is the rowid made explicit, so that VACUUM keeps it: the search index is keyed on it.
CREATE TABLE artifacts (
    pk              INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    title           TEXT NOT NULL,
    type            TEXT NOT NULL,
    language        TEXT,
    created_at      REAL NOT NULL,
    updated_at      REAL NOT NULL,
    current_version INTEGER NOT NULL DEFAULT 0,
    pinned          INTEGER NOT NULL DEFAULT 0,
    trashed_at      REAL,
    remixed_from    TEXT,
    conversation_id TEXT REFERENCES conversations(id) ON DELETE SET NULL,
    state_quota     INTEGER             -- bytes; NULL means the configured default
);
-- Listings show pinned artifacts first; these indexes serve each sort without sorting.
CREATE INDEX artifacts_by_updated ON artifacts (trashed_at, pinned DESC, updated_at DESC);
CREATE INDEX artifacts_by_created ON artifacts (trashed_at, pinned DESC, created_at DESC);
CREATE INDEX artifacts_by_title ON artifacts (trashed_at, pinned DESC, title COLLATE NOCASE);
CREATE INDEX artifacts_by_conversation ON artifacts (conversation_id);

CREATE TABLE versions (
    artifact_id TEXT NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    title       TEXT NOT NULL,
    type        TEXT NOT NULL,
    language    TEXT,
    source      TEXT NOT NULL CHECK (source IN ('model', 'user', 'import', 'revert', 'remix')),
    label       TEXT,
    message_id  TEXT REFERENCES messages(id) ON DELETE SET NULL,
    incomplete  INTEGER NOT NULL DEFAULT 0,
    created_at  REAL NOT NULL,
    size        INTEGER NOT NULL,
    content     TEXT NOT NULL,
    UNIQUE (artifact_id, number)
);
CREATE INDEX versions_by_message ON versions (message_id);

-- Size before value: summing sizes for the quota never reads the values' overflow pages.
CREATE TABLE state (
    artifact_id TEXT NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    scope       TEXT NOT NULL CHECK (scope IN ('personal', 'shared')),
    owner       TEXT NOT NULL DEFAULT '',   -- '' is the library's user; visitors of a share get their own
    key         TEXT NOT NULL,
    size        INTEGER NOT NULL,
    updated_at  REAL NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (artifact_id, scope, owner, key)
) WITHOUT ROWID;

CREATE TABLE files (
    id              TEXT PRIMARY KEY,
    artifact_id     TEXT REFERENCES artifacts(id) ON DELETE CASCADE,
    conversation_id TEXT REFERENCES conversations(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    mime            TEXT NOT NULL,
    size            INTEGER NOT NULL,
    created_at      REAL NOT NULL,
    data            BLOB NOT NULL,
    CHECK (artifact_id IS NOT NULL OR conversation_id IS NOT NULL)
);
CREATE INDEX files_by_artifact ON files (artifact_id, name);
CREATE INDEX files_by_conversation ON files (conversation_id, name);

CREATE TABLE grants (
    artifact_id TEXT NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    origin      TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('allow', 'deny')),
    created_at  REAL NOT NULL,
    PRIMARY KEY (artifact_id, origin)
);

CREATE TABLE shares (
    token       TEXT PRIMARY KEY,
    artifact_id TEXT NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    version     INTEGER,            -- NULL: always the current version
    created_at  REAL NOT NULL,
    revoked_at  REAL
);
CREATE INDEX shares_by_artifact ON shares (artifact_id);

CREATE TABLE usage (
    id              INTEGER PRIMARY KEY,
    artifact_id     TEXT REFERENCES artifacts(id) ON DELETE SET NULL,
    conversation_id TEXT REFERENCES conversations(id) ON DELETE SET NULL,
    kind            TEXT NOT NULL,       -- 'chat' | 'artifact'
    model           TEXT,
    input_tokens    INTEGER NOT NULL DEFAULT 0,
    output_tokens   INTEGER NOT NULL DEFAULT 0,
    cache_read_tokens  INTEGER NOT NULL DEFAULT 0,
    cache_write_tokens INTEGER NOT NULL DEFAULT 0,
    created_at      REAL NOT NULL
);
CREATE INDEX usage_by_artifact ON usage (artifact_id);
CREATE INDEX usage_by_conversation ON usage (conversation_id);
"""

# Full-text search over each artifact's title and current content. The index is an
# external-content FTS5 table over a view, so the text is stored once (in versions); triggers
# keep it in step with every change of title or current version.
SEARCH = """
CREATE VIEW artifact_search_source AS
    SELECT a.rowid AS rowid, a.title AS title, coalesce(v.content, '') AS content
    FROM artifacts a LEFT JOIN versions v
      ON v.artifact_id = a.id AND v.number = a.current_version;

CREATE VIRTUAL TABLE artifact_fts USING fts5(
    title, content,
    content = 'artifact_search_source',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'             -- search-as-you-type: short prefixes are one index lookup
);

CREATE TRIGGER artifacts_fts_insert AFTER INSERT ON artifacts BEGIN
    INSERT INTO artifact_fts (rowid, title, content)
    VALUES (new.rowid, new.title, coalesce((SELECT content FROM versions
            WHERE artifact_id = new.id AND number = new.current_version), ''));
END;

CREATE TRIGGER artifacts_fts_update AFTER UPDATE OF title, current_version ON artifacts BEGIN
    INSERT INTO artifact_fts (artifact_fts, rowid, title, content)
    VALUES ('delete', old.rowid, old.title, coalesce((SELECT content FROM versions
            WHERE artifact_id = old.id AND number = old.current_version), ''));
    INSERT INTO artifact_fts (rowid, title, content)
    VALUES (new.rowid, new.title, coalesce((SELECT content FROM versions
            WHERE artifact_id = new.id AND number = new.current_version), ''));
END;

CREATE TRIGGER artifacts_fts_delete BEFORE DELETE ON artifacts BEGIN
    INSERT INTO artifact_fts (artifact_fts, rowid, title, content)
    VALUES ('delete', old.rowid, old.title, coalesce((SELECT content FROM versions
            WHERE artifact_id = old.id AND number = old.current_version), ''));
END;

-- A library upgraded from 0001 already has artifacts: index them, or search would miss them
-- and the triggers above would "delete" entries that were never added (a corrupt index).
INSERT INTO artifact_fts (artifact_fts) VALUES ('rebuild');
"""

# Live data: what a granted fetch() brought back, served at once when the artifact opens
# again while a fresh copy is fetched.
FETCH_CACHE = """
CREATE TABLE fetch_cache (
    artifact_id TEXT NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    url         TEXT NOT NULL,
    status      INTEGER NOT NULL,
    headers     TEXT NOT NULL,      -- JSON object
    fetched_at  REAL NOT NULL,
    size        INTEGER NOT NULL,
    body        BLOB NOT NULL,
    PRIMARY KEY (artifact_id, url)
);
"""

# Share visitors, hardened (issue 11): who a state row counts against (the library's user, or
# the visitors of the artifact's links, one pool for all of them), whether a link lets its
# visitors change the shared keys (read-only unless the owner says otherwise; what the README
# always promised), and the library's secrets (the key that signs visitor ids).
# ``state`` is rebuilt rather than altered so that ``pool`` sits before ``value``: summing a pool
# reads ``pool``, ``size`` and ``key``, never the values' overflow pages. Rows that existed keep
# their owner: a visitor's personal key goes to the visitors' pool, every other to the owner's.
VISITORS = """
ALTER TABLE state RENAME TO state_before_0005;

CREATE TABLE state (
    artifact_id TEXT NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    scope       TEXT NOT NULL CHECK (scope IN ('personal', 'shared')),
    owner       TEXT NOT NULL DEFAULT '',   -- '' is the library's user; visitors of a share get their own
    key         TEXT NOT NULL,
    pool        TEXT NOT NULL DEFAULT 'owner' CHECK (pool IN ('owner', 'visitors')),  -- who wrote it last
    size        INTEGER NOT NULL,
    updated_at  REAL NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (artifact_id, scope, owner, key)
) WITHOUT ROWID;

INSERT INTO state (artifact_id, scope, owner, key, pool, size, updated_at, value)
    SELECT artifact_id, scope, owner, key, CASE WHEN owner = '' THEN 'owner' ELSE 'visitors' END,
           size, updated_at, value
    FROM state_before_0005;

DROP TABLE state_before_0005;

ALTER TABLE shares ADD COLUMN shared_state TEXT NOT NULL DEFAULT 'read-only'
    CHECK (shared_state IN ('read-only', 'read-write'));

CREATE TABLE secrets (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    created_at  REAL NOT NULL
);
"""

# Grants scoped to a path prefix ('/' is the whole origin, as every grant before) and opened
# to visitors of shared links or not (existing grants stay the owner's own). The fetch cache
# keyed by whose request it was ('' the library's user, 'visitor:…' one visitor of a link) and
# by a digest of the whole request (fetch_rules.py), with an index for dropping the oldest.
SCOPED_GRANTS_AND_CACHE_KEYS = """
CREATE TABLE grants_scoped (
    artifact_id TEXT NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    origin      TEXT NOT NULL,
    path        TEXT NOT NULL DEFAULT '/',  -- a path prefix, by whole segments; '/' is every path
    decision    TEXT NOT NULL CHECK (decision IN ('allow', 'deny')),
    visitors    INTEGER NOT NULL DEFAULT 0 CHECK (visitors IN (0, 1)),
    created_at  REAL NOT NULL,
    PRIMARY KEY (artifact_id, origin, path)
);
INSERT INTO grants_scoped (artifact_id, origin, path, decision, visitors, created_at)
    SELECT artifact_id, origin, '/', decision, 0, created_at FROM grants;
DROP TABLE grants;
ALTER TABLE grants_scoped RENAME TO grants;

CREATE TABLE fetch_cache_keyed (
    id          INTEGER PRIMARY KEY,
    artifact_id TEXT NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    principal   TEXT NOT NULL DEFAULT '',
    request_key TEXT NOT NULL,          -- fetch_rules.request_key(): no credential in clear
    status      INTEGER NOT NULL,
    headers     TEXT NOT NULL,          -- JSON object
    fetched_at  REAL NOT NULL,
    size        INTEGER NOT NULL,
    body        BLOB NOT NULL,
    UNIQUE (artifact_id, principal, request_key)
);
"""

CACHE_INDEX = """
DROP TABLE fetch_cache;
ALTER TABLE fetch_cache_keyed RENAME TO fetch_cache;
CREATE INDEX fetch_cache_by_age ON fetch_cache (fetched_at, size);
"""


def _scoped_grants_and_cache_keys(conn: sqlite3.Connection) -> None:
    _script(SCOPED_GRANTS_AND_CACHE_KEYS)(conn)
    # Entries kept: the library's user's, keyed as the header-less GET they answer (before,
    # every GET of that URL got them; now only the owner's plain GET does).
    for artifact_id, url, status, headers, fetched_at, size, body in conn.execute(
        "SELECT artifact_id, url, status, headers, fetched_at, size, body FROM fetch_cache"
    ).fetchall():
        conn.execute(
            "INSERT INTO fetch_cache_keyed (artifact_id, principal, request_key, status, headers, fetched_at, size,"
            " body) VALUES (?, '', ?, ?, ?, ?, ?, ?)",
            (artifact_id, request_key("GET", url), status, headers, fetched_at, size, body),
        )
    _script(CACHE_INDEX)(conn)


MIGRATIONS: list[Migration] = [
    Migration("0001_initial", _script(INITIAL)),
    Migration("0002_search", _script(SEARCH)),
    Migration("0003_fetch_cache", _script(FETCH_CACHE)),
    Migration("0004_scoped_grants_and_cache_keys", _scoped_grants_and_cache_keys),
    Migration("0005_visitors", _script(VISITORS)),
]

LATEST = len(MIGRATIONS)


def apply_migrations(conn: sqlite3.Connection, *, target: int = LATEST) -> int:
    """Bring ``conn``'s file to ``target``; the caller holds a write transaction.

    Returns the version found before upgrading.
    """
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    for number in range(found, target):
        MIGRATIONS[number].apply(conn)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    if found == 0 and target > 0:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return found
