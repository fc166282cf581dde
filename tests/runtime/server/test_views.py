"""What the views serve: only our own runtime files and the pinned libraries' files; and the
frame document's policy (built by the page, sent by the server as a header)."""

from __future__ import annotations

import httpx


async def test_runtime_files_are_only_our_own(server) -> None:
    async with httpx.AsyncClient(base_url=server.base_url) as client:
        assert (await client.get("/runtime/frame.js")).status_code == 200
        for path in [
            "/runtime/..%2Fserver.py",
            "/runtime/server.py",
            "/runtime/%2e%2e%2fpage.py",
            "/assets/react@18.3.1/..%2F..%2Fetc%2Fpasswd",
            "/assets/react@0.0.1/umd/react.production.min.js",
        ]:
            assert (await client.get(path)).status_code == 404, path


async def test_the_components_are_one_script_revalidated_by_etag(server) -> None:
    """A React frame loads our ui-*.js parts as one /runtime/ui.js: one request, and on a warm
    load one 304 instead of ten revalidations."""
    from artifacts_runtime.page import ui_bundle

    async with httpx.AsyncClient(base_url=server.base_url) as client:
        first = await client.get("/runtime/ui.js")
        assert first.status_code == 200 and first.text == ui_bundle()
        assert first.headers["content-type"].startswith("text/javascript")
        etag = first.headers["etag"]
        again = await client.get("/runtime/ui.js", headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b""
        stale = await client.get("/runtime/ui.js", headers={"If-None-Match": '"other"'})
        assert stale.status_code == 200 and stale.text == first.text


def test_an_exported_file_carries_its_policy_in_a_meta_tag():
    """Opened online, an exported file still reaches no network: the CSP travels with it."""
    from artifacts_runtime.assets import load_lock
    from artifacts_runtime.page import FrameSpec, Resources, frame_document

    spec = FrameSpec("abc", 1, "text/markdown", "Doc", "# Hi")
    live = frame_document(spec, Resources(load_lock()), mode="live")
    assert "Content-Security-Policy" not in live  # the server sends it as a header
    exported = frame_document(spec, Resources(load_lock()), mode="export")
    assert 'http-equiv="Content-Security-Policy"' in exported and "connect-src &#x27;none&#x27;" in exported
