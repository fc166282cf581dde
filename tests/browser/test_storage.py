"""``window.storage`` inside an artifact, through the whole path: the sandboxed frame posts to
its shell, the shell calls the server with the token, the bridge writes SQLite — and back.

The shapes are claude.ai's: ``get`` -> ``{key, value, shared}`` (and throws when the key does not
exist), ``set`` -> ``{key, value, shared}``, ``delete`` -> ``{key, deleted, shared}``,
``list(prefix)`` -> ``{keys, prefix, shared}``.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.browser.conftest import open_view

pytestmark = pytest.mark.slow

PAGE = "<!doctype html><html><body><h1>storage page</h1></body></html>"

#: Run a storage call in the frame; resolve to {ok, result} or {ok: false, name, code, message}.
CALL = """async ([method, args]) => {
  try { return { ok: true, result: await window.storage[method](...args) }; }
  catch (e) { return { ok: false, name: e.name, code: e.code, message: e.message }; }
}"""


def call(frame, method: str, *args):
    return frame.evaluate(CALL, [method, list(args)])


def ok(frame, method: str, *args):
    reply = call(frame, method, *args)
    assert reply["ok"], reply
    return reply["result"]


@pytest.fixture
def artifact(live_server) -> str:
    return live_server.import_artifact(PAGE, type="html", title="Storage page")


def test_set_get_delete_list_have_claude_shapes(live_server, page, artifact) -> None:
    frame = open_view(page, live_server.view_url(artifact))
    assert ok(frame, "set", "score", "42") == {"key": "score", "value": "42", "shared": False}
    assert ok(frame, "get", "score") == {"key": "score", "value": "42", "shared": False}
    ok(frame, "set", "game:1", "{}")
    ok(frame, "set", "game:2", "[]")
    assert ok(frame, "list", "game:") == {"keys": ["game:1", "game:2"], "prefix": "game:", "shared": False}
    assert ok(frame, "list")["keys"] == ["game:1", "game:2", "score"]
    assert ok(frame, "delete", "score") == {"key": "score", "deleted": True, "shared": False}
    assert ok(frame, "list")["keys"] == ["game:1", "game:2"]
    assert live_server.state(artifact, "game:2") == "[]"
    assert page.page_errors == []


def test_get_of_a_missing_key_throws(live_server, page, artifact) -> None:
    frame = open_view(page, live_server.view_url(artifact))
    reply = call(frame, "get", "never-set")
    assert reply["ok"] is False
    assert reply["code"] == "key_not_found"
    assert "never-set" in reply["message"]


def test_shared_and_personal_scopes_are_separate(live_server, page, artifact) -> None:
    frame = open_view(page, live_server.view_url(artifact))
    ok(frame, "set", "votes", "mine")
    assert ok(frame, "set", "votes", "everyone's", True) == {"key": "votes", "value": "everyone's", "shared": True}
    assert ok(frame, "get", "votes")["value"] == "mine"
    assert ok(frame, "get", "votes", True) == {"key": "votes", "value": "everyone's", "shared": True}
    ok(frame, "set", "only-shared", "x", True)
    assert ok(frame, "list", "", True)["keys"] == ["only-shared", "votes"]
    assert ok(frame, "list", "", False)["keys"] == ["votes"]
    assert live_server.state(artifact, "votes", shared=True) == "everyone's"
    assert live_server.state(artifact, "votes", shared=False) == "mine"


def test_value_survives_a_reload_and_shows_in_artifacts_state(live_server, page, artifact) -> None:
    frame = open_view(page, live_server.view_url(artifact))
    ok(frame, "set", "todo", '["buy milk","call mum"]')
    page.reload()  # the token now comes from the shell's sessionStorage
    page.wait_for_selector("body[data-rendered]", state="attached")
    frame = page.locator("#frame").element_handle().content_frame()
    assert ok(frame, "get", "todo")["value"] == '["buy milk","call mum"]'

    env = {**os.environ, "ARTIFACTS_HOME": str(live_server.home)}
    out = subprocess.run(
        [sys.executable, "-m", "artifacts_runtime.cli.main", "state", artifact, "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert '"key": "todo"' in out.stdout and "buy milk" in out.stdout


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("a/b", "x"), "invalid_key", "slash"),
        (("has space", "x"), "invalid_key", "whitespace"),
        (("k" * 200, "x"), "invalid_key", "shorter than 200"),
        (("n", 42), "invalid_value", "must be strings"),
        (("obj", {"a": 1}), "invalid_value", "JSON.stringify"),
    ],
    ids=["slash", "whitespace", "long-key", "number", "object"],
)
def test_limits_surface_as_errors_in_the_page(live_server, page, artifact, args, code, words) -> None:
    frame = open_view(page, live_server.view_url(artifact))
    reply = call(frame, "set", *args)
    assert reply["ok"] is False, reply
    assert reply["code"] == code
    assert words in reply["message"]
    assert ok(frame, "list")["keys"] == []


def test_a_value_over_5_mb_is_refused(live_server, page, artifact) -> None:
    frame = open_view(page, live_server.view_url(artifact))
    reply = frame.evaluate(
        """async () => {
          try { await window.storage.set("big", "x".repeat(5 * 1024 * 1024 + 1)); return { ok: true }; }
          catch (e) { return { ok: false, code: e.code, message: e.message }; }
        }"""
    )
    assert reply["ok"] is False
    assert reply["code"] == "value_too_large"
    assert "5 MB" in reply["message"]
    assert ok(frame, "set", "fits", "x" * (5 * 1024 * 1024))["key"] == "fits"


def test_a_second_view_hears_of_the_first_views_writes(live_server, chromium, artifact) -> None:
    context = chromium.new_context()
    try:
        first, second = context.new_page(), context.new_page()
        frame1 = open_view(first, live_server.view_url(artifact))
        frame2 = open_view(second, live_server.view_url(artifact))
        listen = """() => { window.__heard = [];
            window.addEventListener("artifact-storage", (e) => window.__heard.push(e.detail)); }"""
        frame1.evaluate(listen)
        frame2.evaluate(listen)
        ok(frame1, "set", "color", "teal", True)
        frame2.wait_for_function("window.__heard.length > 0")
        assert frame2.evaluate("window.__heard") == [{"key": "color", "shared": True, "deleted": False}]
        assert ok(frame2, "get", "color", True)["value"] == "teal"
        ok(frame1, "delete", "color", True)
        frame2.wait_for_function("window.__heard.length > 1")
        assert frame2.evaluate("window.__heard[1]") == {"key": "color", "shared": True, "deleted": True}
        # The writer does not hear its own echo.
        first.wait_for_timeout(200)
        assert frame1.evaluate("window.__heard") == []
    finally:
        context.close()


def test_a_new_version_reloads_an_open_view(live_server, page) -> None:
    aid = live_server.import_artifact("<!doctype html><p id=v>first draft</p>", type="html")
    frame = open_view(page, live_server.view_url(aid))
    assert frame.inner_text("#v") == "first draft"
    assert "v1" in page.inner_text("#meta")
    number = live_server.add_version(aid, "<!doctype html><p id=v>second draft</p>")
    page.wait_for_selector(f'body[data-rendered="{number}"]', state="attached")
    frame = page.locator("#frame").element_handle().content_frame()
    assert frame.inner_text("#v") == "second draft"
    assert "v2" in page.inner_text("#meta")
    assert page.page_errors == []
