"""Incremental parsing of a tool's input while it streams.

The API sends a ``tool_use`` block's input as ``input_json_delta`` pieces of partial JSON
(``{"command": "create", "title": "Hab`` …). To show "writing Habit tracker… 3.1 KB" and let a
preview follow the artifact while it is written, we need the string values — above all the
growing ``content`` / ``new_str`` — at every delta.

Re-parsing the accumulated JSON at each delta (what a generic partial-JSON parser does) costs
O(n) per delta and O(n²) per artifact. :class:`PartialObject` instead keeps a small state
machine over the top-level object and decodes each piece once: every character is looked at a
bounded number of times, so a 400 KB artifact costs twice a 200 KB one. Runs of plain string
characters are copied as slices (found with one regex search), so the per-character work
happens in C.

Only the top level is tracked field by field (the artifact tool's input is flat); nested values
are skipped over correctly and decoded with :func:`json.loads` once they are complete.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["FieldDelta", "GrowingText", "PartialObject", "utf8_len"]

_SPECIAL = re.compile(r'["\\]')
_WS = " \t\r\n"
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}

# parser states
_START, _KEY_OR_END, _KEY, _COLON, _VALUE, _STRING, _OTHER, _AFTER, _DONE = range(9)


def utf8_len(s: str) -> int:
    """Bytes of ``s`` in UTF-8 (lone surrogates, which JSON allows, count as 3)."""
    return len(s.encode("utf-8", "surrogatepass"))


class GrowingText:
    """A string that grows by appending, without copying it at each append.

    ``value`` joins the pieces (and keeps the result), so reading it costs O(length): read it
    when needed (a throttled preview, the end of the block), not at every delta.
    """

    __slots__ = ("_parts", "length", "size")

    def __init__(self, initial: str = "") -> None:
        self._parts: list[str] = [initial] if initial else []
        self.length = len(initial)  # characters
        self.size = utf8_len(initial) if initial else 0  # UTF-8 bytes

    def append(self, piece: str) -> None:
        if piece:
            self._parts.append(piece)
            self.length += len(piece)
            self.size += utf8_len(piece)

    @property
    def value(self) -> str:
        parts = self._parts
        if len(parts) > 1:
            parts[:] = ["".join(parts)]
        return parts[0] if parts else ""

    def prefix(self, length: int) -> str:
        """The text as it was when it had ``length`` characters."""
        value = self.value
        return value if length >= len(value) else value[:length]

    def __len__(self) -> int:
        return self.length

    def __repr__(self) -> str:
        return f"GrowingText({self.length} chars)"


FieldDelta = tuple[str, str, bool]
"""``(key, decoded text added, value complete)`` for one top-level string field."""


class PartialObjectError(ValueError):
    pass


class PartialObject:
    """A JSON object fed in pieces; its top-level string fields are readable at any time.

    ``feed(piece)`` returns the :data:`FieldDelta` list for that piece (several when one piece
    ends a field and starts the next). ``strings[key]`` is the :class:`GrowingText` of a string
    field, ``others[key]`` a finished non-string value, ``complete`` the keys whose value is
    finished, ``current`` the key being read. ``result()`` is the whole input at the end.
    """

    def __init__(self) -> None:
        self.strings: dict[str, GrowingText] = {}
        self.others: dict[str, Any] = {}
        self.complete: set[str] = set()
        self.current: str | None = None
        self.error: str | None = None
        self._state = _START
        self._carry = ""  # an escape sequence cut by the end of a piece
        self._high: int | None = None  # a high surrogate waiting for its low half
        self._key_parts: list[str] = []
        self._other_parts: list[str] = []
        self._depth = 0
        self._in_nested_string = False
        self._nested_escape = False
        self._raw: list[str] = []
        self.chars = 0

    # ------------------------------------------------------------------ reading

    @property
    def done(self) -> bool:
        return self._state == _DONE

    def get(self, key: str, default: Any = None) -> Any:
        """A field's value as far as it arrived (a string field's text so far)."""
        if key in self.strings:
            return self.strings[key].value
        return self.others.get(key, default)

    def snapshot(self) -> dict[str, Any]:
        """Every field as far as it arrived (cost: the size of the fields)."""
        out: dict[str, Any] = {k: v.value for k, v in self.strings.items()}
        out.update(self.others)
        return out

    def raw(self) -> str:
        if len(self._raw) > 1:
            self._raw[:] = ["".join(self._raw)]
        return self._raw[0] if self._raw else ""

    def result(self) -> dict[str, Any]:
        """The complete input, checked with :func:`json.loads` (one pass over the text).

        Falls back to :meth:`snapshot` when the JSON is cut short (e.g. by ``max_tokens``);
        ``error`` then says why.
        """
        raw = self.raw().strip()
        if not raw:
            return {}
        try:
            value = json.loads(raw)
        except ValueError as exc:
            self.error = self.error or f"the tool input is not complete JSON ({exc})"
            return self.snapshot()
        if not isinstance(value, dict):
            self.error = "the tool input is not a JSON object"
            return {}
        return value

    # ------------------------------------------------------------------ feeding

    def feed(self, piece: str) -> list[FieldDelta]:
        if not piece:
            return []
        self._raw.append(piece)
        self.chars += len(piece)
        if self.error is not None or self._state == _DONE:
            return []
        text = self._carry + piece if self._carry else piece
        self._carry = ""
        out: list[FieldDelta] = []
        try:
            self._run(text, out)
        except PartialObjectError as exc:
            self.error = str(exc)
        return out

    def _run(self, s: str, out: list[FieldDelta]) -> None:
        i, n = 0, len(s)
        while i < n:
            state = self._state
            if state == _STRING:
                i = self._read_string(s, i, out)
            elif state in (_START, _KEY_OR_END, _COLON, _AFTER, _VALUE, _DONE):
                c = s[i]
                if c in _WS:
                    i += 1
                    continue
                i += 1
                if state == _START:
                    if c != "{":
                        raise PartialObjectError("the tool input is not a JSON object")
                    self._state = _KEY_OR_END
                elif state == _KEY_OR_END:
                    if c == '"':
                        self._key_parts = []
                        self._state = _KEY
                    elif c == "}":
                        self._state = _DONE
                    else:
                        raise PartialObjectError(f"unexpected {c!r} where a key was expected")
                elif state == _COLON:
                    if c != ":":
                        raise PartialObjectError(f"unexpected {c!r} where ':' was expected")
                    self._state = _VALUE
                elif state == _VALUE:
                    key = self.current or ""
                    if c == '"':
                        self.strings[key] = GrowingText()
                        self.others.pop(key, None)
                        self._state = _STRING
                    else:
                        self._other_parts = [c]
                        self._depth = 1 if c in "{[" else 0
                        self._in_nested_string = False
                        self._nested_escape = False
                        self._state = _OTHER
                elif state == _AFTER:
                    if c == ",":
                        self._state = _KEY_OR_END
                    elif c == "}":
                        self._state = _DONE
                    else:
                        raise PartialObjectError(f"unexpected {c!r} after a value")
                else:  # _DONE: trailing text is ignored
                    return
            elif state == _KEY:
                i = self._read_key(s, i)
            else:  # _OTHER
                i = self._read_other(s, i)

    def _decode(self, s: str, i: int, parts: list[str]) -> tuple[int, bool]:
        """Decode string characters from ``s[i:]`` into ``parts`` up to the closing quote.

        Returns (next index, closed). Keeps a cut escape in ``_carry``.
        """
        n = len(s)
        search = _SPECIAL.search
        while i < n:
            m = search(s, i)
            if m is None:
                if self._high is not None:
                    parts.append(chr(self._high))
                    self._high = None
                parts.append(s[i:])
                return n, False
            j = m.start()
            if j > i:
                if self._high is not None:
                    parts.append(chr(self._high))
                    self._high = None
                parts.append(s[i:j])
            if s[j] == '"':
                if self._high is not None:
                    parts.append(chr(self._high))
                    self._high = None
                return j + 1, True
            if j + 1 >= n:
                self._carry = s[j:]
                return n, False
            c = s[j + 1]
            if c == "u":
                if j + 6 > n:
                    self._carry = s[j:]
                    return n, False
                try:
                    code = int(s[j + 2 : j + 6], 16)
                except ValueError:
                    raise PartialObjectError("invalid \\u escape in the tool input") from None
                i = j + 6
                if self._high is not None:
                    if 0xDC00 <= code <= 0xDFFF:
                        parts.append(chr(0x10000 + ((self._high - 0xD800) << 10) + (code - 0xDC00)))
                        self._high = None
                        continue
                    parts.append(chr(self._high))
                    self._high = None
                if 0xD800 <= code <= 0xDBFF:
                    self._high = code
                else:
                    parts.append(chr(code))
            else:
                if self._high is not None:
                    parts.append(chr(self._high))
                    self._high = None
                try:
                    parts.append(_ESCAPES[c])
                except KeyError:
                    raise PartialObjectError(f"invalid escape \\{c} in the tool input") from None
                i = j + 2
        return i, False

    def _read_key(self, s: str, i: int) -> int:
        i, closed = self._decode(s, i, self._key_parts)
        if closed:
            self.current = "".join(self._key_parts)
            self._state = _COLON
        return i

    def _read_string(self, s: str, i: int, out: list[FieldDelta]) -> int:
        parts: list[str] = []
        i, closed = self._decode(s, i, parts)
        key = self.current or ""
        text = "".join(parts) if len(parts) != 1 else parts[0]
        self.strings[key].append(text)
        if closed:
            self.complete.add(key)
            self._state = _AFTER
        if text or closed:
            out.append((key, text, closed))
        return i

    def _read_other(self, s: str, i: int) -> int:
        """Skip a number, literal, array or object, keeping its text for json.loads."""
        n = len(s)
        start = i
        while i < n:
            c = s[i]
            if self._in_nested_string:
                if self._nested_escape:
                    self._nested_escape = False
                elif c == "\\":
                    self._nested_escape = True
                elif c == '"':
                    self._in_nested_string = False
                i += 1
                continue
            if c == '"':
                self._in_nested_string = True
            elif c in "{[":
                self._depth += 1
            elif c in "}]":
                if self._depth == 0:  # the end of the enclosing object
                    self._other_parts.append(s[start:i])
                    self._finish_other()
                    return i
                self._depth -= 1
            elif c == "," and self._depth == 0:
                self._other_parts.append(s[start:i])
                self._finish_other()
                return i
            i += 1
        self._other_parts.append(s[start:i])
        return i

    def _finish_other(self) -> None:
        key = self.current or ""
        raw = "".join(self._other_parts).strip()
        try:
            self.others[key] = json.loads(raw)
        except ValueError:
            raise PartialObjectError(f"invalid value for {key!r} in the tool input") from None
        self.strings.pop(key, None)
        self.complete.add(key)
        self._state = _AFTER
