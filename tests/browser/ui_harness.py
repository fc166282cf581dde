"""A test page for the shadcn-style components in ``artifacts_runtime/page/ui.js``.

The page loads React 18 (UMD), ReactDOM, Tailwind's v4 browser build, ``ui.js`` and
``@babel/standalone`` from a tiny local HTTP server, transpiles a JSX snippet with Babel's
``react`` preset and renders its ``App`` component into ``#root``. The UI modules are put in
scope by destructuring ``window.__artifactsUI.modules[...]``, so snippets need no imports.

The third-party files come from the project's asset cache when ``artifacts_runtime.assets``
can provide them; otherwise they are downloaded once from the npm registry (pinned version,
integrity checked against the registry's metadata) into ``~/.cache/live-artifacts-test/ui-harness``.
Nothing is written into the repository.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import tarfile
import threading
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
UI_JS = REPO / "artifacts_runtime" / "page" / "ui.js"
CACHE_DIR = (
    Path(os.environ.get("LIVE_ARTIFACTS_TEST_CACHE", "~/.cache/live-artifacts-test")).expanduser() / "ui-harness"
)
REGISTRY = "https://registry.npmjs.org"


@dataclass(frozen=True)
class Asset:
    package: str
    version: str
    file: str  # path inside the tarball's ``package/`` directory


ASSETS: dict[str, Asset] = {
    "react.js": Asset("react", "18.3.1", "umd/react.production.min.js"),
    "react-dom.js": Asset("react-dom", "18.3.1", "umd/react-dom.production.min.js"),
    "babel.js": Asset("@babel/standalone", "7.29.13", "babel.min.js"),
    "tailwind.js": Asset("@tailwindcss/browser", "4.3.4", "dist/index.global.js"),
}

# Every module ui.js must provide, with shadcn/ui's export names.
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


# --------------------------------------------------------------------------- assets


# The project's lock names for the same libraries (artifacts_runtime/assets.lock.json).
_LOCK_NAMES = {"react.js": "react", "react-dom.js": "react-dom", "babel.js": "babel", "tailwind.js": "tailwind"}


def _from_project_cache(name: str) -> bytes | None:
    """The project's own asset cache (``artifacts_runtime.assets``), when it already holds the file.

    Looks in the configured cache (``ARTIFACTS_ASSETS_DIR`` or the user's cache) and in the shared
    persistent test cache (``tests.assets_fixture``); never downloads the whole lock from here.
    """
    try:
        from artifacts_runtime.assets import AssetCache
    except Exception:
        return None
    roots: list[Path | None] = [None]
    try:
        from tests.assets_fixture import persistent_assets_dir

        roots.append(persistent_assets_dir())
    except Exception:
        pass
    lock_name = _LOCK_NAMES[name]
    for root in roots:
        try:
            cache = AssetCache(root=root)
            lib = cache.lock.get(lock_name)
            file = ASSETS[name].file if ASSETS[name].file in lib.files else lib.main
            if cache.is_cached(lock_name):
                return cache.file_path(lock_name, file).read_bytes()
        except Exception:
            continue
    return None


def _download(asset: Asset) -> bytes:
    import httpx

    with httpx.Client(timeout=60, follow_redirects=True) as client:
        meta = client.get(f"{REGISTRY}/{asset.package}/{asset.version}")
        meta.raise_for_status()
        dist = meta.json()["dist"]
        tarball = client.get(dist["tarball"])
        tarball.raise_for_status()
    data = tarball.content
    integrity = dist.get("integrity", "")
    if integrity.startswith("sha512-"):
        digest = base64.b64encode(hashlib.sha512(data).digest()).decode()
        if digest != integrity[len("sha512-") :]:
            raise RuntimeError(f"integrity mismatch for {asset.package}@{asset.version}")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        member = tar.extractfile(f"package/{asset.file}")
        if member is None:
            raise RuntimeError(f"{asset.file} not found in {asset.package}@{asset.version}")
        return member.read()


def asset_bytes(name: str) -> bytes:
    """The bytes of one runtime library (``react.js``, ``react-dom.js``, ``babel.js``, ``tailwind.js``)."""
    asset = ASSETS[name]
    found = _from_project_cache(name)
    if found:
        return found
    target = CACHE_DIR / asset.package.replace("/", "__") / asset.version / asset.file
    if target.is_file() and target.stat().st_size > 0:
        return target.read_bytes()
    data = _download(asset)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    return data


@cache
def _cached_asset(name: str) -> bytes:
    return asset_bytes(name)


# --------------------------------------------------------------------------- server


class _Server:
    """Serves the libraries, ui.js (read fresh on every request) and registered test pages."""

    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._counter = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0].lstrip("/")
                if path in ASSETS:
                    body, ctype = _cached_asset(path), "text/javascript"
                elif path == "ui.js":
                    body, ctype = UI_JS.read_bytes(), "text/javascript"
                elif path in server.pages:
                    body, ctype = server.pages[path], "text/html; charset=utf-8"
                elif path == "favicon.ico":
                    self.send_response(204)
                    self.end_headers()
                    return
                else:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header(
                    "Cache-Control", "no-store" if path == "ui.js" or path in server.pages else "max-age=3600"
                )
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


@cache
def server() -> _Server:
    for name in ASSETS:  # fetch everything before the first page asks for it
        _cached_asset(name)
    return _Server()


# --------------------------------------------------------------------------- pages

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ui harness</title>
<script src="/react.js"></script>
<script src="/react-dom.js"></script>
<script src="/tailwind.js"></script>
<script src="/ui.js"></script>
<script src="/babel.js"></script>
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
    return _PAGE.format(source=_escape_script(jsx), body_class=body_class)


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
