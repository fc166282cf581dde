"""The guard as aiohttp middleware: gathers a request's facts, asks :func:`.guard.decide`,
answers a refusal in JSON (and logs it), and adds the common headers to what passes."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from .guard import RequestFacts, decide
from .log import log_refusal
from .replies import COMMON_HEADERS, refusal_response

__all__ = ["Middleware", "guard_middleware", "request_facts"]


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
        refusal = decide(request_facts(request), bound_host=bound_host(), token=token())
        if refusal is not None:
            log_refusal(request, refusal.code, refusal.message)
            return refusal_response(refusal)
        response = await handler(request)
        for name, value in COMMON_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return guard
