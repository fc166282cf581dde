"""The library commands of ``artifacts``: ls, search, show, import, export, rename, rm, trash,
untrash, versions, revert, state.

Most tests drive ``artifacts_runtime.cli.main.main([...])`` in-process and read what it printed;
a few run the real entry points in a subprocess. Each test has its own ARTIFACTS_HOME.
Ids go to stdout (so ``$(artifacts import x.md)`` works); messages and errors go to stderr;
every ``--json`` output is JSON.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from artifacts_runtime import kinds
from artifacts_runtime.cli.main import main
from artifacts_runtime.paths import get_paths
from artifacts_runtime.store import Store


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch):
    """``cli("ls", "--json", stdin="...")`` runs the command in-process and returns a Result."""

    def run(*argv: str, stdin: str | None = None) -> Result:
        capsys.readouterr()
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse errors and --help
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A folder of files of every kind, each with a title in its content."""
    folder = tmp_path / "in"
    folder.mkdir()
    contents = {
        "budget.html": "<!doctype html>\n<html><head><title>Budget Planner</title></head>\n"
        "<body><h1>Budget</h1></body></html>\n",
        "HabitTracker.jsx": 'import { useState } from "react";\n\nexport default function HabitTracker() {\n'
        "  const [days, setDays] = useState(0);\n  return <div>{days}</div>;\n}\n",
        "logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Logo</title>'
        '<circle cx="5" cy="5" r="4"/></svg>\n',
        "notes.md": "# Trip notes\n\nPack the tent.\n",
        "flow.mmd": "flowchart LR\n  start --> finish\n",
        "fetch_data.py": "import csv\n\nprint('hello')\n",
    }
    out = {}
    for name, text in contents.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


def _import(cli, *paths: Path | str, extra: tuple[str, ...] = ()) -> list[str]:
    result = cli("import", *map(str, paths), *extra)
    assert result.code == 0, result.err
    return result.out.split()


