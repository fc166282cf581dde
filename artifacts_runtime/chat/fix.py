""" "Fix with Claude": an artifact's runtime error, sent back into its conversation.

The page reports a runtime error (message, stack) to the bridge; the app offers to send it to
the model. The message goes into the conversation that made the artifact (or one linked to
the artifact, made now if there is none); the model answers with the artifact tool, so the fix
becomes a new version. When the conversation has not seen the current version (an imported
artifact, a user edit), the current source goes with the message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import InvalidInput
from ..store import Store

MAX_ERROR = 4000  # characters of message + stack sent
MAX_SOURCE = 200_000  # characters of source sent along


@dataclass(frozen=True)
class RuntimeErrorReport:
    """What the page reported. ``source`` says where (runtime, transpile, import, promise)."""

    message: str
    stack: str | None = None
    source: str | None = None
    version: int | None = None

    @classmethod
    def from_any(cls, report: RuntimeErrorReport | Mapping[str, Any] | str) -> RuntimeErrorReport:
        if isinstance(report, RuntimeErrorReport):
            return report
        if isinstance(report, str):
            return cls(report)
        if isinstance(report, Mapping):
            message = report.get("message")
            if not isinstance(message, str) or not message.strip():
                raise InvalidInput("an error report needs a message")
            version = report.get("version")
            return cls(
                message,
                report.get("stack") if isinstance(report.get("stack"), str) else None,
                report.get("source") if isinstance(report.get("source"), str) else None,
                version if isinstance(version, int) else None,
            )
        raise InvalidInput("an error report is a message, or a mapping with message and stack")


def fix_prompt(
    title: str,
    artifact_id: str,
    number: int,
    type_: str,
    report: RuntimeErrorReport,
    source: str | None,
    language: str | None = None,
) -> str:
    error = report.message.strip()
    if report.stack and report.stack.strip() and report.stack.strip() not in error:
        error += "\n" + report.stack.strip()
    if len(error) > MAX_ERROR:
        error = error[:MAX_ERROR] + "\n[…]"
    where = f" ({report.source})" if report.source else ""
    parts = [
        f'The artifact "{title}" (id {artifact_id}, version {number}, {type_}) fails in the '
        f"preview with this error{where}:",
        f"<error>\n{error}\n</error>",
    ]
    if source is not None:
        fence = "````" if "```" in source else "```"
        body = source if len(source) <= MAX_SOURCE else source[:MAX_SOURCE] + "\n[… truncated]"
        parts.append(f"Its current source (version {number}):\n{fence}{language or ''}\n{body}\n{fence}")
    parts.append(
        f'Find the cause and fix it with the artifacts tool (id "{artifact_id}"): update for a '
        "targeted fix, rewrite if it needs more. Then say in a sentence or two what was wrong."
    )
    return "\n\n".join(parts)


async def prepare_fix(
    store: Store,
    artifact_ref: str,
    report: RuntimeErrorReport | Mapping[str, Any] | str,
    *,
    model: str | None = None,
) -> tuple[str, str]:
    """(conversation id, prompt) for fixing ``artifact_ref``; makes the conversation if needed."""
    report = RuntimeErrorReport.from_any(report)
    artifact = await store.get(artifact_ref)
    version = await store.version(artifact.id)
    conversation_id = artifact.conversation_id
    if conversation_id is None:
        linked = [c for c in await store.conversations(limit=None) if c.artifact_id == artifact.id]
        conversation_id = linked[0].id if linked else None
    if conversation_id is None:
        conversation = await store.create_conversation(
            title=f"Fix: {artifact.title}",
            model=model,
            artifact_id=artifact.id,
        )
        conversation_id = conversation.id
    seen = {m.id for m in await store.messages(conversation_id)}
    source = None if version.message_id in seen else (version.content or "")
    prompt = fix_prompt(artifact.title, artifact.id, version.number, artifact.type, report, source, artifact.language)
    return conversation_id, prompt
