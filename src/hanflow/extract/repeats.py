"""Repeated sibling structures: the posts of a thread, the answers of a Q&A page, the reviews
of a product, the items of a list of links.

Siblings that share a tag and their first class name (digits ignored: generated names carry
them) are one group. Inside a group's members, the `body path` is the path of tags and class
names, relative to the member, under which their prose lies; what lies elsewhere in a member
(user cards, vote bars, timestamps, reply buttons, signatures) is per-item chrome.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import lxml.html
from lxml import etree

from hanflow.extract.block import Stats

_DIGIT = re.compile(r"\d")
MAX_BODY_DEPTH = 8

Signature = tuple[str, str]
Path = tuple[Signature, ...]


@dataclass
class Group:
    parent: lxml.html.HtmlElement
    key: Signature
    members: list[lxml.html.HtmlElement]


def signature(el: lxml.html.HtmlElement) -> Signature:
    """Tag and first class name without digits (generated class names carry digits)."""
    for name in (el.get("class") or "").split():
        if not _DIGIT.search(name):
            return el.tag, name
    return el.tag, ""


def sibling_groups(root: lxml.html.HtmlElement, stats: Stats, min_text: int = 40) -> list[Group]:
    """Every set of two or more same-signature siblings holding `min_text` characters."""
    groups = []
    for parent in root.iter(etree.Element):
        if stats.text.get(parent, 0) < min_text or len(parent) < 2:
            continue
        by_key: dict[Signature, list] = {}
        for child in parent:
            if isinstance(child.tag, str) and stats.text.get(child, 0):
                by_key.setdefault(signature(child), []).append(child)
        groups.extend(Group(parent, key, members) for key, members in by_key.items()
                      if len(members) >= 2 and sum(stats.text[m] for m in members) >= min_text)
    return groups


def _paths(member: lxml.html.HtmlElement, stats: Stats):
    """(element, path relative to `member`) for the member and its text-holding descendants."""
    stack = [(member, ())]
    while stack:
        el, path = stack.pop()
        yield el, path
        if len(path) < MAX_BODY_DEPTH:
            stack.extend((child, (*path, signature(child))) for child in reversed(el)
                         if isinstance(child.tag, str) and stats.text.get(child, 0))


def body_path(members: list, stats: Stats) -> Path | None:
    """The relative path that holds the most plain prose over the members, present in at
    least half of them; the shallowest of near-equal paths (a body split into paragraphs is
    still one body). None when no path holds prose."""
    totals: Counter[Path] = Counter()
    present: Counter[Path] = Counter()
    for member in members:
        seen = set()
        for el, path in _paths(member, stats):
            totals[path] += stats.plain.get(el, 0)
            if path not in seen:
                seen.add(path)
                present[path] += 1
    common = [p for p in totals if present[p] * 2 >= len(members)]
    if not common:
        return None
    best = max(totals[p] for p in common)
    if best <= 0:
        return None
    return min((p for p in common if totals[p] >= 0.97 * best), key=len)


def at_path(member: lxml.html.HtmlElement, path: Path, stats: Stats) -> list:
    """The member's elements at `path`, in document order."""
    return [el for el, p in _paths(member, stats) if p == path]
