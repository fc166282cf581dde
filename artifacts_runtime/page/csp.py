"""The Content-Security-Policies and the iframe sandbox: what a document may load and reach.

The artifact frame may run code but fetch nothing except the local server's runtime files
(``connect-src 'none'``: even the local API is out of reach; everything goes through the shell).
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
