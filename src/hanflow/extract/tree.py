"""The two element operations lxml.html adds to lxml's elements, for plain `etree` trees.

Pages are parsed with lxml's own HTML parser rather than `lxml.html`'s: `lxml.html` finds a
Python class for every element it hands out, which costs about a twentieth of extraction.
"""

from __future__ import annotations

from lxml import etree

_STRING = etree.XPath("string()", smart_strings=False)


def text_of(el: etree._Element) -> str:
    """All text inside the element, as `lxml.html`'s `text_content()`."""
    return _STRING(el)


PERMALINK_MARKS = frozenset({"¶", "§", "#", "🔗", "⚓"})


def permalink(el: etree._Element) -> bool:
    """A link whose whole text is a permalink mark (the "¶" documentation generators put after
    every heading, GitHub's "#"): a control of the heading, no word of it."""
    if el.tag != "a" or len(el) > 2:
        return False
    text = el.text if len(el) == 0 else text_of(el)  # most links hold their text alone
    return bool(text) and text.strip() in PERMALINK_MARKS


def drop(el: etree._Element) -> None:
    """Remove an element but keep the text that follows it (`drop_tree()`)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


def outermost(root: etree._Element, tag: str) -> list[etree._Element]:
    """The `tag` elements under `root` (itself included) that no other one holds: each element
    is looked at once, however deep they nest."""
    found: list[etree._Element] = []
    inside: set[etree._Element] = set()
    for el in root.iter(tag):
        if el in inside:
            continue
        found.append(el)
        inside.update(el.iterdescendants(tag))
    return found


def up_to(el: etree._Element, top: etree._Element) -> list:
    """The ancestors of `el` below `top`."""
    out = []
    for anc in el.iterancestors():
        if anc is top:
            break
        out.append(anc)
    return out
