"""Where our tags go in an HTML artifact's document: first, whatever the artifact wrote.

Who attacks: an HTML artifact (a model's output, an imported file).
What it tries: markup that a search for "after the doctype" misreads (comments that HTML ends
early: ``<!-->``, ``<!--->``, ``--!>``; BOMs, processing instructions, CDATA, doctype-like
text in scripts), so its script comes before ``frame.js`` and an export's CSP ``<meta>``.
What must hold: the document starts with our bytes (at most the source's own doctype token,
copied, before them); the browser-side proof is tests/browser/test_hostile_injection.py.
"""

from __future__ import annotations

import random

import pytest

from artifacts_runtime.assets import load_lock
from artifacts_runtime.page import FrameSpec, Resources, frame_document
from artifacts_runtime.page.documents import leading_token

EVIL = "<script>evil()</script>"

SOURCES = [
    f"<!--> {EVIL} <!-- --><!doctype html><p>x",
    f"<!---> {EVIL} <!-- --><!doctype html><p>x",
    f"<!-- a --!> {EVIL} <!-- --><!doctype html><p>x",
    f"<!--!> --> {EVIL} <!doctype html>",
    f"<!-- <!-- --> {EVIL} --> <!doctype html>",
    f"<!-- never closed <!doctype html> {EVIL}",
    f"<!doctype html>{EVIL}",
    f"<!doctype html {EVIL}",  # a doctype ends at its first ">", even inside our probe
    f"\ufeff<!doctype html>{EVIL}",
    f" \n\t<!DOCTYPE HTML>{EVIL}",
    f"<?xml version='1.0'?>{EVIL}<!doctype html>",
    f"<![CDATA[ {EVIL} ]]><!doctype html>",
    f"</>{EVIL}<!doctype html>",
    f"</ {EVIL}><!doctype html>",
    f"<title>{EVIL}</title>",
    f"<textarea>{EVIL}</textarea>",
    f"<html><head>{EVIL}",
    f"<head><title>t</title>{EVIL}",
    EVIL,
    "",
    "<",
    "<!",
    "<!--",
    "</",
]


def document(source: str, mode: str = "live") -> str:
    return frame_document(FrameSpec("abc", 1, "text/html", "t", source), Resources(load_lock()), mode=mode)


def our_prefix(out: str) -> str:
    """The document up to the end of frame.js's tag: must be all ours."""
    end = out.index("/runtime/frame.js")
    return out[: out.index("</script>", end) + len("</script>")]


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("mode", ["live", "export"])
def test_our_tags_come_before_every_byte_of_the_artifact(source: str, mode: str) -> None:
    out = document(source, mode)
    kind, start, end = leading_token(source)
    # What may precede our tags: the source's own doctype token, copied (a doctype is one
    # token up to its first ">", whatever it holds: no element, no script), or ours.
    if kind == "doctype":
        doctype = source[start:end] if source[start:end].endswith(">") else source[start:end] + ">"
    elif kind == "document":
        doctype = ""
    else:
        doctype = "<!doctype html><html><head>"
    assert out.startswith(doctype + '<meta charset="utf-8">')
    ours = out[len(doctype) :]
    if mode == "export":  # frame.js inlined: the policy first, then our scripts
        assert ours.index('http-equiv="Content-Security-Policy"') < ours.index("<script")
        assert ours[ours.index("<script") :].startswith("<script>window.__ARTIFACT__=")
        assert "evil()" not in ours[: ours.index("window.__ARTIFACT__")]
    else:
        assert "evil()" not in our_prefix(ours)
    assert out.count("evil()") == source.count("evil()")  # nothing of the artifact lost


@pytest.mark.parametrize(
    "source, kind",
    [
        ("<!doctype html>", "doctype"),
        ("\ufeff  <!DocType html>", "doctype"),
        ("<!-- c --><!doctype html>", "doctype"),
        ("<!----><!doctype html>", "doctype"),
        ("<!-- a ---><!doctype html>", "doctype"),
        ("<!-- a --!-><!doctype html>--> x", "fragment"),  # "--!-" does not end it; "-->" then does
        ("<!-- a --!--><!doctype html>", "doctype"),
        ("<?pi?><!doctype html>", "doctype"),
        ("<!bogus><!doctype html>", "doctype"),
        ("</1><!doctype html>", "doctype"),
        ("</><!doctype html>", "doctype"),
        ("<!--><!doctype html>", "doctype"),
        ("<!---><!doctype html>", "doctype"),
        ("<!-- --!><!doctype html>", "doctype"),
        ("<!-- <!doctype html>", "fragment"),  # all comment
        ("<!--!><!doctype html>", "fragment"),  # "<!--!>" does not end: the doctype is comment
        ("x<!doctype html>", "fragment"),
        ("</p><!doctype html>", "fragment"),
        ("<p><!doctype html>", "fragment"),
        ("<HTML>", "document"),
        ("<head >", "document"),
        ("<header>", "fragment"),
        ("<htmlx>", "fragment"),
        ("<!doctype", "doctype"),
    ],
)
def test_the_leading_token_is_read_as_the_html_tokenizer_reads_it(source: str, kind: str) -> None:
    assert leading_token(source)[0] == kind


def test_random_prefixes_never_get_ahead_of_frame_js() -> None:
    pieces = ["<!--", "-->", "--!>", "<!-->", "<!--->", "<", ">", "!", "-", "<?", "<![CDATA[", "]]>", "</", " ",
              "\ufeff", "<!doctype html>", "<html>", "<head>", EVIL, "'", '"', "<title>", "<textarea>"]  # fmt: skip
    rng = random.Random(11)
    for _ in range(2000):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        out = document(source)
        kind, start, end = leading_token(source)
        skip = end - start + (0 if source[start:end].endswith(">") else 1) if kind == "doctype" else 0
        assert out[skip:].startswith(("<meta charset", "<!doctype html><html><head><meta charset")), source
        assert "evil()" not in our_prefix(out[skip:]), source
