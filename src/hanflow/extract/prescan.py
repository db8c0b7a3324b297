"""One linear pass over the markup, before libxml2 sees it, for the two inputs that cost it
more than linear time or leak declarations into the text.

- A start tag with a huge number of distinct attributes: libxml2 appends each attribute to
  the element by walking the attributes already there, so one tag with a million of them
  costs hours. Tags keep their first `MAX_ATTRIBUTES` attributes; no real page comes near.
- A DOCTYPE with an internal subset (`<!DOCTYPE x [<!ENTITY …>]>`): libxml2's HTML parser
  ends the DOCTYPE at the first `>`, so the rest of the subset (`%p; ]>`) becomes page text.
  The whole declaration is removed wherever it starts. Entities are never resolved.

The scan follows the HTML tokenizer's states (text, tags and their quoted attribute values,
comments, bogus comments, raw-text elements, script data with its escape states), so markup
inside a comment, a script or an attribute value is never taken for a tag. Every construct
is matched by possessive patterns that never backtrack, and the pass never revisits a
character: its cost is linear in the page. Pages without such inputs come back unchanged
(the same string object).
"""

from __future__ import annotations

import re

MAX_ATTRIBUTES = 256

_WS = r"[\t\n\f\r ]"
_NAME = r"[^\t\n\f\r />]"
# One attribute, as the tokenizer reads it: separators, a name, an optional value.
_ATTR = (rf"(?>[\t\n\f\r /]*+{_NAME}[^\t\n\f\r />=]*+"
         rf"(?:{_WS}*+={_WS}*+(?:\"[^\"]*+\"?+|'[^']*+'?+|[^\t\n\f\r >]*+))?+)")
_TAG_END = r"[\t\n\f\r /]*+(?:>|\Z)"
_RAW = r"style|xmp|iframe|noembed|noframes|textarea|title"
_SPECIAL = rf"(?:script|plaintext|{_RAW})(?={_WS}|[/>]|\Z)"
_DOCTYPE = r"[dD][oO][cC][tT][yY][pP][eE]"

# Everything the tokenizer can read without help, as one possessive run (most frequent
# constructs first). It stops at: a start tag with too many attributes, a DOCTYPE with an
# internal subset, a script whose text holds "<!--" (escape states), or a <plaintext> tag.
_SAFE = re.compile(
    r"(?:[^<]++"
    # An end tag ends at its first ">" here even when libxml2 reads on through a quoted
    # value: the scan then sees more tags than libxml2 does, never fewer.
    r"|</[a-zA-Z][^>]*+>?+"
    rf"|<(?!(?i:{_SPECIAL}))[a-zA-Z]{_NAME}*+{_ATTR}{{0,{MAX_ATTRIBUTES}}}+{_TAG_END}"
    r"|<!--(?:-?+>|(?:[^-]++|-(?!-!?+>))*+(?:--!?+>)?+)"
    rf"|<!(?!--)(?!{_DOCTYPE}[^>\[]*+\[)[^>]*+>?+"
    r"|<\?[^>]*+>?+"
    r"|</(?![a-zA-Z])[^>]*+>?+"
    # One alternative per raw-text element (a backreference inside a possessive repeat trips
    # CPython's re: "The span of capturing group is wrong").
    + "".join(rf"|<(?i:{raw})(?={_WS}|[/>]|\Z){_ATTR}{{0,{MAX_ATTRIBUTES}}}+{_TAG_END}"
              rf"(?:[^<]++|<(?!/(?i:{raw})(?:{_WS}|[/>])))*+" for raw in _RAW.split("|")) +
    rf"|<(?i:script)(?={_WS}|[/>]|\Z){_ATTR}{{0,{MAX_ATTRIBUTES}}}+{_TAG_END}"
    rf"(?:[^<]++|<(?!/(?i:script)(?:{_WS}|[/>])|!--))*+(?=</(?i:script)(?:{_WS}|[/>])|\Z)"
    r"|<(?![a-zA-Z!/?])"
    r")*+"
)
_TAG_NAME = re.compile(rf"<([a-zA-Z]{_NAME}*+)")
_ATTRS_KEPT = re.compile(rf"{_ATTR}{{0,{MAX_ATTRIBUTES}}}+")
_ATTRS_REST = re.compile(rf"{_ATTR}*+{_TAG_END}")
_SUBSET_END = re.compile(rf"\]{_WS}*+>")
_DOCTYPE_OPEN = re.compile(rf"<!{_DOCTYPE}[^>\[]*+\[")
_SCRIPT_EVENT = re.compile(rf"<!--(?:-*+>)?+|-->|<(/?)(?i:script)(?:{_WS}|[/>])")


def prescan(html: str) -> str:
    """`html` with over-long attribute lists cut and internal-subset DOCTYPEs removed."""
    pieces: list[str] = []
    start = pos = 0
    unclosed_from = len(html) + 1  # no "]>" follows this offset (searched once, not again)
    while (pos := _SAFE.match(html, pos).end()) < len(html):
        if (m := _DOCTYPE_OPEN.match(html, pos)) is not None:
            close = _SUBSET_END.search(html, m.end()) if m.end() < unclosed_from else None
            if close is None:  # never closed: libxml2 ends it at the first ">", as written
                unclosed_from = min(unclosed_from, m.end())
            end, replacement = (close.end() if close else _first_gt(html, pos)), ""
        else:
            end, replacement = _start_tag(html, pos)
        if replacement is not None:
            pieces += (html[start:pos], replacement)
            start = end
        pos = end
    if not pieces:
        return html
    pieces.append(html[start:])
    return "".join(pieces)


def _first_gt(html: str, pos: int) -> int:
    gt = html.find(">", pos)
    return len(html) if gt < 0 else gt + 1


def _start_tag(html: str, pos: int) -> tuple[int, str | None]:
    """Where the start tag at `pos` (and a raw-text element's text) ends, and the tag cut to
    its first attributes when it has more (None: kept as it is)."""
    name = _TAG_NAME.match(html, pos)
    kept = _ATTRS_KEPT.match(html, name.end())
    tag_end = _ATTRS_REST.match(html, kept.end()).end()
    replacement = None
    if _ATTRS_KEPT.match(html, kept.end()).end() > kept.end():  # more attributes follow
        replacement = html[pos:kept.end()] + (">" if html[tag_end - 1] == ">" else "")
    return _content_end(html, name.group(1).lower(), tag_end), replacement


def _content_end(html: str, tag: str, pos: int) -> int:
    """Where the text of a raw-text element opened just before `pos` ends."""
    if tag == "plaintext":
        return len(html)
    if tag == "script":
        return _script_end(html, pos)
    if tag in _RAW.split("|"):
        close = re.compile(rf"</(?i:{tag})(?:{_WS}|[/>])").search(html, pos)
        return close.start() if close else len(html)
    return pos


def _script_end(html: str, pos: int) -> int:
    """End of script data, following the tokenizer's escaped and double-escaped states."""
    escaped = double = False
    for m in _SCRIPT_EVENT.finditer(html, pos):
        token = m.group(0)
        if token == "-->" or token.startswith("<!--") and token.endswith(">"):
            escaped = double = False  # "-->" (or "<!-->") returns to plain script data
        elif token == "<!--":
            escaped = True
        elif m.group(1):  # </script
            if not double:
                return m.start()
            double = False
        elif escaped:  # <script inside an escaped section
            double = True
    return len(html)
