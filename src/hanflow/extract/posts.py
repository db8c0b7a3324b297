"""Threads: the posts of a forum thread, the answers of a Q&A page, the comments or reviews
of a page, found as a group of same-structure siblings whose prose lies under one body path
and that carry per-post chrome (an author link, a time).

Replies nested inside a post (same structure, deeper: comment trees) are posts too, in
document order; a post's body is found in its own text, what is left once the replies nested
in it are set aside, so each post is kept once. A group of replies nested in a post of its
own structure is judged with the tree's top-level posts (a tree may have a single one).
Replies of another structure than the post they answer (a reply list in a comment's footer)
are posts too, at a body path of their own (see `_unlike_replies`). The
question that is not built like its answers is read by `lead`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from hanflow.extract import chrome
from hanflow.extract.block import BOXES, HEADINGS, PARAGRAPHS, Stats
from hanflow.extract.dates import MONTH_DAY
from hanflow.extract.lines import normalized
from hanflow.extract.listing import headline, headline_like, repeats_title
from hanflow.extract.ratings import rated, rating_marks
from hanflow.extract.repeats import Group, Path, Signature, at_path, body_path, named, nested_replies, signature
from hanflow.extract.tree import drop, text_of

# A time or a date as a post's chrome shows it: 12:30, 2024-05-01, 3 天前, 5 hours ago, #3, 2楼.
_WHEN = re.compile(
    r"\d{1,2}:\d{2}|(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*[-/月]\s*\d{1,2}\s*日?|"
    r"\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|昨天|前天|刚刚|"
    r"\b\d+\s*(?:s|m|h|d|w|mo|y|sec|min|minute|hr\.?|hour|day|week|month|year)s?\s+ago\b|\byesterday\b|"
    r"^#\d+$|^\d+\s*楼$|^\d{1,2}\s*(?:m|h|d|w|mo|y)$|" + MONTH_DAY, re.I)


MAX_CANDIDATES = 8
PARAGRAPH_WORTH = 200
UNNAMED_DOMINANCE = 0.8
_TITLE_CLASS = re.compile(r"title|subject|headline|heading", re.I)


@dataclass
class Thread:
    group: Group
    path: Path
    posts: list = field(default_factory=list)
    bodies: dict = field(default_factory=dict)  # post -> its body elements
    prose: int = 0  # text outside links in all bodies
    largest: int = 0  # the same in the largest post
    signed: bool = False  # every post carries both an author link and a time


MIN_POSTS = 3  # a thread the page does not declare needs this many posts (2 if all are signed)


def enough_posts(thread: Thread) -> bool:
    """Enough posts to be a thread the page does not declare."""
    return len(thread.posts) >= (2 if thread.signed else MIN_POSTS)


def find_thread(groups: list[Group], stats: Stats, skip: list[Group], title: str | None = None,
                ) -> Thread | None:
    """The group of posts holding the most prose, if any group looks like posts."""
    key = normalized(title) if title else ""
    candidates = _candidates(groups, stats, skip)
    threads = [t for g in candidates if (t := _thread(g, stats, key))]
    best = max(threads, key=lambda t: t.prose, default=None)
    while best is not None and not enough_posts(best) and (inner := _inner_threads(best, threads)):
        best = max(inner, key=lambda t: t.prose)
    return best


def _inner_threads(outer: Thread, threads: list[Thread]) -> list[Thread]:
    """The threads with enough posts inside a post of `outer`, which has too few to be one
    (the page's boxes, the topic's and the replies', read as two posts)."""
    posts = set(outer.posts)
    return [t for t in threads if t is not outer and enough_posts(t)
            and any(a in posts for a in (t.group.parent, *t.group.parent.iterancestors()))]


def _candidates(groups: list[Group], stats: Stats, skip: list[Group]) -> list[Group]:
    """Groups big enough to be a page's thread (a tenth of its text), largest first, at most
    `MAX_CANDIDATES`; most members need children (to tell a body from chrome) and a link
    (posts name their authors), unless they each give a rating (reviews that link nobody).
    Groups in `skip` are none."""
    page = max((stats.text.get(g.parent, 0) for g in groups), default=0)
    skipped = {id(g) for g in skip}
    groups = _lifted([g for g in groups if id(g) not in skipped], stats)
    sized = [(sum(stats.text.get(m, 0) for m in g.members), g) for g in groups
             if g.unlinked or sum(len(m) > 0 and stats.links.get(m, 0) > 0 for m in g.members) * 2 >= len(g.members)]
    sized = [(n, g) for n, g in sized if n * 10 >= page]
    sized.sort(key=lambda ng: -ng[0])
    return [g for _, g in sized[:MAX_CANDIDATES]]


def _lifted(groups: list[Group], stats: Stats) -> list[Group]:
    """The groups, each group of replies nested in a post of the same structure replaced by
    the outermost such post and its same-structure siblings (a comment tree with a single
    top-level comment has no sibling group at its top); duplicates once."""
    out: dict[tuple, Group] = {}
    for group in groups:
        top = _outermost_post(group)
        if top is not None:
            parent = top.getparent()
            members = [c for c in parent if isinstance(c.tag, str) and stats.text.get(c, 0)
                       and signature(c) == group.key]
            group = Group(parent, group.key, members)
        out.setdefault((group.parent, group.key), group)
    return list(out.values())


def _outermost_post(group: Group) -> etree._Element | None:
    """The outermost element around a named group (see `_with_replies`) that has the
    members' structure, inside and out: the top of the comment tree the group's replies belong
    to. A layout wrapper that shares the members' first class (a utility class such as "flex")
    holds other parts than a post does, and is not taken for one."""
    if not named(group.key):
        return None
    tag = group.key[0]
    shapes = [_shape(m, through=True) for m in group.members]
    top = None
    for anc in (group.parent, *group.parent.iterancestors(tag)):
        if anc.tag == tag and signature(anc) == group.key and _alike(_shape(anc, through=True), shapes):
            top = anc
    return top if top is not None and top.getparent() is not None else None


def _shape(el: etree._Element, through: bool = False) -> set[tuple[str, str]]:
    """The structures of an element's children; `through` a wrapper around a single box, the
    box's (a review's wrapper around the review, both "a-section")."""
    kids = [child for child in el if isinstance(child.tag, str)]
    while through and len(kids) == 1 and len(kids[0]):
        kids = [child for child in kids[0] if isinstance(child.tag, str)]
    return {signature(child) for child in kids}


def _alike(shape: set, shapes: list[set], key: Signature | None = None) -> bool:
    """Whether children of these structures make a post like one of the members: at least
    half the structures in common; with `key`, the members' own (a wrapper around a post, or
    its list of replies) not counted, and one at least in common."""
    if key is None:
        return any(2 * len(shape & other) >= len(shape | other) for other in shapes)
    shape = shape - {key}
    return any(2 * len(common) >= len(shape | other)
               for other in shapes if (common := shape & (other - {key})))



def _thread(group: Group, stats: Stats, title_key: str = "") -> Thread | None:
    """The group as a thread, or None. Replies nested in a post are not its text: each is a
    post of its own, also when built unlike the posts (see `_unlike_replies`); the group is
    read without those when it reads as no thread with them."""
    unlike = _unlike_replies(group, stats)
    found = _as_thread(group, stats, title_key, unlike) if unlike[0] else None
    return found or _as_thread(group, stats, title_key)


def _as_thread(group: Group, stats: Stats, title_key: str, unlike: tuple[set, Path] = (set(), ())
               ) -> Thread | None:
    """The group as a thread with the given unlike replies and their body path; cheap tests
    first. A post's chrome lies outside its body and its replies."""
    posts, (others, other_path) = _with_replies(group), unlike
    if others:
        order = {el: i for i, el in enumerate(group.parent.iter())}
        posts = sorted({*posts, *others}, key=order.__getitem__)
    replies = nested_replies(posts, stats) if len(posts) > len(group.members) else None
    path = body_path(group.members, stats, replies)
    if not path or any(tag == "a" for tag, _ in path):
        return None
    posts = _in_order(posts, _stragglers(group, path, stats))
    found = _innermost({post: at_path(post, other_path) if post in others else at_path(post, path)
                        or _at_suffix(post, path, posts) for post in posts})
    inside = {b for bodies in found.values() for b in bodies}
    bodies = {p: found[p] for p in found if not any(a in inside for a in p.iterancestors())}
    if not _holds_prose(bodies, stats) or others and _nested(inside):
        return None  # replies read apart from their posts, one body inside another: misread
    members = group.members
    chrome = (post_chrome(m, [*bodies[m], *others]) or _acted_on(m, bodies[m]) for m in members)
    if not group.unlinked and not _count_reaches(chrome, (len(members) + 1) // 2):
        return None  # reviews or comments that link nobody may show no chrome outside their text
    reviews = group.rated or _count_reaches(map(rated, members), len(members) // 2 + 1)
    if not reviews and not _signed_replies(replies, bodies) and _listed(members, bodies, stats, title_key):
        return None
    path, bodies = _widened(path, bodies, others)
    thread = Thread(group, path, bodies=bodies)
    thread.bodies = _finished(thread, stats, {*posts, *others} - set(members), title_key if reviews else None)
    thread.posts = list(thread.bodies)
    sizes = [sum(stats.text.get(b, 0) - stats.links.get(b, 0) for b in found) for found in bodies.values()]
    thread.prose, thread.largest = sum(sizes), max(sizes)
    if not named(group.key) and thread.largest >= UNNAMED_DOMINANCE * thread.prose:
        return None  # unnamed boxes, one of them holding the page: a layout, not a thread
    thread.signed = len(members) < 3 and all(post_chrome(m, bodies[m]) == 2 for m in members)
    return thread


def _finished(thread: Thread, stats: Stats, nested: set, review_key: str | None) -> dict:
    """The thread's bodies, each led by the quotation set before it and followed by a reply
    set beside it (see `_with_quoted`, `_answered_beside`); for reviews (`review_key`: the
    page's title key), led by the review's own title."""
    bodies = {post: _with_quoted(post, found, thread.path) for post, found in thread.bodies.items()}
    bodies = {post: [*found, *_answered_beside(post, found, stats, nested)] for post, found in bodies.items()}
    return bodies if review_key is None else _with_titles(bodies, review_key)


MAX_REVIEW_TITLE = 150  # characters of a review's title


def _with_titles(bodies: dict, title_key: str) -> dict:
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


def _innermost(found: dict) -> dict:
    """Each body to the innermost post that holds it: a post that holds other posts (the table
    of a board's posts, grouped with another table of the page) does not claim their bodies."""
    owner: dict = {}
    for post, bodies in found.items():
        for body in bodies:
            if body not in owner or owner[body] in post.iterancestors():
                owner[body] = post
    return {post: [b for b in bodies if owner[b] is post] for post, bodies in found.items()}


def _nested(elements: set) -> bool:
    """Whether one of the elements lies inside another."""
    return any(a in elements for el in elements for a in el.iterancestors())


def _unlike_replies(group: Group, stats: Stats) -> tuple[set, Path]:
    """Replies built unlike the posts they answer (a comment's list of replies of another
    structure), and their body path. In a post, a reply is the smallest named element (or custom
    element) around a later author link that also holds a time, leaves the post's own (first)
    author link and time outside, and is not built like the header around that link; its
    structure recurs in the group, and the replies read like posts: text at a body path of
    their own, their author link and time outside it."""
    if not named(group.key):  # bare boxes are a layout's, not posts with replies
        return set(), ()
    found: dict[Signature, dict] = {}
    others: set[Signature] = set()  # structures of which a box names another author
    for member in group.members:
        for reply, other in _reply_boxes(member, stats):
            found.setdefault(signature(reply), {})[reply] = None
            if other:
                others.add(signature(reply))
    best: tuple[set, Path] = (set(), ())
    for sig, boxes in ((sig, list(b)) for sig, b in found.items() if sig in others):
        if len(boxes) < 2 or sig == group.key or len(boxes) <= len(best[0]):
            continue
        path = body_path(boxes, stats)
        bodies = {box: at_path(box, path) for box in boxes} if path else {}
        if (bodies and _holds_prose(bodies, stats)
                and _count_reaches((post_chrome(b, bodies[b]) == 2 for b in boxes), len(boxes) // 2 + 1)):
            best = (set(boxes), path)
    return best


def _reply_boxes(member: etree._Element, stats: Stats) -> list[tuple[etree._Element, bool]]:
    """Candidate replies in a post (see `_unlike_replies`), each with whether its author (the
    first name it links) is another than the post's: a byline repeated in the post's body names
    its own; a reply may name the post's author after its own, as whom it answers."""
    links = member.iter("a")
    author_link = next((a for a in links if _name_like(a)), None)
    if author_link is None:
        return []
    own = set(author_link.iterancestors())  # a box holds neither the post's author link nor its time
    # A box built like the element around the post's own author link is a reply's header (its
    # name and time), not the reply: the reply is a box further out.
    headers = {signature(anc) for anc in _up_to(author_link, member)}
    timed: tuple[set, etree._Element | None] | None = None  # what holds a time; on the first need
    above: dict = {}  # an ancestor passed on the way up -> the first box-like one above it, or None
    boxes: dict = {}
    for link in links:  # the links after the author's; each ancestor is walked through once
        passed, found = [], None
        for anc in link.iterancestors():
            if anc is member or anc in own:
                break
            if anc in above:
                found = above[anc]
                break
            if stats.text.get(anc, 0) > stats.links.get(anc, 0) and named(key := signature(anc)) \
                    and key not in headers:
                timed = _timed(member) if timed is None else timed
                if anc in timed[0]:
                    found = anc
                    break
            passed.append(anc)
        above.update(dict.fromkeys(passed, found))
        if found is not None and found not in boxes and _name_like(link):
            boxes[found] = None
    if not boxes or timed is None:
        return []
    first = timed[1]  # the post's own time: a box never holds it
    post_time = {first, *first.iterancestors()} if first is not None else set()
    author = _author_key(author_link)
    return [(box, _author_key(next(a for a in box.iter("a") if _name_like(a))) != author)
            for box in boxes if box not in post_time]


def _timed(post: etree._Element) -> tuple[set, etree._Element | None]:
    """The elements of a post that hold a time of its chrome (see `_when_at`), and the first
    element that shows one, in one walk."""
    found: set = set()
    first = None
    for el in post.iter():
        if _when_at(el, post):
            first = el if first is None else first
            holder = el.getparent() if el.tag != "time" and not _short_when(el.text) else el
            for anc in (holder, *holder.iterancestors()) if holder is not None else ():
                if anc in found or anc is post:
                    break
                found.add(anc)
    return found, first


def _when_at(el: etree._Element, post: etree._Element) -> bool:
    """Whether `el` shows a time of the post's chrome (as `post_chrome` reads it)."""
    return el.tag == "time" or _short_when(el.text) or el is not post and _short_when(el.tail)


def _author_key(link: etree._Element) -> str:
    return link.get("href") or text_of(link).strip()


def _at_suffix(post: etree._Element, path: Path, posts: list) -> list:
    """A post's body where its outer wrappers differ from the other posts' (an opening post or
    an accepted answer set in a box of its own, a reply indented by another wrapper): inside
    it, not inside a reply nested in it, the elements at the path from its last two named
    steps on (a bare div > p is anyone's)."""
    named = [i for i in range(1, len(path)) if path[i][1] and path[i - 1][1]]
    if not named:
        return []
    suffix = path[named[-1] - 1 :]
    others = set(posts) - {post}
    tops = [top for top in post.iter(suffix[0][0]) if top is not post and signature(top) == suffix[0]
            and not any(a in others for a in _up_to(top, post))]
    found = [el for top in tops for el in at_path(top, suffix[1:])]
    return found or [el for top in tops for el in _beneath(top, suffix[1:], others)]


def _beneath(top: etree._Element, steps: Path, others: set) -> list:
    """The elements at `steps` below `top` where wrappers stand between the steps (a body
    set in a media or lazy-loading element of its own): at each step the outermost
    descendants of that signature, none inside another post."""
    level = [top]
    for sig in steps:
        nxt = []
        for el in level:
            taken: set = set()
            for d in el.iterdescendants(sig[0]):
                if signature(d) == sig and not any(a in taken or a in others for a in _up_to(d, el)):
                    taken.add(d)
                    nxt.append(d)
        level = nxt
    return level


def _up_to(el: etree._Element, top: etree._Element) -> list:
    """The ancestors of `el` below `top`."""
    out = []
    for anc in el.iterancestors():
        if anc is top:
            break
        out.append(anc)
    return out


def _widened(path: Path, bodies: dict, unlike: set) -> tuple[Path, dict]:
    """A body path that ends at paragraphs, widened to their container when no post's container
    holds its chrome: a post's lists, code and quotes between its paragraphs are its text.
    The bodies of `unlike` replies lie at a path of their own and stay as they are."""
    if len(path) < 2 or path[-1][0] not in PARAGRAPHS:
        return path, bodies
    posts = list(bodies)
    wide = {post: bodies[post] if post in unlike else at_path(post, path[:-1]) or _at_suffix(post, path[:-1], posts)
            for post in posts}
    if any(post_chrome(post, wide[post]) != post_chrome(post, found) for post, found in bodies.items()):
        return path, bodies
    return path[:-1], wide


MIN_ANSWER = 40  # characters of plain prose in a reply set beside a post's text


def _answered_beside(post: etree._Element, bodies: list, stats: Stats, nested: set) -> list:
    """Paragraphs of prose (a <p>, or a <div> holding no boxes) outside a post's bodies in a
    box that shows a time of its own, not the post's: a business's reply set beside a review
    ("Reply from X", its date, its text). A signature, which shows no time, is none; neither
    is a reply nested as a post."""
    inside = {el for body in bodies for el in (*body.iter(), *body.iterancestors())}
    found = []
    for paragraph in post.iter("p", "div"):
        if paragraph in inside or stats.plain.get(paragraph, 0) < MIN_ANSWER:
            continue
        if paragraph.tag == "div" and any(child.tag in BOXES or child.tag in PARAGRAPHS for child in paragraph):
            continue  # a box of boxes; its paragraphs are tried on their own
        if any(a in nested for a in paragraph.iterancestors()):
            continue
        if _timed_box(paragraph, post, inside):
            found.append(paragraph)
    return found


REPLY_BOX_DEPTH = 3  # levels above a reply's paragraph its box (with the reply's time) stands at most


def _timed_box(paragraph: etree._Element, post: etree._Element, inside: set) -> bool:
    """Whether a box around the paragraph, below the post and holding none of its bodies,
    shows a time outside the paragraph (a reply's date beside its text)."""
    own = set(paragraph.iter())
    box = paragraph.getparent()
    for _ in range(REPLY_BOX_DEPTH):
        if box is None or box is post or box in inside:
            return False
        if any(el.tag == "time" or _short_when(el.text) for el in box.iter(etree.Element) if el not in own):
            return True
        box = box.getparent()
    return False


def _with_quoted(post: etree._Element, bodies: list, path: Path) -> list:
    """A post's bodies, each led by the quotation set just before it in the same wrapper, or
    before the wrapper when the body opens it (the quote box beside a post's text box): a box
    holding an element built like a body (the quoted post, shown as the boards show posts),
    which the body path passes by. Only where the body is named (a class of its own), so that
    the likeness is evidence."""
    if not path or not path[-1][1]:
        return bodies
    out: list = []
    for body in bodies:
        quotes: list = []
        el = body
        while el is not post and el is not None:  # the body, then each wrapper that it opens
            found, opens = _quotes_before(el, path[-1], out)
            quotes = found + quotes
            el = el.getparent() if opens else None
        out += [*quotes, body]
    return out


def _quotes_before(el: etree._Element, body: Signature, taken: list) -> tuple[list, bool]:
    """The quotation boxes among the siblings just before `el` (a box holding an element built
    like a body, a `<blockquote>`, or a box its class names a quote), in document order, and
    whether nothing else comes before them (`el` opens its wrapper)."""
    quotes = []
    for sib in el.itersiblings(preceding=True):
        if not isinstance(sib.tag, str) or sib in taken or at_path(sib, (body,)):
            return quotes[::-1], False
        if _QUOTE_BOX.search(sib.get("class") or "") or sib.tag == "blockquote" \
                or any(signature(d) == body for d in sib.iterdescendants(body[0])):
            quotes.append(sib)
    return quotes[::-1], True


_QUOTE_BOX = re.compile(r"quot", re.I)  # quote, quotebox, bbcode_quote, quotation


def _stragglers(group: Group, path: Path, stats: Stats) -> list:
    """Siblings of the members built like them under another first class name (a state such as
    `highlight`, `is-op` or `unread` added to one post): same tag, text at the body path, and
    an author link or a time outside it."""
    tag, key = group.key[0], group.key
    out = []
    for sib in group.parent:
        if sib.tag != tag or signature(sib) == key or not stats.text.get(sib, 0):
            continue
        bodies = at_path(sib, path)
        if any(stats.text.get(b, 0) > stats.links.get(b, 0) for b in bodies) and post_chrome(sib, bodies):
            out.append(sib)
    return out


def _in_order(posts: list, stragglers: list) -> list:
    """The posts and the stragglers (siblings of the top-level posts) in document order."""
    if not stragglers:
        return posts
    order = {el: i for i, el in enumerate(stragglers[0].getparent())}
    tops: list[list] = []
    for post in posts:  # a top-level post, then the replies nested in it
        if post in order:
            tops.append([post])
        else:
            tops[-1].append(post)
    tops += [[s] for s in stragglers]
    tops.sort(key=lambda run: order[run[0]])
    return [post for run in tops for post in run]


def _holds_prose(bodies: dict, stats: Stats) -> bool:
    """Three posts with text (two in a thread of two), and sentences: punctuated text in two
    posts, or a paragraph's worth in one (replies of a few words carry no punctuation)."""
    texts = [sum(stats.text.get(b, 0) - stats.links.get(b, 0) for b in found) for found in bodies.values()]
    with_text = sum(n >= 2 for n in texts)
    sentences = sum(any(stats.plain.get(b, 0) > 0 or stats.punct.get(b, 0) and n >= 10 for b in found)
                    for found, n in zip(bodies.values(), texts, strict=True))
    return (with_text >= min(3, len(texts)) and with_text >= 2
            and (sentences >= 2 or max(texts, default=0) >= PARAGRAPH_WORTH))


def _listed(members: list, bodies: dict, stats: Stats, title_key: str) -> bool:
    """Whether half the members are built like items of a list rather than posts (titled,
    headed or with bodies apart; see below). (Members that each give a rating are reviews,
    whatever their titles: the caller asks only of others.)"""
    titles = [_titled(m, bodies[m], title_key) for m in members]
    distinct = {t for t in titles if t and titles.count(t) == 1}
    items = (t in distinct or _item(m, bodies[m], stats, title_key) for m, t in zip(members, titles, strict=True))
    return _count_reaches(items, (len(members) + 1) // 2)


def _signed_replies(replies, bodies: dict) -> bool:
    """Replies nested in the members, most of them with an author's link and a time outside
    their bodies: a comment tree, whose subject lines are no titles of an index's entries
    (cards nested in a feed carry no time of their own)."""
    if replies is None or not replies.posts:
        return False
    signed = [post_chrome(reply, bodies.get(reply, [])) == 2 for reply in replies.posts]
    return 2 * sum(signed) > len(signed)


def _count_reaches(flags, needed: int) -> bool:
    """Whether at least `needed` of the flags are true (stops as soon as it knows)."""
    count = 0
    for flag in flags:
        count += bool(flag)
        if count >= needed:
            return True
    return False


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
            if (worded and not _WHEN.search(raw) and text
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


def _with_replies(group: Group) -> list:
    """The members and, in document order, the same-structure posts nested in them (only for
    named structures: a bare <div> or <li> inside a post is not a reply). A nested element
    of the members' first class built unlike every member (a utility class such as
    "a-section" on a review's wrapper, its vote bar, its image strip) is no reply."""
    if not named(group.key):
        return list(group.members)
    tag, shapes = group.key[0], [_shape(m) for m in group.members]
    return [el for member in group.members for el in member.iter(tag)
            if el is member or signature(el) == group.key and _alike(_shape(el), shapes, group.key)]


def post_chrome(post: etree._Element, bodies: list) -> int:
    """How much of a post's chrome lies outside its body: an author link (a name, not a
    button or a section heading; a heading that shows a time is the post's header, its name
    link the author's) and a time (a <time>, or a time or date written): 0, 1, 2."""
    inside = set(bodies)
    name = when = False
    stack = [(post, False)]
    while stack and not (name and when):
        el, in_heading = stack.pop()
        if el in inside:
            continue
        when = when or _when_at(el, post)
        name = name or (el.tag == "a" and not in_heading and _name_like(el))
        if not in_heading and el.tag in HEADINGS:
            in_heading = not any(_when_at(d, post) for d in el.iter(etree.Element))
        stack.extend((child, in_heading) for child in el if isinstance(child.tag, str))
    return name + when


def _acted_on(post: etree._Element, bodies: list) -> bool:
    """Whether the post carries, outside its body, a button that acts on it (`chrome.is_action`):
    the chrome of reviews that show neither a linked name nor a time outside their text."""
    inside = set(bodies)
    for el in post.iter("a", "button"):
        if chrome.is_action(text_of(el)) and not any(a in inside for a in el.iterancestors()):
            return True
    return False


def _short_when(text: str | None) -> bool:
    return bool(text) and len(text := text.strip()) < 40 and _WHEN.search(text) is not None


def _name_like(link: etree._Element) -> bool:
    text = text_of(link).strip()
    return bool(text) and len(text) <= 40 and not chrome.is_chrome(text)
