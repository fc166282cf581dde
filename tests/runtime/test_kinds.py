"""The six artifact types (claude.ai's identifiers) and how an imported file is recognised.

The extension decides when it is known; the content decides when the extension says nothing
(no name, ``.txt``, an unknown extension). Titles are taken from the content where it has one.
"""

from __future__ import annotations

import pytest

from artifacts_runtime import kinds
from artifacts_runtime.errors import ArtifactsError
from artifacts_runtime.kinds import CODE, HTML, MARKDOWN, MERMAID, REACT, SVG

# ---------------------------------------------------------------------------- the six types


def test_the_six_types_are_claude_ais_identifiers():
    assert kinds.TYPES == (
        "text/html",
        "application/vnd.ant.react",
        "image/svg+xml",
        "text/markdown",
        "application/vnd.ant.mermaid",
        "application/vnd.ant.code",
    )


# ---------------------------------------------------------------------------- by extension


@pytest.mark.parametrize(
    "filename, expected",
    [
        ("page.html", (HTML, None)),
        ("page.htm", (HTML, None)),
        ("PAGE.HTML", (HTML, None)),
        ("App.jsx", (REACT, None)),
        ("App.tsx", (REACT, None)),
        ("logo.svg", (SVG, None)),
        ("notes.md", (MARKDOWN, None)),
        ("notes.markdown", (MARKDOWN, None)),
        ("flow.mmd", (MERMAID, None)),
        ("flow.mermaid", (MERMAID, None)),
        ("script.py", (CODE, "python")),
        ("main.rs", (CODE, "rust")),
        ("index.ts", (CODE, "typescript")),
        ("run.sh", (CODE, "bash")),
        ("Dockerfile", (CODE, "dockerfile")),
        ("dockerfile", (CODE, "dockerfile")),
    ],
)
def test_a_known_extension_decides_the_type(filename, expected):
    # The content says something else on purpose: the extension wins.
    assert kinds.infer_type(filename, "# looks like markdown\n") == expected


def test_the_extension_wins_over_content_that_looks_like_another_type():
    assert kinds.infer_type("diagram.md", "graph TD\n  A --> B\n") == (MARKDOWN, None)
    assert kinds.infer_type("tool.py", "<!doctype html><html></html>") == (CODE, "python")


# ---------------------------------------------------------------------------- by content


@pytest.mark.parametrize(
    "content, expected",
    [
        ("<!DOCTYPE html>\n<html><body>hi</body></html>", HTML),
        ("  <!doctype html><title>x</title>", HTML),
        ("<html lang='en'><body></body></html>", HTML),
        ('<div class="card"><p>Hello</p></div>', HTML),
        ('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>', SVG),
        ('<svg viewBox="0 0 10 10"><circle r="4"/></svg>', SVG),
        ("graph TD\n  A --> B\n", MERMAID),
        ("flowchart LR\n  a --> b", MERMAID),
        ("sequenceDiagram\n  Alice->>Bob: Hello\n", MERMAID),
        ("%% a comment\ngantt\n  title Plan\n", MERMAID),
        ('import React, { useState } from "react";\n\nexport default function A() { return null; }', REACT),
        ("import { useState } from 'react'\nconst X = () => null", REACT),
        ("# Shopping list\n\n- eggs\n- milk\n", MARKDOWN),
        ("Some intro\n\n## Section\n\ntext", MARKDOWN),
        ("just some plain words\nand another line\n", CODE),
    ],
)
def test_without_a_telling_extension_the_content_decides(content, expected):
    for filename in (None, "pasted.txt", "thing.unknownext"):
        assert kinds.infer_type(filename, content)[0] == expected, filename


def test_plain_text_becomes_code_with_the_language_text():
    assert kinds.infer_type(None, "hello there\n") == (CODE, "text")
    assert kinds.infer_type("readme.txt", "hello there\n") == (CODE, "text")


def test_an_empty_file_is_plain_text():
    assert kinds.infer_type(None, "") == (CODE, "text")


def test_mermaid_with_front_matter_is_recognised_by_content():
    content = "---\ntitle: Checkout flow\n---\nflowchart LR\n  cart --> pay\n"
    assert kinds.infer_type(None, content) == (MERMAID, None)


# ---------------------------------------------------------------------------- type names


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("html", HTML),
        ("react", REACT),
        ("jsx", REACT),
        ("tsx", REACT),
        ("svg", SVG),
        ("md", MARKDOWN),
        ("markdown", MARKDOWN),
        ("mermaid", MERMAID),
        ("code", CODE),
        ("  React ", REACT),
        ("application/vnd.ant.react", REACT),
        ("TEXT/HTML", HTML),
    ],
)
def test_normalize_type_accepts_short_aliases_and_full_identifiers(typed, expected):
    assert kinds.normalize_type(typed) == expected


def test_normalize_type_refuses_an_unknown_name_and_lists_the_choices():
    with pytest.raises(kinds.UnknownType) as caught:
        kinds.normalize_type("pdf")
    message = str(caught.value)
    assert "'pdf'" in message
    for alias in ("html", "react", "svg", "markdown", "mermaid", "code"):
        assert alias in message
    assert REACT in message


def test_unknown_type_is_a_value_error_and_one_of_our_errors():
    """So that the CLI (which reports every ArtifactsError as one sentence) reports it too."""
    assert issubclass(kinds.UnknownType, ValueError)
    assert issubclass(kinds.UnknownType, ArtifactsError)


