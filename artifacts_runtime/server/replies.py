"""The small shapes every route answers with: JSON errors, and headers common to every answer."""

from __future__ import annotations

from aiohttp import web

from .guard import Refusal

COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
NO_STORE = {"Cache-Control": "no-store"}


def error_response(status: int, code: str, message: str) -> web.Response:
    """``{"ok": false, "error": {code, message}}``: what the page's bridge reads on failure."""
    return web.json_response({"ok": False, "error": {"code": code, "message": message}}, status=status)


def refusal_response(refusal: Refusal) -> web.Response:
    return error_response(refusal.status, refusal.code, refusal.message)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def content_type(path: str) -> str:
    if path.endswith(".css"):
        return "text/css; charset=utf-8"
    if path.endswith(".js"):
        return "text/javascript; charset=utf-8"
    return "application/octet-stream"
