"""Short, URL-safe, unambiguous identifiers (lower-case so a prefix is easy to type)."""

from __future__ import annotations

import secrets

ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789"  # no l, 0, 1: easy to read aloud and type


def new_id(length: int = 8) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_token(nbytes: int = 24) -> str:
    """An unguessable secret for URLs and headers."""
    return secrets.token_urlsafe(nbytes)
