"""The rule behind the hostile-markup tests, checked on the source: text built with an f-string
(so holding a value that may come from an artifact, a model or a file) never reaches a widget as
markup. Pass it as ``Text``/``Content`` (``Content.from_markup("[b]$title[/b]", title=…)``
substitutes values as plain text), or with ``markup=False``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TUI = Path(__file__).parents[2] / "tui"
#: Calls whose first argument is read as markup unless ``markup=False``.
MARKUP_CALLS = {"notify", "Static", "Label"}
#: Calls that read a str argument as markup, with no ``markup`` switch.
ALWAYS_MARKUP = {"update", "_status"}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _interpolates(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _interpolates(node.left) or _interpolates(node.right) or not isinstance(node.left, ast.Constant)
    return False


def _markup_off(call: ast.Call) -> bool:
    return any(
        k.arg == "markup" and isinstance(k.value, ast.Constant) and k.value.value is False for k in call.keywords
    )


def violations() -> list[str]:
    found = []
    for path in sorted(TUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name, first = _name(node.func), node.args[0]
            if not _interpolates(first):
                continue
            if (name in MARKUP_CALLS and not _markup_off(node)) or name in ALWAYS_MARKUP:
                found.append(f"{path.relative_to(TUI.parent)}:{node.lineno} {name}(f'…')")
    return found


def test_no_interpolated_string_is_read_as_markup() -> None:
    found = violations()
    if found:
        pytest.fail("interpolated text read as markup (use Text/Content or markup=False):\n" + "\n".join(found))
