"""A test page for the shadcn-style components (``artifacts_runtime/page/ui-*.js``).

The page loads exactly what the runtime puts on a React frame: React 18 (UMD), ReactDOM,
Tailwind's v4 browser build, clsx, tailwind-merge and class-variance-authority (through the
runtime's CommonJS shims), our ``ui-*.js`` parts joined in ``UI_SCRIPTS`` order, then
``@babel/standalone``. The tags come from the runtime's own ``Resources``, so the harness cannot
drift from the frame document. A tiny local HTTP server serves ``/assets/<folder>/<file>`` from
the real asset cache (the ``runtime_assets`` fixture) and ``/runtime/<name>`` from the package
(read fresh on every request). The page transpiles a JSX snippet with Babel's ``react`` preset
and renders its ``App`` component into ``#root``; the UI modules are put in scope by
destructuring ``window.__artifactsUI.modules[...]``, so snippets need no imports.
Nothing is written into the repository.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from artifacts_runtime.assets import AssetCache, AssetLock
from artifacts_runtime.page import REACT_BASE, RUNTIME_DIR, UI_BUNDLE, UI_LIBS, Resources, ui_bundle

# Every module our ui-*.js parts must provide, with shadcn/ui's export names.
EXPECTED_EXPORTS: dict[str, list[str]] = {
    "accordion": ["Accordion", "AccordionItem", "AccordionTrigger", "AccordionContent"],
    "alert": ["Alert", "AlertTitle", "AlertDescription"],
    "alert-dialog": [
        "AlertDialog",
        "AlertDialogPortal",
        "AlertDialogOverlay",
        "AlertDialogTrigger",
        "AlertDialogContent",
        "AlertDialogHeader",
        "AlertDialogFooter",
        "AlertDialogTitle",
        "AlertDialogDescription",
        "AlertDialogAction",
        "AlertDialogCancel",
    ],
    "avatar": ["Avatar", "AvatarImage", "AvatarFallback"],
    "badge": ["Badge", "badgeVariants"],
    "button": ["Button", "buttonVariants"],
    "card": ["Card", "CardHeader", "CardFooter", "CardTitle", "CardDescription", "CardContent", "CardAction"],
    "checkbox": ["Checkbox"],
    "dialog": [
        "Dialog",
        "DialogPortal",
        "DialogOverlay",
        "DialogClose",
        "DialogTrigger",
        "DialogContent",
        "DialogHeader",
        "DialogFooter",
        "DialogTitle",
        "DialogDescription",
    ],
    "dropdown-menu": [
        "DropdownMenu",
        "DropdownMenuTrigger",
        "DropdownMenuContent",
        "DropdownMenuItem",
        "DropdownMenuCheckboxItem",
        "DropdownMenuRadioItem",
        "DropdownMenuLabel",
        "DropdownMenuSeparator",
        "DropdownMenuShortcut",
        "DropdownMenuGroup",
        "DropdownMenuPortal",
        "DropdownMenuSub",
        "DropdownMenuSubContent",
        "DropdownMenuSubTrigger",
        "DropdownMenuRadioGroup",
    ],
    "input": ["Input"],
    "label": ["Label"],
    "popover": ["Popover", "PopoverTrigger", "PopoverContent", "PopoverAnchor"],
    "progress": ["Progress"],
    "radio-group": ["RadioGroup", "RadioGroupItem"],
    "scroll-area": ["ScrollArea", "ScrollBar"],
    "select": [
        "Select",
        "SelectGroup",
        "SelectValue",
        "SelectTrigger",
        "SelectContent",
        "SelectLabel",
        "SelectItem",
        "SelectSeparator",
        "SelectScrollUpButton",
        "SelectScrollDownButton",
    ],
    "separator": ["Separator"],
    "sheet": [
        "Sheet",
        "SheetPortal",
        "SheetOverlay",
        "SheetTrigger",
        "SheetClose",
        "SheetContent",
        "SheetHeader",
        "SheetFooter",
        "SheetTitle",
        "SheetDescription",
    ],
    "skeleton": ["Skeleton"],
    "slider": ["Slider"],
    "switch": ["Switch"],
    "table": ["Table", "TableHeader", "TableBody", "TableFooter", "TableHead", "TableRow", "TableCell", "TableCaption"],
    "tabs": ["Tabs", "TabsList", "TabsTrigger", "TabsContent"],
    "textarea": ["Textarea"],
    "toggle": ["Toggle", "toggleVariants"],
    "tooltip": ["Tooltip", "TooltipTrigger", "TooltipContent", "TooltipProvider"],
    "lib/utils": ["cn"],
}


# --------------------------------------------------------------------------- server

#: What a React frame without imports loads, in the runtime's order (Babel last, as in the frame).
_LIBRARIES = [lib for lib in REACT_BASE if lib != "babel"] + list(UI_LIBS)


def head_tags(lock: AssetLock) -> str:
    """The runtime's own tags for the libraries, our components and Babel."""
    res = Resources(lock=lock)
    return res.libraries(_LIBRARIES) + res.ui() + res.library("babel")


