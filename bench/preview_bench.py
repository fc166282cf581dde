"""Preview windows under offscreen Qt: time from the open command to the artifact's first
render, cold (no window host running: the host starts first) and warm (host running), and the
resident memory of the host, WebEngine helper processes included, with 1 and with 5 windows.

"First render" is the host's ``loaded`` event: the shell page has fetched the artifact and the
artifact's frame has finished loading (``body[data-rendered]``), so the figure covers the
manager, the host, Qt WebEngine, the local server and the bridge.

Baseline, same run: a bare pywebview window loading an empty page (``html=``, no server, no
shell, no anchor window), started the same way (a subprocess with piped stdin and stdout,
saying on stdout when the page has loaded); its warm figure is one more window in the same
process. Memory is RSS summed over the process tree (shared pages counted once per process, as
``ps`` does) and, as the fairer total, PSS (shared pages split between their users).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from .report import Row, print_table

COLD_TARGET_S = 1.5
WARM_TARGET_MS = 300.0
WINDOWS = 5

BARE = r"""
import sys, webview
HTML = "<!doctype html><meta charset=utf-8><title>empty</title>"
def loaded():
    sys.stdout.write("loaded\n"); sys.stdout.flush()
def more():
    for line in sys.stdin:          # each line: one more window
        w = webview.create_window("bare", html=HTML)
        w.events.loaded += loaded
    for w in list(webview.windows):
        w.destroy()
first = webview.create_window("bare", html=HTML)
first.events.loaded += loaded
webview.start(more, gui="qt")
"""


def page(n: int) -> str:
    return (
        f"<!doctype html><html><body><h1>Window {n}</h1><p>A plain HTML artifact.</p>"
        "<script>document.querySelector('p').textContent += ' Rendered.';</script></body></html>"
    )


# ---------------------------------------------------------------------------- process memory


def process_tree(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as fh:
                    ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _field_kb(path: str, field: str) -> int:
    try:
        with open(path) as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MB, summed over ``pid`` and its descendants."""
    rss = pss = 0
    for p in process_tree(pid):
        rss += _field_kb(f"/proc/{p}/status", "VmRSS:")
        pss += _field_kb(f"/proc/{p}/smaps_rollup", "Pss:")
    return rss / 1024, pss / 1024


async def settle() -> None:
    await asyncio.sleep(1.0)  # let the new renderer finish its start-up allocations


# ---------------------------------------------------------------------------- the baseline


