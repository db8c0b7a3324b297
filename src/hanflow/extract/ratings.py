"""A review's rating: what sets a list of reviews apart from an index of titled entries, and
what marks review cards that link no author as posts all the same."""

from __future__ import annotations

import re

from lxml import etree

from hanflow.extract.tree import text_of

# A review's rating as pages state it for screen readers and search engines: "Rated 4 out of 5
# stars", "4.0 out of 5 stars", "4/5", "8/10", "5 star rating", "4星"; or schema.org's properties.
_RATING = re.compile(r"^\s*(?:rated\s+)?(?:[0-5](?:\.\d)?\s*(?:out\s+of\s+|/\s*)5|"
                     r"(?:10|\d(?:\.\d)?)\s*(?:out\s+of\s+|/\s*)10)(?:\s+stars?)?\s*$|"
                     r"^\s*[0-5](?:\.\d)?[\s-]*stars?(?:\s+rating)?\s*$|^\s*[0-5]\s*星\s*$", re.I)
_RATING_PROPS = frozenset({"reviewRating", "ratingValue"})
_RATING_CLASS = re.compile(r"rating|score", re.I)
MAX_RATING = 40  # characters of a rating's label or text


def rated(member: etree._Element) -> bool:
    """Whether the member gives a rating (see `_RATING`) in an image's text, a label or a
    title, as the text of an element its class names a rating or a score ("8/10", "5.0 out of
    5 stars", a score's "4.8" and "/5" in two spans), or marks one with schema.org's rating
    properties."""
    for el in member.iter(etree.Element):
        if el.get("itemprop") in _RATING_PROPS:
            return True
        for label in (el.get("alt"), el.get("aria-label"), el.get("title")):
            if label and len(label) <= MAX_RATING and _RATING.match(label):
                return True
        if _RATING_CLASS.search(el.get("class") or ""):
            text = text_of(el)
            if len(text) <= MAX_RATING and _RATING.match(text):
                return True
    return False


def rating_marks(el: etree._Element) -> list:
    """The outermost elements inside `el` whose whole text is a rating ("5.0 out of 5 stars"
    in a star icon's label set inside a review's title link)."""
    marks: list = []
    for d in el.iterdescendants(etree.Element):
        if (text := text_of(d)) and len(text) <= MAX_RATING and _RATING.match(text) \
                and not any(m in marks for m in d.iterancestors()):
            marks.append(d)
    return marks
