"""``artifacts assets fetch|status``: the runtime browser libraries in the user cache."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from ..assets import AssetCache, AssetError
from ..humanize import format_bytes
from .common import Subparsers, print_json, print_table


def register(sub: Subparsers) -> None:
    assets = sub.add_parser(
        "assets",
        help="runtime libraries (React, recharts, d3, ...) used by artifacts offline",
        description="Download and inspect the pinned browser libraries artifacts run with.",
    )

    def show_help(args: argparse.Namespace) -> int:
        assets.print_help()
        return 0

    assets.set_defaults(handler=show_help)
    cmds = assets.add_subparsers(dest="assets_command", metavar="COMMAND")

    fetch = cmds.add_parser(
        "fetch",
        help="download the libraries that are not cached yet",
        description="Download, verify (sha512 from the lock) and store the runtime libraries.",
    )
    fetch.add_argument("--only", nargs="+", metavar="NAME", help="only these libraries (and what they need)")
    fetch.set_defaults(handler=fetch_handler)

    status = cmds.add_parser(
        "status",
        help="which libraries are cached (exit 1 if any is missing)",
        description="List the locked libraries and whether each is cached; exit 1 if any is missing.",
    )
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(handler=status_handler)


class ProgressLine:
    """One updating line on a terminal; one line per finished library otherwise."""

    def __init__(self, stream: TextIO, total_libraries: int) -> None:
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.total_libraries = total_libraries
        self.state: dict[str, tuple[int, int]] = {}
        self.finished: set[str] = set()
        self.last_draw = 0.0
        self.width = 0

    def __call__(self, name: str, done: int, total: int) -> None:
        self.state[name] = (done, total)
        complete = total > 0 and done >= total
        if complete and name not in self.finished:
            self.finished.add(name)
            if not self.tty:
                print(f"  {name}: {format_bytes(done)}", file=self.stream, flush=True)
        if self.tty:
            now = time.monotonic()
            if complete or now - self.last_draw > 0.1:
                self.last_draw = now
                self.draw()

    def draw(self) -> None:
        done = sum(d for d, _ in self.state.values())
        total = sum(t for _, t in self.state.values())
        active = [n for n in self.state if n not in self.finished]
        text = f"  {len(self.finished)}/{self.total_libraries} libraries, {format_bytes(done)} of {format_bytes(total)}"
        if active:
            text += "  " + ", ".join(active[:3]) + ("…" if len(active) > 3 else "")
        pad = max(0, self.width - len(text))
        self.width = len(text)
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


async def fetch_handler(args: argparse.Namespace) -> int:
    cache = AssetCache()
    names = cache.lock.load_order(args.only) if args.only else list(cache.lock.libraries)
    missing = cache.missing(names)
    if not missing:
        print(f"All {len(names)} runtime libraries are cached in {cache.root}.", file=sys.stderr)
        return 0
    print(f"Fetching {len(missing)} of {len(names)} runtime libraries into {cache.root}", file=sys.stderr)
    progress = ProgressLine(sys.stderr, len(missing))
    try:
        fetched = await cache.ensure(missing, progress=progress)
    except AssetError:
        progress.close()
        got = [n for n in missing if cache.is_cached(n)]
        if got:
            print(f"Fetched {len(got)} of {len(missing)}: {', '.join(got)}", file=sys.stderr)
        raise
    progress.close()
    downloaded = sum(cache.lock.get(n).tarball_size for n in fetched)
    print(
        f"Fetched {len(fetched)} libraries ({format_bytes(downloaded)} downloaded); "
        f"{len(names) - len(fetched)} were already cached.",
        file=sys.stderr,
    )
    return 0


def status_handler(args: argparse.Namespace) -> int:
    cache = AssetCache()
    rows = cache.status()
    missing = [r for r in rows if not r.cached]
    if args.json:
        print_json(
            {
                "root": str(cache.root),
                "registry": cache.registry,
                "libraries": [r.to_dict() for r in rows],
            }
        )
    else:
        print_table(
            ("NAME", "PACKAGE", "VERSION", "CACHED", "SIZE"),
            [(r.name, r.package, r.version, "yes" if r.cached else "no", format_bytes(r.size)) for r in rows],
        )
        cached_size = sum(r.size for r in rows if r.cached)
        print(f"\n{len(rows) - len(missing)} of {len(rows)} cached ({format_bytes(cached_size)}) in {cache.root}")
        if missing:
            print("Run `artifacts assets fetch` to download the rest.")
    return 1 if missing else 0
