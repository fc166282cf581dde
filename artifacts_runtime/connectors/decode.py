"""An answer's body, read within ``MAX_RESPONSE_BYTES`` on the wire and again once decoded: we ask
for gzip or deflate (``ACCEPT_ENCODING``) and inflate them ourselves, ``DECODE_STEP`` bytes at a
time with the loop free between steps, so a bomb stops at the limit, never in one
multi-gigabyte allocation. Stacked or other encodings are refused.

Tests change the limit by patching ``MAX_RESPONSE_BYTES`` here: this module alone reads it."""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import AsyncIterator

import httpx

from ..humanize import format_bytes
from .answers import FetchRefused

MAX_RESPONSE_BYTES = 10 * 1024 * 1024
#: What we ask data servers for, whatever the artifact says: we decode these two ourselves.
ACCEPT_ENCODING = "gzip, deflate"
DECODED_ENCODINGS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
#: Decoded bytes produced per step; the loop runs other tasks between steps.
DECODE_STEP = 64 * 1024


class _Decoder:
    """gzip or deflate, decoded in steps of at most ``DECODE_STEP`` bytes, the limit counted on
    what comes out: a bomb stops at the limit, never in one multi-gigabyte allocation."""

    def __init__(self, coding: str, origin: str) -> None:
        self.coding = coding
        self.origin = origin
        self._inflater: zlib._Decompress | None = None
        self._head = b""  # deflate: the first two bytes tell a zlib stream from a raw one
        self.fed = False

    def _start(self, data: bytes) -> bytes:
        if self.coding != "deflate":
            self._inflater = zlib.decompressobj(DECODED_ENCODINGS[self.coding])
            return data
        self._head += data
        if len(self._head) < 2:
            return b""
        cmf, flg = self._head[0], self._head[1]
        wrapped = cmf & 0x0F == 8 and (cmf * 256 + flg) % 31 == 0
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        data, self._head = self._head, b""
        return data

    async def feed(self, data: bytes, out: bytearray) -> None:
        """Decode ``data`` onto ``out``, refusing once ``out`` would pass the limit."""
        if not data:
            return
        self.fed = True
        if self._inflater is None:
            data = self._start(data)
            if self._inflater is None:
                return
        inflater = self._inflater
        while True:
            try:
                piece = inflater.decompress(data, DECODE_STEP)
            except zlib.error as exc:
                raise FetchRefused(
                    "network_error", f"the answer from {self.origin} is not valid {self.coding} data ({exc})"
                ) from None
            data = inflater.unconsumed_tail
            out += piece
            if len(out) > MAX_RESPONSE_BYTES:
                raise FetchRefused("response_too_large", _too_large(self.origin, decoded=True))
            if inflater.eof:
                rest = inflater.unused_data
                if not rest or self.coding == "deflate":
                    return  # what follows a deflate stream's end is not data
                inflater = self._inflater = zlib.decompressobj(DECODED_ENCODINGS[self.coding])  # next gzip member
                data = rest
            elif not data and len(piece) < DECODE_STEP:
                return  # all input used and no output held back
            await asyncio.sleep(0)  # let the loop run other tasks between steps

    def finish(self) -> None:
        if self.fed and (self._inflater is None or not self._inflater.eof):
            raise FetchRefused("network_error", f"the {self.coding} data from {self.origin} broke off before its end")


def decoder_for(content_encoding: str | None, origin: str) -> _Decoder | None:
    """The decoder for an answer's ``Content-Encoding``: None for none (or ``identity``); a
    refusal for anything but one of the two we asked for."""
    written = (content_encoding or "").strip()
    codings = [c.strip().lower() for c in written.split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return None
    if len(codings) > 1 or codings[0] not in DECODED_ENCODINGS:
        raise FetchRefused(
            "unsupported_encoding",
            f"the answer from {origin} is encoded as {written[:80]!r}; live data asks for {ACCEPT_ENCODING}"
            " (one of them, applied once) and accepts nothing else",
        )
    return _Decoder(codings[0], origin)


async def read_body(response: httpx.Response, origin: str) -> bytes:
    """The answer's bytes, decoded, within ``MAX_RESPONSE_BYTES`` on the wire and decoded. A read
    that times out raises httpx's ``TimeoutException`` as it is: the caller knows the time limit
    and words the refusal."""
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
        raise FetchRefused("response_too_large", _too_large(origin))
    decoder = decoder_for(response.headers.get("content-encoding"), origin)
    data = bytearray()
    received = 0
    # An answer a test's in-memory transport built is already whole; a real one streams.
    chunks = _whole(response.content) if response.is_stream_consumed else response.aiter_raw()
    try:
        async for chunk in chunks:
            received += len(chunk)
            if received > MAX_RESPONSE_BYTES:
                raise FetchRefused("response_too_large", _too_large(origin))
            if decoder is None:
                data += chunk
            else:
                await decoder.feed(chunk, data)
    except httpx.TimeoutException:
        raise
    except httpx.HTTPError as exc:
        raise FetchRefused("network_error", f"the answer from {origin} broke off: {exc}") from exc
    if decoder is not None:
        decoder.finish()
    return bytes(data)


async def _whole(content: bytes) -> AsyncIterator[bytes]:
    yield content


def _too_large(origin: str, *, decoded: bool = False) -> str:
    limit = format_bytes(MAX_RESPONSE_BYTES)
    if decoded:
        return f"the answer from {origin} decodes to more than {limit} (it came compressed), the limit for live data"
    return f"the answer from {origin} is larger than {limit}, the limit for live data"
