"""Excerpts shown before the full text they cut short.

Review sites, microblogs and Q&A pages print the first lines of a long item, cut by an ellipsis
and followed by an expander ("展开评价", "Read more"), and put the whole text right after it,
hidden until the expander is clicked. The page then holds the item twice; the excerpt is the
copy that goes. A box is an excerpt only on positive evidence: its text (expander words set
aside) ends in an ellipsis, and one of the next two siblings starts with that text and goes on.
A whole text hidden after its excerpt is kept for that reason (see `whole_after_excerpt`).
"""

from __future__ import annotations

import re

from lxml import etree

from hanflow.extract.tree import drop, text_of

MIN_EXCERPT = 20  # characters an excerpt keeps before its ellipsis
MAX_CLIMB = 3  # boxes tried, from the element whose text ends in the ellipsis up
_EXPANDER = re.compile(r"(?:展开评价|展开全文|展开阅读全文|展開全文|阅读全文|閱讀全文|查看全文|全文|展开|展開|"
                       r"read more|show more|see more|more)\W*$", re.I)
ELLIPSIS = ("...", "…")  # the marks a text cut short ends in


def drop_excerpts(candidates: list) -> bool:
    """Remove every excerpt that its whole text follows (see the module's docstring), climbing
    from `candidates`, the elements whose own text ends in an ellipsis; whether one went."""
    dropped = False
    for box in candidates:
        for _ in range(MAX_CLIMB):
            if box is None or box.getparent() is None:
                break
            if _followed_by_whole(box):
                drop(box)
                dropped = True
                break
            box = box.getparent()
    return dropped


def whole_after_excerpt(el: etree._Element) -> bool:
    """Whether `el` is the whole text of an excerpt shown right before it (one of its two
    previous siblings): the copy to keep when the page hides it until the expander is
    clicked."""
    before = [s for s in el.itersiblings(preceding=True) if isinstance(s.tag, str)][:2]
    return any(_followed_by_whole(box, el) for box in before)


def _followed_by_whole(box: etree._Element, whole: etree._Element | None = None) -> bool:
    """Whether the box is an excerpt of one of its next two siblings (of `whole`, if given)."""
    cut = _squashed(text_of(box))
    cut = _EXPANDER.sub("", cut).rstrip()
    if not cut.endswith(ELLIPSIS):
        return False
    cut = cut.rstrip(".…")
    if len(cut) < MIN_EXCERPT:
        return False
    for sibling in [s for s in box.itersiblings() if isinstance(s.tag, str)][:2]:
        if whole is not None and sibling is not whole:
            continue
        opening = _opening(sibling, len(cut) + 1)
        if len(opening) > len(cut) and opening.startswith(cut):
            return True
    return False


def _opening(el: etree._Element, size: int) -> str:
    """The first `size` characters of the element's text, whitespace removed (read no further)."""
    parts, n = [], 0
    for piece in el.itertext():
        piece = _squashed(piece)
        parts.append(piece)
        n += len(piece)
        if n >= size:
            break
    return "".join(parts)[:size]


def _squashed(text: str) -> str:
    return "".join(text.split())
