"""Chat commands: ``chat`` (one turn, streamed), ``conversations``, ``conversation ID``.

``artifacts chat`` writes the reply's text to stdout as it streams and the tool progress to
stderr, then the artifacts it created or changed, one per line on stdout::

    created  k3j4h5g6 v1  Habit tracker

With ``--json`` every event is one JSON object on its own line of stdout (tool progress at most
ten times a second per artifact); each object's ``"type"`` names the event. The chat runs in a
:class:`~artifacts_runtime.workspace.Workspace` (no server started); the engine (and
``anthropic``) is imported only when a command needs it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TYPE_CHECKING, Any, TextIO

from ..errors import InvalidInput
from ..humanize import format_bytes, format_time
from ..records import Conversation, Message
from .common import Subparsers, open_store, print_json, print_table

if TYPE_CHECKING:
    from ..chat import events as ev
    from ..chat.events import ChatEvent

PROGRESS_INTERVAL = 0.1


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def register(sub: Subparsers) -> None:
    p = sub.add_parser("chat", help="send one message to Claude and stream the reply ('-' reads it from stdin)")
    p.add_argument("prompt", metavar="PROMPT", help="the message ('-': read it from stdin)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--conversation", "-c", metavar="ID", help="continue this conversation")
    which.add_argument(
        "--artifact",
        "-a",
        metavar="ID",
        help="talk about this artifact (in its conversation, or a new one linked to it); Claude sees its source",
    )
    p.add_argument(
        "--attach", metavar="FILE", action="append", default=[], help="attach a file to the conversation (repeatable)"
    )
    p.add_argument("--model", help="model id (default: config.toml, ARTIFACTS_MODEL, or a current Sonnet)")
    p.add_argument("--max-tokens", type=_positive, metavar="N", help="output token limit of a reply")
    p.add_argument("--temperature", type=float, help="sampling temperature (default: the model's)")
    p.add_argument("--json", action="store_true", help="one JSON object per event, one per line")
    p.set_defaults(handler=cmd_chat)

    p = sub.add_parser("conversations", help="list the conversations")
    p.add_argument("--limit", type=_positive, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_conversations)

    p = sub.add_parser("conversation", help="print a conversation's transcript")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_conversation)


# ---------------------------------------------------------------------------- chat


class _Printer:
    """Turns events into output: reply text on stdout, progress on stderr."""

    def __init__(self, *, as_json: bool, out: TextIO | None = None, err: TextIO | None = None) -> None:
        self.as_json = as_json
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.tty = self.err.isatty()
        self._last_progress: dict[str, float] = {}
        self._progress_line = False
        self._text_open = False  # stdout has text not ended by a newline

    def __call__(self, event: ChatEvent) -> None:
        from ..chat import events as ev

        if self.as_json:
            if isinstance(event, ev.ToolInputProgress):
                now = time.monotonic()
                if now - self._last_progress.get(event.tool_use_id, -1.0) < PROGRESS_INTERVAL:
                    return
                self._last_progress[event.tool_use_id] = now
            self.out.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")
            self.out.flush()
            return
        match event:
            case ev.TextDelta():
                self.on_text(event)
            case ev.ToolInputProgress():
                self.on_tool_progress(event)
            case ev.ArtifactCreated():
                self.on_artifact_created(event)
            case ev.ArtifactUpdated():
                self.on_artifact_updated(event)
            case ev.ToolError():
                self.on_tool_error(event)
            case ev.Retrying():
                self.on_retrying(event)
            case ev.TurnDone():
                self.on_turn_done(event)

    def _err_line(self, text: str) -> None:
        if self._progress_line:
            self.err.write("\n")
            self._progress_line = False
        if self._text_open:
            self.out.write("\n")
            self.out.flush()
            self._text_open = False
        self.err.write(text + "\n")
        self.err.flush()

    def on_text(self, event: ev.TextDelta) -> None:
        if self._progress_line:
            self.err.write("\n")
            self.err.flush()
            self._progress_line = False
        self.out.write(event.text)
        self.out.flush()
        self._text_open = not event.text.endswith("\n")

    def on_tool_progress(self, event: ev.ToolInputProgress) -> None:
        name = event.title or event.identifier or "an artifact"
        verb = "editing" if event.command == "update" else "writing"
        if self.tty:
            now = time.monotonic()
            if now - self._last_progress.get(event.tool_use_id, -1.0) < PROGRESS_INTERVAL:
                return
            self._last_progress[event.tool_use_id] = now
            if self._text_open:
                self.out.write("\n")
                self.out.flush()
                self._text_open = False
            self.err.write(f"\r  {verb} {name}… {format_bytes(event.size)}\x1b[K")
            self.err.flush()
            self._progress_line = True
        elif event.tool_use_id not in self._last_progress:
            self._last_progress[event.tool_use_id] = 0.0
            self._err_line(f"  {verb} {name}…")

    def on_artifact_created(self, event: ev.ArtifactCreated) -> None:
        note = " (incomplete)" if event.incomplete else ""
        self._err_line(f'  created artifact {event.artifact_id} "{event.title}" v{event.version}{note}')

    def on_artifact_updated(self, event: ev.ArtifactUpdated) -> None:
        note = " (incomplete)" if event.incomplete else ""
        self._err_line(f'  {event.command}: artifact {event.artifact_id} "{event.title}" v{event.version}{note}')

    def on_tool_error(self, event: ev.ToolError) -> None:
        self._err_line(f"  tool error: {event.message}")

    def on_retrying(self, event: ev.Retrying) -> None:
        self._err_line(
            f"  {event.reason}; retrying in {event.delay:.1f} s (attempt {event.attempt} of {event.max_attempts})"
        )

    def on_turn_done(self, event: ev.TurnDone) -> None:
        if self._progress_line:
            self.err.write("\n")
            self._progress_line = False
        if self._text_open:
            self.out.write("\n")
            self._text_open = False
        latest: dict[str, Any] = {}
        created: set[str] = set()
        for change in event.artifacts:
            latest[change.artifact_id] = change
            if change.created:
                created.add(change.artifact_id)
        if latest:
            self.out.write("\n")
            for artifact_id, change in latest.items():
                verb = "created" if artifact_id in created else "updated"
                note = "  (incomplete)" if change.incomplete else ""
                self.out.write(f"{verb}  {artifact_id} v{change.version}  {change.title}{note}\n")
        self.out.flush()
        if event.notice and event.stop_reason != "error":
            self.err.write(f"artifacts: {event.notice}\n")
        if event.conversation_id:
            self.err.write(
                f"conversation {event.conversation_id} (continue with --conversation {event.conversation_id})\n"
            )
        self.err.flush()


async def cmd_chat(args: argparse.Namespace) -> int:
    from ..config import load_config, with_overrides
    from ..paths import get_paths
    from ..workspace import Workspace

    prompt = sys.stdin.read() if args.prompt == "-" else args.prompt
    if not prompt.strip():
        raise InvalidInput("the message is empty")
    config = with_overrides(
        load_config(get_paths()),
        model=args.model,
        max_tokens=args.max_tokens,
        temperature=args.temperature,
    )
    printer = _Printer(as_json=args.json)
    async with await Workspace.open(config=config) as workspace:
        conversation_id = args.conversation
        if args.artifact:
            from ..chat.context import conversation_about

            conversation_id = (await conversation_about(workspace.store, args.artifact)).id
        turn = workspace.chat_engine().turn(
            prompt, conversation_id=conversation_id, attachments=args.attach, keep_unanswered=False
        )
        result = await turn.run(printer)
    if result.error is not None:
        # The error says what to do; a turn that got no reply left no conversation to name.
        print(f"artifacts: {result.error}", file=sys.stderr)
        return 1
    return 0


# ---------------------------------------------------------------------------- reading


async def cmd_conversations(args: argparse.Namespace) -> int:
    async with open_store() as store:
        conversations = await store.conversations(limit=args.limit)
    if args.json:
        print_json([c.to_json() for c in conversations])
        return 0
    if not conversations:
        print('No conversations yet; start one with: artifacts chat "…"')
        return 0
    print_table(
        ["ID", "UPDATED", "MSGS", "MODEL", "TITLE"],
        [
            [c.id, format_time(c.updated_at), c.message_count, c.model or "-", c.title or "(untitled)"]
            for c in conversations
        ],
    )
    return 0


async def cmd_conversation(args: argparse.Namespace) -> int:
    async with open_store() as store:
        conversation = await store.conversation(args.id)
        messages = await store.messages(conversation.id)
    if args.json:
        print_json({"conversation": conversation.to_json(), "messages": [m.to_json() for m in messages]})
        return 0
    sys.stdout.write(render_transcript(conversation, messages))
    return 0


def render_transcript(conversation: Conversation, messages: list[Message]) -> str:
    """A conversation as readable text: who said what, and what happened to the artifacts."""
    from ..chat.antartifact import InlineArtifact, split_text

    results: dict[str, dict[str, Any]] = {}
    for m in messages:
        for b in m.content:
            if b.get("type") == "tool_result":
                results[b.get("tool_use_id", "")] = b
    lines = [
        f"conversation {conversation.id}  {conversation.title or '(untitled)'}",
        f"model {conversation.model or '-'} · {conversation.message_count} messages · "
        f"started {format_time(conversation.created_at)}",
    ]
    if conversation.artifact_id:
        lines.append(f"about artifact {conversation.artifact_id}")
    for m in messages:
        body: list[str] = []
        for b in m.content:
            kind = b.get("type")
            if kind == "text":
                for part in split_text(b.get("text", "")):
                    if isinstance(part, InlineArtifact):
                        title = part.attrs.get("title") or part.attrs.get("identifier") or "artifact"
                        body.append(f"[artifact “{title}” written inline{'' if part.closed else ', unfinished'}]")
                    elif part.strip():
                        body.append(part.strip())
            elif kind == "tool_use":
                body.append(_describe_tool(b, results.get(b.get("id", ""))))
            elif kind == "artifact_ref":
                body.append(f"  → artifact {b.get('artifact_id')} v{b.get('version')}")
        if not body:
            continue  # tool results alone: shown with their call
        who = "you" if m.role == "user" else "Claude"
        note = ""
        if m.incomplete:
            note = f"  (incomplete: {m.stop_reason or 'interrupted'})"
        elif m.stop_reason == "max_tokens":
            note = "  (cut at max_tokens)"
        lines.append("")
        lines.append(f"── {who} · {format_time(m.created_at)}{note}")
        lines.extend(body)
    return "\n".join(lines) + "\n"


def _describe_tool(block: dict[str, Any], result: dict[str, Any] | None) -> str:
    data = block.get("input") or {}
    command = data.get("command", "?")
    name = data.get("title") or data.get("id") or "artifact"
    head = f"[{block.get('name', 'tool')} {command} “{name}”"
    if result is None:
        return head + ": no result]"
    if result.get("is_error"):
        return head + f" failed: {result.get('content')}]"
    if result.get("artifact_id"):
        return head + f" → {result['artifact_id']} v{result.get('version')}]"
    return head + "]"
