"""What a fetch comes back with: an answer (``FetchResult``, and ``PageResponse``, the form the
page rebuilds a ``Response`` from) or a refusal (``FetchRefused``, with the code the page sees)."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import NotRequired, TypedDict

from ..errors import ArtifactsError

NULL_BODY_STATUSES = {101, 103, 204, 205, 304}


class FetchRefused(ArtifactsError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class PageResponse(TypedDict):
    """A fetch answer as the page rebuilds it into a ``Response`` (the body in base64)."""

    status: int
    statusText: str
    headers: dict[str, str]
    base64: NotRequired[str]


@dataclass
class FetchResult:
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: float
    cached: bool

    def to_page(self) -> PageResponse:
        headers = dict(self.headers)
        headers["x-artifacts-fetched-at"] = f"{self.fetched_at:.3f}"
        headers["x-artifacts-cache"] = "hit" if self.cached else "miss"
        page: PageResponse = {"status": self.status, "statusText": "", "headers": headers}
        if self.status not in NULL_BODY_STATUSES:  # the page's Response() refuses a body for these
            page["base64"] = base64.b64encode(self.body).decode("ascii")
        return page