# ---------------------------------------------------------------------------- titles


def test_a_markdown_title_is_its_first_heading():
    content = "Intro line\n\n## Weekly *Plan* ##\n\n# Later heading\n"
    assert kinds.infer_title(content, MARKDOWN) == "Weekly Plan"


def test_an_html_title_is_its_title_element():
    content = "<!doctype html><html><head><title> Budget  Planner </title></head><h1>Other</h1></html>"
    assert kinds.infer_title(content, HTML) == "Budget Planner"


def test_an_html_page_without_a_title_uses_its_first_h1():
    assert kinds.infer_title("<body><h1>My <em>Game</em></h1></body>", HTML) == "My Game"


def test_an_svg_title_is_its_title_element():
    content = '<svg xmlns="http://www.w3.org/2000/svg"><title>Company logo</title></svg>'
    assert kinds.infer_title(content, SVG) == "Company logo"


def test_a_react_title_is_the_component_name_split_into_words():
    content = 'import { useState } from "react";\n\nexport default function HabitTracker() {\n  return <div/>;\n}\n'
    assert kinds.infer_title(content, REACT) == "Habit Tracker"


def test_a_react_arrow_component_is_named_too():
    content = "const TodoListApp = () => {\n  return <ul/>;\n};\nexport default TodoListApp;\n"
    assert kinds.infer_title(content, REACT) == "Todo List App"


def test_a_react_component_called_app_uses_its_heading_instead():
    content = "export default function App() {\n  return (<main><h1>Pomodoro Timer</h1></main>);\n}\n"
    assert kinds.infer_title(content, REACT) == "Pomodoro Timer"


@pytest.mark.parametrize(
    "content, title",
    [
        # ALL_CAPS constants come before the component in real artifacts: they are not names.
        ("const BOARD_SIZE = 8;\nconst COLORS = ['red'];\nexport default function ChessPuzzle() {}\n", "Chess Puzzle"),
        ("const GRID_SIZE = 20;\nconst SnakeGame = () => <div/>;\nexport default SnakeGame;\n", "Snake Game"),
        ("const MOD = 7;\nexport default function App() { return <h1>Modular Clock</h1>; }\n", "Modular Clock"),
        ("const MOD = 7;\nconst COLORS = {};\nexport default () => <div/>;\n", "Untitled"),
        # The default export wins over a helper component defined before it.
        ("function Cell() {}\nconst ROWS = 3;\nexport default function TicTacToe() {}\n", "Tic Tac Toe"),
        ("const Card = () => null;\nclass Board extends React.Component {}\nexport default Board;\n", "Board"),
        ("export default class WeatherDashboard extends React.Component {}\n", "Weather Dashboard"),
        # With no name, the first heading; an expression in it is not text.
        (
            "const A_B = 1;\nexport default function App() { return <h2 className='x'>Expense Split</h2>; }\n",
            "Expense Split",
        ),
        ("export default function App() { return <h1>{title}</h1>; }\n", "Untitled"),
        ("export default function App() { return <><title>Unit Converter</title><p/></>; }\n", "Unit Converter"),
        ("const Panel = () => null;\nconst MAX_ITEMS = 3;\nfunction Dashboard() {}\n", "Panel"),
        ("export default React.memo(PriceTicker);\n", "Price Ticker"),
    ],
)
def test_a_react_title_ignores_constants_and_prefers_the_default_export(content, title):
    assert kinds.infer_title(content, REACT) == title


def test_an_html_title_ignores_constants_in_its_script():
    content = "<script>const GRID_SIZE = 10;</script><h1>Game of Life</h1>"
    assert kinds.infer_title(content, HTML) == "Game of Life"


def test_a_mermaid_title_is_its_title_line():
    content = "---\ntitle: Checkout flow\n---\nflowchart LR\n  cart --> pay\n"
    assert kinds.infer_title(content, MERMAID) == "Checkout flow"
    assert kinds.infer_title("gantt\n  title Release plan\n  section A\n", MERMAID) == "Release plan"


@pytest.mark.parametrize(
    "content, title",
    [
        ("sequenceDiagram\n  A->>B: hi\n", "Sequence diagram"),
        ("graph TD\n  A --> B\n", "Graph diagram"),
        ("stateDiagram-v2\n  [*] --> Idle\n", "State diagram"),
    ],
)
def test_a_mermaid_diagram_without_a_title_is_named_for_its_kind(content, title):
    assert kinds.infer_title(content, MERMAID) == title


def test_without_a_title_in_the_content_the_file_name_is_used():
    assert kinds.infer_title("print('hi')\n", CODE, "fetch_weather_data.py") == "Fetch weather data"
    assert kinds.infer_title("- a\n- b\n", MARKDOWN, "shoppingList.md") == "Shopping List"


def test_without_a_title_or_file_name_the_first_line_is_used():
    assert kinds.infer_title("\n\n  total = sum(values)  \nmore\n", CODE) == "total = sum(values)"


def test_the_first_line_fallback_is_shortened():
    title = kinds.infer_title("x" * 500, CODE)
    assert 0 < len(title) <= 60


def test_empty_content_without_a_file_name_is_untitled():
    assert kinds.infer_title("", CODE) == "Untitled"
    assert kinds.infer_title("   \n\n", MARKDOWN) == "Untitled"
