"""Lists of teasers: items that each lead with a headline link to another page and add at most
a short excerpt, a date or a source (news feeds, "more stories", index pages).

Inside an article such a list is never main text; a page made mostly of them is a listing.
A comment or a post is not a teaser: its author link is a short name, not a headline, and
its text lies outside links.
"""

from __future__ import annotations

import re

from lxml import etree

from hanflow.extract.block import HEADINGS, Stats
from hanflow.extract.lines import normalized
from hanflow.extract.repeats import Group
from hanflow.extract.tree import text_of

MIN_ITEMS = 3
MAX_EXCERPT = 250  # characters outside links in a teaser, besides its headline ...
MAX_HEADED_EXCERPT = 1000  # ... or when the headline link is set in a heading
MIN_TITLE_KEY = 8  # characters of a normalised page title that a headline may not repeat
MAX_REPLY_PREFIX = 4  # characters before it in a reply's permalink: "Re", "RE2", "回复"
MAX_STATE_TAG = 10  # characters of a thread's state the page's title may add: "solved", "已解决"
_WORDS = re.compile(r"[^\W\d_]{2,}")
_HAN = re.compile(r"[\u3400-\u9fff]")


def headline_like(text: str) -> bool:
    """Several words, or a phrase of Han characters: not a user name or a button."""
    return len(_HAN.findall(text)) >= 8 or len(_WORDS.findall(text)) >= 4


def headline(item: etree._Element, stats: Stats) -> tuple[etree._Element, bool] | None:
    """The item's headline link, worded like a title and either most of the item's text, or
    set in a heading, or beside an excerpt cut short; and whether it is set in a heading."""
    total = stats.text.get(item, 0)
    head = max(item.iter("a"), key=lambda a: stats.text.get(a, 0), default=None)
    if not total or head is None or not headline_like(text_of(head)):
        return None
    share = stats.text.get(head, 0) / total
    headed = _in_heading(head, item)
    return (head, headed) if share >= 0.4 or (share >= 0.05 and (headed or cut_short(item))) else None


_ELLIPSIS_END = re.compile(r"(?:\.{3}|…|。。。)\W*$")


def cut_short(item: etree._Element) -> bool:
    """Whether a piece of the item's text breaks off in an ellipsis ("...", "…"), a source or a
    time perhaps after it: an excerpt cut at a length, which a headline link leads however much
    of the text it holds."""
    return any(_ELLIPSIS_END.search(piece.rstrip()) for piece in item.itertext())


def repeats_title(link: etree._Element, title_key: str, stats: Stats) -> bool:
    """Whether a headline link is the page's own title (`title_key`, normalised), at most after
    a reply's prefix ("Re:", "回复："): it leads to this page, as a board's permalink over each
    post does; also when the page's title adds a short tag of the thread's state to the
    subject ("[SOLVED]", "【已解决】"). A headline that merely holds the title ("Climate change:
    what next" on a topic page) leads elsewhere. A link much shorter than the key cannot be it."""
    if len(title_key) < MIN_TITLE_KEY or stats.text.get(link, 0) < len(title_key) - MAX_STATE_TAG:
        return False
    text = normalized(text_of(link))
    if text.endswith(title_key) and len(text) - len(title_key) <= MAX_REPLY_PREFIX:
        return True
    return any((core := text[cut:]) and core in title_key and len(title_key) - len(core) <= MAX_STATE_TAG
               and len(core) >= MIN_TITLE_KEY for cut in range(MAX_REPLY_PREFIX + 1))


def teaser_headline(item: etree._Element, stats: Stats) -> etree._Element | None:
    """The headline link of a teaser: a headline link and at most a short excerpt besides."""
    excerpt = stats.text.get(item, 0) - stats.links.get(item, 0)
    if excerpt > MAX_HEADED_EXCERPT or (found := headline(item, stats)) is None:
        return None
    return found[0] if excerpt <= (MAX_HEADED_EXCERPT if found[1] else MAX_EXCERPT) else None


def _in_heading(el: etree._Element, item: etree._Element) -> bool:
    for anc in el.iterancestors():
        if anc is item:
            return False
        if anc.tag in HEADINGS:
            return True
    return False


def teaser_groups(groups: list[Group], stats: Stats, title_key: str = "") -> list[Group]:
    """Groups of at least `MIN_ITEMS` members, most of them teasers, and not most of them
    linking the page's own title (`title_key`, normalised: the posts of a thread)."""
    found = []
    for group in groups:
        members = group.members
        if len(members) < MIN_ITEMS or not any(stats.links.get(m, 0) for m in members):
            continue
        misses, repeats, allowed = 0, 0, 0.3 * len(members)
        for member in members:
            head = teaser_headline(member, stats)
            if head is None:
                misses += 1
                if misses > allowed:
                    break
            elif title_key:
                repeats += repeats_title(head, title_key, stats)
        else:
            if repeats * 2 <= len(members):
                found.append(group)
    return found
