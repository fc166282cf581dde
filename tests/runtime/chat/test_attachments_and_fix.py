"""Files attached to a conversation, and "Fix with Claude"."""

from __future__ import annotations

from artifacts_runtime.chat import ArtifactUpdated, RuntimeErrorReport
from artifacts_runtime.chat.attachments import describe_file
from tests.fakes.messages_api import tool_use

from .conftest import collect, of

CSV = "date, habit ,done\n" + "".join(f"2026-01-{d:02d},run,{d % 2}\n" for d in range(1, 31))


async def test_attached_csv_is_shown_to_the_model_and_readable_by_the_artifact(
    engine, messages_api, store, tmp_path
) -> None:
    path = tmp_path / "habits.csv"
    path.write_text(CSV)
    messages_api.reply(
        tool_use(
            "artifacts",
            {
                "command": "create",
                "id": "chart",
                "type": "application/vnd.ant.react",
                "title": "Habit chart",
                "content": "export default function C() { /* window.fs.readFile('habits.csv') */ return null; }",
            },
        )
    )
    messages_api.reply("Charted.")
    result = await engine.send("Chart my habits", attachments=[path])

    request = messages_api.requests[0]
    files_block = request.system[1]["text"]
    assert "window.fs.readFile" in files_block
    assert 'name="habits.csv"' in files_block and 'rows="30"' in files_block
    assert "date, habit ,done" in files_block and "2026-01-10,run,0" in files_block
    assert "2026-01-20" not in files_block and "[… 20 more rows]" in files_block
    assert request.cache_breakpoints[0] == "system.0"  # the files block follows the cached prompt
    user_text = request.messages[0]["content"]
    assert user_text[0]["text"] == "Chart my habits" and "habits.csv" in user_text[1]["text"]

    artifact_id = result.artifacts[0].artifact_id
    files = await store.files(artifact_id=artifact_id)
    assert [f.name for f in files] == ["habits.csv"]
    read = await store.read_file("habits.csv", artifact_id=artifact_id)
    assert read.data.decode() == CSV


async def test_attachment_as_bytes_and_in_a_later_turn(engine, messages_api, store) -> None:
    messages_api.reply("ok")
    first = await engine.send("Hi")
    messages_api.reply("I see the notes.")
    await engine.send(
        "Here are notes", conversation_id=first.conversation_id, attachments=[("notes.txt", b"remember the milk")]
    )
    assert "remember the milk" in messages_api.last_request.system[1]["text"]


async def test_bad_attachment_path_stores_nothing(engine, messages_api, store, tmp_path) -> None:
    import pytest

    from artifacts_runtime.errors import InvalidInput

    with pytest.raises(InvalidInput, match="cannot read"):
        await engine.send("Hi", attachments=[tmp_path / "missing.csv"])
    assert await store.conversations() == [] and messages_api.requests == []


def test_describe_files() -> None:
    text = describe_file("a.md", "text/markdown", ("x" * 30_000).encode(), limit=1000)
    assert "truncated: 29000 more characters" in text
    binary = describe_file("book.xlsx", "application/vnd.ms-excel", b"PK\x03\x04\x00\x00rest")
    assert "Binary file" in binary and "XLSX.read" in binary
    small = describe_file("a.csv", "text/csv", b"a,b\n1,2\n")
    assert 'rows="1"' in small and 'columns="2"' in small and "more rows" not in small


ERROR = RuntimeErrorReport(
    "TypeError: Cannot read properties of undefined (reading 'map')",
    "    at App (artifact.jsx:3:20)",
    source="runtime",
)


async def test_fix_with_claude_in_the_artifacts_conversation(engine, messages_api, store) -> None:
    broken = "export default function App() {\n  return items.map(i => i);\n}\n"
    messages_api.reply(
        tool_use(
            "artifacts",
            {
                "command": "create",
                "id": "list",
                "type": "application/vnd.ant.react",
                "title": "List",
                "content": broken,
            },
        )
    )
    messages_api.reply("Made a list.")
    first = await engine.send("Make a list")
    artifact_id = first.artifacts[0].artifact_id

    messages_api.reply(
        tool_use(
            "artifacts", {"command": "update", "id": "list", "old_str": "items.map", "new_str": "(items ?? []).map"}
        )
    )
    messages_api.reply("`items` was undefined; it now defaults to an empty list.")
    events = await collect(engine.fix(artifact_id, ERROR))

    (updated,) = of(events, ArtifactUpdated)
    assert updated.artifact_id == artifact_id and updated.version == 2
    assert events[-1].conversation_id == first.conversation_id
    sent = messages_api.requests[2].messages[-1]["content"][0]["text"]
    assert "Cannot read properties of undefined" in sent and "artifact.jsx:3:20" in sent
    assert artifact_id in sent and "version 1" in sent
    assert "Its current source" not in sent  # the conversation made this version: no need to send it
    assert "(items ?? []).map" in (await store.version(artifact_id)).content


async def test_fix_an_artifact_without_a_conversation(engine, messages_api, store) -> None:
    artifact = await store.create("<script>boom()</script>", type="html", title="Boom")
    messages_api.reply(
        tool_use(
            "artifacts", {"command": "rewrite", "id": artifact.id, "content": "<script>console.log('ok')</script>"}
        )
    )
    messages_api.reply("Fixed.")
    result = await engine.fix(
        artifact.id, {"message": "ReferenceError: boom is not defined", "stack": "at <anonymous>"}
    ).run()

    conversation = await store.conversation(result.conversation_id)
    assert conversation.artifact_id == artifact.id and conversation.title == "Fix: Boom"
    sent = messages_api.requests[0].messages[0]["content"][0]["text"]
    assert "Its current source" in sent and "<script>boom()</script>" in sent
    version = await store.version(artifact.id)
    assert version.number == 2 and version.source == "model" and "console.log" in version.content

    # a second fix goes to the same conversation
    messages_api.reply("Nothing to do.")
    again = await engine.fix(artifact.id, "ReferenceError again").run()
    assert again.conversation_id == result.conversation_id