class Bare:
    """The bare pywebview process."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self) -> float:
        t0 = time.perf_counter()
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            BARE,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
            env=self.env,
            start_new_session=True,
        )
        await self._loaded()
        return time.perf_counter() - t0

    async def one_more(self) -> float:
        assert self.proc is not None and self.proc.stdin is not None
        t0 = time.perf_counter()
        self.proc.stdin.write(b"\n")
        await self.proc.stdin.drain()
        await self._loaded()
        return time.perf_counter() - t0

    async def _loaded(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        while True:
            line = await asyncio.wait_for(self.proc.stdout.readline(), 60)
            if not line:
                raise RuntimeError("the bare pywebview process ended early")
            if line.strip() == b"loaded":
                return

    async def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            await asyncio.wait_for(self.proc.wait(), 10)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()
        try:
            os.killpg(self.proc.pid, 9)
        except (ProcessLookupError, PermissionError):
            pass


# ---------------------------------------------------------------------------- ours


async def measure(rounds: int) -> list[Row]:
    from artifacts_runtime.preview import environment
    from artifacts_runtime.preview.manager import PreviewManager
    from artifacts_runtime.workspace import Workspace

    reason = environment.availability()
    if reason is not None:
        print(f"preview windows cannot be measured here: {reason}", file=sys.stderr)
        return [Row("preview windows available", 0, "", target=reason, ok=False)]

    workspace = await Workspace.open()
    await workspace.start_server()
    ids = [
        (await workspace.store.create(page(n), title=f"Window {n}", type="text/html")).id for n in range(WINDOWS + 1)
    ]
    loaded: asyncio.Queue[str] = asyncio.Queue()

    def on_event(event: dict) -> None:
        if event.get("type") == "loaded":
            loaded.put_nowait(event["id"])
        elif event.get("type") in ("crashed", "error"):
            print(f"preview: {event}", file=sys.stderr)

    async def open_and_render(manager: PreviewManager, artifact_id: str) -> float:
        while not loaded.empty():
            loaded.get_nowait()
        t0 = time.perf_counter()
        await manager.open(artifact_id)
        while await asyncio.wait_for(loaded.get(), 60) != artifact_id:
            pass
        return time.perf_counter() - t0

    env = dict(os.environ)
    environment.prepare_environment(env)
    cold: list[float] = []
    warm: list[float] = []
    bare_cold: list[float] = []
    bare_warm: list[float] = []
    try:
        # Cold, ours and the baseline's in turn, so both see the same machine (it is noisy).
        for n in range(rounds):
            manager = PreviewManager(workspace)
            manager.on_event = on_event
            try:
                cold.append(await open_and_render(manager, ids[0]))
            finally:
                await manager.aclose()
            bare = Bare(env)
            try:
                bare_cold.append(await bare.start())
                if n == rounds - 1:  # the baseline's warm figure and memory, from the last one
                    await settle()
                    assert bare.proc is not None
                    bare_1 = tree_memory_mb(bare.proc.pid)
                    for _ in range(WINDOWS - 1):
                        bare_warm.append(await bare.one_more())
                    await settle()
                    bare_5 = tree_memory_mb(bare.proc.pid)
                    for _ in range(rounds - (WINDOWS - 1)):
                        bare_warm.append(await bare.one_more())
            finally:
                await bare.stop()

        manager = PreviewManager(workspace)
        manager.on_event = on_event
        try:
            await open_and_render(manager, ids[0])
            await settle()
            mem_1 = tree_memory_mb(manager.host_pid)
            for n in range(rounds):
                other = ids[1 + n % WINDOWS]
                warm.append(await open_and_render(manager, other))
                await manager.close(other)
            for other in ids[1:WINDOWS]:
                await open_and_render(manager, other)
            await settle()
            assert len(manager.open_ids()) == WINDOWS
            mem_5 = tree_memory_mb(manager.host_pid)
        finally:
            await manager.aclose()
    finally:
        await workspace.close()

    cold_s = statistics.median(cold)
    warm_ms = statistics.median(warm) * 1000
    return [
        Row(
            f"cold open -> first render (median of {rounds})",
            cold_s,
            "s",
            statistics.median(bare_cold),
            "bare pywebview",
            f"<= {COLD_TARGET_S} s",
            cold_s <= COLD_TARGET_S,
        ),
        Row(
            f"warm open -> first render (median of {rounds})",
            warm_ms,
            "ms",
            statistics.median(bare_warm) * 1000,
            "bare pywebview",
            f"<= {WARM_TARGET_MS:.0f} ms",
            warm_ms <= WARM_TARGET_MS,
        ),
        Row("warm open -> first render (slowest)", max(warm) * 1000, "ms", max(bare_warm) * 1000, "bare pywebview"),
        Row("host RSS, 1 window (with helpers)", mem_1[0], "MB", bare_1[0], "bare pywebview"),
        Row(f"host RSS, {WINDOWS} windows (with helpers)", mem_5[0], "MB", bare_5[0], "bare pywebview"),
        Row("host PSS, 1 window (with helpers)", mem_1[1], "MB", bare_1[1], "bare pywebview"),
        Row(f"host PSS, {WINDOWS} windows (with helpers)", mem_5[1], "MB", bare_5[1], "bare pywebview"),
    ]


def run(quick: bool = False) -> list[Row]:
    rounds = 3 if quick else 7
    saved = {k: os.environ.get(k) for k in ("ARTIFACTS_HOME", "QT_QPA_PLATFORM")}
    with tempfile.TemporaryDirectory(prefix="preview-bench-") as home:
        os.environ["ARTIFACTS_HOME"] = str(Path(home))
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        try:
            rows = asyncio.run(measure(rounds))
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    print_table("Preview windows (offscreen Qt WebEngine)", rows)
    return rows


if __name__ == "__main__":  # pragma: no cover
    run(quick="--quick" in sys.argv)
