"""Live data: 20 concurrent fetches of gzip JSON through ``DataFetcher``, against httpx alone.

A data server in a process of its own (``http.server``, threaded) answers every GET with the
same JSON document, about 1 MB decoded and gzip-compressed (``Content-Encoding: gzip``). The
fetch path under test is the whole of ``DataFetcher.fetch``: the grant check against a real
library file, the connection pinned to the checked address, our bounded decoder (64 KB steps,
the 10 MB limit on decoded bytes), the turn limits, and the cache write of each answer (every
URL differs by its query, so nothing is served from the cache). 20 fetches run at once, spread
over 4 artifacts (5 each: within the per-artifact limit of 6 in flight).

Baseline, in the same run against the same server: httpx alone, 20 at once, one client per
request as the fetcher opens, httpx decoding the gzip itself. Figures: fetches per second,
decoded MB/s, and the peak of Python memory (tracemalloc) during each run.
Targets: throughput >= 50% of httpx alone; peak memory <= 2x httpx alone's.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import httpx

from artifacts_runtime.connectors import DataFetcher
from artifacts_runtime.events import EventHub
from artifacts_runtime.store import Store

from .report import Row, print_table

CONCURRENCY = 20
ARTIFACTS = 4
THROUGHPUT_TARGET = 0.5
MEMORY_TARGET = 2.0

SERVER = r"""
import gzip, json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

rows = [{"id": i, "name": f"item {i}", "price": i * 1.25, "tags": ["a", "b", "c"]} for i in range(14000)]
BODY = gzip.compress(json.dumps({"rows": rows}).encode(), compresslevel=6)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], len(BODY), flush=True)
server.serve_forever()
"""


def _decoded_size() -> int:
    rows = [{"id": i, "name": f"item {i}", "price": i * 1.25, "tags": ["a", "b", "c"]} for i in range(14000)]
    return len(json.dumps({"rows": rows}).encode())


async def _ours(origin: str, total: int, folder: Path) -> tuple[float, int]:
    store = await Store.open(folder / f"library-{time.monotonic_ns()}.db")
    try:
        ids = [(await store.create(f"<p>{i}</p>")).id for i in range(ARTIFACTS)]
        for aid in ids:
            await store.grant(aid, origin)
        fetcher = DataFetcher(store, EventHub())
        queue = list(range(total))

        async def worker(w: int) -> None:
            aid = ids[w % ARTIFACTS]
            while queue:
                n = queue.pop()
                result = await fetcher.fetch(aid, f"{origin}/data?n={n}&w={w}")
                assert result.status == 200 and not result.cached

        tracemalloc.start()
        started = time.perf_counter()
        await asyncio.gather(*(worker(w) for w in range(CONCURRENCY)))
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        await fetcher.aclose()
        return elapsed, peak
    finally:
        await store.close()


async def _httpx_alone(origin: str, total: int) -> tuple[float, int]:
    queue = list(range(total))

    async def worker(w: int) -> None:
        while queue:
            n = queue.pop()
            async with httpx.AsyncClient(trust_env=False) as client:
                response = await client.get(f"{origin}/data?n={n}&w={w}")
                assert response.status_code == 200 and len(response.content) > 0

    tracemalloc.start()
    started = time.perf_counter()
    await asyncio.gather(*(worker(w) for w in range(CONCURRENCY)))
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak


def run(quick: bool = False) -> list[Row]:
    total = 60 if quick else 200
    rounds = 2 if quick else 3
    server = subprocess.Popen([sys.executable, "-c", SERVER], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        port, wire = (int(x) for x in server.stdout.readline().split())
        origin = f"http://127.0.0.1:{port}"
        decoded = _decoded_size()
        ours: list[tuple[float, int]] = []
        alone: list[tuple[float, int]] = []
        with tempfile.TemporaryDirectory(prefix="live-bench-") as folder:
            asyncio.run(_ours(origin, CONCURRENCY, Path(folder)))  # warm up
            asyncio.run(_httpx_alone(origin, CONCURRENCY))
            for _ in range(rounds):  # alternate, keep the best of each
                ours.append(asyncio.run(_ours(origin, total, Path(folder))))
                alone.append(asyncio.run(_httpx_alone(origin, total)))
    finally:
        server.terminate()
        server.wait()
    t_ours, t_alone = min(t for t, _ in ours), min(t for t, _ in alone)
    m_ours, m_alone = min(m for _, m in ours) / 2**20, min(m for _, m in alone) / 2**20
    rate_ours, rate_alone = total / t_ours, total / t_alone
    rows = [
        Row(
            f"{CONCURRENCY} at once: fetches of {decoded / 1e6:.1f} MB JSON ({wire / 1e3:.0f} KB gzip)",
            rate_ours,
            "ops/s",
            baseline=rate_alone,
            baseline_name="httpx alone",
            target=f">= {THROUGHPUT_TARGET:.0%} of httpx",
            ok=rate_ours >= THROUGHPUT_TARGET * rate_alone,
        ),
        Row(
            "decoded throughput",
            rate_ours * decoded / 1e6,
            "MB/s",
            baseline=rate_alone * decoded / 1e6,
            baseline_name="httpx alone",
        ),
        Row(
            "peak Python memory during the run",
            m_ours,
            "MB",
            baseline=m_alone,
            baseline_name="httpx alone",
            target=f"<= {MEMORY_TARGET:g}x httpx",
            ok=m_ours <= MEMORY_TARGET * m_alone,
        ),
    ]
    print_table("Live data: DataFetcher vs httpx alone (gzip JSON, local server)", rows)
    return rows
