"""The incremental parser of streamed tool input (partial JSON -> growing string fields)."""

from __future__ import annotations

import json
import random
import time

import pytest

from artifacts_runtime.chat.stream_parser import GrowingText, PartialObject, utf8_len

TRICKY = 'line 1\nline "2"\t\\ back\\slash / é 漢字 😀 \u2028 end \u0001'


def feed_in(pieces: list[str]) -> tuple[PartialObject, list[tuple[str, str, bool]]]:
    parser = PartialObject()
    deltas = []
    for piece in pieces:
        deltas.extend(parser.feed(piece))
    return parser, deltas


def chunked(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 10, 64])
def test_any_split_gives_the_values_json_gives(size: int) -> None:
    value = {"command": "create", "id": "x", "title": "T ☃", "content": TRICKY * 3, "new_str": ""}
    raw = json.dumps(value)  # ASCII escapes: \n, \", \\, \uXXXX and surrogate pairs
    parser, _ = feed_in(chunked(raw, size))
    assert parser.done and parser.error is None
    assert parser.snapshot() == value
    assert parser.result() == value


def test_unescaped_unicode_too() -> None:
    value = {"content": TRICKY}
    raw = json.dumps(value, ensure_ascii=False)
    parser, _ = feed_in(chunked(raw, 3))
    assert parser.get("content") == TRICKY


def test_deltas_rebuild_the_field_and_mark_its_end() -> None:
    raw = json.dumps({"command": "create", "content": "abc\\ndef" * 20})
    _, deltas = feed_in(chunked(raw, 4))
    content = "".join(text for key, text, _ in deltas if key == "content")
    assert content == "abc\\ndef" * 20
    ends = [key for key, _, closed in deltas if closed]
    assert ends == ["command", "content"]


def test_partial_values_are_readable_while_streaming() -> None:
    raw = json.dumps({"command": "create", "title": "Habit tracker", "content": "x" * 100})
    parser = PartialObject()
    parser.feed(raw[:75])
    assert parser.get("command") == "create"
    assert parser.get("title") == "Habit tracker"
    assert parser.current == "content"
    assert 0 < len(parser.get("content")) < 100
    assert "content" not in parser.complete


def test_surrogate_pair_split_between_pieces() -> None:
    raw = '{"content": "a\\ud83d\\ude00b"}'
    cut = raw.index("\\ude00")
    for at in range(cut - 3, cut + 4):
        parser, _ = feed_in([raw[:at], raw[at:]])
        assert parser.get("content") == "a😀b", at


def test_lone_surrogate_is_kept_like_json_does() -> None:
    raw = '{"content": "a\\ud83dz"}'
    parser, _ = feed_in(chunked(raw, 1))
    assert parser.get("content") == json.loads(raw)["content"]


def test_nested_and_scalar_values_are_skipped_then_decoded() -> None:
    value = {"a": [1, {"b": 'x}]"y'}], "n": -1.5e3, "t": True, "z": None, "content": "after"}
    parser, _ = feed_in(chunked(json.dumps(value), 2))
    assert parser.others == {"a": value["a"], "n": -1500.0, "t": True, "z": None}
    assert parser.get("content") == "after"
    assert parser.result() == value


def test_cut_short_input_falls_back_to_what_arrived() -> None:
    raw = json.dumps({"command": "create", "content": "partial content that goes on"})
    parser, _ = feed_in([raw[:40]])
    assert not parser.done
    data = parser.result()
    assert data["command"] == "create"
    assert "partial content that goes on".startswith(data["content"])
    assert parser.error and "not complete" in parser.error


def test_not_an_object_is_an_error_not_an_exception() -> None:
    parser, deltas = feed_in(['["a"]'])
    assert parser.error and deltas == []
    assert parser.result() == {}


def test_empty_pieces_and_whitespace() -> None:
    parser, _ = feed_in(["", "  {", '\n  "content"  :', ' "v"  ', "}  "])
    assert parser.done and parser.get("content") == "v"


def test_growing_text_counts_chars_and_bytes() -> None:
    text = GrowingText()
    for piece in ["ab", "é", "😀"]:
        text.append(piece)
    assert text.value == "abé😀"
    assert len(text) == 4 and text.size == utf8_len("abé😀") == 8
    assert text.prefix(3) == "abé"


def _parse_time(pieces: list[str]) -> float:
    """CPU seconds (best of 5: other load on the machine matters less than for wall time)."""
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        parser = PartialObject()
        for piece in pieces:
            parser.feed(piece)
        parser.result()
        best = min(best, time.process_time() - start)
    return best


def test_cost_is_linear_in_size() -> None:
    # Re-parsing the accumulated JSON at each delta would make twice the size cost ~4x.
    def pieces(size: int) -> list[str]:
        return chunked(json.dumps({"command": "create", "content": '<div class="row">\n' * (size // 18)}), 10)

    small, large = pieces(50_000), pieces(100_000)
    ratio = min(_parse_time(large) / _parse_time(small) for _ in range(2))
    assert ratio < 3.0, ratio


def test_random_pieces_fuzz() -> None:
    rng = random.Random(4)
    alphabet = 'ab"\\\n\t/é😀{}[],: '
    for _ in range(200):
        value = {
            "command": "update",
            "old_str": "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))),
            "new_str": "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))),
        }
        raw = json.dumps(value, ensure_ascii=rng.random() < 0.5)
        cuts = sorted(rng.sample(range(1, len(raw)), k=min(len(raw) - 1, rng.randint(1, 8))))
        pieces = [raw[a:b] for a, b in zip([0, *cuts], [*cuts, len(raw)], strict=True)]
        parser, _ = feed_in(pieces)
        assert parser.snapshot() == value
