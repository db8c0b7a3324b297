"""Hidden elements, judged by what they hold.

A page hides menus, dialogs, share panels, templates and alternate layouts, and those are
never main text. But some pages hide the article itself until a script runs (a WeChat
public-account article is `#js_content` with `visibility: hidden`), and `<noscript>` can
carry the only copy of the text. So a hidden element (or a `<noscript>`) is kept when it
holds the page's prose: at least `MIN_PROSE` characters of sentences and twice as much as
everything visible put together. Dialogs are never kept.
"""

from __future__ import annotations

import re

from lxml import etree

from hanflow.extract.excerpts import whole_after_excerpt
from hanflow.extract.tree import text_of

MIN_PROSE = 100
# Utility classes of the common CSS frameworks that mean display:none / visually hidden.
_HIDING_CLASSES = frozenset({"hidden", "hide", "d-none", "is-hidden", "u-hidden", "tw-hidden",
                             "visually-hidden", "sr-only"})
# ... unless a responsive class shows the element again (`hidden md:block`, `d-none d-lg-flex`).
_SHOWN_AGAIN = re.compile(r"(?:^|\s)(?:\S+:|d-\w+-)(?:block|flex|grid|inline\S*|table\S*|contents)(?=\s|$)")
# XPath's translate() over every element's style is slow; select the few elements that may
# hide, then test them in Python.
_MAY_HIDE = etree.XPath("//@style/..|//@hidden/..|//@aria-hidden/..|//@role[.='tooltip' or .='dialog' or "
                        ".='alertdialog']/..")  # not //*[@a or @b]
_DIALOGS = frozenset({"dialog", "alertdialog", "tooltip"})
_SENTENCE = re.compile(r"[，。；！？]|[,.;!?](?:\s|$)")
_CODE = re.compile(r"[{}()\[\];=<>|&$]")


def is_hidden(el: etree._Element) -> bool:
    """Marked hidden, aria-hidden, or styled display:none / visibility:hidden; or a tooltip,
    shown only while the pointer rests on what it explains; or a dialog (a cookie consent
    box, a sign-in prompt), which the reader closes to see the page."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true" or el.get("role") in _DIALOGS:
        return True
    style = el.get("style")
    return bool(style) and ("display:none" in (style := style.replace(" ", "").lower())
                            or "visibility:hidden" in style)


def hidden_by_class(el: etree._Element) -> bool:
    """Given a framework class that hides it (and no responsive class that shows it again).
    Checked inside the chosen blocks only: testing every element's classes up front would
    cost more than the rest of the pruning."""
    classes = el.get("class")
    return bool(classes) and not _HIDING_CLASSES.isdisjoint(classes.split()) \
        and not _SHOWN_AGAIN.search(classes)


def hidden(root: etree._Element) -> list[etree._Element]:
    """Every element hidden by attribute or style, in document order."""
    return [el for el in _MAY_HIDE(root) if is_hidden(el)]


def prose_chars(el: etree._Element) -> int:
    """Characters of sentence-like text outside links: what an article is made of (menus,
    labels and stray script text are not)."""
    total = 0
    for piece in el.itertext():
        piece = piece.strip()
        if len(piece) >= 15 and _SENTENCE.search(piece) and len(_CODE.findall(piece)) * 30 < len(piece):
            total += len(piece)
    return total - sum(prose_chars(a) for a in el.iter("a") if a is not el) if total else 0


def kept_hidden(root: etree._Element, candidates: list) -> set:
    """The hidden candidates (and `<noscript>`s) that stay: those holding the page's prose (see
    `holding_prose`), and a hidden whole text after the excerpt that cuts it short (see
    `excerpts.whole_after_excerpt`), never a dialog."""
    return holding_prose(root, candidates) | {el for el in candidates if el.tag != "noscript"
                                              and el.get("role") not in _DIALOGS and whole_after_excerpt(el)}


def holding_prose(scope: etree._Element, candidates: list) -> set:
    """The candidates that hold the prose of `scope` (see the module's docstring); inside a
    kept one, the hidden elements that hold its prose in turn."""
    # A sentence is 15 characters or more: most hidden elements hold less text than that (and
    # an element holds no more text than the one it sits in).
    worded = [el for el in candidates if len(text_of(el)) >= 15]
    inner = set(worded)
    outermost = [el for el in worded if not any(a in inner for a in el.iterancestors())]
    sizes = {el: prose_chars(el) for el in outermost}
    big = [el for el, n in sizes.items() if n >= MIN_PROSE and el.get("role") not in _DIALOGS]
    if not big:
        return set()
    visible = prose_chars(scope) - sum(sizes.values())
    kept = {el for el in big if sizes[el] >= 2 * visible}
    for el in list(kept):
        kept |= holding_prose(el, [c for c in candidates if c is not el and el in c.iterancestors()])
    return kept
