"""Builds the app for tests and snapshots without running it (Posting's habit), on a library
seeded with fixed titles, ids, times and state, and a fixed clock: screens are deterministic.

    paths = get_paths().ensure()          # the test's own ARTIFACTS_HOME (tests/conftest.py)
    ids = seed_library_sync(paths)        # or: await seed_library(paths)
    app = build_app()                     # not running; app.run_test(size=(80, 24)) runs it
"""

from __future__ import annotations

import asyncio
import itertools
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

from artifacts_runtime import kinds
from artifacts_runtime.paths import Paths
from artifacts_runtime.store import Store
from tui.app import ArtifactsApp

#: "Now" for every test: 2026-05-20 12:00 UTC.
NOW = 1_779_278_400.0
MIN, HOUR, DAY = 60.0, 3600.0, 86400.0

HABIT_V1 = """<!doctype html>
<html>
<head><title>Habit tracker</title></head>
<body>
  <h1>Habits</h1>
  <ul id="habits"></ul>
  <script>
    const habits = ["Read", "Walk"];
  </script>
</body>
</html>
"""
HABIT_V2 = HABIT_V1.replace('["Read", "Walk"]', '["Read", "Walk", "Stretch"]').replace(
    "<h1>Habits</h1>", "<h1>Daily habits</h1>"
)

SEED: list[dict[str, Any]] = [
    {
        "title": "Habit tracker",
        "type": kinds.HTML,
        "versions": [HABIT_V1, HABIT_V2],
        "age": 2 * HOUR,
        "pinned": True,
        "state": [("habits", '{"Read":[1,1,0],"Walk":[0,1,1]}', False), ("theme", '"dark"', True)],
    },
    {
        "title": "Budget chart",
        "type": kinds.REACT,
        "age": 5 * MIN,
        "versions": [
            "import { BarChart } from 'recharts';\n\nexport default function BudgetChart() {\n"
            "  return <BarChart width={400} height={300} data={[]} />;\n}\n"
        ],
    },
    {
        "title": "Regex tester",
        "type": kinds.HTML,
        "age": 3 * DAY,
        "versions": [
            "<!doctype html><html><head><title>Regex tester</title></head><body>"
            "<input id=re><pre id=out></pre></body></html>\n"
        ],
    },
    {
        "title": "Meeting notes",
        "type": kinds.MARKDOWN,
        "age": 9 * DAY,
        "versions": ["# Meeting notes\n\n- ship the habit tracker\n- budget review on Friday\n"],
    },
    {
        "title": "Release flow",
        "type": kinds.MERMAID,
        "age": 30 * DAY,
        "versions": ["flowchart LR\n  build --> test --> release\n"],
    },
    {
        "title": "Fizzbuzz",
        "type": kinds.CODE,
        "language": "python",
        "age": 200 * DAY,
        "versions": ["for i in range(1, 16):\n    print('Fizz' * (i % 3 == 0) + 'Buzz' * (i % 5 == 0) or i)\n"],
    },
    {
        "title": "Logo",
        "type": kinds.SVG,
        "age": 400 * DAY,
        "versions": [
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n'
        ],
    },
]


@contextmanager
def fixed_ids() -> Iterator[None]:
    """Ids from a counter (``a0000001``…) instead of random ones."""
    counter = itertools.count(1)

    def next_id(length: int = 8) -> str:
        return f"t{next(counter):0{length - 1}d}".replace("0", "a").replace("1", "b")[:length]

    with mock.patch("artifacts_runtime.store.store.new_id", next_id):
        yield


async def seed_library(
    paths: Paths, seed: list[dict[str, Any]] = SEED, *, conversation: bool = False
) -> dict[str, str]:
    """Fill the library; returns {title: id}. Times are set relative to :data:`NOW`."""
    ids: dict[str, str] = {}
    store = await Store.open(paths.library)
    try:
        with fixed_ids():
            for item in seed:
                versions = item["versions"]
                artifact = await store.create(
                    versions[0], title=item["title"], type=item["type"], language=item.get("language"), source="model"
                )
                for content in versions[1:]:
                    await store.add_version(artifact.id, content, source="user", label="edited")
                if item.get("pinned"):
                    await store.set_pinned(artifact.id, True)
                for key, value, shared in item.get("state", []):
                    await store.state_set(artifact.id, key, value, shared=shared)
                ids[item["title"]] = artifact.id
            if conversation:
                c = await store.create_conversation(title="Make a habit tracker", model="claude-test")
                await store.add_message(c.id, "user", [{"type": "text", "text": "Make me a habit tracker"}])
                await store.add_message(
                    c.id,
                    "assistant",
                    [
                        {"type": "text", "text": "Here is a **habit tracker** with two habits:\n\n- Read\n- Walk"},
                        {
                            "type": "tool_use",
                            "id": "toolu_1",
                            "name": "artifacts",
                            "input": {
                                "command": "create",
                                "id": ids.get("Habit tracker", "x"),
                                "title": "Habit tracker",
                                "type": "text/html",
                                "content": "…",
                            },
                        },
                    ],
                )
                # As the engine stores a tool call's outcome: the result, with our keys.
                await store.add_message(
                    c.id,
                    "user",
                    [
                        {
                            "type": "tool_result",
                            "tool_use_id": "toolu_1",
                            "content": 'Created artifact "Habit tracker" (version 1).',
                            "artifact_id": ids.get("Habit tracker", "x"),
                            "version": 1,
                            "command": "create",
                            "title": "Habit tracker",
                            "artifact_type": "text/html",
                            "created": True,
                        }
                    ],
                )
                ids["conversation"] = c.id
    finally:
        await store.close()
    _fix_times(paths, seed, ids)
    return ids


def _fix_times(paths: Paths, seed: list[dict[str, Any]], ids: dict[str, str]) -> None:
    conn = sqlite3.connect(paths.library)
    try:
        for item in seed:
            artifact_id = ids[item["title"]]
            updated = NOW - item["age"]
            n = len(item["versions"])
            conn.execute(
                "UPDATE artifacts SET created_at = ?, updated_at = ? WHERE id = ?",
                (updated - n * HOUR, updated, artifact_id),
            )
            for number in range(1, n + 1):
                conn.execute(
                    "UPDATE versions SET created_at = ? WHERE artifact_id = ? AND number = ?",
                    (updated - (n - number) * HOUR, artifact_id, number),
                )
            conn.execute("UPDATE state SET updated_at = ? WHERE artifact_id = ?", (updated, artifact_id))
        conn.execute("UPDATE conversations SET created_at = ?, updated_at = ?", (NOW - HOUR, NOW - HOUR))
        conn.execute("UPDATE messages SET created_at = ?", (NOW - HOUR,))
        conn.commit()
    finally:
        conn.close()


def seed_library_sync(paths: Paths, **kwargs: Any) -> dict[str, str]:
    return asyncio.run(seed_library(paths, **kwargs))


def build_app(**kwargs: Any) -> ArtifactsApp:
    """The app as tests use it: a fixed clock, no preview windows, no server until asked."""
    kwargs.setdefault("clock", lambda: NOW)
    kwargs.setdefault("preview_manager", None)
    kwargs.setdefault("start_server", False)
    return ArtifactsApp(**kwargs)


def state_json(value: str) -> Any:
    return json.loads(value)
