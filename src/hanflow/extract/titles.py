"""Titles of posts: a review's own title leads its text, and members with titles or headline
links of their own are a list's items (a blog's index, cards of a story list), not posts."""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from hanflow.extract import chrome
from hanflow.extract.block import HEADINGS, Stats
from hanflow.extract.lines import normalized
from hanflow.extract.listing import headline, headline_like, repeats_title
from hanflow.extract.ratings import rating_marks
from hanflow.extract.repeats import count_reaches
from hanflow.extract.tree import drop, text_of

_TITLE_CLASS = re.compile(r"title|subject|headline|heading", re.I)
MAX_REVIEW_TITLE = 150  # characters of a review's title


def with_titles(bodies: dict, title_key: str) -> dict:
    """Each review's body led by its title (see `_title_of`), when no other review has the same:
    a title that recurs is a label ("Verified purchase"), not what the reviewer wrote."""
    titles = {post: _title_of(post, found, title_key, short=True) for post, found in bodies.items()}
    for title in titles.values():
        for mark in rating_marks(title) if title is not None else ():
            drop(mark)  # the stars' label inside the title link is the rating, not the title
    texts = {post: normalized(text_of(el)) for post, el in titles.items() if el is not None}
    counts = Counter(texts.values())
    return {post: [titles[post], *found] if post in texts and counts[texts[post]] == 1 else found
            for post, found in bodies.items()}


def listed(members: list, bodies: dict, stats: Stats, title_key: str) -> bool:
    """Whether half the members are built like items of a list rather than posts (titled,
    headed or with bodies apart; see below). (Members that each give a rating are reviews,
    whatever their titles: the caller asks only of others.)"""
    titles = [_titled(m, bodies[m], title_key) for m in members]
    distinct = {t for t in titles if t and titles.count(t) == 1}
    items = (t in distinct or _item(m, bodies[m], stats, title_key) for m, t in zip(members, titles, strict=True))
    return count_reaches(items, (len(members) + 1) // 2)


def _item(member: etree._Element, bodies: list, stats: Stats, title_key: str = "") -> bool:
    """Built like an item of a list rather than a post (see below)."""
    return len({b.getparent() for b in bodies}) > 1 or _headed(member, bodies, stats, title_key)


# Not posts: members with a headline link beside the body (cards of a story list), members
# with a title of their own (entries of a blog's index page; a reply titled "Re: <thread>"
# is still a post, and a rank shown on every user card is no title), members whose bodies
# lie apart (layout rows, columns of cards).


def _titled(member: etree._Element, bodies: list, title_key: str) -> str | None:
    """The member's own title's text, if it has one (see `_title_of`). Titles that repeat
    across the members are user ranks, not titles (the caller keeps only distinct ones)."""
    el = _title_of(member, bodies, title_key)
    return normalized(text_of(el)) if el is not None else None


def _title_of(member: etree._Element, bodies: list, title_key: str, short: bool = False) -> etree._Element | None:
    """The member's own title, if it has one: a heading or a title-classed element outside
    the body, worded like a headline (`short`: any words, as a review's title may be "Great
    blender"), not the page's title."""
    inside = set(bodies)
    for el in member.iter():
        if el in inside:
            continue
        if el.tag in HEADINGS or _TITLE_CLASS.search(el.get("class") or ""):
            raw = text_of(el)
            text = normalized(raw)
            worded = 0 < len(raw) <= MAX_REVIEW_TITLE and not chrome.is_chrome(raw) if short else headline_like(raw)
            if (worded and not chrome.SHOWN_TIME.search(raw) and text
                    and not (title_key and (title_key in text or text in title_key))
                    and not any(a in inside for a in el.iterancestors())):
                return el
    return None


def _headed(member: etree._Element, bodies: list, stats: Stats, title_key: str = "") -> bool:
    """A headline link beside the body: a card of a story list, not a post."""
    for el in dict.fromkeys([member] + [b.getparent() for b in bodies if b.getparent() is not None]):
        found = headline(el, stats)
        if (found is not None and not any(a in bodies for a in found[0].iterancestors())
                and not repeats_title(found[0], title_key, stats)):
            return True
    return False
