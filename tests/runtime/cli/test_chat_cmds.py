"""The chat commands: the real ``artifacts`` entry point in a subprocess, against the fake API.

One test starts the entry point in a subprocess (it imports ``anthropic``: a second or more);
the other paths run ``main()`` in-process.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from artifacts_runtime.cli.main import main
from tests.fakes.messages_api import tool_use
from tests.runtime.model.conftest import _model_env

__all__ = ["_model_env"]  # autouse: no model settings from the environment

ENTRY = shutil.which("artifacts", path=str(Path(sys.executable).parent)) or "artifacts"


def run_cli(*args: str, env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ENTRY, *args], env=env, input=stdin, capture_output=True, text=True, timeout=60)


@pytest.fixture
def cli_env(anthropic_env, artifacts_home) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("ARTIFACTS_MODEL", None)
    return env


def create(title: str = "Habit tracker") -> dict:
    return {
        "command": "create",
        "id": "habits",
        "type": "application/vnd.ant.react",
        "title": title,
        "content": "export default function Habits() { return <div>Habits</div>; }\n" * 30,
    }


@pytest.mark.slow  # a subprocess that imports anthropic (1-2 s; more on a loaded machine)
def test_chat_streams_and_ends_with_the_artifacts(cli_env, anthropic_env, tmp_path, monkeypatch, capsys) -> None:
    data = tmp_path / "habits.csv"
    data.write_text("day,done\nmon,1\n")
    anthropic_env.reply("Here is your tracker.", tool_use("artifacts", create()))
    anthropic_env.reply("It tracks habits.")

    done = run_cli("chat", "Make a habit tracker", "--attach", str(data), "--model", "claude-cli-model", env=cli_env)

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Here is your tracker."
    assert lines[1] == "It tracks habits."
    assert lines[-1].startswith("created  ") and lines[-1].endswith("v1  Habit tracker")
    artifact_id = lines[-1].split()[1]
    assert "writing Habit tracker…" in done.stderr
    assert f'created artifact {artifact_id} "Habit tracker" v1' in done.stderr
    conversation_id = done.stderr.strip().splitlines()[-1].split()[1]
    assert anthropic_env.requests[0].model == "claude-cli-model"
    assert "habits.csv" in anthropic_env.requests[0].system[1]["text"]

    # continue it with --json (in-process, to keep the suite quick): one JSON object per line
    anthropic_env.reply("You're welcome.")
    monkeypatch.setattr("sys.stdin", io.StringIO("Thanks!"))
    assert main(["chat", "-", "--conversation", conversation_id, "--json"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [e["type"] for e in events] == ["turn_started", "text", "usage", "turn_done"]
    assert events[0]["conversation_id"] == conversation_id
    assert events[-1]["stop_reason"] == "end_turn"
    sent = anthropic_env.last_request.messages
    assert sent[-1]["content"][-1]["text"] == "Thanks!" and len(sent) == 5


def test_chat_errors_are_one_sentence_and_non_zero(anthropic_env, monkeypatch, capsys) -> None:
    anthropic_env.bad_keys.add("sk-wrong")
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-wrong")
    assert main(["chat", "Hello"]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines()[-1].startswith("artifacts: the Anthropic API refused the API key")
    assert "ANTHROPIC_API_KEY" in captured.err and "sk-wrong" not in captured.err + captured.out


def test_chat_without_a_key_in_process(monkeypatch, capsys) -> None:
    assert main(["chat", "Hello"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        "artifacts: no Anthropic API key is set: set ANTHROPIC_API_KEY (export ANTHROPIC_API_KEY=sk-ant-…) "
        "and try again; the library, previews and state work without one"
    )


def test_chat_unknown_conversation_and_missing_file(anthropic_env, capsys, tmp_path) -> None:
    assert main(["chat", "Hello", "--conversation", "zzzzzzzz"]) == 1
    assert "no conversation with id" in capsys.readouterr().err
    assert main(["chat", "Hello", "--attach", str(tmp_path / "nope.csv")]) == 1
    assert "cannot read" in capsys.readouterr().err


async def _seed(home_conversation_text: str) -> tuple[str, str]:
    from artifacts_runtime.cli.common import open_store

    async with open_store() as store:
        conversation = await store.create_conversation(title="Habits", model="m")
        await store.add_message(conversation.id, "user", [{"type": "text", "text": home_conversation_text}])
        reply = await store.add_message(
            conversation.id,
            "assistant",
            [
                {
                    "type": "text",
                    "text": 'Here:\n<antArtifact identifier="n" type="text/markdown" title="Notes">\n# N\n</antArtifact>',
                },
                {
                    "type": "tool_use",
                    "id": "t1",
                    "name": "artifacts",
                    "input": {"command": "update", "id": "x", "title": "Chart"},
                },
            ],
            model="m",
        )
        await store.add_message(
            conversation.id,
            "user",
            [
                {
                    "type": "tool_result",
                    "tool_use_id": "t1",
                    "content": "update failed: old_str was not found",
                    "is_error": True,
                },
            ],
        )
        await store.add_message(
            conversation.id,
            "assistant",
            [{"type": "text", "text": "Half"}],
            model="m",
            incomplete=True,
            stop_reason="cancelled",
        )
        return conversation.id, reply.id


async def test_conversations_and_transcript(capsys) -> None:
    conversation_id, _ = await _seed("Track my habits")
    import asyncio

    loop_free = asyncio.to_thread  # the CLI runs its own event loop: call it from a thread
    assert await loop_free(main, ["conversations"]) == 0
    out = capsys.readouterr().out
    assert conversation_id in out and "Habits" in out and "4" in out

    assert await loop_free(main, ["conversations", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["id"] == conversation_id and listed[0]["message_count"] == 4

    assert await loop_free(main, ["conversation", conversation_id[:4]]) == 0
    out = capsys.readouterr().out
    assert "── you" in out and "Track my habits" in out
    assert "[artifact “Notes” written inline]" in out
    assert "[artifacts update “Chart” failed: update failed: old_str was not found]" in out
    assert "(incomplete: cancelled)" in out and "Half" in out

    assert await loop_free(main, ["conversation", conversation_id, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["conversation"]["id"] == conversation_id and len(data["messages"]) == 4


def test_no_conversations_yet(capsys) -> None:
    assert main(["conversations"]) == 0
    assert "No conversations yet" in capsys.readouterr().out
