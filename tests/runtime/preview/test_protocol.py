"""The JSON-lines protocol between the manager and the window host."""

from __future__ import annotations

import json

import pytest

from artifacts_runtime.preview.protocol import (
    COMMANDS,
    MAX_LINE,
    MAX_TITLE,
    ProtocolError,
    clean_title,
    decode_command,
    decode_event,
    encode_command,
    encode_event,
)

URL = "http://127.0.0.1:4100/view/abcd1234#token=secret"


def test_a_command_is_one_json_line():
    line = encode_command("open", id="abcd1234", url=URL, title="Budget\ntracker ✓")
    assert line.endswith(b"\n") and line.count(b"\n") == 1  # a newline in a title is escaped
    assert json.loads(line) == {"cmd": "open", "id": "abcd1234", "url": URL, "title": "Budget\ntracker ✓"}
    assert decode_command(line) == json.loads(line)


def test_none_fields_are_left_out():
    assert json.loads(encode_command("open", id="a", url=URL, title=None)) == {"cmd": "open", "id": "a", "url": URL}


@pytest.mark.parametrize("cmd", sorted(COMMANDS))
def test_every_command_round_trips(cmd):
    fields = {name: (URL if name == "url" else "x") for name in COMMANDS[cmd]}
    assert decode_command(encode_command(cmd, **fields))["cmd"] == cmd


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        (b'{"cmd": "explode"}', "unknown command"),
        (b'{"cmd": "open", "url": "http://x/"}', "'id'"),
        (b'{"cmd": "open", "id": "a"}', "'url'"),
        (b'{"cmd": "close", "id": ""}', "'id'"),
        (b'{"cmd": "open", "id": "a", "url": "file:///etc/passwd"}', "http"),
        (b'{"cmd": "open", "id": "a", "url": "http://x/", "title": 5}', "title"),
        (b'["open"]', "object"),
        (b"not json", "not JSON"),
        (b"\xff\xfe", "UTF-8"),
        (b"   \n", "empty"),
        (b'{"cmd": "list", "pad": "' + b"x" * MAX_LINE + b'"}', "longer"),
    ],
)
def test_bad_commands_are_refused_with_a_reason(line, complaint):
    with pytest.raises(ProtocolError, match=complaint):
        decode_command(line)


def test_encoding_refuses_what_the_host_would_refuse():
    with pytest.raises(ProtocolError):
        encode_command("open", id="a")  # no url
    with pytest.raises(ProtocolError):
        encode_event("exploded", id="a")


def test_events_round_trip():
    line = encode_event("loaded", id="abcd1234", version=2, title="Budget", renders=3)
    assert decode_event(line) == {"type": "loaded", "id": "abcd1234", "version": 2, "title": "Budget", "renders": 3}
    assert decode_event(line.decode()) == decode_event(line)


def test_unknown_events_and_stray_output_are_not_events():
    with pytest.raises(ProtocolError):
        decode_event(b'{"type": "sneeze"}')
    with pytest.raises(ProtocolError):
        decode_event(b"[pywebview] some log line\n")


def test_events_say_what_they_are_in_type_like_the_hub_and_the_chat():
    assert json.loads(encode_event("closed", id="a", by="app")) == {"type": "closed", "id": "a", "by": "app"}
    with pytest.raises(ProtocolError):
        decode_event(b'{"event": "closed", "id": "a"}')  # the old discriminator is not an event


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Expense Tracker", "Expense Tracker"),
        ("Line one\nline two\r\n", "Line one line two"),
        ("tab\there\x00nul\x1b[31mred\x07", "tab here nul [31mred"),
        ("C1\x85next\x9b line\u2028sep\u2029par", "C1 next line sep par"),
        ("  lots   of\t\t space  ", "lots of space"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("Todo [*] list ✓ 日本語", "Todo [*] list ✓ 日本語"),
        ("\n\t\x00", ""),
    ],
)
def test_a_title_is_cleaned_for_one_title_bar_line(raw, shown):
    assert clean_title(raw) == shown


def test_a_long_title_is_cut_and_says_so():
    title = clean_title("word " * 100_000)
    assert len(title) == MAX_TITLE and title.endswith("word…")
    assert clean_title("x" * MAX_TITLE) == "x" * MAX_TITLE
    assert clean_title("abcdef", limit=4) == "abc…"


def test_a_cleaned_title_always_fits_in_one_command_line():
    """The host refuses a line over MAX_LINE with an error that cannot name the window, so the
    manager would wait in vain: the title it sends is cleaned first."""
    worst = "\U0001f600\n" * MAX_LINE  # 4 UTF-8 bytes each, and newlines to escape
    line = encode_command("open", id="abcd1234", url=URL, title=clean_title(worst))
    assert len(line) < MAX_LINE and line.count(b"\n") == 1
    assert decode_command(line)["title"].startswith("\U0001f600 \U0001f600")