def _insert_artifact(artifact_id: str, title: str) -> None:
    """An artifact with a chosen id, written straight into the library (for prefix clashes)."""
    conn = sqlite3.connect(get_paths().library, isolation_level=None, timeout=5)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO artifacts (id, title, type, created_at, updated_at, current_version)"
            " VALUES (?, ?, 'text/markdown', 1.0, 1.0, 1)",
            (artifact_id, title),
        )
        conn.execute(
            "INSERT INTO versions (artifact_id, number, title, type, source, created_at, size, content)"
            " VALUES (?, 1, ?, 'text/markdown', 'import', 1.0, 1, 'x')",
            (artifact_id, title),
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


# ---------------------------------------------------------------------------- entry points


def test_bare_artifacts_prints_the_help_and_succeeds(cli):
    result = cli()
    assert result.code == 0
    assert "usage: artifacts" in result.out
    for command in (
        "ls",
        "search",
        "show",
        "import",
        "export",
        "rename",
        "rm",
        "trash",
        "untrash",
        "versions",
        "revert",
        "state",
    ):
        assert command in result.out


def _subprocess(*argv: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(list(argv), input=stdin.encode(), capture_output=True, timeout=60, env=os.environ.copy())


def test_the_module_entry_point_runs_the_cli(files):
    done = _subprocess(sys.executable, "-m", "artifacts_runtime.cli.main")
    assert done.returncode == 0
    assert b"usage: artifacts" in done.stdout
    done = _subprocess(sys.executable, "-m", "artifacts_runtime.cli.main", "import", str(files["notes.md"]))
    assert done.returncode == 0, done.stderr
    [artifact_id] = done.stdout.decode().split()
    done = _subprocess(sys.executable, "-m", "artifacts_runtime.cli.main", "export", artifact_id)
    assert done.stdout == files["notes.md"].read_bytes()


def test_the_artifacts_console_script_is_installed_and_works():
    script = Path(sys.executable).with_name("artifacts")
    assert script.exists(), "pip install -e . creates the `artifacts` console script"
    done = _subprocess(str(script), "--version")
    assert done.returncode == 0
    assert done.stdout.decode().startswith("artifacts ")
    done = _subprocess(str(script), "ls", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_an_unknown_command_is_a_usage_error(cli):
    result = cli("frobnicate")
    assert result.code == 2
    assert "invalid choice" in result.err


# ---------------------------------------------------------------------------- import


def test_import_prints_one_id_per_file_and_infers_types_and_titles(cli, files):
    ids = _import(cli, *files.values())
    assert len(ids) == len(files) == len(set(ids))
    listed = {a["id"]: a for a in cli("ls", "--json").json()}
    found = {(listed[i]["type"], listed[i]["language"], listed[i]["title"]) for i in ids}
    assert found == {
        (kinds.HTML, None, "Budget Planner"),
        (kinds.REACT, None, "Habit Tracker"),
        (kinds.SVG, None, "Logo"),
        (kinds.MARKDOWN, None, "Trip notes"),
        (kinds.MERMAID, None, "Flowchart diagram"),
        (kinds.CODE, "python", "Fetch data"),
    }


def test_import_tells_on_stderr_what_each_file_became(cli, files):
    result = cli("import", str(files["notes.md"]))
    assert result.out.strip() and "\n" not in result.out.strip()  # only the id on stdout
    assert "imported 'Trip notes' as markdown" in result.err


def test_import_title_and_type_options_override_the_inference(cli, files):
    [artifact_id] = _import(cli, files["notes.md"], extra=("--title", "My own", "--type", "code"))
    shown = cli("show", artifact_id, "--json").json()
    assert (shown["title"], shown["type"], shown["language"]) == ("My own", kinds.CODE, "text")


def test_import_refuses_an_unknown_type_with_the_choices(cli, files):
    result = cli("import", str(files["notes.md"]), "--type", "pdf")
    assert result.code == 2
    assert "use one of" in result.err
    assert cli("ls", "--json").json() == []


def test_import_reads_standard_input_for_a_dash(cli):
    result = cli("import", "-", stdin="# From a pipe\n\ntext\n")
    assert result.code == 0, result.err
    [artifact_id] = result.out.split()
    shown = cli("show", artifact_id, "--json").json()
    assert (shown["title"], shown["type"]) == ("From a pipe", kinds.MARKDOWN)
    assert cli("export", artifact_id).out == "# From a pipe\n\ntext\n"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", id="png"),
        pytest.param(b"\x00" * 64, id="zeros"),
        pytest.param("hi there".encode("utf-16-le"), id="utf16-without-bom"),
    ],
)
def test_a_binary_file_is_refused_and_nothing_is_imported(cli, files, tmp_path, data):
    binary = tmp_path / "picture.png"
    binary.write_bytes(data)
    result = cli("import", str(files["notes.md"]), str(binary))
    assert result.code == 1
    assert result.out == ""
    assert "picture.png is not UTF-8 text" in result.err
    assert "artifacts are text" in result.err
    assert cli("ls", "--json").json() == []  # not even the good file before it


def test_import_of_a_missing_file_says_so(cli, tmp_path):
    result = cli("import", str(tmp_path / "nope.md"))
    assert result.code == 1
    assert "nope.md: no such file" in result.err


def test_import_json_prints_the_new_artifacts(cli, files):
    result = cli("import", str(files["logo.svg"]), str(files["flow.mmd"]), "--json")
    data = result.json()
    assert [a["type"] for a in data] == [kinds.SVG, kinds.MERMAID]
    assert all(a["current_version"] == 1 for a in data)


# ---------------------------------------------------------------------------- ls


def test_ls_of_an_empty_library_says_how_to_add_files(cli):
    result = cli("ls")
    assert result.code == 0
    assert result.out == ""
    assert "artifacts import" in result.err


def test_ls_prints_a_table_with_ids_titles_and_types(cli, files):
    ids = _import(cli, files["notes.md"], files["fetch_data.py"])
    lines = cli("ls").out.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "TYPE", "UPDATED", "V"]
    assert len(lines) == 3
    body = "\n".join(lines[1:])
    for artifact_id in ids:
        assert artifact_id in body
    assert "Trip notes" in body and "markdown" in body
    assert "Fetch data" in body and "code:python" in body


def test_ls_json_lists_every_field(cli, files):
    _import(cli, files["notes.md"])
    [entry] = cli("ls", "--json").json()
    assert set(entry) >= {
        "id",
        "title",
        "type",
        "language",
        "created_at",
        "updated_at",
        "current_version",
        "pinned",
        "trashed",
        "trashed_at",
        "remixed_from",
        "conversation_id",
        "size",
    }
    assert entry["size"] == files["notes.md"].stat().st_size
    assert entry["trashed"] is False


def test_ls_filters_by_type(cli, files):
    _import(cli, *files.values())
    assert [a["type"] for a in cli("ls", "--type", "svg", "--json").json()] == [kinds.SVG]
    assert [a["type"] for a in cli("ls", "--type", kinds.REACT, "--json").json()] == [kinds.REACT]


