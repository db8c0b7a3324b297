"""The lead of a thread: the question or opening post when it is not built like the posts
(Stack-style sites, Q&A portals: the prose between the page's headline and the posts), without
what the posts say again (a box of most-liked replies, the accepted answer's preview); and the
page's headline, as a thread shows it.
"""

from __future__ import annotations

from lxml import etree

from hanflow.extract.block import INLINE, PARAGRAPHS, Stats
from hanflow.extract.chrome import post_chrome
from hanflow.extract.hidden import hidden_by_class
from hanflow.extract.lines import normalized, reads_like
from hanflow.extract.posts import Thread, bodies_alike
from hanflow.extract.tree import text_of

LEAD_PROSE = 15  # plain prose characters of a block before the posts that leads the thread


def lead_blocks(root: etree._Element, thread: Thread, stats: Stats, title: str | None) -> list:
    """The question or opening post when it is not built like the posts: the elements with the
    most plain prose between the page's headline (see `page_headline`) and the posts, none
    inside another, in document order (a question, and a best answer set apart from the other
    answers). Without such a headline, the opening post set apart from the posts (see
    `_opening_post`), if any, else the bodies built like the posts' before the first post
    (an app's status page: the status, laid out on its own, in the replies' box)."""
    heading = page_headline(root, title)
    container = thread.group.parent
    shared = set(container.iterancestors())
    if heading is None:
        opening = _opening_post(container, stats)
        if opening is None:
            return _alike_before(root, thread, stats)
        order = {el: i for i, el in enumerate(opening.iter())}
        return _most_prose(list(order), shared, stats, order)
    order = {el: i for i, el in enumerate(root.iter())}
    start, end = order[heading], order.get(container, 0)
    lead = _most_prose([el for el, i in order.items() if start < i < end], shared, stats, order)
    return _not_said_again(lead, thread)


def _alike_before(root: etree._Element, thread: Thread, stats: Stats) -> list:
    """The bodies built like the posts' (see `bodies_alike`) that come before the first post."""
    alike = set(bodies_alike(thread, stats))
    if not alike:
        return []
    before = []
    for el in root.iter(etree.Element):
        if el is thread.posts[0]:
            return before
        if el in alike:
            before.append(el)
    return []


def _not_said_again(lead: list, thread: Thread) -> list:
    """The lead blocks whose text no post says again: a box of the most-liked replies shown
    above the thread is those replies a second time, not the opening post."""
    if not lead:
        return lead
    said = _said(thread)
    return [block for block in lead if "".join(text_of(block).split()) not in said]


def _said(thread: Thread, but: etree._Element | None = None) -> str:
    """What the posts (`but` one) say, whitespace removed, a post a line."""
    return "\n".join("".join("".join(map(text_of, found)).split()) for post, found in thread.bodies.items()
                     if post is not but)


MAX_PREVIEW_CHROME = 80  # characters around a post's excerpt: "Answered by X <date>", "View full answer"


def previews(lead: list, thread: Thread, opening: etree._Element | None = None) -> list:
    """Boxes in the lead blocks that preview a post (the accepted answer shown under the
    question): the excerpt of a post, cut short by an ellipsis, with a line or two of chrome
    around it; the outermost such boxes, in document order. Only paragraphs cut short are
    climbed from, each up to the first box that is no preview. `opening`: the lead blocks are
    this post's bodies, and only the other posts' text is said again."""
    said: str | None = None
    found: list = []
    for block in lead:
        for paragraph in block.iter(*PARAGRAPHS):
            cut = "".join(text_of(paragraph).split())
            if not cut.endswith(("…", "...")):
                continue
            said = _said(thread, opening) if said is None else said
            if cut.rstrip("….") not in said:
                continue
            box = None
            for anc in paragraph.iterancestors("div", "section", "aside"):
                if not _excerpt_box(anc, said):
                    break
                box = anc
                if anc is block:
                    break
            if box is not None and box not in found and not any(a in found for a in box.iterancestors()):
                found.append(box)
    return found


