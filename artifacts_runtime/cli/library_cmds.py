"""Library commands: ls, search, show, import, export, rename, rm, trash, untrash, versions,
revert, state. They work over SSH with no display; every listing takes ``--json``."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from .. import kinds
from ..errors import InvalidInput, KeyNotFound, NotFound
from ..humanize import format_bytes, format_time
from ..records import Artifact, Version
from .common import Subparsers, open_store, print_json, print_table


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def _type(value: str) -> str:
    try:
        return kinds.normalize_type(value)
    except kinds.UnknownType as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: Subparsers) -> None:
    p = sub.add_parser("ls", help="list the artifacts in the library")
    p.add_argument("--type", type=_type, help="only this type (html, react, svg, markdown, mermaid, code)")
    p.add_argument("--sort", choices=["updated", "created", "title"], default="updated")
    p.add_argument("--limit", type=_positive, default=50, help="at most N rows (default 50)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_ls)

    p = sub.add_parser("search", help="full-text search over titles and content")
    p.add_argument("query", nargs="+")
    p.add_argument("--type", type=_type)
    p.add_argument("--limit", type=_positive, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("show", help="an artifact's details, or its source with --code")
    p.add_argument("id")
    p.add_argument("--version", type=_positive, help="a past version (default: current)")
    p.add_argument("--code", action="store_true", help="print the source")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("import", help="add files to the library as new artifacts ('-' reads stdin)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--title", help="title (default: taken from the content or the file name)")
    p.add_argument("--type", type=_type, help="type (default: from the extension and content)")
    p.add_argument("--no-state", action="store_true", help="for a bundle: leave its stored state out")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", help="write an artifact's source as it is (--html: a page that runs anywhere)")
    p.add_argument("id")
    p.add_argument("--version", type=_positive)
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE ('-': stdout); --html on a terminal writes TITLE.html here unless told",
    )
    p.add_argument(
        "--html",
        action="store_true",
        help="one self-contained HTML file with its libraries inlined; opens from disk, offline",
    )
    p.add_argument(
        "--bundle",
        action="store_true",
        help="every version, metadata, state and files in one file for `artifacts import`",
    )
    p.add_argument("--no-state", action="store_true", help="with --bundle: leave the stored state out")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("save", help="make a new version of an artifact from a file ('-' reads stdin), as an edit")
    p.add_argument("id")
    p.add_argument("path", metavar="FILE", help="the new source ('-': read it from stdin)")
    p.add_argument("--label", help="a note for the version (shown in its history)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_save)

    p = sub.add_parser("rename", help="give an artifact a new title")
    p.add_argument("id")
    p.add_argument("title", nargs="+")
    p.set_defaults(handler=cmd_rename)

    p = sub.add_parser("rm", help="move an artifact to the trash (--purge: delete it for good)")
    p.add_argument("id")
    p.add_argument("--purge", action="store_true", help="delete for good, with its versions and state")
    p.set_defaults(handler=cmd_rm)

    p = sub.add_parser("trash", help="list the artifacts in the trash")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_trash)

    p = sub.add_parser("untrash", help="restore an artifact from the trash")
    p.add_argument("id")
    p.set_defaults(handler=cmd_untrash)

    p = sub.add_parser("versions", help="list an artifact's versions")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_versions)

    p = sub.add_parser("revert", help="make a new version equal to version N")
    p.add_argument("id")
    p.add_argument("number", type=_positive, metavar="N")
    p.set_defaults(handler=cmd_revert)

    p = sub.add_parser(
        "state",
        help="an artifact's stored state: list, or get|set|delete KEY [VALUE]",
        description="Without an action, list the keys and values. 'set KEY -' reads the value from stdin.",
    )
    p.add_argument("id")
    p.add_argument("action", nargs="?", choices=["get", "set", "delete"])
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")
    p.add_argument("--shared", action="store_true", help="the shared scope (default: personal)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_state)


def _rows(artifacts: list[Artifact]) -> list[list[str]]:
    return [
        [
            a.id,
            ("* " if a.pinned else "") + a.title,
            a.short_type + (f":{a.language}" if a.language else ""),
            format_time(a.updated_at),
            str(a.current_version),
        ]
        for a in artifacts
    ]


async def cmd_ls(args: argparse.Namespace) -> int:
    async with open_store() as store:
        artifacts = await store.list(type=args.type, sort=args.sort, limit=args.limit)
        if args.json:
            print_json([a.to_json() for a in artifacts])
        elif not artifacts:
            print("The library is empty. Add files with `artifacts import PATH`.", file=sys.stderr)
        else:
            print_table(["ID", "TITLE", "TYPE", "UPDATED", "V"], _rows(artifacts))
    return 0


async def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    async with open_store() as store:
        hits = await store.search(query, limit=args.limit, type=args.type)
    if args.json:
        print_json([h.to_json() for h in hits])
        return 0
    if not hits:
        print(f"Nothing matches {query!r}.", file=sys.stderr)
        return 0
    for hit in hits:
        a = hit.artifact
        print(f"{a.id}  {a.title}  ({a.short_type}, {format_time(a.updated_at)})")
        snippet = " ".join(hit.snippet.split())
        if snippet:
            print(f"    {snippet}")
    return 0


async def cmd_show(args: argparse.Namespace) -> int:
    async with open_store() as store:
        artifact = await store.get(args.id)
        version = await store.version(artifact.id, args.version)
        if args.code:
            sys.stdout.write(version.content or "")
            if version.content and not version.content.endswith("\n"):
                sys.stdout.write("\n")
            return 0
        personal = await store.state_keys(artifact.id)
        shared = await store.state_keys(artifact.id, shared=True)
        if args.json:
            print_json(
                {
                    **artifact.to_json(),
                    "version": version.to_json(),
                    "state_keys": {"personal": personal, "shared": shared},
                }
            )
            return 0
        lines = [
            ("id", artifact.id),
            ("title", artifact.title),
            ("type", artifact.type + (f" ({artifact.language})" if artifact.language else "")),
            (
                "version",
                f"{version.number} of {artifact.current_version}"
                + (f" — {version.label}" if version.label else "")
                + (" (incomplete)" if version.incomplete else ""),
            ),
            ("source", version.source),
            ("size", format_bytes(version.size)),
            ("created", format_time(artifact.created_at)),
            ("updated", format_time(artifact.updated_at)),
            ("state", f"{len(personal)} personal, {len(shared)} shared keys"),
        ]
        if artifact.pinned:
            lines.append(("pinned", "yes"))
        if artifact.trashed:
            lines.append(
                ("trashed", format_time(artifact.trashed_at) + " (restore: artifacts untrash " + artifact.id + ")")
            )
        if artifact.remixed_from:
            lines.append(("remixed from", artifact.remixed_from))
        if artifact.conversation_id:
            lines.append(("conversation", artifact.conversation_id))
        for name, value in lines:
            print(f"{name + ':':<14}{value}")
    return 0


def _read_source(path: str) -> tuple[str, str | None]:
    if path == "-":
        return sys.stdin.read(), None
    p = Path(path)
    if not p.is_file():
        raise NotFound(f"{path}: no such file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"cannot read {path} ({exc.strerror or exc}); check its permissions") from None
    try:
        if b"\0" in data:  # valid UTF-8 can still be binary (zeros, UTF-16 without a BOM)
            raise UnicodeDecodeError("utf-8", data, data.index(b"\0"), data.index(b"\0") + 1, "NUL")
        return data.decode("utf-8-sig"), p.name
    except UnicodeDecodeError:
        raise InvalidInput(
            f"{path} is not UTF-8 text; artifacts are text (HTML, JSX, SVG, Markdown, Mermaid, code)"
        ) from None


async def cmd_import(args: argparse.Namespace) -> int:
    from ..bundles import is_bundle, parse_bundle

    # Read and check everything first: a bad file fails the command before anything is written.
    sources: list[tuple[str, str | None] | dict[str, Any]] = []
    for p in args.paths:
        if p != "-" and is_bundle(Path(p)):
            sources.append(parse_bundle(Path(p).read_bytes()))
        else:
            sources.append(_read_source(p))
    created = []
    async with open_store() as store:
        for source in sources:
            if isinstance(source, dict):
                if args.title:
                    source["title"] = args.title
                if args.no_state:
                    source["state"] = []
                artifact = await store.import_bundle(**source)
            else:
                content, filename = source
                artifact = await store.create(
                    content, title=args.title, type=args.type, filename=filename, source="import"
                )
            created.append(artifact)
    if args.json:
        print_json([a.to_json() for a in created])
    else:
        for a in created:
            print(a.id)
            print(f"imported {a.title!r} as {a.short_type}", file=sys.stderr)
    return 0


async def cmd_save(args: argparse.Namespace) -> int:
    """A new version from a file, made by the user (Claude is told of it on its next turn)."""
    content, _ = _read_source(args.path)  # read first: a bad file changes nothing
    async with open_store() as store:
        artifact = await store.get(args.id)
        current = await store.version(artifact.id)
        if (current.content or "") == content:
            if args.json:
                print_json({"artifact": artifact.to_json(), "version": None})
            print(f"no changes: {args.path} is v{current.number} of {artifact.title!r} as it is", file=sys.stderr)
            return 0
        version = await store.add_version(artifact.id, content, source="user", label=args.label)
    if args.json:
        print_json({"artifact": artifact.to_json(), "version": version.number})
    else:
        print(f"saved  {artifact.id} v{version.number}  {version.title}")
    return 0


async def cmd_export(args: argparse.Namespace) -> int:
    if args.bundle:
        if args.html:
            raise InvalidInput("choose --html or --bundle, not both")
        from ..bundles import export_bundle

        async with open_store() as store:
            artifact = await store.get(args.id)
            data = await export_bundle(store, artifact.id, with_state=not args.no_state)
        if not args.output:
            if sys.stdout.isatty():
                raise InvalidInput("a bundle is a zip file: give -o FILE (or redirect stdout)")
            sys.stdout.buffer.write(data)
        else:
            _write(args.output, data)
            print(
                f"wrote {args.output} ({format_bytes(len(data))}): {artifact.title!r} with every version",
                file=sys.stderr,
            )
        return 0
    async with open_store() as store:
        version = await store.version(args.id, args.version)
    content = version.content or ""
    if args.html:
        content = await _standalone_html(version)
    output = args.output
    if output == "-":
        output = None  # asked for on stdout
    elif output is None and args.html and sys.stdout.isatty():
        # Hundreds of kilobytes of inlined libraries are no use on a terminal: a file instead.
        output = str(_free_name(Path.cwd(), _slug(version.title) or version.artifact_id, ".html"))
    if output:
        _write(output, content.encode("utf-8"))  # bytes: the source exactly, on any platform
        print(f"wrote {output} ({format_bytes(len(content.encode()))})", file=sys.stderr)
    else:
        sys.stdout.write(content)
    if args.html:
        print(EXPORT_WARNING, file=sys.stderr)
    return 0


#: Said after every HTML export: what the file's own policy cannot stop once it leaves the app.
EXPORT_WARNING = (
    "note: opened from disk, this page has no sandbox around it: its policy blocks requests, and "
    "links and window.open only offer their address, but the page's own code can still navigate "
    "itself (location = ...) and carry whatever it holds to any address. Open it only if you "
    "trust the artifact."
)


def _slug(title: str) -> str:
    """A file name from a title: ``Habit Tracker (v2)`` -> ``habit-tracker-v2``."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].rstrip("-")


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``stem.suffix`` in ``folder``, or ``stem-2.suffix``… : never over an existing file."""
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def _write(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise InvalidInput(
            f"cannot write {path} ({exc.strerror or exc}); check that its folder exists and is writable"
        ) from None


async def _standalone_html(version: Version) -> str:
    from ..assets import AssetCache
    from ..page import FrameSpec, export_document, needed_libraries

    cache = AssetCache()
    spec = FrameSpec(
        version.artifact_id, version.number, version.type, version.title, version.content or "", version.language
    )
    names = needed_libraries(spec, cache.lock)
    if cache.missing(names):
        print("downloading the runtime libraries this artifact needs…", file=sys.stderr)
        await cache.ensure(names)
    return export_document(spec, cache)


async def cmd_rename(args: argparse.Namespace) -> int:
    async with open_store() as store:
        artifact = await store.rename(args.id, " ".join(args.title))
    print(f"{artifact.id}  {artifact.title}")
    return 0


async def cmd_rm(args: argparse.Namespace) -> int:
    async with open_store() as store:
        artifact = await store.get(args.id)
        if args.purge:
            await store.purge(artifact.id)
            print(f"deleted {artifact.id} ({artifact.title}) for good", file=sys.stderr)
        else:
            await store.trash(artifact.id)
            print(
                f"moved {artifact.id} ({artifact.title}) to the trash; `artifacts untrash {artifact.id}` restores it",
                file=sys.stderr,
            )
    return 0


async def cmd_trash(args: argparse.Namespace) -> int:
    async with open_store() as store:
        artifacts = await store.list(trashed=True, limit=None)
    if args.json:
        print_json([a.to_json() for a in artifacts])
    elif not artifacts:
        print("The trash is empty.", file=sys.stderr)
    else:
        print_table(
            ["ID", "TITLE", "TYPE", "TRASHED"],
            [[a.id, a.title, a.short_type, format_time(a.trashed_at)] for a in artifacts],
        )
    return 0


async def cmd_untrash(args: argparse.Namespace) -> int:
    async with open_store() as store:
        artifact = await store.untrash(args.id)
    print(f"restored {artifact.id} ({artifact.title})", file=sys.stderr)
    return 0


async def cmd_versions(args: argparse.Namespace) -> int:
    async with open_store() as store:
        artifact = await store.get(args.id)
        versions = await store.versions(artifact.id)
    if args.json:
        print_json([v.to_json(with_content=False) for v in versions])
        return 0
    rows = []
    for v in versions:
        mark = "*" if v.number == artifact.current_version else " "
        note = (v.label or "") + (" (incomplete)" if v.incomplete else "")
        rows.append([f"{mark}{v.number}", format_time(v.created_at), v.source, format_bytes(v.size), v.title, note])
    print_table(["V", "CREATED", "SOURCE", "SIZE", "TITLE", "NOTE"], rows)
    return 0


async def cmd_revert(args: argparse.Namespace) -> int:
    async with open_store() as store:
        version = await store.revert(args.id, args.number)
    print(f"{version.artifact_id}: version {version.number} now equals version {args.number}")
    return 0


async def cmd_state(args: argparse.Namespace) -> int:
    async with open_store() as store:
        artifact = await store.get(args.id)
        aid = artifact.id
        if args.action is None:
            entries = await store.state_entries(aid, shared=args.shared)
            if args.json:
                print_json([e.to_json() for e in entries])
            elif not entries:
                print(f"{artifact.title} has no {'shared' if args.shared else 'personal'} state.", file=sys.stderr)
            else:
                for e in entries:
                    print(f"{e.key}\t{_pretty_inline(e.value)}")
            return 0
        if not args.key:
            raise InvalidInput(f"`artifacts state ID {args.action}` needs a KEY")
        if args.action == "get":
            entry = await store.state_get(aid, args.key, shared=args.shared)
            if entry is None:
                raise KeyNotFound(f"{artifact.title} has no {'shared' if args.shared else 'personal'} key {args.key!r}")
            if args.json:
                print_json(entry.to_json())
            else:
                print(entry.value)
        elif args.action == "set":
            if args.value is None:
                raise InvalidInput("`artifacts state ID set KEY VALUE` needs a VALUE ('-' reads stdin)")
            value = sys.stdin.read() if args.value == "-" else args.value
            entry = await store.state_set(aid, args.key, value, shared=args.shared)
            if args.json:
                print_json(entry.to_json())
        else:
            if not await store.state_delete(aid, args.key, shared=args.shared):
                raise KeyNotFound(f"{artifact.title} has no {'shared' if args.shared else 'personal'} key {args.key!r}")
    return 0


def _pretty_inline(value: str, width: int = 100) -> str:
    try:
        text = json.dumps(json.loads(value), ensure_ascii=False)
    except ValueError:
        text = value
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
