"""Repeated sibling structures: the posts of a thread, the answers of a Q&A page, the reviews
of a product, the items of a list of links.

Siblings that share a tag and their first class name (digits ignored: generated names carry
them) are one group. Inside a group's members, the `body path` is the path of tags and class
names, relative to the member, under which their prose lies; what lies elsewhere in a member
(user cards, vote bars, timestamps, reply buttons, signatures) is per-item chrome. Replies
nested in a member (comment trees) are not its text: the body path is where its own text lies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from hanflow.extract.block import BOXES, PARAGRAPHS, Stats, prose_like
from hanflow.extract.chrome import answerable
from hanflow.extract.ratings import rated
from hanflow.extract.tree import text_of, up_to

_DIGIT = re.compile(r"\d")
_FRAMEWORK_MARKS = frozenset({"ui"})
MAX_BODY_DEPTH = 8
CORE_SHARE = 0.6  # a body holds this share of its post's text outside links

Signature = tuple[str, str]
Path = tuple[Signature, ...]


@dataclass
class Group:
    parent: etree._Element
    key: Signature
    members: list[etree._Element]
    unlinked: bool = False  # reviews or comments that link nothing (see `sibling_groups`)
    rated: bool = False  # each member gives a rating


# ARIA roles that say an element is one of a list of items or posts, where generated class
# names say nothing (every one carries digits).
_ITEM_ROLES = frozenset({"article", "comment", "listitem"})


def signature(el: etree._Element) -> Signature:
    """Tag and first class name without digits (generated class names carry digits); for an
    element without one, the schema.org type it declares (itemtype), else the ARIA role that
    makes it an item or a post (`_ITEM_ROLES`), if any."""
    classes = el.get("class")
    name = _first_name(classes) if classes else ""
    if not name and (itemtype := el.get("itemtype")):
        name = itemtype.rstrip("/").rsplit("/", 1)[-1]
    if not name and (role := el.get("role")) in _ITEM_ROLES:
        name = role
    return el.tag, name


def named(key: Signature) -> bool:
    """Whether a signature names what its element is: a class name, or a custom element's own
    tag (<shreddit-comment>). A bare <div> or <li> is any layout's box."""
    return bool(key[1]) or "-" in key[0]


@lru_cache(maxsize=8192)
def _first_name(classes: str) -> str:
    """The first class name without digits, past a framework's mark that every component
    carries (Semantic UI's `ui`: `ui comments`, `ui grid`)."""
    return next((name for name in classes.split() if not _DIGIT.search(name) and name not in _FRAMEWORK_MARKS), "")


def sibling_groups(root: etree._Element, stats: Stats, min_text: int = 60) -> list[Group]:
    """Every set of two or more same-signature siblings holding `min_text` characters and
    some link text; or, without links, named boxes that each give a rating (see `rated`) or
    each carry a time and a reply or report control (see `answerable`): a review or comment
    list that links no user."""
    groups = []
    text, links = stats.text, stats.links
    for parent in root.iter(etree.Element):
        # Both readers of groups want links in them: teasers lead with one, posts name authors.
        if len(parent) < 2 or text.get(parent, 0) < min_text:
            continue
        linked = links.get(parent)
        if not linked and len(parent) < MIN_RATED:
            continue
        by_key: dict[Signature, list] = {}
        for child in parent:
            # without links, only named boxes may group (see `_unlinked`)
            if isinstance(child.tag, str) and text.get(child, 0) and (
                    linked or len(child) and (child.get("class") or "-" in child.tag)):
                by_key.setdefault(signature(child), []).append(child)
        for key, members in by_key.items():
            if len(members) >= 2 and sum(text[m] for m in members) >= min_text:
                group = _unlinked(parent, key, members, stats)
                if group is not None or linked:
                    groups.append(group or Group(parent, key, members))
    return groups


def _unlinked(parent: etree._Element, key: Signature, members: list, stats: Stats) -> Group | None:
    """The members as a group of reviews or comments that link nothing (most of them hold no
    link: an emoji's or a mention's link in one is no user's), if they are such."""
    if len(members) < MIN_RATED or not named(key):
        return None
    if 2 * sum(stats.links.get(m, 0) > 0 for m in members) >= len(members):
        return None
    if all(map(rated, members)):  # reviews, each giving a rating
        return Group(parent, key, members, unlinked=True, rated=True)
    # comments that name their users in plain text: each with a time and a control acting on it
    return Group(parent, key, members, unlinked=True) if all(map(answerable, members)) else None


