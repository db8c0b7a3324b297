"""Threads: the posts of a forum thread, the answers of a Q&A page, the comments or reviews
of a page, found as a group of same-structure siblings whose prose lies under one body path
and that carry per-post chrome (an author link, a time).

Replies nested inside a post (same structure, deeper: comment trees) are posts too, in
document order; a post's body is found in its own text, what is left once the replies nested
in it are set aside, so each post is kept once. A group of replies nested in a post of its
own structure is judged with the tree's top-level posts (a tree may have a single one).
Replies of another structure than the post they answer (a reply list in a comment's footer)
are posts too, at a body path of their own (see `replies`). What counts as a post's chrome
is `chrome`'s; what makes a group a list's items rather than posts, and a review's title,
`titles`'. The question that is not built like its answers is read by `lead`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from hanflow.extract import chrome
from hanflow.extract.block import BOXES, HEADINGS, PARAGRAPHS, Stats
from hanflow.extract.lines import normalized
from hanflow.extract.ratings import rated
from hanflow.extract.repeats import (
    Group,
    Path,
    Signature,
    at_path,
    beneath,
    body_path,
    count_reaches,
    holds_prose,
    loosely_at,
    named,
    nested_replies,
    signature,
)
from hanflow.extract.replies import answered_beside, unlike_replies
from hanflow.extract.titles import listed, with_titles
from hanflow.extract.tree import up_to

MAX_CANDIDATES = 8
UNNAMED_DOMINANCE = 0.8


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


def set_apart(thread: Thread, stats: Stats) -> list[etree._Element]:
    """Posts set apart from the thread, elsewhere on the page: elements built like its posts
    (their tag, first class name and children's structures) that hold text, lie in no post
    and hold none, such as a Q&A page's best answer in a box of its own above the others.
    Their text is the thread's, not an article's beside it."""
    group, posts = thread.group, set(thread.posts)
    tag, shapes = group.key[0], [_shape(m, through=True) for m in group.members]
    root = group.parent.getroottree().getroot()
    found = []
    for el in root.iter(tag):
        if el in posts or signature(el) != group.key or not stats.text.get(el, 0):
            continue
        if any(a in posts for a in el.iterancestors()) or any(d in posts for d in el.iterdescendants(tag)):
            continue
        if _alike(_shape(el, through=True), shapes):
            found.append(el)
    return found


def bodies_alike(thread: Thread, stats: Stats) -> list[etree._Element]:
    """Elements outside the posts named as the posts' bodies are (tag and first class name),
    holding text and no post: a forum's opening post, laid out on its own above the replies,
    writes its text in the replies' body box ("t_f", "thread-content-detail"). A bare <div>
    or <p> at the path's end is anyone's, and says nothing."""
    body = thread.path[-1] if thread.path else None
    if body is None or not named(body):
        return []
    posts = set(thread.posts)
    root = thread.group.parent.getroottree().getroot()
    return [el for el in root.iter(body[0]) if signature(el) == body and stats.text.get(el, 0)
            and el not in posts and not any(a in posts for a in el.iterancestors())
            and not any(d in posts for d in el.iterdescendants(thread.group.key[0]))]


def find_thread(groups: list[Group], stats: Stats, skip: list[Group], title: str | None = None,
                entries: bool = False) -> Thread | None:
    """The group of posts holding the most prose, if any group looks like posts. `entries`:
    the page declares a live blog, whose posts each have a title of their own."""
    key = normalized(title) if title else ""
    candidates = _candidates(groups, stats, skip)
    threads = [t for g in candidates if (t := _thread(g, stats, key, entries))]
    full = [t for t in threads if enough_posts(t)]
    threads = [t for t in threads if not any(u is not t and _holds_thread(t, u) for u in full)]
    # of threads holding the same prose (the same posts, read through a layout's wrapper too),
    # the innermost group is the posts'
    best = max(threads, key=lambda t: (t.prose, _depth(t.group.parent)), default=None)
    while best is not None and not enough_posts(best) and (inner := _inner_threads(best, threads)):
        best = max(inner, key=lambda t: t.prose)
    return best


def _depth(el: etree._Element) -> int:
    return sum(1 for _ in el.iterancestors())


def _holds_thread(outer: Thread, inner: Thread) -> bool:
    """Whether one post body of `outer` holds a thread's worth of `inner`'s posts: the page's
    boxes read as posts, one of them the box of the replies. A post's body holds no thread."""
    owner = {body: post for post, found in outer.bodies.items() for body in found}
    counts: Counter = Counter()
    for post in inner.posts:
        held = next((owner[a] for a in (post, *post.iterancestors()) if a in owner), None)
        if held is not None:
            counts[held] += 1
    return any(n >= MIN_POSTS for n in counts.values())


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


def _thread(group: Group, stats: Stats, title_key: str = "", entries: bool = False) -> Thread | None:
    """The group as a thread, or None. Replies nested in a post are not its text: each is a
    post of its own, also when built unlike the posts (see `unlike_replies`); the group is
    read without those when it reads as no thread with them."""
    unlike = unlike_replies(group, stats)
    found = _as_thread(group, stats, title_key, unlike, entries) if unlike[0] else None
    return found or _as_thread(group, stats, title_key, entries=entries)


def _as_thread(group: Group, stats: Stats, title_key: str, unlike: tuple[set, Path] = (set(), ()),
               entries: bool = False) -> Thread | None:
    """The group as a thread with the given unlike replies and their body path; cheap tests
    first. A post's chrome lies outside its body and its replies."""
    if not named(group.key) and all(map(_led_by_heading, group.members)):
        return None  # a document's sections (a docs page's <section>s), each led by its heading
    posts, (others, other_path) = _with_replies(group, stats), unlike
    if others:
        order = {el: i for i, el in enumerate(group.parent.iter())}
        posts = sorted({*posts, *others}, key=order.__getitem__)
    replies = nested_replies(posts, stats) if len(posts) > len(group.members) else None
    path = body_path(group.members, stats, replies)
    if not path or any(tag == "a" for tag, _ in path):
        return None
    posts = _in_order(posts, _stragglers(group, path, stats))
    found = _innermost({post: at_path(post, other_path) if post in others else at_path(post, path)
                        or _at_suffix(post, path, posts) or loosely_at(post, path, set(posts) - {post})
                        for post in posts})
    inside = {b for bodies in found.values() for b in bodies}
    bodies = {p: found[p] for p in found if not any(a in inside for a in p.iterancestors())}
    if not holds_prose(bodies, stats) or others and _nested(inside):
        return None  # replies read apart from their posts, one body inside another: misread
    members = group.members
    shown = (chrome.post_chrome(m, [*bodies[m], *others]) or chrome.acted_on(m, bodies[m]) for m in members)
    if not group.unlinked and not count_reaches(shown, (len(members) + 1) // 2):
        return None  # reviews or comments that link nobody may show no chrome outside their text
    reviews = group.rated or count_reaches(map(rated, members), len(members) // 2 + 1)
    if not (reviews or entries) and not _signed_replies(replies, bodies) and listed(members, bodies, stats, title_key):
        return None
    path, bodies = _widened(path, bodies, unlike)
    thread = Thread(group, path, bodies=bodies)
    titled = title_key if reviews or entries else None  # each review's or entry's own title leads it
    thread.bodies = _finished(thread, stats, {*posts, *others} - set(members), titled)
    thread.posts = list(thread.bodies)
    sizes = [sum(stats.text.get(b, 0) - stats.links.get(b, 0) for b in found) for found in bodies.values()]
    thread.prose, thread.largest = sum(sizes), max(sizes)
    if not named(group.key) and thread.largest >= UNNAMED_DOMINANCE * thread.prose:
        return None  # unnamed boxes, one of them holding the page: a layout, not a thread
    thread.signed = len(members) < 3 and all(chrome.post_chrome(m, bodies[m]) == 2 for m in members)
    return thread


def _led_by_heading(el: etree._Element) -> bool:
    """Whether the element's first child is a heading: a section of a document, not a post,
    which names its author, not its subject, first."""
    first = next(el.iterchildren(etree.Element), None)
    return first is not None and first.tag in HEADINGS


def _finished(thread: Thread, stats: Stats, nested: set, review_key: str | None) -> dict:
    """The thread's bodies, each led by the quotation set before it and followed by a reply
    set beside it (see `_with_quoted`, `answered_beside`); for reviews (`review_key`: the
    page's title key), led by the review's own title."""
    bodies = {post: _with_quoted(post, found, thread.path) for post, found in thread.bodies.items()}
    bodies = {post: [*found, *answered_beside(post, found, stats, nested)] for post, found in bodies.items()}
    return bodies if review_key is None else with_titles(bodies, review_key)


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
            and not any(a in others for a in up_to(top, post))]
    found = [el for top in tops for el in at_path(top, suffix[1:])]
    return found or [el for top in tops for el in beneath(top, suffix[1:], others)]


def _widened(path: Path, bodies: dict, unlike: tuple[set, Path]) -> tuple[Path, dict]:
    """A body path that ends at paragraphs, widened to their container when no post's container
    holds its chrome: a post's lists, code and quotes between its paragraphs are its text.
    The bodies of `unlike` replies lie at a path of their own, widened the same way."""
    others, other_path = unlike
    path, wide = _wider(path, {post: found for post, found in bodies.items() if post not in others})
    if others:
        wide |= _wider(other_path, {post: found for post, found in bodies.items() if post in others})[1]
    return path, {post: wide[post] for post in bodies}


def _wider(path: Path, bodies: dict) -> tuple[Path, dict]:
    """`path` and `bodies` widened from paragraphs to their container (see `_widened`)."""
    if len(path) < 2 or path[-1][0] not in PARAGRAPHS or not bodies:
        return path, bodies
    posts = list(bodies)
    wide = {post: at_path(post, path[:-1]) or _at_suffix(post, path[:-1], posts) for post in posts}
    if any(chrome.post_chrome(post, wide[post]) != chrome.post_chrome(post, found) for post, found in bodies.items()):
        return path, bodies
    return path[:-1], wide


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
        if any(stats.text.get(b, 0) > stats.links.get(b, 0) for b in bodies) and chrome.post_chrome(sib, bodies):
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


def _signed_replies(replies, bodies: dict) -> bool:
    """Replies nested in the members, most of them with an author's link and a time outside
    their bodies: a comment tree, whose subject lines are no titles of an index's entries
    (cards nested in a feed carry no time of their own)."""
    if replies is None or not replies.posts:
        return False
    signed = [chrome.post_chrome(reply, bodies.get(reply, [])) == 2 for reply in replies.posts]
    return 2 * sum(signed) > len(signed)


def _with_replies(group: Group, stats: Stats) -> list:
    """The members and, in document order, the same-structure posts nested in them or in the
    boxes between and after them that hold nothing else (a reply list set after the comment
    it answers, an "indented" box). Only for named structures: a bare <div> or <li> inside a
    post is not a reply. A nested element of the members' first class built unlike every
    member (a utility class such as "a-section" on a review's wrapper, its vote bar, its image
    strip) is no reply."""
    if not named(group.key):
        return list(group.members)
    tag, shapes, members = group.key[0], [_shape(m) for m in group.members], set(group.members)
    boxes = [child for child in group.parent if child in members or child.tag in BOXES and len(child)]
    posts = []
    for box in boxes[boxes.index(group.members[0]):]:
        found = [el for el in box.iter(tag) if el is box and box in members
                 or signature(el) == group.key and _alike(_shape(el), shapes, group.key)]
        if box in members or found and _only_posts(box, found, stats):
            posts += found
    return posts


def _only_posts(box: etree._Element, posts: list, stats: Stats) -> bool:
    """Whether the box shows nothing but the posts (a reply list's box: no label, no heading of
    its own, as a box showing an accepted solution again has): all its text is theirs."""
    inside = set(posts)
    outer = [el for el in posts if not any(a in inside for a in el.iterancestors())]
    return stats.text.get(box, 0) == sum(stats.text.get(el, 0) for el in outer)


