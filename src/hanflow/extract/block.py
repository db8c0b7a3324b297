"""Find the content block: paragraph text and punctuation scored upwards, links discounted.

One bottom-up pass over the tree gathers text and link-text lengths for every element, so
the cost is linear in the page size (no repeated `text_content()` calls per candidate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

PARAGRAPHS = frozenset({"p", "pre", "blockquote"})
CONTAINERS = frozenset({"div", "td", "article", "section", "main", "span", "font", "center",
                        "body", "form", "content", "dd", "tbody", "table", "tr"})
_TAG_BONUS = {"article": 10, "main": 5, "div": 5, "td": 3, "pre": 3, "blockquote": 3,
              "section": 3, "form": -3, "ul": -3, "ol": -3, "dl": -3, "li": -3, "body": -10}
_POSITIVE = re.compile(
    r"article|content|body|text|entry|main|post|story|detail|news|blog|zw|zhengwen|cont|"
    r"artibody|endtext|txt|page-content|rich", re.I)
_NEGATIVE = re.compile(
    r"comment|footer|foot|nav|menu|sidebar|related|relate|share|social|advert|banner|"
    r"breadcrumb|crumb|copyright|recommend|tuijian|rank|sponsor|popup|login|subscribe|"
    r"newsletter|promo|widget|pager|pagination|byline|toolbar|reply|review|"
    r"(?:^|[\s_-])(?:ad|ads|hot|side|tags?|list|links|meta|tools?|print|author)(?:[\s_-]|\d|$)",
    re.I)
_PUNCT = re.compile(r"[，。；、！？,;]")
_WS = re.compile(r"\s+")


@dataclass
class Stats:
    """Per-element text statistics, keyed by element."""

    text: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)
    score: dict = field(default_factory=dict)
    punct: dict = field(default_factory=dict)


def class_weight(el: lxml.html.HtmlElement) -> int:
    """Evidence from class and id names: +25 for article-like, -25 for boilerplate-like."""
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not names.strip():
        return 0
    weight = 0
    if _NEGATIVE.search(names):
        weight -= 25
    if _POSITIVE.search(names):
        weight += 25
    return weight


def _own_text(el: lxml.html.HtmlElement) -> str:
    parts = [el.text or ""]
    parts.extend(child.tail or "" for child in el)
    return _WS.sub("", "".join(parts))


def _paragraph_score(text: str) -> float:
    return 1 + len(_PUNCT.findall(text)) + min(len(text) / 50, 3)


def measure(root: lxml.html.HtmlElement) -> Stats:
    """Text length, link-text length and paragraph score of every element, in one pass."""
    stats = Stats()
    text, links, score, punct = stats.text, stats.links, stats.score, stats.punct
    for el in reversed(list(root.iter(etree.Element))):
        own = _own_text(el)
        total = len(own) + sum(text.get(child, 0) for child in el)
        text[el] = total
        punct[el] = len(_PUNCT.findall(own)) + sum(punct.get(child, 0) for child in el)
        linked = total if el.tag == "a" else sum(links.get(child, 0) for child in el)
        links[el] = linked
        if el.tag in PARAGRAPHS and total >= 20:
            _credit(score, el.getparent(), _paragraph_score(_WS.sub("", el.text_content())))
        elif el.tag in CONTAINERS and len(own) >= 20:
            _credit(score, el, _paragraph_score(own))
    return stats


def _credit(score: dict, el: lxml.html.HtmlElement | None, points: float) -> None:
    if el is None:
        return
    score[el] = score.get(el, 0.0) + points
    parent = el.getparent()
    if parent is not None:
        score[parent] = score.get(parent, 0.0) + points / 2


def link_density(stats: Stats, el: lxml.html.HtmlElement) -> float:
    return stats.links.get(el, 0) / max(stats.text.get(el, 0), 1)


def final_score(stats: Stats, el: lxml.html.HtmlElement) -> float:
    base = stats.score.get(el, 0.0) + _TAG_BONUS.get(el.tag, 0) + class_weight(el)
    return base * (1 - link_density(stats, el))


def best_block(root: lxml.html.HtmlElement, stats: Stats) -> list[lxml.html.HtmlElement]:
    """The top-scoring element plus siblings that look like more of the same article."""
    if not stats.score:
        body = root.find("body")
        return [body if body is not None else root]
    top = max(stats.score, key=lambda el: final_score(stats, el))
    parent = top.getparent()
    if parent is None:
        return [top]
    top_score = final_score(stats, top)
    threshold = max(10.0, top_score * 0.2)
    return [sib for sib in parent if sib is top or _belongs(stats, sib, top, threshold)]


def _belongs(stats: Stats, sib, top, threshold: float) -> bool:
    if not isinstance(sib, lxml.html.HtmlElement):
        return False
    bonus = top_class_bonus(sib, top)
    if sib in stats.score and final_score(stats, sib) + bonus >= threshold:
        return True
    if sib.tag != "p":
        return False
    length, density = stats.text.get(sib, 0), link_density(stats, sib)
    if length > 80 and density < 0.25:
        return True
    own = _WS.sub("", sib.text_content())
    return 0 < length <= 80 and density == 0 and bool(re.search(r"[。.！？!?]$", own))


def top_class_bonus(sib, top) -> float:
    cls = sib.get("class")
    return 0.0 if not cls or cls != top.get("class") else 10.0
