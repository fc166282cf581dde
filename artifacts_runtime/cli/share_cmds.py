"""Live data, sharing and remixing: grant, grants, revoke, attach, publish, unpublish, shares,
remix, catalog."""

from __future__ import annotations

import argparse
import mimetypes
import sys
from pathlib import Path
from typing import Any

from ..errors import InvalidInput, NotFound
from ..humanize import format_bytes, format_time
from ..paths import get_paths
from ..records import Grant
from .common import Subparsers, open_store, print_json, print_table


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "grant", help="let an artifact fetch live data from an origin or a path prefix (https://host[:port][/path])"
    )
    p.add_argument("id")
    p.add_argument("scope", metavar="URL", help="an origin (all of it) or an origin and a path prefix (that part)")
    p.add_argument("--deny", action="store_true", help="record a refusal instead (never ask again)")
    p.add_argument(
        "--visitors", action="store_true", help="visitors of the artifact's shared links may use it too (GET only)"
    )
    p.set_defaults(handler=cmd_grant)

    p = sub.add_parser("grants", help="list what an artifact may (or may not) fetch, and for whom")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_grants)

    p = sub.add_parser("revoke", help="take back a grant (the next fetch asks again)")
    p.add_argument("id")
    p.add_argument("scope", metavar="URL", help="the origin or origin and path prefix, as granted")
    p.set_defaults(handler=cmd_revoke)

    p = sub.add_parser("attach", help="attach a file the artifact reads with window.fs.readFile")
    p.add_argument("id")
    p.add_argument("file")
    p.add_argument("--name", help="the name the artifact uses (default: the file's name)")
    p.set_defaults(handler=cmd_attach)

    p = sub.add_parser("publish", help="a link anyone can use while `artifacts serve` runs")
    p.add_argument("id")
    p.add_argument("--version", type=int, help="share this version (default: always the current one)")
    p.add_argument(
        "--shared",
        choices=("read-only", "read-write"),
        default="read-only",
        help="may visitors change the artifact's shared keys? (default: read-only; they always get "
        "personal storage of their own)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_publish)

    p = sub.add_parser("unpublish", help="end every link to an artifact, at once")
    p.add_argument("id")
    p.set_defaults(handler=cmd_unpublish)

    p = sub.add_parser("shares", help="list published links")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_shares)

    p = sub.add_parser("remix", help="a new artifact from one in the library, the catalog (catalog:SLUG) or a link")
    p.add_argument("ref", metavar="ID|catalog:SLUG|URL")
    p.add_argument("--title")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_remix)

    p = sub.add_parser("catalog", help="the curated artifacts shipped with live-artifacts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_catalog)


def _scope(value: str) -> tuple[str, str]:
    from ..connectors import FetchRefused, grant_scope

    try:
        return grant_scope(value)
    except FetchRefused as exc:
        raise InvalidInput(
            f"{exc.message}; give an origin such as https://api.example.com, or a path prefix such as "
            "https://api.example.com/v1/"
        ) from None


async def cmd_grant(args: argparse.Namespace) -> int:
    origin, path = _scope(args.scope)
    if args.deny and args.visitors:
        raise InvalidInput("--visitors opens an allow to visitors of shared links; a denial holds for everyone already")
    async with open_store() as store:
        artifact = await store.get(args.id)
        await store.grant(artifact.id, origin, "deny" if args.deny else "allow", path=path, visitors=args.visitors)
        (grant,) = [g for g in await store.grants(artifact.id, origin=origin) if g.path == path]
    print(f"{artifact.title} ({artifact.id}) {grant.describe()}", file=sys.stderr)
    return 0


def _who(grant: Grant) -> str:
    if grant.decision != "allow":
        return "everyone"
    return "you + visitors" if grant.visitors else "you"


async def cmd_grants(args: argparse.Namespace) -> int:
    async with open_store() as store:
        artifact = await store.get(args.id)
        grants = await store.grants(artifact.id)
    if args.json:
        print_json([g.to_json() for g in grants])
    elif not grants:
        print(f"{artifact.title} has no grants: it cannot fetch anything from the network.", file=sys.stderr)
    else:
        print_table(
            ["SCOPE", "DECISION", "FOR", "SINCE"],
            [
                [g.scope if g.path == "/" else f"{g.scope}/…", g.decision, _who(g), format_time(g.created_at)]
                for g in grants
            ],
        )
    return 0


async def cmd_revoke(args: argparse.Namespace) -> int:
    origin, path = _scope(args.scope)
    shown = origin if path == "/" else origin + path
    async with open_store() as store:
        artifact = await store.get(args.id)
        if not await store.revoke(artifact.id, origin, path=path):
            raise NotFound(f"{artifact.title} has no grant for {shown}; `artifacts grants {artifact.id}` lists them")
    print(f"revoked {shown} for {artifact.title}", file=sys.stderr)
    return 0


async def cmd_attach(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise NotFound(f"{args.file}: no such file")
    name = args.name or path.name
    async with open_store() as store:
        artifact = await store.get(args.id)
        f = await store.attach_file(
            name, path.read_bytes(), mime=mimetypes.guess_type(name)[0], artifact_id=artifact.id
        )
    print(
        f"attached {f.name} ({format_bytes(f.size)}) to {artifact.title}; "
        f"it reads it with window.fs.readFile({f.name!r}, {{encoding: 'utf8'}})",
        file=sys.stderr,
    )
    return 0


def _running_server() -> dict[str, Any] | None:
    from ..server import read_server_file

    return read_server_file(get_paths())


async def cmd_publish(args: argparse.Namespace) -> int:
    async with open_store() as store:
        artifact = await store.get(args.id)
        if artifact.trashed:  # the server does not serve trashed artifacts: the link would be dead
            raise InvalidInput(f"{artifact.title} is in the trash; `artifacts untrash {artifact.id}` first")
        token = await store.publish(artifact.id, args.version, shared_state=args.shared)
        quota = await store.state_quota(artifact.id)
    record = _running_server()
    path = f"/s/{token}"
    url = f"{record['url']}{path}" if record else None
    if args.json:
        print_json(
            {
                "artifact_id": artifact.id,
                "token": token,
                "path": path,
                "url": url,
                "version": args.version,
                "shared_state": args.shared,
                "visitor_storage_bytes": quota,
            }
        )
        return 0
    print(url or path)
    if not record:
        print(
            "No server is running: start one with `artifacts serve` (add --host 0.0.0.0 to share on "
            "your network) and the link is served at that address.",
            file=sys.stderr,
        )
    shared = (
        "may read its shared values but not change them (`--shared read-write` lets them)"
        if args.shared == "read-only"
        else "may read, change and delete its shared values, yours included"
    )
    print(
        f"Anyone with the link can use {artifact.title!r}: visitors never see your personal values and get "
        f"personal storage of their own; they {shared}. All visitors together may store "
        f"{format_bytes(quota)}, apart from your own quota. `artifacts unpublish {artifact.id}` ends it.",
        file=sys.stderr,
    )
    return 0


async def cmd_unpublish(args: argparse.Namespace) -> int:
    async with open_store() as store:
        artifact = await store.get(args.id)
        count = await store.unpublish(artifact.id)
    if not count:
        raise NotFound(f"{artifact.title} has no published link")
    print(f"ended {count} link{'s' if count != 1 else ''} to {artifact.title}", file=sys.stderr)
    return 0


async def cmd_shares(args: argparse.Namespace) -> int:
    async with open_store() as store:
        shares = await store.shares()
    record = _running_server()
    rows = [
        {**s.to_json(), "url": f"{record['url']}/s/{s.token}" if record else None, "path": f"/s/{s.token}"}
        for s in shares
    ]
    if args.json:
        print_json(rows)
    elif not shares:
        print("Nothing is published. `artifacts publish ID` makes a link.", file=sys.stderr)
    else:
        print_table(
            ["ARTIFACT", "TITLE", "VERSION", "SHARED STATE", "SINCE", "LINK"],
            [
                [
                    s["artifact_id"],
                    s["title"],
                    s["version"] or "current",
                    s["shared_state"],
                    format_time(s["created_at"]),
                    s["url"] or s["path"],
                ]
                for s in rows
            ],
        )
    return 0


async def cmd_remix(args: argparse.Namespace) -> int:
    from ..remix import remix

    async with open_store() as store:
        artifact = await remix(store, args.ref, title=args.title)
    if args.json:
        print_json(artifact.to_json())
    else:
        print(artifact.id)
        print(f"remixed {artifact.remixed_from} into {artifact.title!r}", file=sys.stderr)
    return 0


async def cmd_catalog(args: argparse.Namespace) -> int:
    from .. import catalog

    entries = catalog.entries()
    if args.json:
        print_json([e.to_json() for e in entries])
    else:
        print_table(
            ["REF", "TITLE", "TYPE", "DESCRIPTION"], [[e.ref, e.title, e.short_type, e.description] for e in entries]
        )
        print("\n`artifacts remix catalog:SLUG` copies one into your library.", file=sys.stderr)
    return 0
