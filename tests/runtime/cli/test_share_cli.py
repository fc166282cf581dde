"""The sharing and live-data commands of ``artifacts``: grant, grants, revoke, attach, publish,
unpublish, shares, remix, catalog, and ``export --bundle`` / ``import`` of bundles.

Commands run in-process through ``main([...])`` with the test's own ARTIFACTS_HOME; the library
is then read back through a Store to show what the command did.
"""

from __future__ import annotations

import asyncio
import io
import json
import sqlite3
import sys
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from artifacts_runtime.cli.main import main
from artifacts_runtime.paths import get_paths
from artifacts_runtime.store import Store


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture):
    def run(*argv: str) -> Result:
        capsys.readouterr()
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def library(fn):
    """Run ``await fn(store)`` against the test's library (the CLI has closed it by then)."""

    async def go():
        store = await Store.open(get_paths().ensure().library)
        try:
            return await fn(store)
        finally:
            await store.close()

    return asyncio.run(go())


def counts() -> dict[str, int]:
    path = get_paths().ensure().library
    if not path.exists():
        return {}
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("artifacts", "versions", "state", "files")
        }
    finally:
        conn.close()


@pytest.fixture
def artifact(cli, tmp_path: Path) -> str:
    page = tmp_path / "board.html"
    page.write_text("<!doctype html><title>Board</title><h1>Board</h1>\n", encoding="utf-8")
    result = cli("import", str(page))
    assert result.code == 0, result.err
    return result.out.strip()


class RunningServer:
    """``artifacts serve`` as the app runs it: a Workspace and its server in a background loop."""

    def __init__(self) -> None:
        from artifacts_runtime.workspace import Workspace

        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.workspace = self.run(Workspace.open())
        self.server = self.run(self.workspace.start_server())

    def run(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(30)

    def stop(self) -> None:
        try:
            self.run(self.workspace.close())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)
            self.loop.close()


@pytest.fixture
def running_server() -> Iterator[RunningServer]:
    server = RunningServer()
    yield server
    server.stop()


# ---------------------------------------------------------------------------- grants


def test_grant_normalises_the_origin_and_grants_lists_it(cli, artifact: str):
    result = cli("grant", artifact, "HTTPS://Data.Example.COM:443")
    assert result.code == 0, result.err
    assert "may fetch anything from https://data.example.com (you only)" in result.err
    assert cli("grant", artifact, "http://127.0.0.1:8080/").code == 0  # the root is the whole origin
    listed = cli("grants", artifact, "--json").json()
    assert [(g["origin"], g["path"], g["decision"], g["visitors"]) for g in listed] == [
        ("http://127.0.0.1:8080", "/", "allow", False),
        ("https://data.example.com", "/", "allow", False),
    ]
    table = cli("grants", artifact)
    assert "https://data.example.com" in table.out and "allow" in table.out


def test_a_grant_with_a_path_covers_that_prefix_and_says_so(cli, artifact: str):
    """Before path grants, a URL with a path granted its whole origin; now it grants that part."""
    result = cli("grant", artifact, "HTTPS://Data.Example.COM:443/v1/prices/")
    assert result.code == 0, result.err
    assert "may fetch from https://data.example.com/v1/prices and below (you only)" in result.err
    (listed,) = cli("grants", artifact, "--json").json()
    assert listed["scope"] == "https://data.example.com/v1/prices" and listed["path"] == "/v1/prices"
    assert listed["covers"] == "may fetch from https://data.example.com/v1/prices and below (you only)"
    assert "https://data.example.com/v1/prices/…" in cli("grants", artifact).out
    assert cli("revoke", artifact, "https://data.example.com").code == 1  # not that grant
    assert cli("revoke", artifact, "https://data.example.com/v1/prices").code == 0
    assert cli("grants", artifact, "--json").json() == []


