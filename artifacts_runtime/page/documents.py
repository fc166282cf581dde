"""The documents an artifact is shown in.

- The **shell** (``shell_document``) is trusted: it holds the session token, draws a thin bar,
  and hosts the artifact in a sandboxed iframe (scripts allowed, no same-origin: an opaque
  origin). It forwards the artifact's postMessage calls to the bridge, scoped to its artifact.
- The **frame** (``frame_document``) is what runs the artifact, under the policy of
  :func:`~artifacts_runtime.page.csp.frame_csp`.

``export_document`` builds the self-contained export: the same frame document with every script
inlined and storage kept in memory.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable

from .. import kinds
from ..assets import AssetCache, AssetLock
from .csp import SANDBOX, frame_csp
from .imports import LINK_HREF_RE, RENDER_LIBS, SCRIPT_SRC_RE, react_libraries
from .resources import Resources
from .spec import FrameSpec

_SRI_ATTR_RE = re.compile(r"""\s(?:integrity|crossorigin)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""", re.I)
_HEAD_OPEN_RE = re.compile(r"<head\b[^>]*>", re.I)
_HTML_OPEN_RE = re.compile(r"<html\b[^>]*>", re.I)
_DOCTYPE_RE = re.compile(r"^(?:\s|<!--.*?-->)*<!doctype[^>]*>", re.I | re.S)

Reader = Callable[[str], str]


def script_json(data: object) -> str:
    """JSON that is safe inside a <script> element (no ``</script>``, no ``<!--``)."""
    return (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _meta(spec: FrameSpec, mode: str, lock: AssetLock) -> str:
    imports: dict[str, str] = {}
    for lib in lock:
        for specifier, global_name in lib.imports.items():
            imports[specifier] = global_name
    data = {
        "id": spec.artifact_id,
        "version": spec.version,
        "type": spec.type,
        "title": spec.title,
        "language": spec.language,
        "mode": mode,
        "imports": imports,
    }
    return f"<script>window.__ARTIFACT__={script_json(data)};</script>"


def _head(spec: FrameSpec, res: Resources, mode: str) -> str:
    # An exported file has no server to send a CSP header: the same policy goes in a meta tag,
    # so opened online it still reaches no network.
    policy = (
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(frame_csp(None))}">'
        if mode == "export"
        else ""
    )
    return (
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        + policy
        + _meta(spec, mode, res.lock)
        + res.runtime("frame.css")
        + res.runtime("frame.js")
    )


def frame_document(spec: FrameSpec, res: Resources, *, mode: str = "live") -> str:
    """The HTML document that runs one version of an artifact."""
    if spec.type == kinds.HTML:
        return _html_document(spec, res, mode)
    head = _head(spec, res, mode)
    source = f'<script type="application/json" id="artifact-source">{script_json(spec.source)}</script>'
    title = html.escape(spec.title)
    if spec.type == kinds.REACT:
        libs = react_libraries(spec, res.lock)
        if spec.compiled is not None:
            source += f'<script type="application/json" id="artifact-compiled">{script_json(spec.compiled)}</script>'
        elif spec.compile_ticket:
            source += f'<script type="application/json" id="artifact-compile-ticket">{script_json(spec.compile_ticket)}</script>'
        # Always: besides @/components/ui/*, it defines shadcn's theme (bg-primary, border
        # colours) that artifacts written for claude.ai use with or without the components.
        return (
            f"<!doctype html><html><head><title>{title}</title>{head}{res.libraries(libs)}{res.ui()}</head>"
            f'<body class="artifact-react"><div id="root"></div>{source}{res.runtime("react-runtime.js")}'
            "</body></html>"
        )
    libs = RENDER_LIBS.get(spec.type, [])
    styles = ""
    if "highlight.js" in libs:
        styles = res.library("highlight.js", "styles/github.min.css")
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}{styles}{res.libraries(libs)}</head>"
        f'<body class="artifact-doc"><main id="root"></main>{source}{res.runtime("render.js")}'
        "</body></html>"
    )


def _html_document(spec: FrameSpec, res: Resources, mode: str) -> str:
    """The artifact's own document, with CDN libraries we have served locally and the bridge
    injected before anything else runs."""
    lock = res.lock

    def script(m: re.Match[str]) -> str:
        ref = lock.resolve_url(m.group(3))
        if ref is None:
            return m.group(0)
        attrs = _SRI_ATTR_RE.sub("", m.group(1) + m.group(4))
        closing = m.group(5) or ""
        if res.inline:
            tag = res.library(ref.library, ref.file)
            return tag if closing else tag.removesuffix("</script>")
        return f'<script{attrs} src="{res.asset_url(ref.library, ref.file)}" crossorigin="anonymous">{closing}'

    def link(m: re.Match[str]) -> str:
        ref = lock.resolve_url(m.group(3))
        if ref is None:
            return m.group(0)
        if res.inline and ref.file.endswith(".css"):
            return res.library(ref.library, ref.file)
        attrs = _SRI_ATTR_RE.sub("", m.group(1) + m.group(4))
        return f'<link{attrs} href="{res.asset_url(ref.library, ref.file)}">'

    body = SCRIPT_SRC_RE.sub(script, spec.source)
    body = LINK_HREF_RE.sub(link, body)
    # Ours goes first, before anything the artifact wrote (right after its doctype; the parser
    # puts it in the head): frame.js must run before any artifact script, and a "<head>" found
    # by a search could be inside a script's string.
    inject = _head(spec, res, mode)
    m = _DOCTYPE_RE.match(body)
    if m:
        return body[: m.end()] + inject + body[m.end() :]
    if _HEAD_OPEN_RE.search(body) or _HTML_OPEN_RE.search(body):
        return inject + body
    # A fragment: give it a document.
    return f"<!doctype html><html><head>{inject}</head><body>{body}</body></html>"


def shell_document(artifact_id: str, title: str, version: int | None, *, share: str | None = None) -> str:
    """The trusted page around the sandboxed frame. It reads the token from the URL fragment
    (never sent to a server), keeps it in sessionStorage, and talks to the bridge."""
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title>"
        '<link rel="stylesheet" href="/runtime/shell.css">'
        '<script src="/runtime/shell.js" defer></script></head>'
        f'<body data-artifact="{html.escape(artifact_id)}" data-version="{version or ""}"'
        + (f' data-share="{html.escape(share)}"' if share else "")
        + ">"
        '<header id="bar"><span id="title"></span><span id="meta"></span>'
        '<span id="status" role="status"></span></header>'
        f'<iframe id="frame" title="artifact" sandbox="{SANDBOX}" '
        'allow="clipboard-write; fullscreen" referrerpolicy="no-referrer"></iframe>'
        "</body></html>"
    )


def export_document(spec: FrameSpec, cache: AssetCache) -> str:
    """One self-contained HTML file: every library inlined, storage in memory, no network."""
    res = Resources(cache.lock, cache, inline=True)
    return frame_document(spec, res, mode="export")