MIN_RATED = 3  # reviews or comments that link nothing make a group only this many at least


@dataclass
class Replies:
    """Posts nested in other posts of a thread, and for each element inside a post the text
    outside links and the punctuation of the replies nested in it below that post: what is
    left is the post's own text."""

    posts: set
    text: dict
    punct: dict


def nested_replies(posts: list, stats: Stats) -> Replies | None:
    """The replies among `posts` (those inside another of them), or None if there are none;
    each reply is counted up to the post it answers."""
    found = set(posts)
    replies = Replies(set(), {}, {})
    for reply in posts:
        chain = []
        for anc in reply.iterancestors():
            chain.append(anc)
            if anc in found:
                break
        else:
            continue  # an outermost post answers none
        replies.posts.add(reply)
        n, marks = _own_text(reply, stats), stats.punct.get(reply, 0)
        for anc in chain:
            replies.text[anc] = replies.text.get(anc, 0) + n
            replies.punct[anc] = replies.punct.get(anc, 0) + marks
    return replies if replies.posts else None


def _own_text(el: etree._Element, stats: Stats, replies: Replies | None = None) -> int:
    """Characters of the element's text outside links, less those of the replies nested in it."""
    n = stats.text.get(el, 0) - stats.links.get(el, 0)
    return n - replies.text.get(el, 0) if replies else n


def _weight(el: etree._Element, stats: Stats, replies: Replies | None = None) -> float:
    """Text outside links, short unpunctuated pieces (dates, counts, labels: chrome) at a
    quarter of their length."""
    n = _own_text(el, stats, replies)
    punct = stats.punct.get(el, 0) - (replies.punct.get(el, 0) if replies else 0)
    return n if punct > 0 or n >= 40 else n / 4


def _core(member: etree._Element, stats: Stats, replies: Replies | None = None) -> Path:
    """Where the member's text lies: from the member down, into the child holding most of
    the weighted text (see `_weight`), as deep as that goes; at paragraphs that share it,
    their container (or the paragraphs, when they sit right in the member). Replies nested
    in it are not its text."""
    path: Path = ()
    el = member
    skip = replies.posts if replies else ()
    while len(path) < MAX_BODY_DEPTH:
        sums: dict[Signature, tuple[float, list]] = {}
        for child in el:
            if isinstance(child.tag, str) and child not in skip and _own_text(child, stats, replies) > 0:
                total, kids = sums.get(sig := signature(child), (0.0, []))
                sums[sig] = (total + _weight(child, stats, replies), [*kids, child])
        while sums:  # the heaviest child, unless it lists replies to the post (their text is theirs)
            sig, (n, kids) = max(sums.items(), key=lambda kv: kv[1][0])
            if len(kids) > 1 or not reply_items(kids[0]):
                break
            del sums[sig]
        if not sums:
            break
        loose = (_own_text(el, stats, replies)
                 - sum(_own_text(k, stats, replies) for _, ks in sums.values() for k in ks))
        if n < CORE_SHARE * (sum(w for w, _ in sums.values()) + max(loose, 0) / 4):
            break
        heavy = kids[0] if len(kids) == 1 else _dominant(kids, n, stats, replies)
        if heavy is None or heavy.tag == "pre" and path:
            # paragraphs (or a code block longer than the sentences around it): their container
            # is the body, or they are, right in the post
            path = path or (sig,)
            break
        path = (*path, sig)
        el = heavy
    return path


MAX_LIST_WRAPPERS = 3  # single-child wrappers around a list of replies, looked through


def reply_items(el: etree._Element) -> list:
    """The items of the list of replies the element is (or wraps, alone): two or more named
    boxes of one structure, each with a time and a control acting on it (see `answerable`),
    as a comment's list of the replies to it is; none if it is no such list."""
    kids = [c for c in el if isinstance(c.tag, str)]
    for _ in range(MAX_LIST_WRAPPERS):
        if len(kids) != 1:
            break
        kids = [c for c in kids[0] if isinstance(c.tag, str)]
    if len(kids) < 2:
        return []
    keys: dict[Signature, int] = {}
    for kid in kids:
        key = signature(kid)
        if named(key) and len(kid):
            keys[key] = keys.get(key, 0) + 1
    key = max(keys, key=keys.__getitem__, default=None)
    if key is None or keys[key] < 2:
        return []
    items = [k for k in kids if signature(k) == key]
    return items if count_reaches(map(answerable, items), 2) else []


