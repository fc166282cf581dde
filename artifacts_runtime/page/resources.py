"""How a document refers to scripts and styles: by URL from the local server (live) or inlined
(export), and the order our own runtime files load in.

Our runtime files (``*.js``/``*.css`` next to this module) are served flat from ``/runtime/<name>``;
the pinned libraries from ``/assets/<folder>/<file>``. A library the lock marks ``commonjs``
(tailwind-merge, class-variance-authority: no UMD build) is loaded as a classic script between
two small scripts of ours: the first defines ``module``, ``exports`` and ``require`` on window, the
second keeps ``module.exports`` as ``window.__artifactsModules[<package>]`` and removes the shims.
The same tags work from a URL and inlined, so no server has to rewrite third-party files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..assets import AssetCache, AssetLock, LibraryLock

RUNTIME_DIR = Path(__file__).parent

#: The Tailwind 4 engine, and Tailwind 3's palette that ``tailwind-v3.js`` gives it.
TAILWIND = "tailwind"
TAILWIND_V3_COLORS = "tailwind-v3-colors"

#: Our shadcn-style components, split by concern; classic scripts in this order (see ui-base.js).
UI_SCRIPTS = (
    "ui-base.js",
    "ui-merge.js",
    "ui-theme.js",
    "ui-primitives.js",
    "ui-basic.js",
    "ui-forms.js",
    "ui-disclosure.js",
    "ui-overlays.js",
    "ui-menus.js",
    "ui-index.js",
)


#: The parts above as one script: what a live page loads (one request, one revalidation).
UI_BUNDLE = "ui.js"


def ui_bundle() -> str:
    """The ``ui-*.js`` parts joined in load order, each still its own function expression."""
    return "\n;\n".join(read_runtime(name) for name in UI_SCRIPTS) + "\n"


def inline_js(code: str) -> str:
    """Script text that cannot end its own ``<script>`` element early."""
    return code.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


def read_runtime(name: str) -> str:
    return (RUNTIME_DIR / name).read_text(encoding="utf-8")


def commonjs_prelude(lib: LibraryLock, lock: AssetLock) -> str:
    """The script before a CommonJS library: ``module``/``exports`` and a ``require`` that answers
    its ``needs`` (a module loaded this way, or the global a UMD dependency defines)."""
    globals_ = {dep.package: dep.global_name for dep in map(lock.get, lib.needs) if dep.global_name}
    # Tailwind 3's lib/public/colors.js requires its logger only to warn about renamed colours.
    stub = 'r["../util/log"]={default:{warn:function(){}}};' if lib.name == TAILWIND_V3_COLORS else ""
    return (
        "(function(w){var r=w.__artifactsModules=w.__artifactsModules||{};" + stub + f"var g={json.dumps(globals_)};"
        "w.module={exports:{}};w.exports=w.module.exports;"
        "w.require=function(n){if(n in r)return r[n];if(g[n]&&w[g[n]]!==undefined)return w[g[n]];"
        'throw new Error("Cannot find module \\""+n+"\\"");};})(window);'
    )


def commonjs_epilogue(lib: LibraryLock) -> str:
    """The script after a CommonJS library: keep its exports, remove the shims."""
    return (
        f"window.__artifactsModules[{json.dumps(lib.package)}]=window.module.exports;"
        "delete window.module;delete window.exports;delete window.require;"
    )


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
        target = file or entry.main
        if target.endswith(".css"):
            if self.inline:
                return f"<style>{self._read_asset(lib, target)}</style>"
            return f'<link rel="stylesheet" href="{self.asset_url(lib, target)}">'
        post = ""
        if entry.name == TAILWIND and target == entry.main:
            return self.tailwind_v3() + self._library_tag(entry, target, prelude, post)
        if entry.commonjs and target == entry.main:
            prelude += commonjs_prelude(entry, self.lock)
            post = f"<script>{commonjs_epilogue(entry)}</script>"
        return self._library_tag(entry, target, prelude, post)

    def _library_tag(self, entry: LibraryLock, target: str, prelude: str, post: str) -> str:
        pre = f"<script>{prelude}</script>" if prelude else ""
        if self.inline:
            return f"{pre}<script>{inline_js(self._read_asset(entry.name, target))}</script>{post}"
        return f'{pre}<script src="{self.asset_url(entry.name, target)}" crossorigin="anonymous"></script>{post}'

    def tailwind_v3(self) -> str:
        """What goes right before the Tailwind engine: Tailwind 3's palette (unless already
        loaded) and ``tailwind-v3.js``, which gives the engine v3's semantics."""
        colors = "" if TAILWIND_V3_COLORS in self.used else self.library(TAILWIND_V3_COLORS)
        return colors + self.runtime("tailwind-v3.js")

    def runtime(self, name: str) -> str:
        if name.endswith(".css"):
            if self.inline:
                return f"<style>{read_runtime(name)}</style>"
            return f'<link rel="stylesheet" href="{self.runtime_url(name)}">'
        if self.inline:
            return f"<script>{inline_js(read_runtime(name))}</script>"
        return f'<script src="{self.runtime_url(name)}" crossorigin="anonymous"></script>'

    def ui(self) -> str:
        """Our @/components/ui/* (the libraries they need are loaded before): the parts joined
        as one script, from ``/runtime/ui.js`` or inlined."""
        if self.inline:
            return f"<script>{inline_js(ui_bundle())}</script>"
        return f'<script src="{self.runtime_url(UI_BUNDLE)}" crossorigin="anonymous"></script>'

    def _read_asset(self, lib: str, file: str) -> str:
        assert self.cache is not None, "inline resources need the asset cache"
        return self.cache.file_path(lib, file).read_text(encoding="utf-8")

    def libraries(self, names: list[str]) -> str:
        return "".join(self.library(name) for name in self.lock.load_order(names))
