"""Where a preview page may navigate: the decision (pure, unit-tested) and, with Qt, the guard
that applies it to every preview window before any request starts (docs/preview.md,
"Navigations")."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger("artifacts.preview.host")

#: Schemes a page may navigate to without any network request (no host to resolve).
LOCAL_SCHEMES = frozenset({"about", "data", "blob"})


def origin_of(url: str) -> str | None:
    """``scheme://host[:port]`` of an http(s) URL, lowercased; None for anything else."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{host}" + (f":{port}" if port is not None else "")


def navigation_allowed(url: str, origins: Collection[str]) -> bool:
    """Whether a preview page (the shell, or the artifact's frame inside it) may start a
    navigation to ``url``: only to the local server's origin (``origins``: those of the windows'
    own URLs), or to a scheme that reaches no network. Anything else is refused before it starts,
    so the host name is never even resolved (a host name can carry an artifact's data)."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme in LOCAL_SCHEMES:
        return True
    origin = origin_of(url)
    return origin is not None and origin in origins


def install_navigation_guard(origins: Callable[[], Collection[str]]) -> bool:
    """Refuse off-origin navigations in every preview window, before they start: Qt calls
    ``QWebEnginePage.acceptNavigationRequest`` for each navigation of the page and of its frames
    (links, ``location = …``, meta refresh, form posts), and pywebview's Qt page does not
    override it, so ours goes on that class. ``origins`` says, at each navigation, which origins
    the windows were opened at (``Host.origins``). New windows (the shell's offered links) are
    pywebview's own page, which hands them to the system browser. False when pywebview's Qt
    backend is not there to guard."""
    try:
        from webview.platforms import qt as qt_platform
    except ImportError as exc:
        log.warning("could not guard navigations (%s)", exc)
        return False
    page_class = getattr(getattr(qt_platform, "BrowserView", None), "WebPage", None)
    if page_class is None:
        log.warning("could not guard navigations: pywebview's Qt page class was not found")
        return False

    def acceptNavigationRequest(page: Any, qurl: Any, nav_type: Any, is_main_frame: bool) -> bool:
        url = qurl.toString()
        if navigation_allowed(url, origins()):
            return True
        where = "window" if is_main_frame else "frame"
        log.warning("refused a navigation of a preview %s to %s", where, origin_of(url) or url.split(":", 1)[0] + ":")
        return False

    page_class.acceptNavigationRequest = acceptNavigationRequest
    log.info("navigation guard on: preview pages navigate only to the local server")
    return True