def test_ls_sorts_and_limits(cli, files):
    _import(cli, files["notes.md"], files["budget.html"], files["logo.svg"])
    by_title = [a["title"] for a in cli("ls", "--sort", "title", "--json").json()]
    assert by_title == ["Budget Planner", "Logo", "Trip notes"]
    by_created = [a["title"] for a in cli("ls", "--sort", "created", "--json").json()]
    assert by_created == ["Logo", "Budget Planner", "Trip notes"]
    assert len(cli("ls", "--limit", "2", "--json").json()) == 2
    assert cli("ls", "--limit", "0").code == 2
    assert cli("ls", "--sort", "size").code == 2


# ---------------------------------------------------------------------------- search


def test_search_prints_matches_with_snippets(cli, files):
    ids = _import(cli, files["notes.md"], files["budget.html"])
    result = cli("search", "tent")
    assert result.code == 0
    assert result.out.splitlines()[0].startswith(f"{ids[0]}  Trip notes")
    assert "[tent]" in result.out


def test_search_json_has_snippet_and_rank(cli, files):
    _import(cli, files["notes.md"], files["budget.html"])
    [hit] = cli("search", "budget", "--json").json()
    assert hit["title"] == "Budget Planner"
    assert "[Budget]" in hit["snippet"]
    assert isinstance(hit["rank"], float)


def test_search_with_no_match_says_so_on_stderr(cli, files):
    _import(cli, files["notes.md"])
    result = cli("search", "zeppelin")
    assert (result.code, result.out) == (0, "")
    assert "Nothing matches 'zeppelin'" in result.err


@pytest.mark.parametrize("query", ['"', "NEAR(", "*", "a AND", "'; DROP TABLE artifacts; --", "title:x"])
def test_search_with_a_hostile_query_is_safe(cli, files, query):
    _import(cli, files["notes.md"])
    result = cli("search", query, "--json")
    assert result.code == 0, result.err
    assert isinstance(result.json(), list)
    assert len(cli("ls", "--json").json()) == 1


# ---------------------------------------------------------------------------- show, export


def test_show_prints_the_details(cli, files):
    [artifact_id] = _import(cli, files["fetch_data.py"])
    out = cli("show", artifact_id).out
    assert f"id:           {artifact_id}" in out
    assert "title:        Fetch data" in out
    assert f"type:         {kinds.CODE} (python)" in out
    assert "version:      1 of 1" in out
    assert "source:       import" in out


def test_show_code_prints_the_source(cli, files):
    [artifact_id] = _import(cli, files["fetch_data.py"])
    assert cli("show", artifact_id, "--code").out == files["fetch_data.py"].read_text()


def test_show_a_past_version(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])
    cli("revert", artifact_id, "1")
    assert "version:      1 of 2" in cli("show", artifact_id, "--version", "1").out
    result = cli("show", artifact_id, "--version", "9")
    assert result.code == 1
    assert "versions 1 to 2" in result.err


def test_show_json_includes_the_version_and_state_keys(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])
    cli("state", artifact_id, "set", "k", "v")
    data = cli("show", artifact_id, "--json").json()
    assert data["id"] == artifact_id
    assert data["version"]["content"] == files["notes.md"].read_text()
    assert data["state_keys"] == {"personal": ["k"], "shared": []}


@pytest.mark.parametrize(
    "content",
    [
        b"# Title\n\nno newline at the end",
        "# Caf\u00e9 \u2603 \U0001f389\r\nwindows line\r\n".encode(),
        b"\n\n  leading blank lines\n\n\n",
    ],
    ids=["no-final-newline", "unicode-crlf", "blank-lines"],
)
def test_export_writes_the_source_byte_for_byte(cli, tmp_path, content):
    source = tmp_path / "doc.md"
    source.write_bytes(content)
    [artifact_id] = _import(cli, source)

    target = tmp_path / "out.md"
    result = cli("export", artifact_id, "-o", str(target))
    assert result.code == 0
    assert target.read_bytes() == content
    assert "wrote" in result.err

    assert cli("export", artifact_id).out.encode() == content


def test_export_a_past_version(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])

    async def add():  # a second version, made through the library itself
        store = await Store.open(get_paths().library)
        await store.add_version(artifact_id, "# Second\n", source="user")
        await store.close()

    asyncio.run(add())
    assert cli("export", artifact_id).out == "# Second\n"
    assert cli("export", artifact_id, "--version", "1").out == files["notes.md"].read_text()


