"""Streamed artifacts: parsing the tool input as it streams, and applying it.

A ``create`` call of the artifacts tool whose input (a 200 KB or 400 KB React component, JSON
encoded as the API sends it) arrives in 10-character ``input_json_delta`` pieces, pushed
through the engine's own stream reducer (the engine made by a Workspace): the incremental parser, a progress event per delta
(with the byte count the app shows), the throttled saves of the growing message, and at the
block's end the tool command applied — the artifact written to a real library file (that
write counts). Only the HTTP and the SDK's SSE decoding are left out.

Target: the 400 KB run costs at most 2.2x the 200 KB run (linear, not quadratic). Cost is
CPU time of the process (all its threads, so the store's writer thread counts): on a shared
machine wall time swings with other load, CPU time much less. Wall times are printed too;
runs of both sizes alternate and the best of each is kept. As a same-run reference, the approach this avoids — re-parsing the accumulated JSON at every delta,
as a generic partial-JSON parser does — is timed on 25 KB and 50 KB inputs.
"""

from __future__ import annotations

import asyncio
import json
import random
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from artifacts_runtime.chat.events import ChatEvent, ToolInputProgress
from artifacts_runtime.chat.state import Round, TurnContext
from artifacts_runtime.chat.stream_parser import PartialObject
from artifacts_runtime.chat.tool import Catalog
from artifacts_runtime.config import Config
from artifacts_runtime.model.anthropic import AnthropicProvider
from artifacts_runtime.paths import Paths
from artifacts_runtime.workspace import Workspace

from .report import Row, print_table

DELTA = 10
TARGET = 2.2
KB = 1024


def component(size: int, seed: int = 3) -> str:
    """A React component of about ``size`` bytes, with the quotes and newlines real code has."""
    rng = random.Random(seed)
    words = ["habit", "streak", "done", "week", "goal", "note", "day", "count", "reset", "track"]
    lines = ['import React, { useState } from "react";', 'import { Card } from "@/components/ui/card";', ""]
    total = sum(len(x) + 1 for x in lines)
    n = 0
    while total < size:
        a, b = rng.choice(words), rng.choice(words)
        line = (
            f'  const {a}{n} = useState("{b} \\"{n}\\"");  // {a} → {b}\n'
            f'  <div className="p-2 text-sm">{{{a}{n}[0]}}</div>'
        )
        lines.append(line)
        total += len(line) + 1
        n += 1
    return "\n".join(lines)[:size]


def deltas_for(content: str) -> list[str]:
    raw = json.dumps(
        {
            "command": "create",
            "id": "big-app",
            "type": "application/vnd.ant.react",
            "title": "Big app",
            "content": content,
        }
    )
    return [raw[i : i + DELTA] for i in range(0, len(raw), DELTA)]


def _events(pieces: list[str]) -> list[Any]:
    """The SDK-shaped events of one tool_use block (made before timing starts)."""
    ns = SimpleNamespace
    events: list[Any] = [
        ns(type="content_block_start", index=0, content_block=ns(type="tool_use", id="toolu_bench", name="artifacts"))
    ]
    events += [
        ns(type="content_block_delta", index=0, delta=ns(type="input_json_delta", partial_json=p)) for p in pieces
    ]
    events.append(ns(type="content_block_stop", index=0))
    return events


