"""``artifacts open ID``: show an artifact in a preview window, served by this command.

It runs its own Workspace and local server for as long as the window is open, and returns
when the window is closed (Ctrl+C closes it too). When no window can be shown here (over SSH,
no display, no GUI backend) it prints the browser URL, and the ``ssh -L`` line when over SSH,
and keeps serving until Ctrl+C.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..preview.protocol import PreviewEvent


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "open",
        help="show an artifact in a preview window (or print its URL when no window can be shown)",
    )
    p.add_argument("id", help="artifact id (or a unique prefix)")
    p.set_defaults(handler=cmd_open)


async def cmd_open(args: argparse.Namespace) -> int:
    # The server and the manager: only for this command (aiohttp and friends cost imports).
    from ..preview.manager import PreviewManager, PreviewUnavailable
    from ..workspace import Workspace

    workspace = await Workspace.open()
    manager: PreviewManager | None = None
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        artifact = await workspace.store.get(args.id)
        manager = PreviewManager(workspace)
        ended: asyncio.Future[PreviewEvent] = loop.create_future()

        def on_event(event: PreviewEvent) -> None:
            kind = event.get("type")
            if ended.done():
                return
            if (kind == "closed" and event.get("id") == artifact.id) or kind == "crashed":
                ended.set_result(event)
            elif kind == "error" and event.get("id") in (artifact.id, None):
                print(f"preview: {event.get('message')}", file=sys.stderr)

        manager.on_event = on_event
        try:
            await manager.open(artifact.id)
        except PreviewUnavailable as exc:
            print(f"No preview window: {exc.reason}.", file=sys.stderr)
            print("Open this URL in a browser instead:", file=sys.stderr)
            print(exc.url, flush=True)
            if exc.ssh_hint:
                print(f"Over SSH, forward the port from your own machine first:\n  {exc.ssh_hint}", file=sys.stderr)
            print("Serving until Ctrl+C.", file=sys.stderr, flush=True)
            await stop.wait()
            print("stopped", file=sys.stderr)
            return 0

        print(
            f"Showing {artifact.id} ({artifact.title}) in a preview window; "
            "close the window or press Ctrl+C to return.",
            file=sys.stderr,
            flush=True,
        )
        ended.add_done_callback(lambda _: stop.set())  # the window closed or the host died
        await stop.wait()  # ... or Ctrl+C
        if ended.done() and ended.result().get("type") == "crashed":
            print(f"artifacts: the preview window host stopped unexpectedly; see {manager.log_path}", file=sys.stderr)
            return 1
        return 0
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        if manager is not None:
            await manager.aclose()
        await workspace.close()
