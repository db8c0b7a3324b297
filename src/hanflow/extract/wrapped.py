"""Preformatted text. Hard-wrapped prose: mailing-list archives and plain-text messages set
each message in a <pre>, its paragraphs broken at about 72 columns. Such a block is unwrapped
into one line per paragraph — only on positive evidence (most lines long and wrapped near one
width, words and sentences, no indentation or code symbols); code and tables stay verbatim.
Code blocks lose their line-number gutters.
"""

from __future__ import annotations

import re
from itertools import pairwise

from lxml import etree

from hanflow.extract.tree import drop, outermost, text_of

MIN_LINES = 4  # lines a wrapped text needs before its width can be judged
_QUOTE = re.compile(r"^(?:\s*>)+\s?")
_CODE = re.compile(r"[{}\[\]();=<$#\\]|^(?: {2,}|\t)", re.M)
_SENTENCE = re.compile(r"[.?!]\s|[.?!]$")
_WORDS = re.compile(r"[A-Za-z]")
_ENDS_CLAUSE = re.compile(r"[.?!:;,)\]]$")


def drop_line_numbers(root: etree._Element) -> None:
    """A code block's gutter — an element in or beside a <pre> whose whole text is the numbers
    1, 2, 3 … in turn (a list in the block, which the parser sets after it; a table cell
    before it) — is no text."""
    for pre in outermost(root, "pre"):
        parent = pre.getparent()
        beside = [pre.getprevious(), pre.getnext()]
        if parent is not None and parent.tag == "td":
            beside += [parent.getprevious(), parent.getnext()]
        for el in [*pre.iterchildren("ul", "ol", "div", "span"), *(b for b in beside if b is not None)]:
            if _counts_lines(el):
                drop(el)
                break


def _counts_lines(el: etree._Element) -> bool:
    """Whether the element's text is 1, 2, 3 … and nothing else (read up to the first word
    that is not the next number, so a large neighbour costs little)."""
    expected = 1
    for piece in el.itertext():
        for word in piece.split():
            if word != str(expected):
                return False
            expected += 1
    return expected > 2


def unwrap_prose(root: etree._Element) -> None:
    """Every <pre> of wrapped prose becomes a block of its paragraphs, one per line; so does
    the text of a <div> holding nothing else (a message shown with CSS `white-space: pre`)."""
    for pre in outermost(root, "pre"):
        if pre.find(".//code") is not None:  # <pre><code>: the markup of code, never of a message
            continue
        text = text_of(pre)
        if is_wrapped_prose(text):
            tail = pre.tail
            pre.clear()
            pre.tag, pre.text, pre.tail = "div", unwrap(text), tail
    for div in root.iter("div"):
        if len(div) == 0 and div.text and "\n" in div.text.strip() and is_wrapped_prose(div.text):
            div.text = unwrap(div.text)


def _width(lines: list[str]) -> int:
    """The width the text was wrapped at: its longest lines but the odd outlier."""
    lengths = sorted(len(line) for line in lines)
    return lengths[int(len(lengths) * 0.9) - 1]


def is_wrapped_prose(text: str) -> bool:
    """Lines that go on into the next one wrapped near one width (two thirds of them, two at
    least), words and sentences, few code symbols."""
    raw = text.splitlines()
    lines = [line.rstrip() for line in raw if line.strip()]
    if len(lines) < MIN_LINES:
        return _broken_sentences(lines)
    width = _width(lines)
    inner = [len(line.rstrip()) for line, after in pairwise(raw) if line.strip() and after.strip()
             and _depth(line) == _depth(after)]
    near = sum(0.6 * width <= length <= 1.05 * width for length in inner)
    body = "\n".join(_QUOTE.sub("", line) for line in lines)
    return (40 <= width <= 100 and near >= 2 and 3 * near >= 2 * len(inner)
            and len(_CODE.findall(body)) * 50 < len(body)
            and len(_WORDS.findall(body)) * 2 > len(body)
            and sum(_SENTENCE.search(line) is not None for line in lines) >= 2)


def _broken_sentences(lines: list[str]) -> bool:
    """Too few lines to judge a width by: wrapped when each line but the last is long, holds
    no code symbol and breaks off in mid-sentence, the next going on in lower case ("…so the"
    / "change will…")."""
    return len(lines) >= 2 and all(
        len(line) >= 40 and not _ENDS_CLAUSE.search(line) and after.lstrip()[:1].islower()
        and len(_WORDS.findall(line)) * 2 > len(line) and not _CODE.search(line)
        for line, after in pairwise(lines))


def _depth(line: str) -> int:
    """How deep in quotation a line is ("> > text": 2)."""
    prefix = _QUOTE.match(line)
    return prefix.group(0).count(">") if prefix else 0


def unwrap(text: str) -> str:
    """Lines joined into paragraphs: a line reaching most of the width goes on into the next one
    of the same quotation depth; a blank line, a short line or a change of depth ends it."""
    lines = text.splitlines()
    width = _width([line for line in lines if line.strip()] or [""])
    out: list[str] = []
    joining = False
    depth = None
    for line in lines:
        level = _depth(line)
        bare = _QUOTE.sub("", line, count=1)
        if joining and level == depth and bare.strip():
            out[-1] += " " + bare.strip()
        else:
            out.append(line.rstrip())
        depth, joining = level, len(line.rstrip()) >= 0.6 * width
    return "\n".join(out)
