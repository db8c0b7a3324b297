"""Parse HTML once with lxml, safely, and prune what is never main text."""

from __future__ import annotations

import re

from lxml import etree

from hanflow.extract.hidden import hidden, holding_prose
from hanflow.extract.prescan import prescan
from hanflow.extract.tree import drop, text_of

# huge_tree lifts libxml2's 10 MB text-node limit; its HTML parser still caps nesting depth,
# and nothing here recurses in Python, so deep pages cannot exhaust the stack.
_PARSER = etree.HTMLParser(
    remove_comments=True, remove_pis=True, no_network=True, huge_tree=True,
    collect_ids=False, default_doctype=False,
)
# lxml refuses a str that declares its encoding; the declaration says nothing once decoded.
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*>", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")

NEVER_TEXT = ("script", "style", "iframe", "svg", "button", "select", "textarea",
              "input", "template", "object", "embed", "canvas", "map", "audio", "video", "head")
STRUCTURAL_BOILERPLATE = ("nav", "aside", "footer", "header", "menu")
def parse_html(html: str) -> etree._Element | None:
    """The document tree, or None when nothing parseable is left."""
    html = _XML_DECL.sub("", html, count=1)
    html = prescan(_CONTROL.sub("", html))
    if not html.strip():
        return None
    try:
        return etree.fromstring(html, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def prune(root: etree._Element) -> None:
    """Remove scripts, styles, hidden elements (unless they hold the page's prose), navigation,
    and forms without prose."""
    etree.strip_elements(root, *NEVER_TEXT, with_tail=False)
    candidates = hidden(root) + list(root.iter("noscript"))
    kept = holding_prose(root, candidates)
    for el in candidates:
        if el in kept:
            el.tag = "div" if el.tag == "noscript" else el.tag
        else:
            drop(el)
    for el in list(root.iter(*STRUCTURAL_BOILERPLATE)):
        drop(el)
    # Whole-page <form> wrappers (common on ASP.NET sites) hold the article: keep those.
    for form in list(root.iter("form")):
        if len(text_of(form)) < 400:
            drop(form)
