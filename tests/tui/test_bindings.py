"""The bindings table: one id per key, help for each, the keys as a person reads them."""

from __future__ import annotations

from tui import bindings as keys


def test_every_binding_has_a_unique_id_and_help() -> None:
    ids = [k.id for _, group in keys.GROUPS for k in group]
    assert len(ids) == len(set(ids))
    assert all(k.help or k.description for _, group in keys.GROUPS for k in group)
    assert keys.display_keys(keys.APP[0]) == "F1 / ?"


def test_keys_for_applies_the_keymap() -> None:
    assert keys.keys_for("chat.send") == {"enter"}
    assert keys.keys_for("chat.send", {"chat.send": "ctrl+enter, f9"}) == {"ctrl+enter", "f9"}
    assert keys.keys_for("no.such") == set()