def _dominant(kids: list, weight: float, stats: Stats, replies: Replies | None) -> etree._Element | None:
    """Of children sharing a first class name but not their class lists (the cells of a
    layout: `cell cell--user`, `cell cell--main`), or of a table's rows (a post's message row,
    its signature row, its buttons' row), the one holding most of their text; None for
    paragraphs, which share their class lists (or hold the text together)."""
    if kids[0].tag in PARAGRAPHS:
        return None
    weights = [_weight(k, stats, replies) for k in kids]
    best = max(range(len(kids)), key=weights.__getitem__)
    if weights[best] < CORE_SHARE * weight:
        return None
    if kids[0].tag != "tr" and len({k.get("class") for k in kids}) == 1 and not _boxed(kids[best], stats):
        return None
    return kids[best]


def _boxed(el: etree._Element, stats: Stats) -> bool:
    """Whether the element's text lies in boxes of its own rather than loose in it: a post's
    two `inbox` wrappers (the message with the user's card, then the foot) are boxes; two
    <div> paragraphs are not."""
    loose = stats.text.get(el, 0) - sum(stats.text.get(c, 0) for c in el if isinstance(c.tag, str))
    return loose * 2 < stats.text.get(el, 0) and any(c.tag in BOXES and stats.text.get(c, 0) for c in el)


def body_path(members: list, stats: Stats, replies: Replies | None = None) -> Path | None:
    """The relative path under which the members' text lies: the core path (see `_core`) of
    most of their text, present in at least half of the members. A member whose text is
    spread over its children does not vote; replies nested in a member are not its text.
    When at least two members say something, those without prose of their own (an issue
    tracker's "added a label" events between its comments, a deleted post's stub) neither
    vote nor count; the path is then one that at least two members hold."""
    saying = [m for m in members if _prosy(m, stats, replies)]
    least = 2 if 2 <= len(saying) < len(members) else 1
    members = saying if least == 2 else members
    votes: dict[Path, int] = {}
    for member in members:
        if path := _core(member, stats, replies):  # the member itself is no body
            votes[path] = votes.get(path, 0) + max(_own_text(member, stats, replies), 1)
    # A path found in few posts (a long signature under some of them) counts for those only:
    # the best path has most votes times members holding it (in at least half of them; the
    # first voted wins a tie). Paths are tried by votes, until none could reach the best.
    best, best_score, best_rank, n = None, -1, 0, len(members)
    for rank, path in sorted(enumerate(votes), key=lambda rp: -votes[rp[1]]):
        if votes[path] * n < best_score:
            break
        present = sum(bool(at_path(m, path)) for m in members)
        score = votes[path] * present
        if present * 2 >= n and present >= least and (score > best_score or score == best_score and rank < best_rank):
            best, best_score, best_rank = path, score, rank
    return best or _loose_path(members, votes, least, replies)


def _loose_path(members: list, votes: dict, least: int, replies: Replies | None) -> Path | None:
    """The most voted path that enough members hold loosely (see `loosely_at`), when none
    holds strictly: posts built alike but for an unnamed wrapper some of them lack."""
    others = set(replies.posts) if replies else set()
    for path in sorted(votes, key=lambda p: -votes[p]):
        present = sum(bool(at_path(m, path) or loosely_at(m, path, others)) for m in members)
        if present * 2 >= len(members) and present >= max(least, 2):
            return path
    return None


def _prosy(member: etree._Element, stats: Stats, replies: Replies | None) -> bool:
    """Whether the member says something: text outside links that is prose, not a label."""
    punct = stats.punct.get(member, 0) - (replies.punct.get(member, 0) if replies else 0)
    return prose_like(_own_text(member, stats, replies), punct)


def at_path(member: etree._Element, path: Path) -> list:
    """The member's elements at `path`, in document order."""
    level = [member]
    for sig in path:
        level = [c for el in level for c in el if isinstance(c.tag, str) and signature(c) == sig]
    return level


