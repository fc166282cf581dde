"""The documents an artifact is shown in.

- The **shell** (``shell_document``) is trusted: it holds the session token, draws a thin bar,
  and hosts the artifact in a sandboxed iframe (scripts allowed, no same-origin: an opaque
  origin). It forwards the artifact's postMessage calls to the bridge, scoped to its artifact.
- The **frame** (``frame_document``) is what runs the artifact, under a Content-Security-Policy
  that allows no network destination but the local server (``connect-src 'none'``: even the
  local API is out of reach; everything goes through the shell).

``frame_document`` also builds the self-contained export: the same document with every script
inlined and storage kept in memory.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import kinds
from .assets import AssetCache, AssetLock

RUNTIME_DIR = Path(__file__).parent / "page"
SANDBOX = "allow-scripts allow-forms allow-modals allow-downloads allow-pointer-lock"

#: Always on a React page, in this order (their own ``needs`` come first).
REACT_BASE = ("react", "react-dom", "tailwind", "babel")

_IMPORT_RE = re.compile(
    r"""(?:^|[;\n])\s*(?:import\s+(?:[\w*{}\s,$]+?\s+from\s+)?|export\s+(?:\*|\{[^}]*\})\s+from\s+)['"]([^'"\n]+)['"]"""
    r"""|\brequire\(\s*['"]([^'"\n]+)['"]\s*\)|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)""",
)
_SCRIPT_SRC_RE = re.compile(r"""<script\b([^>]*?)\bsrc\s*=\s*(["']?)([^"'\s>]+)\2([^>]*)>(\s*</script\s*>)?""", re.I)
_LINK_HREF_RE = re.compile(r"""<link\b([^>]*?)\bhref\s*=\s*(["']?)([^"'\s>]+)\2([^>]*)>""", re.I)
_SRI_ATTR_RE = re.compile(r"""\s(?:integrity|crossorigin)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""", re.I)
_HEAD_OPEN_RE = re.compile(r"<head\b[^>]*>", re.I)
_HTML_OPEN_RE = re.compile(r"<html\b[^>]*>", re.I)
_DOCTYPE_RE = re.compile(r"^(?:\s|<!--.*?-->)*<!doctype[^>]*>", re.I | re.S)


def frame_csp(server_origin: str | None) -> str:
    """The artifact frame's policy: code may run, but nothing may be fetched from anywhere
    except the local server's runtime files."""
    local = f" {server_origin}" if server_origin else ""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'self'{local} 'unsafe-inline' 'unsafe-eval' blob: data:",
            f"style-src 'self'{local} 'unsafe-inline'",
            f"img-src 'self'{local} data: blob:",
            f"font-src 'self'{local} data:",
            f"media-src 'self'{local} data: blob:",
            "connect-src 'none'",
            "worker-src blob:",
            "frame-src 'none'",
            "object-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
        ]
    )


SHELL_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)


def scan_imports(source: str) -> list[str]:
    """Module specifiers a React artifact imports, in order of first appearance."""
    found: list[str] = []
    for m in _IMPORT_RE.finditer(source):
        spec = m.group(1) or m.group(2) or m.group(3)
        if spec and spec not in found:
            found.append(spec)
    return found


def is_ui_module(spec: str) -> bool:
    return spec.startswith("@/components/ui/") or spec == "@/lib/utils"


