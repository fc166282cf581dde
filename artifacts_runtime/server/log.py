"""Refusals, logged: what was turned away, why, and from where — never a secret.

Each line names the reason code, the method, the path without its query string (tickets and
the WebSocket's token travel there) and with a published link's token cut short, and the
peer's address. Guard refusals (token, Host, Origin, far peers) are WARNINGs: they are what an
attack looks like. Refusals past the guard (an unknown link, a wrong ticket) are INFO.
"""

from __future__ import annotations

import logging

from aiohttp import web

logger = logging.getLogger("artifacts_runtime.server")

MAX_PATH_CHARS = 200
KEPT_TOKEN_CHARS = 4


def redact_path(path: str) -> str:
    """``path`` safe to log: a share token cut to its first characters, control characters
    escaped (a path can carry decoded line breaks), and a length cap."""
    parts = path.split("/")
    if len(parts) > 2 and parts[1] == "s" and len(parts[2]) > KEPT_TOKEN_CHARS:
        parts[2] = parts[2][:KEPT_TOKEN_CHARS] + "…"
    safe = "/".join(parts)
    safe = "".join(c if c.isprintable() else repr(c)[1:-1] for c in safe)
    return safe if len(safe) <= MAX_PATH_CHARS else safe[:MAX_PATH_CHARS] + "…"


def log_refusal(request: web.BaseRequest, code: str, reason: str, *, level: int = logging.WARNING) -> None:
    """One line for one refused request."""
    if not logger.isEnabledFor(level):
        return
    method = "".join(c for c in request.method[:16] if c.isprintable())
    logger.log(
        level,
        "refused %s %s from %s: %s (%s)",
        method,
        redact_path(request.path),
        request.remote or "unknown peer",
        code,
        reason,
    )
