"""Find the content block: paragraph text and punctuation scored upwards, links discounted.

One bottom-up pass over the tree gathers text and link-text lengths for every element, so
the cost is linear in the page size (no repeated `text_content()` calls per candidate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from hanflow.extract.excerpts import ELLIPSIS
from hanflow.extract.tree import text_of

PARAGRAPHS = frozenset({"p", "pre", "blockquote"})
BOXES = frozenset({"div", "section", "article", "table", "ul", "ol", "dl", "form"})  # boxes of other boxes or text
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CONTAINERS = frozenset({"a", "div", "td", "article", "section", "main", "span", "font", "center",
                        "body", "form", "content", "dd", "tbody", "table", "tr"})
# Inline elements whose own text may be prose (a quoted passage set in italics), though never a
# block of their own.
INLINE = frozenset({"i", "em", "b", "strong", "q", "cite", "u", "small"})
_TAG_BONUS = {"article": 10, "main": 5, "div": 5, "td": 3, "pre": 3, "blockquote": 3,
              "section": 3, "form": -3, "ul": -3, "ol": -3, "dl": -3, "li": -3, "body": -10}
_POSITIVE = re.compile(
    r"article|content|body|text|entry|main|post|story|detail|news|blog|zw|zhengwen|cont(?!ainer)|"
    r"artibody|endtext|txt|page-content|rich", re.I)
_NEGATIVE_WORDS = (r"comment|footer|foot(?!note)|nav|menu|sidebar|related|relate|share|social|advert|banner|"
                   r"breadcrumb|crumb|copyright|recommend|tuijian|rank|sponsor|popup|login|subscribe(?!r)|"
                   r"newsletter|promo|widget|pager|pagination|byline|toolbar|reply|infobox|navbox|reflist|references")
# Boilerplate words that point to other pages: what follows them names what is listed.
_ELSEWHERE = frozenset({"related", "relate", "recommend", "tuijian", "sponsor", "promo"})
# Short words count only as whole parts of a name ("ad" in "ad-slot", not in "header").
_NEGATIVE_PARTS = ("ad", "ads", "hot", "side", "tags?", "list", "links", "meta", "tools?", "print", "author")


def _negative(parts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"{_NEGATIVE_WORDS}|(?:^|[\s_-])(?:{'|'.join(parts)})(?:[\s_-]|\d|$)", re.I)


_NEGATIVE = _negative(_NEGATIVE_PARTS)
# On a list element "list" names what the element is ("wp-block-list", "list-disc"): no
# evidence that the list is a link list.
_NEGATIVE_ON_LISTS = _negative(tuple(p for p in _NEGATIVE_PARTS if p != "list"))
_LISTS = frozenset({"ul", "ol", "dl", "li"})
_PUNCT = re.compile(r"[，。；、！？,;]")
_ELLIPSIS_END = "".join(sorted({mark[-1] for mark in ELLIPSIS}))  # a cheap test before endswith
_WS = re.compile(r"\s+")


@dataclass
class Stats:
    """Per-element text statistics, keyed by element."""

    text: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)
    score: dict = field(default_factory=dict)
    punct: dict = field(default_factory=dict)
    net: dict = field(default_factory=dict)
    plain: dict = field(default_factory=dict)
    cut: list = field(default_factory=list)  # elements whose own text ends in an ellipsis


def class_weight(el: etree._Element, linkless: bool = False) -> int:
    """Evidence from class and id names: +25 for article-like, -25 for boilerplate-like.
    "list" in the name of a list element, or of an element holding no link, says what the
    element is ("wp-block-list", "bulleted_list-block"), not that it lists other pages."""
    cls, ident = el.get("class"), el.get("id")
    return _names_weight(cls, ident, linkless or el.tag in _LISTS) if cls or ident else 0


@lru_cache(maxsize=8192)
def _names_weight(cls: str | None, ident: str | None, on_list: bool = False) -> int:
    """-25 when a name holds a boilerplate word, +25 when one holds an article word outside
    those ("news" in "newsletter" is no evidence of an article). A name whose article word
    comes first is its template's part of the article or post ("post-author", "article_tags",
    "news-recommend"): it is boilerplate, and its article word counts for nothing. So does the
    article word after a boilerplate word that points to other pages ("jp-relatedposts",
    "recommend-news": other posts, listed); after one that names a kind of text, it says what
    the block holds ("review-body", "comment-content")."""
    negative = _NEGATIVE_ON_LISTS if on_list else _NEGATIVE
    weight, others = 0, []
    for name in f"{cls or ''} {ident or ''}".split():
        found = negative.search(name)
        if found is None:
            others.append(name)
            continue
        weight = -25
        head = _POSITIVE.search(name, 0, found.start())
        if head is None and found.group().lower() not in _ELSEWHERE:
            others.append(negative.sub(" ", name))
    return weight + (25 if _POSITIVE.search(" ".join(others)) else 0)


def _paragraph_score(length: int, punct: int) -> float:
    return 1 + punct + min(length / 50, 3)


def prose_like(length: int, punct: int) -> bool:
    return length >= 20 and punct >= 1 or length >= 60


_EMPTY = (0, 0, 0, 0, 0)


def measure(root: etree._Element) -> Stats:
    """Text, link text, punctuation, paragraph score and net prose of every element, one pass.

    `net` is prose characters minus link and fragment characters in the subtree: the
    enclosing article container has more of it than any one of its paragraphs' parents.
    `plain` is the same without the class/id evidence (a post body named "reply" is prose).
    `cut` lists the elements whose own text ends in an ellipsis (excerpts' candidates).
    A paragraph credits no score to a parent named as boilerplate (comments set as headings and
    paragraphs straight in a "comments" box would outscore a short post), unless only a short
    part of a name says so and the parent holds paragraphs of prose itself (see
    `body_despite_name`).
    """
    stats, sums, exempt = Stats(), {}, {}
    findall, score = _PUNCT.findall, stats.score
    text, punct_of, links, net_of, plain_of = stats.text, stats.punct, stats.links, stats.net, stats.plain
    for el in reversed(list(root.iter(etree.Element))):
        own, (total, punct, linked, net, plain) = _gather(sums, el) if len(el) else (el.text, _EMPTY)
        if own:
            own = "".join(own.split())
            if own and own[-1] in _ELLIPSIS_END and own.endswith(ELLIPSIS):
                stats.cut.append(el)
        if not total and not own:  # no text in it (images, icons, empty wrappers): nothing to weigh
            sums[el] = _EMPTY
            text[el] = punct_of[el] = links[el] = net_of[el] = plain_of[el] = 0
            continue
        n_own = len(own)
        own_punct = len(findall(own)) if own else 0
        total += n_own
        punct += own_punct
        tag = el.tag
        is_link = tag == "a" and not (total > 150 and punct >= 3)  # some sites link a whole passage
        negative = not is_link and class_weight(el, linkless=not linked) < 0 and not body_despite_name(el, exempt)
        if is_link:
            linked, net, plain = total, -total, -total
        elif tag in PARAGRAPHS:
            good = total - linked if prose_like(total, punct) else 0
            net = plain = good - (total - good)
            parent = el.getparent()
            if total >= 20 and not negative and (parent is None or class_weight(parent) >= 0
                                                 or body_despite_name(parent, exempt)):
                _credit(score, parent, _paragraph_score(total, punct))
        elif n_own:
            sign = 1 if (tag in CONTAINERS or tag in INLINE) and prose_like(n_own, own_punct) else -1
            net += sign * n_own
            plain += sign * n_own
            if n_own >= 20 and tag in CONTAINERS and not negative:
                _credit(score, el, _paragraph_score(n_own, own_punct))
        if negative:
            net = -total
        sums[el] = (total, punct, linked, net, plain)
        text[el], punct_of[el], links[el], net_of[el], plain_of[el] = total, punct, linked, net, plain
    return stats


_STRONG_NEGATIVE = re.compile(_NEGATIVE_WORDS, re.I)
MIN_BODY_PARAGRAPHS = 3  # paragraphs of prose that outweigh a short part of a name


def body_despite_name(el: etree._Element, cache: dict) -> bool:
    """Whether an element named as boilerplate only by a short part of a name ("side",
    "list", "meta": an article body named "editor-preview-side") holds at least
    `MIN_BODY_PARAGRAPHS` paragraphs of prose as its own children: then it is a body, and
    its name no evidence. Asked of few elements, and remembered (`cache`)."""
    found = cache.get(el)
    if found is None:
        found = cache[el] = _weakly_named(el.get("class"), el.get("id")) and sum(
            1 for child in el if child.tag == "p" and _prose_text(text_of(child))) >= MIN_BODY_PARAGRAPHS
    return found


@lru_cache(maxsize=8192)
def _weakly_named(cls: str | None, ident: str | None) -> bool:
    """Whether no whole boilerplate word is in the names (only a short part may be)."""
    return _STRONG_NEGATIVE.search(f"{cls or ''} {ident or ''}") is None


def _prose_text(text: str) -> bool:
    dense = "".join(text.split())
    return prose_like(len(dense), len(_PUNCT.findall(dense)))


def _gather(sums: dict, el: etree._Element) -> tuple[str, tuple[int, int, int, int, int]]:
    """The element's own text (text and its children's tails), and its children's text,
    punctuation, link-text, net-prose and plain-prose totals, in one walk over the children."""
    own = el.text or ""
    total = punct = linked = net = plain = 0
    get = sums.get
    for child in el:
        tail = child.tail
        if tail:
            own += tail
        got = get(child)
        if got is not None and got is not _EMPTY:
            total += got[0]
            punct += got[1]
            linked += got[2]
            net += got[3]
            plain += got[4]
    return own, (total, punct, linked, net, plain)


def _credit(score: dict, el: etree._Element | None, points: float) -> None:
    if el is None:
        return
    score[el] = score.get(el, 0.0) + points
    parent = el.getparent()
    if parent is not None:
        score[parent] = score.get(parent, 0.0) + points / 2


def suppress(stats: Stats, el: etree._Element) -> None:
    """Count `el` as boilerplate, as a link list is counted: no paragraph score in it, net
    prose minus its text, and its ancestors' net prose lowered to match (up to an ancestor
    whose net is already minus its whole text)."""
    for inner in el.iter():
        stats.score.pop(inner, None)
    delta = -stats.text.get(el, 0) - stats.net.get(el, 0)
    stats.net[el] = -stats.text.get(el, 0)
    for anc in el.iterancestors():
        if delta == 0 or stats.net.get(anc, 0) == -stats.text.get(anc, 0):
            break
        stats.net[anc] = stats.net.get(anc, 0) + delta


def link_density(stats: Stats, el: etree._Element) -> float:
    return stats.links.get(el, 0) / max(stats.text.get(el, 0), 1)


def final_score(stats: Stats, el: etree._Element) -> float:
    base = stats.score.get(el, 0.0) + _TAG_BONUS.get(el.tag, 0) + class_weight(el)
    return base * (1 - link_density(stats, el))


def best_block(root: etree._Element, stats: Stats) -> list[etree._Element]:
    """The top-scoring element, widened to the ancestor holding the most net prose,
    or else joined by siblings that look like more of the same article."""
    if not stats.score:
        body = root.find("body")
        return [body if body is not None else root]
    top = max(stats.score, key=lambda el: final_score(stats, el))
    widest = _widest(stats, top)
    if widest is not top:
        return [widest]
    parent = top.getparent()
    if parent is None:
        return [top]
    threshold = max(10.0, final_score(stats, top) * 0.2)
    return [sib for sib in parent if sib is top or _belongs(stats, sib, top, threshold)]


def _widest(stats: Stats, top: etree._Element) -> etree._Element:
    """The ancestor (below <body>) with clearly more net prose than `top`, if any; an
    ancestor named like boilerplate (comments, sidebar) is heavily penalised."""
    best, best_net = top, stats.net.get(top, 0)
    for anc in top.iterancestors():
        if anc.tag in ("body", "html"):
            break
        value = stats.net.get(anc, 0) + min(class_weight(anc), 0) * 10
        if value > best_net * 1.1 and value > 0:
            best, best_net = anc, value
    return best


def _belongs(stats: Stats, sib, top, threshold: float) -> bool:
    """Readability's sibling test: a well-scored block, or a prose-like <p> with few links."""
    if not isinstance(sib.tag, str):
        return False
    bonus = _same_class_bonus(sib, top)
    if sib in stats.score and final_score(stats, sib) + bonus >= threshold:
        return True
    if sib.tag != "p":
        return False
    length, density = stats.text.get(sib, 0), link_density(stats, sib)
    if length > 80 and density < 0.25:
        return True
    own = _WS.sub("", text_of(sib))
    return 0 < length <= 80 and density == 0 and bool(re.search(r"[。.！？!?]$", own))


def _same_class_bonus(sib, top) -> float:
    """Siblings sharing the top block's class are likely more of the same article."""
    cls = sib.get("class")
    return 0.0 if not cls or cls != top.get("class") else 10.0
