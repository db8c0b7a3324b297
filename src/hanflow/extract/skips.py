"""Boxes a page lets a reader skip: an inline promotion or advertisement that opens with a
link such as "skip past newsletter promotion" or "Skip advertisement", pointing at an anchor
at the box's end or right after it. The page itself says the box is not the text."""

from __future__ import annotations

import re

from lxml import etree

from hanflow.extract.tree import text_of

# "skip past …", "Skip advertisement", "跳过广告"; not "Skip to main content", which leads
# into the page rather than past a box.
_SKIP = re.compile(r"^\s*+(?:skip\b(?!\s++to\b)|跳过|跳過)", re.I)
MAX_SKIP_LABEL = 60  # characters of a skip link's text
_FRAGMENT_LINKS = etree.XPath('//a[starts-with(@href, "#")]')  # links to an anchor of the page
MAX_SKIPPED = 2000  # characters of a box a skip link passes over


def may_skip(html: str) -> bool:
    """Whether the page's source holds a skip link's word at all: a cheap test that spares most
    pages the search (see `skipped_boxes`). A single character is found faster than a pair
    in a page's text, so "跳" is looked for first."""
    return "kip" in html or "KIP" in html or "跳" in html and ("跳过" in html or "跳過" in html)


def skipped_boxes(root: etree._Element) -> list:
    """The boxes that skip links pass over: when the link's anchor (`#id`) is a later sibling
    of the link, what lies between them (see `_siblings_passed_over`); else the link's parent,
    when the anchor lies after the link inside it or is its next element, and the parent is
    small (no article skips itself)."""
    ids: dict | None = None
    boxes = []
    for link in _FRAGMENT_LINKS(root):
        href = link.get("href")
        if len(href) < 2:
            continue
        label = text_of(link)
        if len(label) > MAX_SKIP_LABEL or not _SKIP.match(label):
            continue
        if ids is None:  # built once, for the first skip link: most pages have none
            ids = {el.get("id"): el for el in root.iter(etree.Element) if el.get("id")}
        box, target = link.getparent(), ids.get(href[1:])
        if box is None or target is None:
            continue
        if target.getparent() is box:  # the anchor beside the link: what lies between them
            boxes += _siblings_passed_over(link, target)
        elif _passed_over(link, box, target):
            boxes.append(box)
    return boxes


def _siblings_passed_over(link: etree._Element, target: etree._Element) -> list:
    """A skip link set among the text's paragraphs, its anchor a later sibling: the link, the
    elements between them (the promotion) and the anchor when it holds no more than a label
    ("after newsletter promotion"); nothing when the anchor is not ahead or the span is not
    small enough to be a promotion."""
    passed, size = [link], 0
    for sib in link.itersiblings():
        if sib is target:
            return passed + ([target] if len(text_of(target)) <= MAX_SKIP_LABEL else [])
        size += len(text_of(sib)) if isinstance(sib.tag, str) else 0
        if size > MAX_SKIPPED:
            return []
        passed.append(sib)
    return []


def _passed_over(link: etree._Element, box: etree._Element, target: etree._Element) -> bool:
    """Whether the anchor ends what the link skips: after it in its box, or the box's next
    element; the box small enough to be a promotion."""
    if target is box.getnext():
        after = True
    else:
        order = list(box.iter(etree.Element))
        after = target in order and order.index(target) > order.index(link)
    return after and len(text_of(box)) <= MAX_SKIPPED