def test_grant_for_visitors_is_said_and_listed(cli, artifact: str):
    result = cli("grant", artifact, "https://api.example.com/public", "--visitors")
    assert result.code == 0, result.err
    assert "(you and visitors of shared links)" in result.err
    assert cli("grants", artifact, "--json").json()[0]["visitors"] is True
    assert "you + visitors" in cli("grants", artifact).out
    both = cli("grant", artifact, "https://api.example.com", "--deny", "--visitors")
    assert both.code == 1 and "--visitors" in both.err and "Traceback" not in both.err


@pytest.mark.parametrize(
    "scope", ["https://api.example.com/v1?key=1", "https://api.example.com/#x", "https://api.example.com/%2e%2e/admin"]
)
def test_grant_refuses_a_query_a_fragment_or_a_tricky_path_with_a_sentence(cli, artifact: str, scope: str):
    result = cli("grant", artifact, scope)
    assert result.code == 1 and result.err.startswith("artifacts: ") and result.err.count("\n") == 1
    assert "https://api.example.com/v1/" in result.err  # an example of what works
    assert cli("grants", artifact, "--json").json() == []


def test_grant_deny_records_a_refusal(cli, artifact: str):
    assert cli("grant", artifact, "https://tracker.example", "--deny").code == 0
    assert cli("grants", artifact, "--json").json()[0]["decision"] == "deny"
    # granting later turns it into an allow
    assert cli("grant", artifact, "https://tracker.example").code == 0
    assert cli("grants", artifact, "--json").json()[0]["decision"] == "allow"


def test_grants_of_an_artifact_without_any(cli, artifact: str):
    result = cli("grants", artifact)
    assert result.code == 0 and "no grants" in result.err
    assert cli("grants", artifact, "--json").json() == []


@pytest.mark.parametrize(
    "origin",
    [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,x",
        "ftp://example.com",
        "example.com",
        "http://",
        "http://[::1",
        "https://example.com:99999",
    ],
)
def test_grant_refuses_what_is_not_an_origin_with_a_sentence(cli, artifact: str, origin: str):
    result = cli("grant", artifact, origin)
    assert result.code == 1
    assert result.err.startswith("artifacts: ") and "https://api.example.com" in result.err
    assert "Traceback" not in result.err and result.err.count("\n") == 1
    assert cli("grants", artifact, "--json").json() == []


def test_revoke_takes_a_grant_back_with_the_origin_normalised(cli, artifact: str):
    cli("grant", artifact, "https://api.example.com")
    result = cli("revoke", artifact, "HTTPS://API.example.com:443")
    assert result.code == 0, result.err
    assert cli("grants", artifact, "--json").json() == []
    again = cli("revoke", artifact, "https://api.example.com")
    assert again.code == 1 and "no grant for https://api.example.com" in again.err


def test_grant_for_an_unknown_artifact_fails_clearly(cli):
    result = cli("grant", "zzzzzzzz", "https://api.example.com")
    assert result.code == 1 and "zzzzzzzz" in result.err


# ---------------------------------------------------------------------------- attach


def test_attach_makes_a_file_readable_by_the_artifact(cli, artifact: str, tmp_path: Path):
    data = tmp_path / "sales.csv"
    data.write_bytes(b"month,total\njan,10\n")
    result = cli("attach", artifact, str(data))
    assert result.code == 0, result.err
    assert "window.fs.readFile('sales.csv'" in result.err

    async def check(store: Store):
        files = await store.files(artifact_id=artifact)
        read = await store.read_file("sales.csv", artifact_id=artifact)
        return [(f.name, f.mime) for f in files], read.data

    files, content = library(check)
    assert files == [("sales.csv", "text/csv")] and content == b"month,total\njan,10\n"


