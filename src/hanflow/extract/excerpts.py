"""Excerpts shown before the full text they cut short.

Review sites, microblogs and Q&A pages print the first lines of a long item, cut by an ellipsis
and followed by an expander ("展开评价", "Read more"), and put the whole text right after it,
hidden until the expander is clicked. The page then holds the item twice; the excerpt is the
copy that goes. A box is an excerpt only on positive evidence: its text (expander words set
aside) ends in an ellipsis, and one of the next two siblings starts with that text and goes on.
"""

from __future__ import annotations

import re

from lxml import etree

from hanflow.extract.tree import drop, text_of

MIN_EXCERPT = 20  # characters an excerpt keeps before its ellipsis
MAX_CLIMB = 3  # boxes above the text that ends in the ellipsis, the text's own included
_CUT = etree.XPath("//text()[contains(., '...') or contains(., '…')]")
_EXPANDER = re.compile(r"(?:展开评价|展开全文|展开阅读全文|展開全文|阅读全文|閱讀全文|查看全文|全文|展开|展開|"
                       r"read more|show more|see more|more)\W*$", re.I)
_ELLIPSIS = ("...", "…")


def drop_excerpts(root: etree._Element) -> None:
    """Remove every excerpt that its full text follows (see the module's docstring)."""
    for text in _CUT(root):
        holder = text.getparent()
        if holder is None or not text.rstrip().endswith(_ELLIPSIS):
            continue
        box = holder.getparent() if text.is_tail else holder
        for _ in range(MAX_CLIMB):
            if box is None or box.getparent() is None:
                break
            if _followed_by_whole(box):
                drop(box)
                break
            box = box.getparent()


def _followed_by_whole(box: etree._Element) -> bool:
    cut = _squashed(text_of(box))
    cut = _EXPANDER.sub("", cut).rstrip()
    if not cut.endswith(_ELLIPSIS):
        return False
    cut = cut.rstrip(".…")
    if len(cut) < MIN_EXCERPT:
        return False
    for sibling in [s for s in box.itersiblings() if isinstance(s.tag, str)][:2]:
        whole = _squashed(text_of(sibling))
        if len(whole) > len(cut) and whole.startswith(cut):
            return True
    return False


def _squashed(text: str) -> str:
    return "".join(text.split())
