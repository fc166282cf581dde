"""Entry point of the ``artifacts`` command.

Sub-commands live in small modules; each has ``register(subparsers)`` which adds its parsers
and sets ``handler`` (sync or async, taking the parsed args, returning an exit code).
Errors of this package print one sentence to stderr and exit non-zero.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import inspect
import sys
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from ..errors import ArtifactsError

#: Imported when the parser is built, not before: ``artifacts`` with no arguments starts the app
#: without paying for them (start-up time is measured against a bare Textual app).
COMMAND_MODULES = ["library_cmds", "runtime_cmds", "preview_cmds", "share_cmds", "assets_cmd", "chat_cmds"]


def command_modules() -> list[ModuleType]:
    return [importlib.import_module(f"{__package__}.{name}") for name in COMMAND_MODULES]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="artifacts",
        description="live-artifacts: a library of artifacts made with Claude, in your terminal.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules():
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    try:
        result = handler(args)
        if inspect.iscoroutine(result):
            result = asyncio.run(result)
        return int(result or 0)
    except ArtifactsError as exc:
        print(f"artifacts: {exc}; {exc.hint}" if exc.hint else f"artifacts: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("artifacts: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
