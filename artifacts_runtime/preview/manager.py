"""The app's side of the preview windows: starts the window host when a window is first asked
for, talks to it in JSON lines, notices when it dies, and ends it on ``aclose()``.

Everything here runs in the caller's asyncio loop and imports neither pywebview nor Qt::

    manager = PreviewManager(workspace)
    manager.on_event = lambda event: ...       # loaded, closed, error, crashed, ...
    reason = manager.availability()            # None, or why no window can be shown here
    try:
        await manager.open(artifact_id)
    except PreviewUnavailable as exc:
        show(exc.reason, exc.url, exc.ssh_hint)
    ...
    await manager.aclose()                      # closes the windows, ends the host
    await workspace.close()                     # after: the windows load from its server

Besides the interface above: ``reload(id)``, ``host_pid``, ``host_info`` (the host's ``ready``
event) and ``log_path``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..errors import ArtifactsError
from ..paths import PRIVATE_DIR, create_private
from ..remote import ssh_hint
from . import environment
from .process import group_gone, kill_group, last_telling_line, rotate_log
from .protocol import PreviewEvent, ProtocolError, clean_title, decode_event, encode_command

if TYPE_CHECKING:
    from ..workspace import Workspace

log = logging.getLogger("artifacts.preview")
log.addHandler(logging.NullHandler())  # never Python's last-resort stderr: the TUI draws there

READY_TIMEOUT = 30.0  # a cold Qt start on a slow machine, with margin
REPLY_TIMEOUT = 15.0
QUIT_TIMEOUT = 5.0
TERM_TIMEOUT = 2.0
LOG_ROTATE_BYTES = 1024 * 1024
STDOUT_LIMIT = 1024 * 1024

#: What ``on_event`` receives (the protocol's event record).
Event = PreviewEvent


class PreviewUnavailable(ArtifactsError):
    """No preview window can be shown here. ``reason`` is one sentence saying why; ``url`` is
    the browser URL to open instead; ``ssh_hint`` the ``ssh -L`` line when over SSH, else None."""

    def __init__(self, reason: str, *, url: str, ssh_hint: str | None = None) -> None:
        self.reason = reason
        self.url = url
        self.ssh_hint = ssh_hint
        message = f"no preview window: {reason}. Open this URL in a browser instead: {url}"
        if ssh_hint:
            message += f" (from your own machine, forward the port first: {ssh_hint})"
        super().__init__(message)


class HostStopped(ArtifactsError):
    """The window host ended while a command waited for its answer."""


class PreviewManager:
    """Drives one window host process for one workspace (see the module docstring)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        #: Called in the event loop with every event of the host (``opened``, ``focused``,
        #: ``loaded``, ``closed``, ``error``, ...) and ``{"type": "crashed", ...}`` when the
        #: host dies without being asked to.
        self.on_event: Callable[[Event], None] | None = None
        #: The host's ``ready`` event (pid, gui, renderer) while one runs, else None.
        self.host_info: Event | None = None
        self._proc: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None
        self._ready: asyncio.Future[Event] | None = None
        self._open: set[str] = set()
        self._waiters: list[tuple[Callable[[Event], bool], asyncio.Future[Event]]] = []
        self._start_lock = asyncio.Lock()
        self._reason: str | None = None
        self._checked = False
        self._broken: str | None = None
        self._stopping = False
        self._log: IO[bytes] | None = None

    # ------------------------------------------------------------------ public

    @property
    def log_path(self) -> Path:
        return self.workspace.paths.logs / "preview.log"

    @property
    def host_pid(self) -> int | None:
        """The running host's process id (None when no host runs)."""
        proc = self._proc
        return proc.pid if proc is not None and proc.returncode is None else None

    def availability(self) -> str | None:
        """None when windows can be shown, else the reason (worked out once; starts nothing)."""
        if self._broken is not None:
            return self._broken
        if not self._checked:
            self._reason = environment.availability()
            self._checked = True
        return self._reason

    def open_ids(self) -> set[str]:
        return set(self._open)

    async def open(self, artifact_id: str) -> str:
        """Open the artifact's window, or bring it to the front when it is open already:
        ``"opened"`` or ``"focused"``, as the host says.

        Starts the local server and the window host when needed. Returns once the host has
        the window (its first render arrives later as a ``loaded`` event). Raises
        :class:`PreviewUnavailable` when no window can be shown here."""
        artifact = await self.workspace.store.get(artifact_id)
        server = await self.workspace.start_server()
        url = server.view_url(artifact.id)
        reason = self.availability()
        if reason is not None:
            raise PreviewUnavailable(reason, url=url, ssh_hint=ssh_hint(server.port))
        for attempt in (1, 2):
            await self._ensure_host(url, server.port)
            reply = self._expect(
                lambda e: e.get("id") == artifact.id and e.get("type") in ("opened", "focused", "error")
            )
            try:
                await self._send(encode_command("open", id=artifact.id, url=url, title=clean_title(artifact.title)))
                event = await self._wait(reply)
            except HostStopped:
                if attempt == 2:
                    raise
                await self._settle()  # it died just now: let the crash be reported, then retry
                continue
            if event["type"] == "error":
                raise ArtifactsError(f"the preview window for {artifact.id} did not open: {event.get('message')}")
            return str(event["type"])
        raise ArtifactsError(f"the preview window for {artifact.id} did not open")  # not reached

    async def close(self, artifact_id: str) -> None:
        """Close the artifact's window (nothing happens when none is open)."""
        target = self._match(artifact_id)
        if target is None or self._proc is None:
            return
        reply = self._expect(lambda e: e.get("id") == target and e.get("type") in ("closed", "error"))
        with contextlib.suppress(HostStopped):
            await self._send(encode_command("close", id=target))
            await self._wait(reply)

    async def reload(self, artifact_id: str) -> None:
        """Reload the artifact's window (a new version reloads it without being asked)."""
        target = self._match(artifact_id)
        if target is not None and self._proc is not None:
            with contextlib.suppress(HostStopped):
                await self._send(encode_command("reload", id=target))

    async def aclose(self) -> None:
        """Close every window and end the host; no process is left behind."""
        proc = self._proc
        if proc is None:
            await self._join_reader()
            return
        self._stopping = True
        with contextlib.suppress(HostStopped, ConnectionError, RuntimeError):
            await self._send(encode_command("quit"))
        if proc.stdin is not None:
            with contextlib.suppress(Exception):
                proc.stdin.close()
        try:
            await asyncio.wait_for(proc.wait(), QUIT_TIMEOUT)
        except TimeoutError:
            log.warning("the preview host did not quit within %.0f s; terminating it", QUIT_TIMEOUT)
            with contextlib.suppress(ProcessLookupError):
                proc.terminate()
            try:
                await asyncio.wait_for(proc.wait(), TERM_TIMEOUT)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    proc.kill()
                await proc.wait()
        kill_group(proc.pid)
        await group_gone(proc.pid)
        await self._join_reader()

    # ------------------------------------------------------------------ the host process

    async def _ensure_host(self, url: str, port: int) -> None:
        async with self._start_lock:
            proc = self._proc
            if proc is not None and proc.returncode is None and self._ready is not None and self._ready.done():
                return
            if proc is not None and proc.returncode is not None:
                await self._join_reader()  # it died: let the reader report it first
            if self._proc is None:
                await self._join_reader()
                await self._spawn()
            assert self._ready is not None
            try:
                await asyncio.wait_for(asyncio.shield(self._ready), READY_TIMEOUT)
            except (TimeoutError, HostStopped) as exc:
                started = self._proc
                if started is not None:
                    self._stopping = True
                    with contextlib.suppress(ProcessLookupError):
                        started.kill()
                    await started.wait()
                    kill_group(started.pid)
                await self._join_reader()
                why = "did not get ready in time" if isinstance(exc, TimeoutError) else "exited before it was ready"
                tail = last_telling_line(self.log_path)
                what = (
                    "the display cannot be reached"
                    if "could not connect to display" in tail
                    else "no working GUI backend"
                )
                self._broken = (
                    f"{what}: the preview window host {why}" + (f" ({tail})" if tail else "") + f"; see {self.log_path}"
                )
                raise PreviewUnavailable(self._broken, url=url, ssh_hint=ssh_hint(port)) from None

    async def _spawn(self) -> None:
        path = self.log_path
        path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
        rotate_log(path, LOG_ROTATE_BYTES)
        create_private(path)
        # Kept open for the child's lifetime; an append open of a local file does not block the loop.
        self._log = open(path, "ab")  # noqa: SIM115, ASYNC230
        self._log.write(
            f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} preview host started by pid {os.getpid()}\n".encode()
        )
        self._log.flush()
        env = dict(os.environ)
        root = str(environment.package_root())
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        self._stopping = False
        self._proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "artifacts_runtime.preview",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=self._log,
            env=env,
            start_new_session=True,  # its own process group: no terminal signals, reaped as a group
            limit=STDOUT_LIMIT,
        )
        self._ready = asyncio.get_running_loop().create_future()
        self._reader = asyncio.create_task(self._read(self._proc), name="preview-host-reader")

    async def _read(self, proc: asyncio.subprocess.Process) -> None:
        assert proc.stdout is not None
        try:
            while True:
                try:
                    line = await proc.stdout.readline()
                except ValueError:  # a line over the limit: not ours
                    continue
                if not line:
                    break
                try:
                    event = decode_event(line)
                except ProtocolError as exc:
                    log.warning("preview host said something unreadable: %s", exc)
                    continue
                self._dispatch(event)
        finally:
            returncode = await proc.wait()
            self._gone(proc, returncode)

    def _dispatch(self, event: Event) -> None:
        kind = event.get("type")
        artifact_id = event.get("id")
        if kind == "ready":
            self.host_info = event
            if self._ready is not None and not self._ready.done():
                self._ready.set_result(event)
        elif kind == "opened" and isinstance(artifact_id, str):
            self._open.add(artifact_id)
        elif kind == "closed" and isinstance(artifact_id, str):
            self._open.discard(artifact_id)
        for waiter in list(self._waiters):
            predicate, future = waiter
            if future.done():
                self._waiters.remove(waiter)
            elif predicate(event):
                future.set_result(event)
                self._waiters.remove(waiter)
        self._notify(event)

    def _gone(self, proc: asyncio.subprocess.Process, returncode: int) -> None:
        if proc is not self._proc:
            return
        kill_group(proc.pid)  # WebEngine helpers of a killed host must not outlive it
        lost = sorted(self._open)
        self._open.clear()
        self._proc = None
        self.host_info = None
        stopped = HostStopped(f"the preview window host ended (exit status {returncode}); see {self.log_path}")
        was_ready = self._ready is not None and self._ready.done()
        if self._ready is not None and not self._ready.done():
            self._ready.set_exception(stopped)
            self._ready.exception()  # retrieved: no "never retrieved" warning when nobody waits
        for _, future in self._waiters:
            if not future.done():
                future.set_exception(stopped)
        self._waiters.clear()
        if self._log is not None:
            self._log.close()
            self._log = None
        if was_ready and not self._stopping:  # (a host that never got ready: open() raises)
            log.warning("the preview window host died (exit status %s)", returncode)
            self._notify({"type": "crashed", "returncode": returncode, "ids": lost, "log": str(self.log_path)})

    async def _settle(self) -> None:
        """Wait until a dying host has exited and its end has been handled."""
        proc = self._proc
        if proc is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(proc.wait(), TERM_TIMEOUT)
            if proc.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    proc.kill()
                await proc.wait()
        await self._join_reader()

    async def _join_reader(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None and reader is not asyncio.current_task():
            with contextlib.suppress(Exception):
                await reader

    # ------------------------------------------------------------------ talking

    def _notify(self, event: Event) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:  # the app's handler must not stop us from reading the host
            log.exception("the preview on_event handler failed")

    def _expect(self, predicate: Callable[[Event], bool]) -> asyncio.Future[Event]:
        future: asyncio.Future[Event] = asyncio.get_running_loop().create_future()
        self._waiters.append((predicate, future))
        return future

    async def _wait(self, future: asyncio.Future[Event], within: float = REPLY_TIMEOUT) -> Event:
        try:
            return await asyncio.wait_for(future, within)
        except TimeoutError:
            raise ArtifactsError(
                f"the preview window host did not answer within {within:.0f} s; see {self.log_path}"
            ) from None
        finally:
            self._waiters = [w for w in self._waiters if w[1] is not future]

    async def _send(self, line: bytes) -> None:
        proc = self._proc
        if proc is None or proc.stdin is None or proc.returncode is not None:
            raise HostStopped("the preview window host is not running")
        try:
            proc.stdin.write(line)
            await proc.stdin.drain()
        except (ConnectionError, RuntimeError) as exc:
            raise HostStopped(f"the preview window host stopped listening ({exc})") from None

    def _match(self, artifact_id: str) -> str | None:
        if artifact_id in self._open:
            return artifact_id
        found = [i for i in self._open if i.startswith(artifact_id)]
        return found[0] if len(found) == 1 else None