def test_attach_under_another_name_and_replace(cli, artifact: str, tmp_path: Path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text("[1]")
    second.write_text("[2]")
    assert cli("attach", artifact, str(first), "--name", "data.json").code == 0
    assert cli("attach", artifact, str(second), "--name", "data.json").code == 0
    assert library(lambda s: s.read_file("data.json", artifact_id=artifact)).data == b"[2]"


def test_attach_refuses_a_missing_file_and_a_path_as_name(cli, artifact: str, tmp_path: Path):
    assert cli("attach", artifact, str(tmp_path / "missing.csv")).code == 1
    f = tmp_path / "x.txt"
    f.write_text("x")
    result = cli("attach", artifact, str(f), "--name", "../escape.txt")
    assert result.code == 1 and "plain file name" in result.err


# ---------------------------------------------------------------------------- publish, shares, unpublish


def test_publish_without_a_server_prints_the_path_and_how_to_serve(cli, artifact: str):
    result = cli("publish", artifact)
    assert result.code == 0, result.err
    path = result.out.strip()
    assert path.startswith("/s/") and len(path) > 20
    assert "artifacts serve" in result.err and "unpublish" in result.err
    # what visitors may do is said, not implied: their own storage, the shared values read-only
    assert "personal storage of their own" in result.err
    assert "may read its shared values but not change them" in result.err and "--shared read-write" in result.err
    assert "All visitors together may store 20 MB, apart from your own quota" in result.err
    shares = cli("shares", "--json").json()
    assert [(s["artifact_id"], s["path"], s["url"], s["version"], s["shared_state"]) for s in shares] == [
        (artifact, path, None, None, "read-only")
    ]


def test_publish_read_write_lets_visitors_change_the_shared_values_and_says_so(cli, artifact: str):
    result = cli("publish", artifact, "--shared", "read-write")
    assert result.code == 0, result.err
    assert "may read, change and delete its shared values, yours included" in result.err
    data = cli("publish", artifact, "--shared", "read-write", "--json").json()
    assert data["shared_state"] == "read-write" and data["visitor_storage_bytes"] == 20 * 1024 * 1024
    assert {s["shared_state"] for s in cli("shares", "--json").json()} == {"read-write"}
    assert "read-write" in cli("shares").out
    bad = cli("publish", artifact, "--shared", "everyone")
    assert bad.code != 0 and "read-only" in bad.err and len(cli("shares", "--json").json()) == 2


def test_publish_with_a_server_running_prints_the_url(cli, artifact: str, running_server: RunningServer):
    result = cli("publish", artifact)
    assert result.code == 0, result.err
    url = result.out.strip()
    assert url.startswith(running_server.server.base_url + "/s/")
    assert "No server is running" not in result.err
    listed = cli("shares", "--json").json()
    assert listed[0]["url"] == url
    assert url in cli("shares").out


def test_publish_json_and_a_pinned_version(cli, artifact: str, tmp_path: Path):
    page = tmp_path / "v2.html"
    page.write_text("<h1>v2</h1>")
    data = cli("publish", artifact, "--version", "1", "--json").json()
    assert data["artifact_id"] == artifact and data["version"] == 1 and data["path"] == f"/s/{data['token']}"
    table = cli("shares")
    assert artifact in table.out and data["path"] in table.out


def test_publish_of_a_missing_version_fails(cli, artifact: str):
    result = cli("publish", artifact, "--version", "7")
    assert result.code == 1 and "no version 7" in result.err
    assert cli("shares", "--json").json() == []


def test_publish_of_a_trashed_artifact_is_refused(cli, artifact: str):
    assert cli("rm", artifact).code == 0
    result = cli("publish", artifact)
    assert result.code == 1 and "trash" in result.err
    assert cli("shares", "--json").json() == []


def test_unpublish_ends_every_link_and_then_has_nothing_to_end(cli, artifact: str):
    cli("publish", artifact)
    cli("publish", artifact, "--version", "1")
    result = cli("unpublish", artifact)
    assert result.code == 0 and "2 links" in result.err
    assert cli("shares", "--json").json() == []
    again = cli("unpublish", artifact)
    assert again.code == 1 and "no published link" in again.err


def test_shares_when_nothing_is_published(cli):
    result = cli("shares")
    assert result.code == 0 and "Nothing is published" in result.err
    assert cli("shares", "--json").json() == []


# ---------------------------------------------------------------------------- remix


def test_remix_of_a_library_artifact_copies_content_and_files_but_not_state(cli, artifact: str, tmp_path: Path):
    data = tmp_path / "d.csv"
    data.write_text("a,b\n")
    cli("attach", artifact, str(data))
    library(lambda s: s.state_set(artifact, "mine", "private"))
    result = cli("remix", artifact)
    assert result.code == 0, result.err
    new_id = result.out.strip()
    assert new_id != artifact

    async def check(store: Store):
        new = await store.get(new_id)
        version = await store.version(new_id)
        return (
            new.remixed_from,
            new.title,
            version.content,
            version.source,
            [f.name for f in await store.files(artifact_id=new_id)],
            await store.all_state(new_id),
        )

    remixed_from, title, content, source, files, state = library(check)
    assert remixed_from == artifact and title == "Board (remix)" and source == "remix"
    assert content == "<!doctype html><title>Board</title><h1>Board</h1>\n"
    assert files == ["d.csv"] and state == []


def test_remix_with_a_title_and_json(cli, artifact: str):
    data = cli("remix", artifact, "--title", "My board", "--json").json()
    assert data["title"] == "My board" and data["remixed_from"] == artifact


def _catalog_slug() -> str:
    index = Path(__file__).parents[3] / "artifacts_runtime" / "catalog" / "index.json"
    if not index.exists():
        pytest.skip("the catalog has no index.json yet")
    entries = json.loads(index.read_text(encoding="utf-8"))["entries"]
    if not entries:
        pytest.skip("the catalog is empty")
    return entries[0]["slug"]


def test_remix_of_a_catalog_entry_puts_it_in_the_library(cli):
    slug = _catalog_slug()
    result = cli("remix", f"catalog:{slug}", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["remixed_from"] == f"catalog:{slug}"
    from artifacts_runtime import catalog

    entry = catalog.get(slug)
    assert library(lambda s: s.version(data["id"])).content == entry.source()
    listed = cli("catalog", "--json").json()
    assert f"catalog:{slug}" in [e["ref"] for e in listed]
    assert f"catalog:{slug}" in cli("catalog").out


@pytest.mark.parametrize(
    "ref", ["nope", "catalog:no-such-entry", "http://example.com/not-a-share", "ftp://x/s/abcdefghij"]
)
def test_remix_of_an_unknown_ref_fails_with_a_sentence(cli, artifact: str, ref: str):
    before = counts()
    result = cli("remix", ref)
    assert result.code == 1
    assert result.err.startswith("artifacts: ") and "Traceback" not in result.err
    assert counts() == before


def test_remix_of_a_link_nobody_serves_fails_clearly(cli, artifact: str):
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = cli("remix", f"http://127.0.0.1:{port}/s/abcdefghijklmnop")
    assert result.code == 1 and "is the sharing server running" in result.err


def test_remix_of_a_published_link_through_the_cli(cli, artifact: str, running_server: RunningServer):
    url = cli("publish", artifact).out.strip()
    result = cli("remix", url, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["remixed_from"] == url and data["title"] == "Board (remix)"
    cli("unpublish", artifact)
    gone = cli("remix", url)
    assert gone.code == 1 and "unpublished" in gone.err


# ---------------------------------------------------------------------------- bundles


def test_export_bundle_then_import_round_trips(cli, artifact: str, tmp_path: Path):
    library(lambda s: s.add_version(artifact, "<h1>Two</h1>", source="user", label="second"))
    library(lambda s: s.state_set(artifact, "k", "v", shared=True))
    out = tmp_path / "board.zip"
    result = cli("export", artifact, "--bundle", "-o", str(out))
    assert result.code == 0, result.err
    assert zipfile.is_zipfile(out)
    imported = cli("import", str(out), "--json")
    assert imported.code == 0, imported.err
    new = imported.json()[0]
    assert new["id"] != artifact and new["title"] == "Board"

    async def check(store: Store):
        versions = [(v.number, v.label, v.source) for v in await store.versions(new["id"])]
        return versions, (await store.state_get(new["id"], "k", shared=True)).value

    assert library(check) == ([(1, None, "import"), (2, "second", "user")], "v")


def test_export_bundle_without_state_and_import_without_state(cli, artifact: str, tmp_path: Path):
    library(lambda s: s.state_set(artifact, "k", "v"))
    with_state, without = tmp_path / "a.zip", tmp_path / "b.zip"
    cli("export", artifact, "--bundle", "--no-state", "-o", str(without))
    cli("export", artifact, "--bundle", "-o", str(with_state))
    assert "state.json" not in zipfile.ZipFile(without).namelist()
    one = cli("import", str(without)).out.strip()
    two = cli("import", str(with_state), "--no-state").out.strip()
    three = cli("import", str(with_state), "--title", "Renamed").out.strip()
    assert library(lambda s: s.all_state(one)) == [] and library(lambda s: s.all_state(two)) == []
    assert [e.key for e in library(lambda s: s.all_state(three))] == ["k"]
    assert library(lambda s: s.get(three)).title == "Renamed"


def test_export_bundle_to_stdout_when_redirected(cli, artifact: str, monkeypatch: pytest.MonkeyPatch):
    buffer = io.BytesIO()

    class Out(io.TextIOWrapper):
        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdout", Out(buffer))
    code = main(["export", artifact, "--bundle"])
    assert code == 0
    sys.stdout.flush()
    assert zipfile.is_zipfile(io.BytesIO(buffer.getvalue()))


def test_export_bundle_and_html_together_is_refused(cli, artifact: str, tmp_path: Path):
    result = cli("export", artifact, "--bundle", "--html", "-o", str(tmp_path / "x"))
    assert result.code == 1 and "--bundle" in result.err


def _hostile_bundles(tmp_path: Path, good: bytes) -> dict[str, Path]:
    def write(name: str, entries: dict[str, bytes]) -> Path:
        path = tmp_path / name
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            for member, data in entries.items():
                zf.writestr(member, data)
        path.write_bytes(buf.getvalue())
        return path

    members = {
        i.filename: zipfile.ZipFile(io.BytesIO(good)).read(i) for i in zipfile.ZipFile(io.BytesIO(good)).infolist()
    }
    manifest = json.loads(members["manifest.json"])
    newer = dict(manifest, format_version=99)
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(good[: len(good) // 2])
    return {
        "traversal": write("traversal.zip", {**members, "../../evil.sh": b"#!/bin/sh\n"}),
        "newer": write("newer.zip", {**members, "manifest.json": json.dumps(newer).encode()}),
        "wrong format": write("wrong.zip", {**members, "manifest.json": b'{"format": "other"}'}),
        "checksum": write("checksum.zip", {**members, "versions/1.txt": b"<h1>altered</h1>"}),
        "truncated": truncated,
    }


@pytest.mark.parametrize("kind", ["traversal", "newer", "wrong format", "checksum", "truncated"])
def test_import_of_a_hostile_bundle_fails_and_imports_nothing(cli, artifact: str, tmp_path: Path, kind: str):
    good = tmp_path / "good.zip"
    cli("export", artifact, "--bundle", "-o", str(good))
    hostile = _hostile_bundles(tmp_path, good.read_bytes())[kind]
    before = counts()
    # a good file first: the whole command fails before anything is written
    result = cli("import", str(good), str(hostile))
    assert result.code == 1
    assert result.err.startswith("artifacts: ") and "Traceback" not in result.err
    assert counts() == before
    if kind == "newer":
        assert "upgrade" in result.err
