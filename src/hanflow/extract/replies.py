"""Replies inside a post that are not built like the posts: a comment's list of replies of
another structure (read as posts of their own, at a body path of their own), and a reply set
beside a post's text, such as a business's answer to a review (followed after that post's text).
"""

from __future__ import annotations

from lxml import etree

from hanflow.extract import repeats
from hanflow.extract.block import BOXES, PARAGRAPHS, Stats
from hanflow.extract.chrome import answerable, controls_reach, name_like, post_chrome, short_when, when_at
from hanflow.extract.repeats import Group, Path, Signature
from hanflow.extract.tree import text_of, up_to


def unlike_replies(group: Group, stats: Stats) -> tuple[set, Path]:
    """Replies built unlike the posts they answer (a comment's list of replies of another
    structure), and their body path. In a post, a reply is the smallest named element (or custom
    element) around a later author link that also holds a time, leaves the post's own (first)
    author link and time outside, and is not built like the header around that link; its
    structure recurs in the group, and the replies read like posts: text at a body path of
    their own, their author link and time outside it."""
    if not repeats.named(group.key):  # bare boxes are a layout's, not posts with replies
        return set(), ()
    found: dict[Signature, dict] = {}
    others: set[Signature] = set()  # structures of which a box names another author
    for member in group.members:
        for reply, other in _reply_boxes(member, stats):
            found.setdefault(repeats.signature(reply), {})[reply] = None
            if other:
                others.add(repeats.signature(reply))
    best: tuple[set, Path] = _listed_replies(group, stats)
    for sig, boxes in ((sig, list(b)) for sig, b in found.items() if sig in others):
        if len(boxes) < 2 or sig == group.key or len(boxes) <= len(best[0]):
            continue
        path = repeats.body_path(boxes, stats)
        bodies = {box: repeats.at_path(box, path) for box in boxes} if path else {}
        if (bodies and repeats.holds_prose(bodies, stats)
                and repeats.count_reaches((post_chrome(b, bodies[b]) == 2 for b in boxes), len(boxes) // 2 + 1)):
            best = (set(boxes), path)
    return best


def _listed_replies(group: Group, stats: Stats) -> tuple[set, Path]:
    """Replies that name their users in plain text, listed in the posts they answer (see
    `repeats.reply_items`), and their body path, when they read like posts (text at the path
    in at least two of them). Once lists of two replies or more show how a reply and its list
    are built, a reply alone in a list built so counts too (a comment answered once)."""
    found: dict = {}  # the items in document order, once (a list and its wrapper give the same)
    for member in group.members:
        if not controls_reach(member, 3):  # its own control and two replies' at least
            continue
        taken: set = set()
        for el in member.iter(etree.Element):
            if el is not member and el not in taken and (listed := repeats.reply_items(el)):
                found.update(dict.fromkeys(listed))
                taken.update(d for item in listed for d in item.iter())
    if found:
        found.update(dict.fromkeys(_lone_replies(group, set(map(_listed_shape, found)), found)))
    items = list(found)
    path = repeats.body_path(items, stats) if len(items) >= 2 else None
    bodies = {item: repeats.at_path(item, path) for item in items} if path else {}
    return (set(items), path) if bodies and repeats.holds_prose(bodies, stats) else (set(), ())


def _listed_shape(item: etree._Element) -> tuple[Signature, Signature]:
    """How a listed reply is built: its list's signature and its own."""
    return repeats.signature(item.getparent()), repeats.signature(item)


def _lone_replies(group: Group, shapes: set, found: dict) -> list:
    """The members' elements built as the listed replies are (`shapes`), not found yet, each
    with a reply's time and control (`answerable`)."""
    kinds = {own for _, own in shapes}
    return [el for member in group.members for el in member.iter(etree.Element)
            if el is not member and el not in found and repeats.signature(el) in kinds
            and _listed_shape(el) in shapes and answerable(el)]


def _reply_boxes(member: etree._Element, stats: Stats) -> list[tuple[etree._Element, bool]]:
    """Candidate replies in a post (see `unlike_replies`), each with whether its author (the
    first name it links) is another than the post's: a byline repeated in the post's body names
    its own; a reply may name the post's author after its own, as whom it answers."""
    links = member.iter("a")
    author_link = next((a for a in links if name_like(a)), None)
    if author_link is None:
        return []
    own = set(author_link.iterancestors())  # a box holds neither the post's author link nor its time
    # A box built like the element around the post's own author link is a reply's header (its
    # name and time), not the reply: the reply is a box further out.
    headers = {repeats.signature(anc) for anc in up_to(author_link, member)}
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
            if stats.text.get(anc, 0) > stats.links.get(anc, 0) and repeats.named(key := repeats.signature(anc)) \
                    and key not in headers:
                timed = _timed(member) if timed is None else timed
                if anc in timed[0]:
                    found = anc
                    break
            passed.append(anc)
        above.update(dict.fromkeys(passed, found))
        if found is not None and found not in boxes and name_like(link):
            boxes[found] = None
    if not boxes or timed is None:
        return []
    first = timed[1]  # the post's own time: a box never holds it
    post_time = {first, *first.iterancestors()} if first is not None else set()
    author = _author_key(author_link)
    return [(box, _author_key(next(a for a in box.iter("a") if name_like(a))) != author)
            for box in boxes if box not in post_time]


def _timed(post: etree._Element) -> tuple[set, etree._Element | None]:
    """The elements of a post that hold a time of its chrome (see `when_at`), and the first
    element that shows one, in one walk."""
    found: set = set()
    first = None
    for el in post.iter():
        if when_at(el, post):
            first = el if first is None else first
            holder = el.getparent() if el.tag != "time" and not short_when(el.text) else el
            for anc in (holder, *holder.iterancestors()) if holder is not None else ():
                if anc in found or anc is post:
                    break
                found.add(anc)
    return found, first


def _author_key(link: etree._Element) -> str:
    return link.get("href") or text_of(link).strip()


MIN_ANSWER = 40  # characters of plain prose in a reply set beside a post's text


def answered_beside(post: etree._Element, bodies: list, stats: Stats, nested: set) -> list:
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
        if any(el.tag == "time" or short_when(el.text) for el in box.iter(etree.Element) if el not in own):
            return True
        box = box.getparent()
    return False
