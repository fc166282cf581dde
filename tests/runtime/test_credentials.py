"""The API key entered in the app: checked (a paste with a line break is refused, saying why),
stored owner-only and atomically, never echoed in an error."""

from __future__ import annotations

import stat

import pytest

from artifacts_runtime.credentials import check_key, forget_key, key_file, load_key, save_key
from artifacts_runtime.errors import InvalidInput

KEY = "sk-ant-api03-" + "x" * 40


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "empty"),
        ("sk-ant-abc\ndef-0123456789012", "line breaks"),
        ("sk-ant- 0123456789012345", "spaces"),
        ("short", "20 to 512"),
        ("sk-ant-" + "é" * 20, "ASCII"),
    ],
)
def test_what_cannot_be_a_key_is_refused_with_the_reason(text: str, why: str) -> None:
    with pytest.raises(InvalidInput, match=why) as caught:
        check_key(text)
    assert text.strip() == "" or text not in str(caught.value)  # the error never quotes the key


def test_a_saved_key_is_private_and_comes_back(paths) -> None:
    save_key(paths, f"  {KEY}\n")
    assert load_key(paths) == KEY
    assert stat.S_IMODE(key_file(paths).stat().st_mode) == 0o600
    assert forget_key(paths) and load_key(paths) is None and not forget_key(paths)


def test_a_damaged_key_file_reads_as_no_key(paths) -> None:
    key_file(paths).write_bytes(b"\xff\xfe garbage")
    assert load_key(paths) is None
