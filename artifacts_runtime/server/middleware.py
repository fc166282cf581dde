"""The guard as aiohttp middleware: gathers a request's facts, asks :func:`.guard.decide`,
answers a refusal in JSON (and logs it), and adds the common headers to what passes.

It also leaves the server's own origin, built from a validated Host only
(:func:`.guard.own_origin`), in ``request[OWN_ORIGIN]``: the one thing a handler may write back
into a response (the frame's CSP) instead of the raw ``Host`` header."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from .guard import RequestFacts, decide, own_origin
from .log import log_refusal
from .replies import COMMON_HEADERS, refusal_response

__all__ = ["OWN_ORIGIN", "Middleware", "guard_middleware", "request_facts"]

#: ``scheme://host:port`` from a Host the guard accepts, or ``""`` (then use ``'self'``).
OWN_ORIGIN = web.RequestKey("own_origin", str)


def request_facts(request: web.BaseRequest) -> RequestFacts:
    return RequestFacts(
        method=request.method,
        path=request.path,
        headers=request.headers,
        scheme=request.scheme,
        remote=request.remote,
        query_token=request.query.get("token", "") if request.path == "/ws" else "",
    )


def guard_middleware(bound_host: Callable[[], str], token: Callable[[], str]) -> Middleware:
    """The middleware for a server bound to ``bound_host()`` with session token ``token()``
    (read per request: the server fills its port and may be reconfigured before it starts)."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        facts = request_facts(request)
        refusal = decide(facts, bound_host=bound_host(), token=token())
        if refusal is not None:
            log_refusal(request, refusal.code, refusal.message)
            return refusal_response(refusal)
        request[OWN_ORIGIN] = own_origin(facts, bound_host()) or ""
        response = await handler(request)
        for name, value in COMMON_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return guard
