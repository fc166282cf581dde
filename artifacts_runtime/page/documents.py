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
from .cdn import cdn_table
from .csp import SANDBOX, frame_csp
from .imports import LINK_HREF_RE, RENDER_LIBS, SCRIPT_SRC_RE, react_libraries
from .resources import TAILWIND, Resources
from .spec import LOCAL_STORAGE_PREFIX, FrameSpec

_SRI_ATTR_RE = re.compile(r"""\s(?:integrity|crossorigin)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""", re.I)

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
    if mode != "export":  # an exported file has no server to load a library from
        data["cdn"] = cdn_table(lock)
        data["localStorage"] = {"prefix": LOCAL_STORAGE_PREFIX, "items": spec.local_storage or {}}
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
        + res.runtime("frame-errors.js")
        + res.runtime("frame-links.js")
        + res.runtime("frame-compat.js")
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
        # The Tailwind CDN script: v3's palette and tailwind-v3.js go right before the engine.
        pre = res.tailwind_v3() if ref.library == TAILWIND and ref.file == lock.get(TAILWIND).main else ""
        return f'{pre}<script{attrs} src="{res.asset_url(ref.library, ref.file)}" crossorigin="anonymous">{closing}'

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
    # Ours goes at offset 0, before every byte the artifact wrote: frame.js (and an export's
    # CSP <meta>) must come before any artifact script, and no search of the artifact's markup
    # for "a safe spot" can be trusted (HTML ends comments at "<!-->", "<!--->", "--!>"...).
    # The only thing read from the source is its leading doctype, so that the page keeps its
    # rendering mode: a doctype after our tags would be ignored (quirks mode).
    inject = _head(spec, res, mode)
    kind, start, end = leading_token(body)
    if kind == "doctype":
        doctype = body[start:end] if body[start:end].endswith(">") else body[start:end] + ">"
        return doctype + inject + body[:start].removeprefix(BOM) + body[end:]
    if kind == "document":  # <html> or <head> with no doctype: quirks mode, as written
        return inject + body.removeprefix(BOM)
    # A fragment: give it a document (standards mode, its markup in the body).
    return f"<!doctype html><html><head>{inject}</head><body>{body.removeprefix(BOM)}</body></html>"


BOM = "\ufeff"
_SPACE = "\t\n\f\r "


def leading_token(source: str) -> tuple[str, int, int]:
    """What an HTML parser meets first in ``source``, past whitespace and comments: its
    ``"doctype"`` (with the token's ``[start, end)``), else ``"document"`` when the first tag
    is ``<html>`` or ``<head>``, else ``"fragment"``.

    This follows the HTML tokenizer's states (WHATWG, "Tokenization") for the tokens the
    "initial" insertion mode skips: comments, which end at the first ``-->`` or ``--!>``, or
    at once for ``<!-->`` and ``<!--->``, or at the end of input; bogus comments (``<?…>``,
    ``<![CDATA[…>``, ``<!x…>``, ``</0…>``), which end at the first ``>``; ``</>``, which is
    dropped. A doctype ends at its first ``>``. A leading BOM is skipped (a decoder drops it).
    Only the rendering mode depends on this: our tags come first whatever it says."""
    n = len(source)
    i = 1 if source.startswith(BOM) else 0
    while i < n:
        c = source[i]
        if c in _SPACE:
            i += 1
        elif source.startswith("<!--", i):
            body = i + 4
            if source.startswith(">", body):
                i = body + 1
            elif source.startswith("->", body):
                i = body + 2
            else:
                ends = [e + len(m) for m in ("-->", "--!>") if (e := source.find(m, body)) >= 0]
                i = min(ends) if ends else n
        elif source[i : i + 9].isascii() and source[i : i + 9].lower() == "<!doctype":
            close = source.find(">", i)
            return "doctype", i, n if close < 0 else close + 1
        elif source.startswith("</", i):
            after = source[i + 2 : i + 3]
            if after == ">":  # "</>": no token at all
                i += 3
            elif not after or (after.isascii() and after.isalpha()):  # an end tag (or "</" text)
                return "fragment", i, i
            else:
                i = _after_bogus_comment(source, i)
        elif source.startswith(("<!", "<?"), i):
            i = _after_bogus_comment(source, i)
        elif c == "<" and i + 1 < n and source[i + 1].isascii() and source[i + 1].isalpha():
            j = i + 1
            while j < n and source[j] not in _SPACE + "/>":
                j += 1
            return ("document" if source[i + 1 : j].lower() in ("html", "head") else "fragment"), i, i
        else:
            return "fragment", i, i
    return "fragment", i, i


def _after_bogus_comment(source: str, i: int) -> int:
    close = source.find(">", i)
    return len(source) if close < 0 else close + 1


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
