"""Where a page's publish date lives when its markup does not state it: written next to the
headline, in the first post's chrome, or in the page's URL (/2024/05/12/, 20240512).

Tried in that order after the <meta>, JSON-LD, <time> and byline sources, and after the
platform profiles (a variable some platforms keep the date in). `find_date` reads the text.
"""

from __future__ import annotations

import re

from lxml import etree

from hanflow.extract.dates import find_date

MAX_PIECE = 120  # a date line, not a paragraph that mentions a date
MAX_STEPS = 400  # elements looked at after the headline
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|\d{4,}|$)")


def date_after(root: etree._Element, start: etree._Element, stop: set) -> str | None:
    """The first date written in a short piece of text after `start` (the headline), before
    any element of `stop` (the content blocks) begins."""
    inside = set(start.iter())
    steps = 0
    for el in root.iter():
        if steps == 0 and el is not start:
            continue
        steps += 1
        if el in inside:
            continue
        if el in stop or steps > MAX_STEPS:
            return None
        if el.tag == "time" and (date := find_date(el.get("datetime") or "")):
            return date
        for piece in (el.text, el.tail):
            if piece and len(piece := piece.strip()) <= MAX_PIECE and (date := find_date(piece)):
                return date
    return None


def date_within(el: etree._Element, skip: set) -> str | None:
    """The first date in `el` (a post's chrome: a <time>, or short text), outside `skip`."""
    inside = {inner for block in skip for inner in block.iter()}
    for inner in el.iter():
        if inner in inside:
            continue
        if inner.tag == "time" and (date := find_date(inner.get("datetime") or "")):
            return date
        for piece in (inner.text, inner.tail if inner is not el else None):
            if piece and len(piece := piece.strip()) <= MAX_PIECE and (date := find_date(piece)):
                return date
    return None


def date_in_url(url: str | None) -> str | None:
    """A date written in the URL's path (day precision)."""
    m = _URL_DATE.search(url or "")
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None