def script_json(data: object) -> str:
    """JSON that is safe inside a <script> element (no ``</script>``, no ``<!--``)."""
    return (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _inline_js(code: str) -> str:
    return code.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


@dataclass
class Resources:
    """How a document refers to scripts and styles: by URL from the local server (``live``)
    or inlined (``export``)."""

    lock: AssetLock
    cache: AssetCache | None = None
    inline: bool = False
    base: str = ""
    used: list[str] = field(default_factory=list)

    def asset_url(self, lib: str, file: str | None = None) -> str:
        entry = self.lock.get(lib)
        return f"{self.base}/assets/{entry.folder}/{file or entry.main}"

    def runtime_url(self, name: str) -> str:
        return f"{self.base}/runtime/{name}"

    def library(self, lib: str, file: str | None = None) -> str:
        entry = self.lock.get(lib)
        self.used.append(entry.name)
        prelude = "".join(
            f"window[{json.dumps(alias)}]=window[{json.dumps(target)}];"
            for alias, target in entry.global_aliases.items()
        )
        pre = f"<script>{prelude}</script>" if prelude else ""
        target = file or entry.main
        if target.endswith(".css"):
            if self.inline:
                return f"<style>{self._read_asset(lib, target)}</style>"
            return f'<link rel="stylesheet" href="{self.asset_url(lib, target)}">'
        if self.inline:
            return f"{pre}<script>{_inline_js(self._read_asset(lib, target))}</script>"
        return f'{pre}<script src="{self.asset_url(lib, target)}" crossorigin="anonymous"></script>'

    def runtime(self, name: str) -> str:
        if name.endswith(".css"):
            if self.inline:
                return f"<style>{(RUNTIME_DIR / name).read_text(encoding='utf-8')}</style>"
            return f'<link rel="stylesheet" href="{self.runtime_url(name)}">'
        if self.inline:
            return f"<script>{_inline_js((RUNTIME_DIR / name).read_text(encoding='utf-8'))}</script>"
        return f'<script src="{self.runtime_url(name)}" crossorigin="anonymous"></script>'

    def _read_asset(self, lib: str, file: str) -> str:
        assert self.cache is not None, "inline resources need the asset cache"
        return self.cache.file_path(lib, file).read_text(encoding="utf-8")

    def libraries(self, names: list[str]) -> str:
        return "".join(self.library(name) for name in self.lock.load_order(names))


@dataclass(frozen=True)
class FrameSpec:
    artifact_id: str
    version: int
    type: str
    title: str
    source: str
    language: str | None = None
    #: React only: the code a frame already compiled this source to (then no Babel is loaded)
    compiled: str | None = None
    #: React only: lets the frame hand back what it compiled, for this version and no other
    compile_ticket: str | None = None


def needed_libraries(spec: FrameSpec, lock: AssetLock) -> list[str]:
    """Every runtime library the frame for ``spec`` loads, dependencies first."""
    if spec.type == kinds.REACT:
        names = list(REACT_BASE)
        for imp in scan_imports(spec.source):
            ref = lock.resolve_import(imp)
            if ref is not None:
                names.append(ref.library)
        return lock.load_order(names)
    if spec.type == kinds.HTML:
        names = []
        for m in list(_SCRIPT_SRC_RE.finditer(spec.source)) + list(_LINK_HREF_RE.finditer(spec.source)):
            ref = lock.resolve_url(m.group(3))
            if ref is not None:
                names.append(ref.library)
        return lock.load_order(names)
    return lock.load_order(_RENDER_LIBS.get(spec.type, []))


_RENDER_LIBS: dict[str, list[str]] = {
    kinds.MARKDOWN: ["marked", "dompurify", "highlight.js"],
    kinds.SVG: ["dompurify"],
    kinds.MERMAID: ["mermaid"],
    kinds.CODE: ["highlight.js"],
}


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
        imports = scan_imports(spec.source)
        libs = [lib for lib in REACT_BASE if not (spec.compiled and lib == "babel")] + [
            ref.library for ref in (res.lock.resolve_import(i) for i in imports) if ref is not None
        ]
        if spec.compiled is not None:
            source += f'<script type="application/json" id="artifact-compiled">{script_json(spec.compiled)}</script>'
        elif spec.compile_ticket:
            source += f'<script type="application/json" id="artifact-compile-ticket">{script_json(spec.compile_ticket)}</script>'
        # Always: besides @/components/ui/*, it defines shadcn's theme (bg-primary, border
        # colours) that artifacts written for claude.ai use with or without the components.
        ui = res.runtime("ui.js")
        return (
            f"<!doctype html><html><head><title>{title}</title>{head}{res.libraries(libs)}{ui}</head>"
            f'<body class="artifact-react"><div id="root"></div>{source}{res.runtime("react-runtime.js")}'
            "</body></html>"
        )
    libs = _RENDER_LIBS.get(spec.type, [])
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

    body = _SCRIPT_SRC_RE.sub(script, spec.source)
    body = _LINK_HREF_RE.sub(link, body)
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


Reader = Callable[[str], str]
