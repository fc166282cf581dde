"""Which runtime libraries a frame needs: the imports of a React artifact, the CDN scripts of an
HTML one, the renderer of the other types — each resolved through the asset lock."""

from __future__ import annotations

import re

from .. import kinds
from ..assets import AssetLock
from .spec import FrameSpec

#: Always on a React page, in this order (their own ``needs`` come first).
REACT_BASE = ("react", "react-dom", "tailwind", "babel")
#: The class-merging libraries our @/components/ui/* need; loaded after the artifact's own.
UI_LIBS = ("clsx", "tailwind-merge", "class-variance-authority")

RENDER_LIBS: dict[str, list[str]] = {
    kinds.MARKDOWN: ["marked", "dompurify", "highlight.js"],
    kinds.SVG: ["dompurify"],
    kinds.MERMAID: ["mermaid"],
    kinds.CODE: ["highlight.js"],
}

_IMPORT_RE = re.compile(
    r"""(?:^|[;\n])\s*(?:import\s+(?:[\w*{}\s,$]+?\s+from\s+)?|export\s+(?:\*|\{[^}]*\})\s+from\s+)['"]([^'"\n]+)['"]"""
    r"""|\brequire\(\s*['"]([^'"\n]+)['"]\s*\)|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)""",
)
SCRIPT_SRC_RE = re.compile(r"""<script\b([^>]*?)\bsrc\s*=\s*(["']?)([^"'\s>]+)\2([^>]*)>(\s*</script\s*>)?""", re.I)
LINK_HREF_RE = re.compile(r"""<link\b([^>]*?)\bhref\s*=\s*(["']?)([^"'\s>]+)\2([^>]*)>""", re.I)


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


def react_libraries(spec: FrameSpec, lock: AssetLock) -> list[str]:
    """The libraries a React frame loads, in page order: the base (without Babel when the source
    is already compiled), the artifact's imports, then what our components need."""
    names = [lib for lib in REACT_BASE if not (spec.compiled and lib == "babel")]
    for imp in scan_imports(spec.source):
        ref = lock.resolve_import(imp)
        if ref is not None:
            names.append(ref.library)
    return names + list(UI_LIBS)


def needed_libraries(spec: FrameSpec, lock: AssetLock) -> list[str]:
    """Every runtime library the frame for ``spec`` loads, dependencies first."""
    if spec.type == kinds.REACT:
        names = list(REACT_BASE)
        for imp in scan_imports(spec.source):
            ref = lock.resolve_import(imp)
            if ref is not None:
                names.append(ref.library)
        return lock.load_order(names + list(UI_LIBS))
    if spec.type == kinds.HTML:
        names = []
        for m in list(SCRIPT_SRC_RE.finditer(spec.source)) + list(LINK_HREF_RE.finditer(spec.source)):
            ref = lock.resolve_url(m.group(3))
            if ref is not None:
                names.append(ref.library)
        return lock.load_order(names)
    return lock.load_order(RENDER_LIBS.get(spec.type, []))