# ---------------------------------------------------------------------------- rename, rm, trash


def test_rename_gives_a_new_title(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])
    result = cli("rename", artifact_id[:4], "Packing", "list")
    assert result.code == 0
    assert result.out.strip() == f"{artifact_id}  Packing list"
    assert cli("show", artifact_id, "--json").json()["title"] == "Packing list"


def test_rm_moves_to_the_trash_and_untrash_restores(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])
    result = cli("rm", artifact_id)
    assert result.code == 0
    assert f"artifacts untrash {artifact_id}" in result.err
    assert cli("ls", "--json").json() == []
    trash = cli("trash", "--json").json()
    assert [(a["id"], a["trashed"]) for a in trash] == [(artifact_id, True)]
    assert artifact_id in cli("trash").out
    assert cli("search", "tent", "--json").json() == []

    assert cli("untrash", artifact_id).code == 0
    assert [a["id"] for a in cli("ls", "--json").json()] == [artifact_id]
    assert cli("trash", "--json").json() == []
    assert "The trash is empty" in cli("trash").err


def test_rm_purge_deletes_for_good(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])
    result = cli("rm", artifact_id, "--purge")
    assert result.code == 0
    assert "for good" in result.err
    assert cli("trash", "--json").json() == []
    shown = cli("show", artifact_id)
    assert shown.code == 1
    assert "artifacts ls" in shown.err


# ---------------------------------------------------------------------------- versions, revert


def test_versions_and_revert(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])
    result = cli("revert", artifact_id, "1")
    assert result.out.strip() == f"{artifact_id}: version 2 now equals version 1"

    versions = cli("versions", artifact_id, "--json").json()
    assert [(v["number"], v["source"], v["label"]) for v in versions] == [
        (1, "import", None),
        (2, "revert", "revert to v1"),
    ]
    assert all("content" not in v for v in versions)

    table = cli("versions", artifact_id).out.splitlines()
    assert table[0].split()[:3] == ["V", "CREATED", "SOURCE"]
    assert table[1].lstrip().startswith("1")
    assert table[2].startswith("*2")  # the current version is marked
    assert "revert to v1" in table[2]


def test_revert_to_a_missing_version_fails_with_the_range(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])
    result = cli("revert", artifact_id, "5")
    assert result.code == 1
    assert "versions 1 to 1" in result.err


# ---------------------------------------------------------------------------- state


def test_state_set_get_list_and_delete(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])
    assert cli("state", artifact_id, "set", "count", "3").code == 0
    assert cli("state", artifact_id, "set", "todos", '["a", "b"]').code == 0
    assert cli("state", artifact_id, "get", "count").out == "3\n"

    listing = cli("state", artifact_id).out.splitlines()
    assert listing == ["count\t3", 'todos\t["a", "b"]']

    assert cli("state", artifact_id, "delete", "count").code == 0
    gone = cli("state", artifact_id, "get", "count")
    assert gone.code == 1
    assert "no personal key 'count'" in gone.err


def test_state_shared_scope_is_separate(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])
    cli("state", artifact_id, "set", "votes", "1")
    cli("state", artifact_id, "set", "votes", "99", "--shared")
    assert cli("state", artifact_id, "get", "votes").out == "1\n"
    assert cli("state", artifact_id, "get", "votes", "--shared").out == "99\n"
    shared = cli("state", artifact_id, "--shared", "--json").json()
    assert [(e["key"], e["value"], e["shared"]) for e in shared] == [("votes", "99", True)]


def test_state_json_outputs(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])
    written = cli("state", artifact_id, "set", "k", "v", "--json").json()
    assert (written["key"], written["value"], written["shared"], written["size"]) == ("k", "v", False, 1)
    read = cli("state", artifact_id, "get", "k", "--json").json()
    assert read["value"] == "v"
    assert [e["key"] for e in cli("state", artifact_id, "--json").json()] == ["k"]


def test_state_set_reads_the_value_from_stdin_for_a_dash(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])
    value = '{"big": "json", "lines": [1,\n2]}\n'
    assert cli("state", artifact_id, "set", "doc", "-", stdin=value).code == 0
    assert cli("state", artifact_id, "get", "doc", "--json").json()["value"] == value


def test_state_of_an_artifact_without_state_says_so(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])
    result = cli("state", artifact_id)
    assert (result.code, result.out) == (0, "")
    assert "has no personal state" in result.err