def _excerpt_box(el: etree._Element, said: str) -> bool:
    """Every paragraph in `el` a post says again, the last cut short, and little else."""
    parts = ["".join(text_of(p).split()) for p in el.iter(*PARAGRAPHS)]
    if not parts or not parts[-1].endswith(("…", "...")):
        return False
    if not all(p and p in said for p in [*parts[:-1], parts[-1].rstrip("….")]):
        return False
    return len("".join(text_of(el).split())) - sum(map(len, parts)) <= MAX_PREVIEW_CHROME


def _opening_post(container: etree._Element, stats: Stats) -> etree._Element | None:
    """A page without a headline (an app's post page) may show its opening post before the
    posts, built unlike them: the nearest element before the posts' container, climbing from
    it, that holds prose (its chrome may outweigh it). It is the opening post when it carries
    a post's chrome (an author link and a time); otherwise there is none."""
    el = container
    while (parent := el.getparent()) is not None and parent.tag != "body":
        for sib in el.itersiblings(preceding=True):
            if isinstance(sib.tag, str) and any(stats.plain.get(d, 0) > LEAD_PROSE for d in sib.iter()):
                return sib if post_chrome(sib, []) == 2 else None
        el = parent
    return None


def _most_prose(candidates: list, shared: set, stats: Stats, order: dict) -> list:
    """Of `candidates`, the elements with the most plain prose, none inside another, in
    document order (`order`: positions of them and their containers); `shared` (what holds
    the posts) are none, nor are inline elements (a quoted passage in italics leads as part of
    its paragraph). Prose a framework class hides (a tag's description kept for screen
    readers) does not count."""
    plain = _visible_plain(candidates, stats)
    found = [el for el in candidates if el not in shared and el.tag not in INLINE and plain[el] > LEAD_PROSE]
    chosen: list = []
    taken: set = set()  # the chosen elements, what is inside them and what holds them
    for el in sorted(found, key=lambda e: -plain[e]):
        if el not in taken:
            chosen.append(el)
            taken.update(el.iter())
            taken.update(el.iterancestors())
    return sorted(_paragraphs_joined(chosen, shared), key=order.__getitem__)


def _visible_plain(candidates: list, stats: Stats) -> dict:
    """Plain prose of each candidate, less that of the elements among them a framework class
    hides (`hidden_by_class`)."""
    plain = {el: stats.plain.get(el, 0) for el in candidates}
    for el in candidates:
        if plain[el] > 0 and hidden_by_class(el):
            hidden = stats.plain.get(el, 0)
            for anc in (el, *el.iterancestors()):
                if anc in plain:
                    plain[anc] -= hidden
    return plain


def _paragraphs_joined(chosen: list, shared: set) -> list:
    """Paragraphs chosen one by one from one container, replaced by that container (not one
    that holds the posts): the lists, code and quotations between them are the same text, and
    go as blocks of their own."""
    by_parent: dict = {}
    for el in chosen:
        if el.tag in PARAGRAPHS and (parent := el.getparent()) is not None and parent not in shared:
            by_parent.setdefault(parent, []).append(el)
    joined = {el: parent for parent, els in by_parent.items() if len(els) > 1 for el in els}
    blocks = dict.fromkeys(joined.get(el, el) for el in chosen)
    return [el for el in blocks if not any(anc in blocks for anc in el.iterancestors())]


def page_headline(root: etree._Element, title: str | None, shown: bool = True) -> etree._Element | None:
    """The <h1> that reads like the page's title, if any, else such an <h2> or <h3> (boards
    that keep the larger headings for their own name, or use none), else (`shown`) the title
    shown outside a heading."""
    key = normalized(title) if title else ""
    for tag in ("h1", "h2", "h3"):
        found = next((h for h in root.iter(tag) if reads_like(normalized(text_of(h)), key)), None)
        if found is not None:
            return found
    return _shown_title(root, key) if shown and len(key) >= MIN_SHOWN_TITLE else None


MIN_SHOWN_TITLE = 8  # characters of a title that is recognised outside a heading


def _shown_title(root: etree._Element, key: str) -> etree._Element | None:
    """The first element of the body whose own text is the title, when no heading shows it
    (a link or a bold cell: "a.title" on some boards, "span.titleline > a" on others)."""
    body = root.find("body")
    for el in body.iter() if body is not None else ():
        text = el.text
        if text and len(key) <= len(text) <= 2 * len(key) + 20 and normalized(text) == key:
            return el
    return None

