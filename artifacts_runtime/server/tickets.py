"""Tickets: short HMACs of the session token that let a URL or a frame prove what it was issued
for, without carrying the token itself (a frame document must never see the token)."""

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
    return hmac.compare_digest(given.encode(), expected.encode())