@pytest.mark.parametrize(
    "key, rule",
    [
        ("my key", "whitespace, slashes or quotes"),
        ("a/b", "whitespace, slashes or quotes"),
        ("x" * 200, "shorter than 200"),
    ],
)
def test_state_with_an_invalid_key_fails_naming_the_rule(cli, files, key, rule):
    [artifact_id] = _import(cli, files["notes.md"])
    result = cli("state", artifact_id, "set", key, "v")
    assert result.code == 1
    assert rule in result.err
    assert cli("state", artifact_id, "--json").json() == []


def test_state_set_without_a_value_says_what_is_missing(cli, files):
    [artifact_id] = _import(cli, files["notes.md"])
    result = cli("state", artifact_id, "set", "k")
    assert result.code == 1
    assert "needs a VALUE" in result.err
    assert cli("state", artifact_id, "get").code == 1


# ---------------------------------------------------------------------------- ids and errors


def test_an_unknown_id_fails_on_stderr_saying_what_to_do(cli, files):
    _import(cli, files["notes.md"])
    for argv in (
        ("show", "zzzz"),
        ("export", "zzzz"),
        ("rename", "zzzz", "x"),
        ("rm", "zzzz"),
        ("untrash", "zzzz"),
        ("versions", "zzzz"),
        ("revert", "zzzz", "1"),
        ("state", "zzzz"),
    ):
        result = cli(*argv)
        assert result.code == 1, argv
        assert result.out == "", argv
        assert result.err.startswith("artifacts: no artifact with id 'zzzz'"), argv
        assert "`artifacts ls` lists the ids" in result.err, argv


def test_an_ambiguous_prefix_lists_the_candidates(cli):
    assert cli("ls").code == 0  # creates the library
    _insert_artifact("abcdefgh", "First")
    _insert_artifact("abcdxyzw", "Second")
    result = cli("show", "abcd")
    assert result.code == 1
    assert "abcdefgh (First)" in result.err and "abcdxyzw (Second)" in result.err
    assert "type more of it" in result.err
    assert cli("show", "abcde", "--json").json()["title"] == "First"


def test_every_json_output_parses(cli, files):
    ids = _import(cli, *files.values())
    first = ids[0]
    cli("state", first, "set", "k", "v")
    commands = [
        ("ls", "--json"),
        ("ls", "--type", "html", "--json"),
        ("search", "notes", "--json"),
        ("search", "zeppelin", "--json"),
        ("show", first, "--json"),
        ("trash", "--json"),
        ("versions", first, "--json"),
        ("state", first, "--json"),
        ("state", first, "--shared", "--json"),
        ("state", first, "get", "k", "--json"),
        ("state", first, "set", "k2", "v", "--json"),
        ("import", str(files["notes.md"]), "--json"),
    ]
    for argv in commands:
        result = cli(*argv)
        assert result.code == 0, (argv, result.err)
        json.loads(result.out)


def test_export_to_a_folder_that_does_not_exist_fails_with_what_to_do(cli, files, tmp_path):
    [artifact_id] = _import(cli, files["notes.md"])
    result = cli("export", artifact_id, "-o", str(tmp_path / "missing" / "out.md"))
    assert result.code == 1
    assert "cannot write" in result.err
    assert "check that its folder exists" in result.err


def test_a_library_from_a_newer_release_is_refused_with_what_to_do(cli):
    assert cli("ls").code == 0
    conn = sqlite3.connect(get_paths().library)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    result = cli("ls")
    assert result.code == 1
    assert "newer release" in result.err
    assert "upgrade live-artifacts" in result.err


def test_export_html_on_a_terminal_writes_a_file_named_after_the_title(cli, files, tmp_path, monkeypatch):
    """Hundreds of kilobytes of HTML on a terminal help nobody: a file instead, never over one."""
    [artifact_id] = _import(cli, files["budget.html"])
    monkeypatch.chdir(tmp_path)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["export", artifact_id, "--html"]) == 0
    assert main(["export", artifact_id, "--html"]) == 0
    assert out.getvalue() == ""
    assert (tmp_path / "budget-planner.html").read_text().startswith("<!doctype html>")
    assert (tmp_path / "budget-planner-2.html").exists()  # the first one is kept
    assert main(["export", artifact_id, "--html", "-o", "-"]) == 0  # asked for: on the terminal
    assert "Budget" in out.getvalue()
