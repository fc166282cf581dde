"""The loop from a shell: ``artifacts chat --artifact ID`` talks about an artifact (Claude sees
its source), ``artifacts save ID FILE`` makes a version by hand (Claude is told on its next
turn), and a chat that cannot reach the API leaves no empty conversation behind. In-process
``main()`` against the fake Messages API, through the real SDK."""

from __future__ import annotations

import json
import socket

import pytest

from artifacts_runtime.cli.main import main
from tests.fakes.messages_api import tool_use
from tests.runtime.model.conftest import FAST_RETRY, _model_env

__all__ = ["_model_env"]

PAGE = "<!doctype html>\n<h1 style='color:red'>Expenses</h1>\n" + "<p>row</p>\n" * 40


def imported(tmp_path, capsys) -> str:
    source = tmp_path / "expenses.html"
    source.write_text(PAGE)
    assert main(["import", str(source), "--title", "Expense Tracker"]) == 0
    return capsys.readouterr().out.strip()


def user_text(request) -> str:
    content = [m for m in request.messages if m["role"] == "user"][-1]["content"]
    return "\n".join(b.get("text", "") for b in content if b.get("type") == "text")


def test_chat_about_an_artifact_shows_it_to_claude_and_its_update_applies(anthropic_env, tmp_path, capsys) -> None:
    artifact_id = imported(tmp_path, capsys)
    anthropic_env.reply(
        tool_use("artifacts", {"command": "update", "id": artifact_id, "old_str": "color:red", "new_str": "color:blue"})
    )
    anthropic_env.reply("The heading is blue.")

    assert main(["chat", "--artifact", artifact_id, "Make the heading blue"]) == 0

    out, err = capsys.readouterr()
    sent = user_text(anthropic_env.requests[0])
    assert f'id="{artifact_id}"' in sent and "Title: Expense Tracker" in sent and PAGE in sent
    assert out.splitlines()[-1] == f"updated  {artifact_id} v2  Expense Tracker"
    assert "tool error" not in err
    conversation_id = err.strip().splitlines()[-1].split()[1]
    assert main(["conversations", "--json"]) == 0
    (conversation,) = json.loads(capsys.readouterr().out)
    assert conversation["id"] == conversation_id and conversation["artifact_id"] == artifact_id


def test_save_makes_a_user_version_that_claude_hears_of(anthropic_env, tmp_path, capsys) -> None:
    artifact_id = imported(tmp_path, capsys)
    anthropic_env.reply("Seen.")
    assert main(["chat", "-a", artifact_id, "Look at it"]) == 0
    capsys.readouterr()

    edited = tmp_path / "edited.html"
    edited.write_text(PAGE.replace("Expenses", "My expenses"))
    assert main(["save", artifact_id, str(edited), "--label", "renamed the heading"]) == 0
    assert capsys.readouterr().out.strip() == f"saved  {artifact_id} v2  Expense Tracker"
    assert main(["save", artifact_id, str(edited)]) == 0  # the same again: no empty version
    assert "no changes" in capsys.readouterr().err

    anthropic_env.reply("Noted.")
    assert main(["chat", "-a", artifact_id, "What changed?"]) == 0
    sent = user_text(anthropic_env.requests[1])
    assert "now version 2" in sent and "v2 by the user, in the app: renamed the heading" in sent
    assert "+<h1 style='color:red'>My expenses</h1>" in sent


def test_save_refuses_a_binary_file_and_changes_nothing(anthropic_env, tmp_path, capsys) -> None:
    artifact_id = imported(tmp_path, capsys)
    blob = tmp_path / "x.bin"
    blob.write_bytes(b"\x00\x01\x02")
    assert main(["save", artifact_id, str(blob)]) != 0
    assert "not UTF-8 text" in capsys.readouterr().err
    assert main(["show", artifact_id, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["current_version"] == 1


def test_chat_and_artifact_options_exclude_each_other(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["chat", "-a", "x", "-c", "y", "hi"])
    assert "not allowed with" in capsys.readouterr().err


def test_an_unreachable_api_leaves_no_empty_conversation(anthropic_env, monkeypatch, capsys) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("ANTHROPIC_BASE_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setattr("artifacts_runtime.model.service.RetryPolicy", lambda **_: FAST_RETRY)

    assert main(["chat", "Make a habit tracker"]) == 1

    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("artifacts: could not reach the Anthropic API")
    assert "--conversation" not in err  # no conversation to continue is announced
    assert main(["conversations", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
