"""Runtime commands: ``serve`` (the local server in the foreground) and ``url`` (the view URL
of an artifact on the running server)."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys

from ..errors import ArtifactsError
from ..paths import get_paths
from ..remote import ssh_hint
from .common import open_store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("serve", help="run the local server that shows artifacts (for browsers and SSH)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument(
        "--port",
        type=int,
        default=None,
        help="port (default: [server] port in config.toml, ARTIFACTS_PORT, else a free one)",
    )
    p.set_defaults(handler=cmd_serve)

    p = sub.add_parser("url", help="print the URL that shows an artifact on the running server")
    p.add_argument("id")
    p.add_argument("--version", type=int, help="a past version")
    p.set_defaults(handler=cmd_url)


async def cmd_serve(args: argparse.Namespace) -> int:
    from ..workspace import Workspace  # aiohttp and friends: only for the commands that serve

    workspace = await Workspace.open()
    try:
        try:
            server = await workspace.start_server(host=args.host, port=args.port)
        except OSError as exc:
            raise ArtifactsError(
                f"cannot listen on {args.host}:{args.port} ({exc.strerror}); choose another --port"
            ) from exc
        if workspace.port_note:
            print(f"artifacts: {workspace.port_note}", file=sys.stderr)
        print(f"Serving artifacts at {server.base_url}", file=sys.stderr)
        print("`artifacts url ID` prints the link for an artifact. Ctrl+C stops.", file=sys.stderr)
        if args.host not in ("127.0.0.1", "localhost", "::1"):
            shares = await workspace.store.shares()
            where = args.host if args.host not in ("0.0.0.0", "::") else os.uname().nodename
            print(
                f"Bound to {args.host}: other machines reach published links only "
                f"({len(shares)} published), e.g. http://{where}:{server.port}/s/TOKEN",
                file=sys.stderr,
            )
        hint = ssh_hint(server.port)
        if hint:
            print(f"Over SSH, forward the port from your own machine first:\n  {hint}", file=sys.stderr)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        print("stopped", file=sys.stderr)
    finally:
        await workspace.close()
    return 0


async def cmd_url(args: argparse.Namespace) -> int:
    import httpx

    from ..server import read_server_file

    paths = get_paths()
    async with open_store() as store:
        artifact = await store.get(args.id)
        if args.version:
            await store.version(artifact.id, args.version)
    record = read_server_file(paths)
    if record is not None:
        try:
            async with httpx.AsyncClient(timeout=2.0) as client:
                ok = (await client.get(f"{record['url']}/health")).status_code == 200
        except httpx.HTTPError:
            ok = False
        if not ok:
            record = None
    if record is None:
        raise ArtifactsError(
            "no live-artifacts server is running; start one with `artifacts serve` "
            "(or open the app), then run this again"
        )
    query = f"?v={args.version}" if args.version else ""
    print(f"{record['url']}/view/{artifact.id}{query}#token={record['token']}")
    hint = ssh_hint(int(record["port"]))
    if hint:
        print(f"over SSH, forward the port from your own machine first: {hint}", file=sys.stderr)
    return 0