class _Server:
    """Serves the locked libraries from the asset cache, our runtime files and registered pages."""

    def __init__(self, assets: AssetCache) -> None:
        self.pages: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._counter = 0
        self.head = head_tags(assets.lock)
        folders = {lib.folder: lib.name for lib in assets.lock}
        server = self

        def resolve(path: str) -> tuple[bytes, str, bool] | None:
            """(body, content type, cacheable) for a request path, or None."""
            if path in server.pages:
                return server.pages[path], "text/html; charset=utf-8", False
            kind, _, rest = path.partition("/")
            if kind == "runtime" and rest == UI_BUNDLE:
                return ui_bundle().encode(), "text/javascript", False
            if kind == "runtime" and "/" not in rest and (RUNTIME_DIR / rest).is_file():
                return (RUNTIME_DIR / rest).read_bytes(), _content_type(rest), False
            if kind == "assets":
                folder, _, file = rest.partition("/")
                if folder in folders and file:
                    target = assets.file_path(folders[folder], file)
                    if target.is_file():
                        return target.read_bytes(), _content_type(file), True
            return None

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0].lstrip("/")
                if path == "favicon.ico":
                    self.send_response(204)
                    self.end_headers()
                    return
                found = resolve(path)
                if found is None:
                    self.send_error(404)
                    return
                body, ctype, cacheable = found
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Cache-Control", "max-age=3600" if cacheable else "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def add_page(self, html: str) -> str:
        with self._lock:
            self._counter += 1
            name = f"page{self._counter}.html"
        self.pages[name] = html.encode()
        return f"{self.base}/{name}"


def _content_type(name: str) -> str:
    return "text/css" if name.endswith(".css") else "text/javascript"


_servers: dict[Path, _Server] = {}


def server(assets: AssetCache | None = None) -> _Server:
    """The harness server for an asset cache (one per cache root); the last one started when
    called without a cache (from inside a test, after the module fixture started it)."""
    if assets is None:
        if not _servers:
            raise RuntimeError("start the harness with server(runtime_assets) first")
        return next(reversed(_servers.values()))
    if assets.root not in _servers:
        _servers[assets.root] = _Server(assets)
    return _servers[assets.root]


# --------------------------------------------------------------------------- pages

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ui harness</title>
{head}
</head>
<body class="{body_class}">
<div id="root"></div>
<script id="app-source" type="text/plain">{source}</script>
<script>
(function () {{
  var M = window.__artifactsUI.modules;
  var names = Object.keys(M);
  var scope = {{}};
  names.forEach(function (n) {{ Object.assign(scope, M[n]); }});
  scope.cn = window.__artifactsUI.cn;
  var keys = Object.keys(scope);
  var src = document.getElementById("app-source").textContent;
  var code = Babel.transform(src, {{ presets: ["react"] }}).code;
  var factory = new Function("React", "ReactDOM", keys.join(","), code + "\\nreturn App;");
  var App = factory.apply(null, [React, ReactDOM].concat(keys.map(function (k) {{ return scope[k]; }})));
  window.__root = ReactDOM.createRoot(document.getElementById("root"));
  window.__root.render(React.createElement(App));
  requestAnimationFrame(function () {{ setTimeout(function () {{ window.__rendered = true; }}, 0); }});
}})();
</script>
</body></html>
"""


def _escape_script(source: str) -> str:
    return source.replace("</script", "<\\/script")


def page_html(jsx: str, body_class: str = "") -> str:
    return _PAGE.format(head=server().head, source=_escape_script(jsx), body_class=body_class)


def open_app(page: Any, jsx: str, *, body_class: str = "p-6") -> None:
    """Load a page rendering ``App`` (defined in ``jsx``) and wait until Tailwind styled it.

    Console errors (React warnings included) are collected in ``page.console_errors``.
    """
    if not hasattr(page, "console_errors"):
        errors: list[str] = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.console_errors = errors
    url = server().add_page(page_html(jsx, body_class))
    page.goto(url)
    page.wait_for_function("window.__rendered === true", timeout=20_000)
    wait_for_tailwind(page)


def wait_for_tailwind(page: Any) -> None:
    """Tailwind's browser build compiles asynchronously; wait until a utility has taken effect."""
    page.evaluate(
        """() => { const d = document.createElement('div'); d.id = '__tw_probe';
                   d.className = 'hidden'; document.body.appendChild(d); }"""
    )
    page.wait_for_function("getComputedStyle(document.getElementById('__tw_probe')).display === 'none'", timeout=20_000)
    page.evaluate("document.getElementById('__tw_probe').remove()")
    page.wait_for_timeout(50)


def exported_names(page: Any) -> dict[str, list[str]]:
    return page.evaluate(
        "() => Object.fromEntries(Object.entries(window.__artifactsUI.modules).map(([k, v]) => [k, Object.keys(v)]))"
    )


def to_json(value: Any) -> str:
    return json.dumps(value)