def beneath(top: etree._Element, steps: Path, others: set) -> list:
    """The elements at `steps` below `top` where wrappers stand between the steps (a body
    set in a media or lazy-loading element of its own): at each step the outermost
    descendants of that signature, none inside another post."""
    level = [top]
    for sig in steps:
        nxt = []
        for el in level:
            taken: set = set()
            for d in el.iterdescendants(sig[0]):
                if signature(d) == sig and not any(a in taken or a in others for a in up_to(d, el)):
                    taken.add(d)
                    nxt.append(d)
        level = nxt
    return level


def loosely_at(member: etree._Element, path: Path, others: set | frozenset = frozenset()) -> list:
    """The member's elements at the path's named steps, with unnamed wrappers of the path
    missing or others standing between them (one answer's body lacks a wrapper span the
    others have): see `beneath`. None where the path has no named step but its last."""
    steps = [sig for sig in path[:-1] if sig[1]]
    return beneath(member, (*steps, path[-1]), others) if steps and len(steps) < len(path) - 1 else []


MIN_SIGNED_ROWS = 3  # rows of one structure that make a list of comments signed in plain text
MAX_ROW_CHROME = 30  # characters of a row's tag, name or time
MAX_SIGNED_ROW = 300  # characters of such a row: a short comment, not a paragraph
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")  # a time of day: a comment's, not an event's date


def signed_rows_chrome(el: etree._Element) -> list:
    """The chrome of comments written as rows of plain parts under `el` (a BBS's 推/噓 lines:
    a tag, the user's id, the text, the address and time): of each row of one named
    structure, made of three or more leaf parts, one of them a time of day, every part but the
    one that says most besides the time, each short. Only when three rows or more read so."""
    if len(el) < MIN_SIGNED_ROWS:
        return []
    rows: dict[Signature, list] = {}
    for child in el:
        if isinstance(child.tag, str) and named(key := signature(child)):
            rows.setdefault(key, []).append(child)
    found = []
    for members in rows.values():
        parts = [p for row in members if (p := _row_parts(row)) is not None]
        if len(parts) >= MIN_SIGNED_ROWS and 3 * len(parts) >= 2 * len(members):
            found += [part for chrome_parts in parts for part in chrome_parts]
    return found


def _row_parts(row: etree._Element) -> list | None:
    """A signed row's chrome parts (see `signed_rows_chrome`), or None if it is no such row."""
    leaves = [c for c in row if isinstance(c.tag, str)]
    if len(leaves) < 3 or any(len(leaf) for leaf in leaves):
        return None
    texts = [text_of(leaf).strip() for leaf in leaves]
    timed = [i for i, t in enumerate(texts) if len(t) <= MAX_ROW_CHROME and _CLOCK.search(t)]
    said = [i for i in range(len(texts)) if i not in timed]
    if not timed or not said or sum(map(len, texts)) > MAX_SIGNED_ROW:
        return None
    body = max(said, key=lambda i: len(texts[i]))
    if any(len(t) > MAX_ROW_CHROME for i, t in enumerate(texts) if i != body):
        return None
    return [leaf for i, leaf in enumerate(leaves) if i != body]


PARAGRAPH_WORTH = 200


def holds_prose(bodies: dict, stats: Stats) -> bool:
    """Three posts with text (two in a thread of two), and sentences: punctuated text in two
    posts, or a paragraph's worth in one (replies of a few words carry no punctuation)."""
    texts = [sum(stats.text.get(b, 0) - stats.links.get(b, 0) for b in found) for found in bodies.values()]
    with_text = sum(n >= 2 for n in texts)
    sentences = sum(any(stats.plain.get(b, 0) > 0 or stats.punct.get(b, 0) and n >= 10 for b in found)
                    for found, n in zip(bodies.values(), texts, strict=True))
    return (with_text >= min(3, len(texts)) and with_text >= 2
            and (sentences >= 2 or max(texts, default=0) >= PARAGRAPH_WORTH))


def count_reaches(flags, needed: int) -> bool:
    """Whether at least `needed` of the flags are true (stops as soon as it knows)."""
    count = 0
    for flag in flags:
        count += bool(flag)
        if count >= needed:
            return True
    return False
