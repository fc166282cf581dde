"""What the model is told about the files attached to a conversation.

Artifacts read the files themselves with ``window.fs.readFile``; the model needs enough to
write that code: for a CSV its header and first rows, with its size and row count; for other
text its content up to a limit; for binary files the name, type and size.
"""

from __future__ import annotations

import csv
import io
from pathlib import PurePath

from ..humanize import format_bytes
from ..records import AttachedFile
from ..store import Store

CSV_ROWS = 10
TEXT_LIMIT = 20_000  # characters of one text file shown to the model
TOTAL_LIMIT = 60_000  # characters for all files together
TEXT_MIMES = ("application/json", "application/xml", "application/javascript", "application/x-yaml")
CSV_EXTENSIONS = (".csv", ".tsv")


def _as_text(data: bytes) -> str | None:
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def is_csv(name: str, mime: str) -> bool:
    return PurePath(name).suffix.lower() in CSV_EXTENSIONS or mime in ("text/csv", "text/tab-separated-values")


def describe_file(name: str, mime: str, data: bytes, *, limit: int = TEXT_LIMIT) -> str:
    """One file as the model sees it."""
    size = format_bytes(len(data))
    text = _as_text(data)
    if text is None:
        hint = " (SheetJS: XLSX.read(data))" if PurePath(name).suffix.lower() in (".xlsx", ".xls") else ""
        return (
            f'<file name="{name}" type="{mime}" size="{size}">\n'
            f"Binary file: read it with window.fs.readFile({name!r}), which returns a "
            f"Uint8Array{hint}.\n</file>"
        )
    if is_csv(name, mime):
        lines = text.splitlines()
        rows = max(0, len(lines) - 1)
        shown = "\n".join(lines[: CSV_ROWS + 1])
        columns = ""
        try:
            dialect = "excel-tab" if name.lower().endswith(".tsv") else "excel"
            header = next(csv.reader(io.StringIO(lines[0] if lines else ""), dialect))
            columns = f' columns="{len(header)}"'
        except (StopIteration, csv.Error):
            pass
        more = f"\n[… {rows - CSV_ROWS} more rows]" if rows > CSV_ROWS else ""
        return f'<file name="{name}" type="{mime}" size="{size}" rows="{rows}"{columns}>\n{shown}{more}\n</file>'
    body = text if len(text) <= limit else text[:limit] + f"\n[… truncated: {len(text) - limit} more characters]"
    return f'<file name="{name}" type="{mime}" size="{size}">\n{body}\n</file>'


async def describe_conversation_files(store: Store, conversation_id: str) -> str | None:
    """The system-prompt block about this conversation's files (None when it has none)."""
    files: list[AttachedFile] = await store.files(conversation_id=conversation_id)
    if not files:
        return None
    parts = [
        "The user attached these files to the conversation. Artifacts can read them with "
        'window.fs.readFile(name, { encoding: "utf8" }) (a Uint8Array without encoding); '
        "use the exact names."
    ]
    budget = TOTAL_LIMIT
    for f in files:
        full = await store.read_file(f.name, conversation_id=conversation_id)
        described = describe_file(f.name, f.mime, full.data or b"", limit=max(500, min(TEXT_LIMIT, budget)))
        budget -= len(described)
        parts.append(described)
    return "\n\n".join(parts)
