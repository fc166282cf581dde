"""The local server: HTTP + WebSocket on 127.0.0.1 (aiohttp, in the caller's asyncio loop).

What it serves:

- ``/view/{id}``           the trusted shell page (the token travels in the URL fragment)
- ``/frame/{id}/{n}``      the artifact's sandboxed document (needs a per-artifact ticket)
- ``/api/artifacts/{id}``  metadata, and ``/call`` for the bridge (needs the token)
- ``/ws``                  events (``artifact.updated``, ``state.changed``, ``artifact.error`` …)
                           and bridge calls (needs the token)
- ``/s/{token}…``          published links, for visitors without the token
- ``/assets/…``            the pinned browser libraries from the user cache
- ``/runtime/…``           our own page scripts and styles

Defences, each tested with hostile requests: every API and WebSocket request needs the token;
a request whose Host is not a loopback name (or the configured host) is refused, which defeats
DNS rebinding; a request with a foreign Origin, or marked cross-site by the browser, is refused.
Every refusal is logged on ``artifacts_runtime.server`` (never with a token). docs/server.md
maps the modules.
"""

from __future__ import annotations

from .app import MAX_BODY, ArtifactServer
from .guard import is_loopback_host, split_host
from .runtime_file import read_server_file
from .shares import VISITOR_COOKIE

__all__ = [
    "MAX_BODY",
    "VISITOR_COOKIE",
    "ArtifactServer",
    "is_loopback_host",
    "read_server_file",
    "split_host",
]
