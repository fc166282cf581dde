"""The conversation engine against the fake Messages API: artifacts made and edited by the
tool and by inline tags, what is stored, what is sent."""

from __future__ import annotations

import json

from artifacts_runtime import kinds
from artifacts_runtime.chat import (
    ArtifactCreated,
    ArtifactUpdated,
    TextDelta,
    ToolError,
    ToolInputProgress,
    TurnDone,
    TurnStarted,
    Usage,
)
from artifacts_runtime.chat.prompt import SYSTEM_PROMPT
from tests.fakes.messages_api import Usage as FakeUsage
from tests.fakes.messages_api import text, thinking, tool_use

from .conftest import MODEL, collect, of

APP = 'export default function HabitTracker() {\n  return <div className="p-4">Habits</div>;\n}\n' * 40


def create(content: str = APP, **fields) -> dict:
    return {
        "command": "create",
        "id": "habit-tracker",
        "type": kinds.REACT,
        "title": "Habit tracker",
        "content": content,
        **fields,
    }


async def test_create_streams_progress_then_the_artifact(engine, messages_api, store) -> None:
    messages_api.reply("I'll build it.", tool_use("artifacts", create()))
    messages_api.reply("Done: a habit tracker.")

    events = await collect(engine.turn("Make a habit tracker"))

    assert isinstance(events[0], TurnStarted) and isinstance(events[-1], TurnDone)
    assert "".join(e.text for e in of(events, TextDelta)) == "I'll build it.Done: a habit tracker."
    progress = of(events, ToolInputProgress)
    assert progress and all(p.title == "Habit tracker" and p.field_name == "content" for p in progress)
    sizes = [p.size for p in progress]
    assert sizes == sorted(sizes) and sizes[-1] == len(APP.encode())
    middle = progress[len(progress) // 2]
    assert APP.startswith(middle.content) and 0 < len(middle.content) < len(APP)  # a preview can follow
    (created,) = of(events, ArtifactCreated)
    assert (created.title, created.version, created.identifier) == ("Habit tracker", 1, "habit-tracker")
    done = events[-1]
    assert done.stop_reason == "end_turn" and not done.incomplete
    assert [(a.artifact_id, a.version, a.created) for a in done.artifacts] == [(created.artifact_id, 1, True)]

    artifact = await store.get(created.artifact_id)
    assert artifact.type == kinds.REACT and artifact.conversation_id == done.conversation_id
    version = await store.version(artifact.id)
    assert version.content == APP and version.source == "model" and not version.incomplete

    stored = await store.messages(done.conversation_id)
    assert [m.role for m in stored] == ["user", "assistant", "user", "assistant"]
    assert version.message_id == stored[1].id  # the version links to the message that made it
    tool_block = stored[1].content[1]
    assert tool_block["type"] == "tool_use" and tool_block["input"] == create()
    assert stored[2].content[0]["artifact_id"] == artifact.id
    assert not any(m.incomplete for m in stored)
    assert stored[3].stop_reason == "end_turn"


async def test_tool_results_go_back_and_the_turn_continues(engine, messages_api) -> None:
    block = tool_use("artifacts", create())
    messages_api.reply(block)
    messages_api.reply("Done.")
    await engine.send("Make it")
    second = messages_api.requests[1].messages
    assert second[-2]["content"][0]["id"] == block.id
    result = second[-1]["content"][0]
    assert result["type"] == "tool_result" and result["tool_use_id"] == block.id
    assert "Created artifact" in result["content"] and "is_error" not in result
    assert set(result) <= {"type", "tool_use_id", "content", "is_error", "cache_control"}


async def test_update_exactly_once(engine, messages_api, store) -> None:
    messages_api.reply(tool_use("artifacts", create()))
    messages_api.reply("Made.")
    first = await engine.send("Make a habit tracker")
    artifact_id = first.artifacts[0].artifact_id

    messages_api.reply(
        tool_use(
            "artifacts",
            {
                "command": "update",
                "id": "habit-tracker",
                "old_str": 'className="p-4">Habits',
                "new_str": 'className="p-4">My habits',
            },
        )
    )
    messages_api.reply("Changed.")
    # old_str occurs 40 times in APP: make the content unique first
    await store.add_version(
        artifact_id, APP.replace('className="p-4">Habits', 'className="p-2">Habits', 39), source="user"
    )
    events = []
    result = await engine.send("Rename it", conversation_id=first.conversation_id, on_event=events.append)

    (updated,) = of(events, ArtifactUpdated)
    assert updated.artifact_id == artifact_id and updated.version == 3 and updated.command == "update"
    edit_progress = [p for p in of(events, ToolInputProgress) if p.field_name == "new_str"]
    assert edit_progress and edit_progress[-1].artifact_id == artifact_id and edit_progress[-1].title == "Habit tracker"
    content = (await store.version(artifact_id)).content
    assert content.count("My habits") == 1
    assert result.artifacts[0].version == 3 and not result.artifacts[0].created


async def test_update_zero_and_twice_are_errors_the_model_can_fix(engine, messages_api, store) -> None:
    page = "<p>one</p>\n<p>two</p>\n<p>two</p>\n"
    messages_api.reply(tool_use("artifacts", {"command": "create", "id": "page", "type": "text/html", "content": page}))
    messages_api.reply(
        tool_use("artifacts", {"command": "update", "id": "page", "old_str": "<p>three</p>", "new_str": "x"})
    )
    messages_api.reply(
        tool_use("artifacts", {"command": "update", "id": "page", "old_str": "<p>two</p>", "new_str": "x"})
    )
    messages_api.reply(
        tool_use(
            "artifacts", {"command": "update", "id": "page", "old_str": "<p>two</p>\n<p>two</p>", "new_str": "<p>2</p>"}
        )
    )
    messages_api.reply("Fixed on the third try.")

    events = []
    result = await engine.send("Make and edit a page", on_event=events.append)

    errors = of(events, ToolError)
    assert len(errors) == 2
    assert "not found" in errors[0].message and "more than once" in errors[1].message
    requests = messages_api.requests
    assert len(requests) == 5
    sent_error = requests[2].messages[-1]["content"][0]
    assert sent_error["is_error"] is True and "not found" in sent_error["content"]
    artifact_id = result.artifacts[0].artifact_id
    versions = await store.versions(artifact_id)
    assert [v.number for v in versions] == [1, 2]
    assert (await store.version(artifact_id)).content == "<p>one</p>\n<p>2</p>\n"
    assert result.stop_reason == "end_turn"


async def test_rewrite(engine, messages_api, store) -> None:
    messages_api.reply(tool_use("artifacts", create()))
    messages_api.reply("Made.")
    first = await engine.send("Make it")
    messages_api.reply(
        tool_use(
            "artifacts",
            {
                "command": "rewrite",
                "id": "habit-tracker",
                "title": "Habits v2",
                "content": "export default () => <p>new</p>;\n",
            },
        )
    )
    messages_api.reply("Rewritten.")
    events = []
    await engine.send("Start over", conversation_id=first.conversation_id, on_event=events.append)
    (updated,) = of(events, ArtifactUpdated)
    assert updated.command == "rewrite" and updated.version == 2 and updated.title == "Habits v2"
    assert (await store.version(updated.artifact_id)).content == "export default () => <p>new</p>;\n"


async def test_antartifact_tags_create_then_version(engine, messages_api, store) -> None:
    tagged = (
        "Here it is.\n"
        '<antArtifact identifier="notes" type="text/markdown" title="Notes">\n# Notes\n\n- one\n</antArtifact>\n'
        "Enjoy."
    )
    messages_api.reply(text(tagged, chunk_size=7))
    events = []
    first = await engine.send("Write notes", on_event=events.append)

    assert "".join(e.text for e in of(events, TextDelta)) == "Here it is.\n\nEnjoy."  # the tag is not shown as text
    assert of(events, ToolInputProgress)[-1].content == "# Notes\n\n- one"
    (created,) = of(events, ArtifactCreated)
    assert (await store.version(created.artifact_id)).content == "# Notes\n\n- one"
    assert (await store.get(created.artifact_id)).type == kinds.MARKDOWN
    stored = await store.messages(first.conversation_id)
    assert stored[1].content[0]["text"] == tagged  # the transcript keeps what the model wrote

    messages_api.reply(
        '<antArtifact identifier="notes" type="text/markdown" title="Notes">\n# Notes\n\n- two\n</antArtifact>'
    )
    events = []
    await engine.send("Change it", conversation_id=first.conversation_id, on_event=events.append)
    (updated,) = of(events, ArtifactUpdated)
    assert updated.artifact_id == created.artifact_id and updated.version == 2
    # the inline ref is ours: it is not sent back to the API
    sent = messages_api.last_request.messages
    assert all(b["type"] != "artifact_ref" for m in sent for b in m["content"])


async def test_history_is_sent_on_continue(engine, messages_api) -> None:
    block = tool_use("artifacts", create())
    messages_api.reply("Sure.", block)
    messages_api.reply("Made it.")
    first = await engine.send("Make a habit tracker")
    messages_api.reply("You're welcome.")
    await engine.send("Thanks!", conversation_id=first.conversation_id[:5])  # a prefix is enough

    sent = messages_api.last_request.messages
    assert [m["role"] for m in sent] == ["user", "assistant", "user", "assistant", "user"]
    assert sent[0]["content"][0]["text"] == "Make a habit tracker"
    assert sent[1]["content"][1]["type"] == "tool_use" and sent[1]["content"][1]["id"] == block.id
    assert sent[2]["content"][0]["tool_use_id"] == block.id
    assert sent[3]["content"] == [{"type": "text", "text": "Made it."}]
    assert sent[4]["content"][-1]["text"] == "Thanks!"


async def test_request_shape_and_cache_breakpoints(engine, messages_api) -> None:
    messages_api.reply(tool_use("artifacts", create()))
    messages_api.reply("ok")
    await engine.send("Make it")
    for request in messages_api.requests:
        assert request.model == MODEL and request.stream
        assert request.body["max_tokens"] == 4096
        assert "temperature" not in request.body  # not sent unless configured
        assert request.system[0]["text"] == SYSTEM_PROMPT
        assert request.tools[0]["name"] == "artifacts"
        last = len(request.messages) - 1
        assert request.cache_breakpoints == ["system.0", "tools.0", f"messages.{last}.content.0"]


async def test_system_prompt_teaches_the_runtime() -> None:
    for needle in (
        "application/vnd.ant.react",
        "text/html",
        "image/svg+xml",
        "text/markdown",
        "application/vnd.ant.mermaid",
        "application/vnd.ant.code",
        "recharts",
        "lucide-react",
        "three",
        "r128",
        "mathjs",
        "papaparse",
        "xlsx",
        "chart.js",
        "plotly",
        "tone",
        "mermaid",
        "Tailwind",
        "@/components/ui/",
        "window.storage",
        "5 MB",
        "shared",
        "window.claude.complete",
        "window.fs.readFile",
        "When to make an artifact",
        "localStorage",
    ):
        assert needle in SYSTEM_PROMPT, needle


async def test_model_flags_and_temperature(engine, messages_api) -> None:
    messages_api.reply("hi")
    await engine.send("hello", model="claude-other", max_tokens=99, temperature=0.25)
    body = messages_api.last_request.body
    assert (body["model"], body["max_tokens"], body["temperature"]) == ("claude-other", 99, 0.25)


async def test_usage_recorded_per_conversation_and_artifact(engine, messages_api, store) -> None:
    messages_api.reply(
        tool_use("artifacts", create()),
        usage=FakeUsage(input_tokens=100, output_tokens=40, cache_read_input_tokens=7, cache_creation_input_tokens=3),
    )
    messages_api.reply("Done.", usage=FakeUsage(input_tokens=150, output_tokens=5))
    events = []
    result = await engine.send("Make it", on_event=events.append)
    usage_events = of(events, Usage)
    assert [(u.input_tokens, u.output_tokens) for u in usage_events] == [(100, 40), (150, 5)]
    total = await store.usage(conversation_id=result.conversation_id)
    assert (total.input_tokens, total.output_tokens, total.cache_read_tokens, total.cache_write_tokens) == (
        250,
        45,
        7,
        3,
    )
    assert total.calls == 2
    per_artifact = await store.usage(artifact_id=result.artifacts[0].artifact_id)
    assert (per_artifact.input_tokens, per_artifact.output_tokens) == (100, 40)
    stored = await store.messages(result.conversation_id)
    assert (stored[1].input_tokens, stored[1].output_tokens) == (100, 40)
    assert (result.input_tokens, result.output_tokens) == (250, 45)


async def test_thinking_blocks_are_kept_and_sent_back(engine, messages_api, store) -> None:
    messages_api.reply(thinking("The user wants a tracker."), tool_use("artifacts", create()))
    messages_api.reply("Done.")
    result = await engine.send("Make it")
    stored = await store.messages(result.conversation_id)
    assert stored[1].content[0] == {
        "type": "thinking",
        "thinking": "The user wants a tracker.",
        "signature": "sig-fake-0123456789",
    }
    sent = messages_api.requests[1].messages
    assert sent[1]["content"][0]["type"] == "thinking"  # with its tool_use, as the API requires


async def test_unknown_tool_and_bad_json_are_reported_to_the_model(engine, messages_api) -> None:
    messages_api.reply(tool_use("web_search", {"q": "x"}))
    messages_api.reply(tool_use("artifacts", {}, raw_json='{"command": "create", "content": "a" "b"}'))
    messages_api.reply("Sorry.")
    events = []
    await engine.send("Go", on_event=events.append)
    errors = of(events, ToolError)
    assert len(errors) == 2
    assert "no tool named 'web_search'" in errors[0].message
    assert "could not be read" in errors[1].message


async def test_max_rounds_stops_a_loop(engine, messages_api, store) -> None:
    engine.config = engine.config.__class__(**{**engine.config.__dict__, "max_rounds": 2})
    for _ in range(3):
        messages_api.reply(
            tool_use("artifacts", {"command": "update", "id": "nothing", "old_str": "a", "new_str": "b"})
        )
    events = []
    result = await engine.send("Loop", on_event=events.append)
    assert len(messages_api.requests) == 2
    assert result.incomplete and "2 model calls" in result.notice
    assert events[-1].notice == result.notice


async def test_json_of_events_is_serialisable(engine, messages_api) -> None:
    messages_api.reply("Hi.", tool_use("artifacts", create()))
    messages_api.reply("Done.")
    events = await collect(engine.turn("Make it"))
    for event in events:
        line = json.dumps(event.to_json())
        assert json.loads(line)["type"] == event.event_type
