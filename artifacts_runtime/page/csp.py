"""The Content-Security-Policies and the iframe sandbox: what a document may load and reach.

The artifact frame may run code but fetch nothing except the local server's runtime files
(``connect-src 'none'``: even the local API is out of reach; everything goes through the shell).

A served frame document carries its policy in the HTTP header, :func:`frame_header_csp`, which
adds what a ``<meta>`` cannot carry: ``sandbox`` (opened top-level, outside the shell's iframe,
it still runs in an opaque origin: no access to the server origin's storage, cookies or API)
and ``frame-ancestors`` (only this server's own pages may embed it). An exported file has no
header: it gets :func:`frame_csp` in a ``<meta>``.
"""

from __future__ import annotations

SANDBOX = "allow-scripts allow-forms allow-modals allow-downloads allow-pointer-lock"


def frame_csp(server_origin: str | None) -> str:
    """The artifact frame's policy: code may run, but nothing may be fetched from anywhere
    except the local server's runtime files."""
    local = f" {server_origin}" if server_origin else ""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'self'{local} 'unsafe-inline' 'unsafe-eval' blob: data:",
            f"style-src 'self'{local} 'unsafe-inline'",
            f"img-src 'self'{local} data: blob:",
            f"font-src 'self'{local} data:",
            f"media-src 'self'{local} data: blob:",
            "connect-src 'none'",
            "worker-src blob:",
            "frame-src 'none'",
            "object-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
        ]
    )


def frame_header_csp(server_origin: str | None) -> str:
    """The policy header of every served frame document (the owner's frames and published
    links' alike): :func:`frame_csp`, the iframe's sandbox again as a ``sandbox`` directive,
    and ``frame-ancestors`` naming this server only. ``server_origin`` must come from a Host
    header that was validated (``server.guard.own_origin``), never from raw request text;
    None gives ``'self'`` alone."""
    local = f" {server_origin}" if server_origin else ""
    return "; ".join([frame_csp(server_origin), f"sandbox {SANDBOX}", f"frame-ancestors 'self'{local}"])


SHELL_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
