"""Tickets: short HMACs of the session token that let a URL or a frame prove what it was issued
for, without carrying the token itself (a frame document must never see the token); and the
signed ids of share visitors (HMACs of the library's own visitor key)."""

from __future__ import annotations

import hashlib
import hmac


def _mac(secret: str, message: str) -> str:
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()[:32]


def frame_ticket(secret: str, artifact_id: str) -> str:
    """What ``/frame/{id}/{n}`` needs in its query: only our own shell, which knows the token,
    gets a frame URL from the API."""
    return _mac(secret, f"frame:{artifact_id}")


def compile_ticket(secret: str, artifact_id: str, number: int) -> str:
    """What a frame of this version sends with its compiled code: a frame of version 1 cannot
    pass its code off as version 2's."""
    return _mac(secret, f"compiled:{artifact_id}:{number}")


def ticket_matches(given: str, expected: str) -> bool:
    """Constant-time comparison of a presented ticket with the one we issued."""
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode())


# -- published links: signed visitor ids, and tickets for a share's frame

#: How long a share page's ticket for its own frame lasts: the frame is loaded at once.
SHARE_FRAME_TICKET_SECONDS = 300
_VISITOR_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")


def visitor_cookie(secret: str, visitor_id: str) -> str:
    """The cookie a visitor gets: the id the server chose and its signature (the library's key),
    so a made-up or edited cookie is no one's identity."""
    return f"{visitor_id}.{_mac(secret, f'visitor:{visitor_id}')}"


def visitor_from_cookie(secret: str, cookie: str | None) -> str | None:
    """The visitor id in a cookie this library signed, else None."""
    if not cookie or len(cookie) > 100 or cookie.count(".") != 1:
        return None
    visitor_id, _, signature = cookie.partition(".")
    if not 16 <= len(visitor_id) <= 64 or not set(visitor_id) <= _VISITOR_ID_CHARS:
        return None
    return visitor_id if ticket_matches(signature, _mac(secret, f"visitor:{visitor_id}")) else None


def share_frame_ticket(secret: str, share: str, visitor_id: str, now: float) -> str:
    """What ``/s/{share}/frame`` needs: issued by the share's page (``/info``) to one visitor,
    for a few minutes, so the frame document is not a URL anyone can open on its own."""
    expires = int(now) + SHARE_FRAME_TICKET_SECONDS
    return f"{expires}.{_mac(secret, f'share-frame:{share}:{visitor_id}:{expires}')}"


def share_frame_ticket_valid(secret: str, ticket: str, share: str, visitor_id: str, now: float) -> bool:
    expires, _, mac = ticket.partition(".")
    if not expires.isdigit() or len(expires) > 12 or int(expires) < now:
        return False
    return ticket_matches(mac, _mac(secret, f"share-frame:{share}:{visitor_id}:{expires}"))
