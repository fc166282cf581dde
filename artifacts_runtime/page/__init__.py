"""The page runtime: the documents an artifact runs in, and the scripts and styles they load.

- ``documents``: the trusted shell page, the sandboxed frame document, the self-contained export
- ``csp``: the Content-Security-Policies and the iframe sandbox
- ``imports``: which runtime libraries a frame needs (React imports, HTML CDN tags, renderers)
- ``resources``: how a document refers to libraries and to our runtime files (URL or inline)
- ``spec``: ``FrameSpec``, what a frame is built from

Our own browser code lives next to these modules as package data (``*.js``, ``*.css``), served
flat from ``/runtime/<name>`` (``RUNTIME_DIR``): frame/shell/render/react-runtime, and the
shadcn-style ``@/components/ui/*`` split into ``ui-*.js`` parts (``UI_SCRIPTS``, in load order),
served joined as ``/runtime/ui.js`` (``ui_bundle``).
"""

from __future__ import annotations

from .csp import SANDBOX, SHELL_CSP, frame_csp, frame_header_csp
from .documents import Reader, export_document, frame_document, script_json, shell_document
from .imports import REACT_BASE, RENDER_LIBS, UI_LIBS, is_ui_module, needed_libraries, react_libraries, scan_imports
from .resources import RUNTIME_DIR, UI_BUNDLE, UI_SCRIPTS, Resources, inline_js, ui_bundle
from .spec import FrameSpec

__all__ = [
    "REACT_BASE",
    "RENDER_LIBS",
    "RUNTIME_DIR",
    "SANDBOX",
    "SHELL_CSP",
    "UI_BUNDLE",
    "UI_LIBS",
    "UI_SCRIPTS",
    "FrameSpec",
    "Reader",
    "Resources",
    "export_document",
    "frame_csp",
    "frame_document",
    "frame_header_csp",
    "inline_js",
    "is_ui_module",
    "needed_libraries",
    "react_libraries",
    "scan_imports",
    "script_json",
    "shell_document",
    "ui_bundle",
]