async def _run_once(pieces: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds to stream ``pieces`` through the engine's handler and store the artifact."""
    events = _events(pieces)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = Paths(data=root / "data", cache=root / "cache", logs=root / "logs", runtime=root / "run")
        config = replace(Config(), model="bench")
        provider = AnthropicProvider(api_key="unused", base_url="http://127.0.0.1:9")
        async with await Workspace.open(paths, config=config, provider=provider) as workspace:
            store = workspace.store
            turn = workspace.chat_engine().turn("bench")
            conversation = await store.create_conversation(title="bench")
            message = await store.add_message(conversation.id, "assistant", [], incomplete=True)
            seen, size = [0], [0]

            async def emit(event: ChatEvent) -> None:
                seen[0] += 1
                if isinstance(event, ToolInputProgress):
                    size[0] = event.size  # what the app reads per event ("writing Big app… 3.1 KB")

            ctx = TurnContext(conversation.id, config, Catalog(), emit)
            rnd = Round(message_id=message.id, last_save=time.monotonic())
            reducer = turn.reducer
            start, cpu = time.perf_counter(), time.process_time()
            for event in events:
                await reducer.on_event(ctx, rnd, event)
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            assert ctx.changes and ctx.changes[0].created, "the artifact was not created"
            version = await store.version(ctx.changes[0].artifact_id)
            assert version.content and len(version.content) > 0
            assert seen[0] >= len(pieces) - 10  # a progress event per delta of content
            return elapsed, cpu


def _best_pair(small: list[str], large: list[str], repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Best (wall, CPU) of each size, the two sizes run alternately."""
    runs_small, runs_large = [], []
    for _ in range(repeat):
        runs_small.append(asyncio.run(_run_once(small)))
        runs_large.append(asyncio.run(_run_once(large)))
    best = lambda runs, i: min(r[i] for r in runs)  # noqa: E731
    return (best(runs_small, 0), best(runs_small, 1)), (best(runs_large, 0), best(runs_large, 1))


def _reparse_each_delta(pieces: list[str]) -> float:
    """The quadratic way: accumulate, then parse everything so far at every delta."""
    try:
        from jiter import from_json
    except ImportError:  # pragma: no cover - jiter comes with anthropic
        return float("nan")
    start = time.perf_counter()
    buf = b""
    for piece in pieces:
        buf += piece.encode()
        from_json(buf, partial_mode=True)
    return time.perf_counter() - start


def _parser_only(pieces: list[str]) -> float:
    start = time.perf_counter()
    parser = PartialObject()
    for piece in pieces:
        parser.feed(piece)
    parser.result()
    return time.perf_counter() - start


def run(quick: bool = False) -> list[Row]:
    repeat = 3 if quick else 7
    small_content, large_content = component(200 * KB), component(400 * KB)
    small, large = deltas_for(small_content), deltas_for(large_content)
    asyncio.run(_run_once(small))  # warm up (imports, first store)
    (w_small, c_small), (w_large, c_large) = _best_pair(small, large, repeat)
    mb_small = len(small_content.encode()) / 1e6
    mb_large = len(large_content.encode()) / 1e6
    ratio = c_large / c_small
    rows = [
        Row(f"200 KB, {len(small):,} deltas: stream + apply, CPU", c_small * 1000, "ms"),
        Row(
            f"400 KB, {len(large):,} deltas: stream + apply, CPU",
            c_large * 1000,
            "ms",
            baseline=c_small * 1000,
            baseline_name="200 KB",
            target=f"<= {TARGET}x",
            ok=ratio <= TARGET,
        ),
        Row("200 KB: stream + apply, wall", w_small * 1000, "ms"),
        Row("400 KB: stream + apply, wall", w_large * 1000, "ms", baseline=w_small * 1000, baseline_name="200 KB"),
        Row("throughput, 200 KB (wall)", mb_small / w_small, "MB/s"),
        Row("throughput, 400 KB (wall)", mb_large / w_large, "MB/s"),
        Row("parser alone, 400 KB", mb_large / min(_parser_only(large) for _ in range(repeat)), "MB/s"),
    ]
    if not quick:
        c25, c50 = deltas_for(component(25 * KB)), deltas_for(component(50 * KB))
        r25 = min(_reparse_each_delta(c25) for _ in range(3))
        r50 = min(_reparse_each_delta(c50) for _ in range(3))
        rows.append(Row("re-parse at each delta (jiter), 25 KB", r25 * 1000, "ms"))
        rows.append(
            Row("re-parse at each delta (jiter), 50 KB", r50 * 1000, "ms", baseline=r25 * 1000, baseline_name="25 KB")
        )
    print_table("Streamed artifact parsing and applying (10-character deltas)", rows)
    return rows


if __name__ == "__main__":
    run()
