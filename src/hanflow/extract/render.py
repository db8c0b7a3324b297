"""Content block to lines: drop link lists and boilerplate sub-blocks, one paragraph per line."""

from __future__ import annotations

import re

from lxml import etree

from hanflow.extract.block import HEADINGS, Stats, body_despite_name, class_weight, link_density
from hanflow.extract.hidden import hidden_by_class
from hanflow.extract.lines import is_prose
from hanflow.extract.rules import SECTION_HEAD
from hanflow.extract.tree import drop, outermost, permalink, text_of, up_to

BREAKS = HEADINGS | frozenset({"p", "div", "li", "tr", "blockquote", "pre", "section", "article", "ul", "ol",
                               "dl", "dd", "dt", "figcaption", "figure", "table", "br", "hr", "address",
                               "center", "main", "caption", "header", "footer", "form", "fieldset",
                               "details", "summary"})
CELLS = frozenset({"td", "th"})
_FLOWING = HEADINGS | frozenset({"p", "li", "dt", "dd", "figcaption", "caption", "a"})
PULL_QUOTE = "pull_quote"
MIN_PULL_QUOTE = 15  # characters of a quotation that, said again in the text, is a pull quote
_SUB_BLOCKS = frozenset({"div", "ul", "ol", "table", "section", "dl", "p", "figcaption", "span"})
_CAPTION_CLASS = re.compile(r"caption|credit|image-desc|img-desc|pic-desc|photo-desc", re.I)
_SPACE = re.compile(r"[ \t\r\f\v\u3000\xa0\u2002\u2003\u2009]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_SOURCE_BREAKS = re.compile(r"[\r\n]+")
_READ_LABEL = re.compile(r"^\W*(?:read more|read|more|watch|listen|also on \S+|看更多|更多|延伸閱讀|延伸阅读)\W*$",
                         re.I)
MAX_LABELLED_LINK = 200
# A document's attachment, linked: part of the notice that lists it, not a link to elsewhere.
_ATTACHMENT = re.compile(r"^\s*(?:附件|附表|attachments?)\s*\d*\s*[:：]", re.I)


def element_text(el: etree._Element) -> str:
    """Visible text of an element, whitespace collapsed (for the removal record)."""
    return _SPACE.sub(" ", " ".join(text_of(el).split())).strip()


CLASS_RULE = "class_block"


def junk_rule(el: etree._Element, stats: Stats, by_class: bool = True) -> str | None:
    """Rule id when a sub-block of the article is navigation-like rather than prose;
    `by_class=False` ignores class names (inside a post, "reply" and "comment" are its body)
    and judges a quotation's parts, not the quotation with its linked source line."""
    length = stats.text.get(el, 0)
    if length == 0:
        return None
    if el.tag == "figcaption" or (
        length < 300 and _CAPTION_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}")
    ):
        return "caption"
    if el.tag == "span":
        return None
    punct, density = stats.punct.get(el, 0), link_density(stats, el)
    if el.tag == "p":
        if (density > 0.8 and length < 100 and punct < 3 and not _ATTACHMENT.match(el.text or "")
                or density >= 0.5 and _labelled_link(el, length)):
            return "link_block"
        return None
    if not by_class and el.find(".//blockquote") is not None:
        return None  # a quotation in a post, under its linked source: its parts are judged
    if density > 0.5 and punct < 20 or density > 0.3 and punct < 3:
        return "link_block"
    if by_class and class_weight(el, linkless=density == 0) < 0 and punct < 10 and not body_despite_name(el, {}):
        return CLASS_RULE
    if by_class and appeal(el, length):
        return "promo"
    return None


def holds_faq(el: etree._Element, questions: tuple[str, ...]) -> bool:
    """Whether the element shows a question of the FAQ the page declares."""
    if not questions:
        return False
    text = " ".join(text_of(el).split())
    return any(question in text for question in questions)


MAX_APPEAL = 400  # characters of a box asking for money or a sign-up: its heading, pitch and button
MAX_APPEAL_SENTENCES = 2
# Where such a box's button leads: the publisher's own subscription, membership or donation page.
_APPEAL_TARGET = re.compile(r"^(?:https?://[^/]+)?/(?:[\w-]+/)*(?:support|subscribe|subscription|donate|donation|"
                            r"membership|contribute|join|newsletters?|sign-?up)(?:[/?#.-]|$)", re.I)
_SENTENCE = re.compile(r"[.!?。！？](?:\s|$)")


def appeal(el: etree._Element, length: int) -> bool:
    """A box in the article that asks the reader to pay, donate or sign up: a heading, a pitch
    of a sentence or two, and a link to the publisher's subscription or donation page. No form
    needs to be in it (a sign-up form's box is pruned before). A longer pitch (a reader-funded
    site's appeal of several paragraphs) is one when it asks in so many words ("please
    consider supporting us") and its link is a button, set apart from the paragraphs.
    Alternate versions of the box that CSS classes hide (an appeal tried out in several
    wordings) are no part of what the reader sees, so they are not counted."""
    if el.tag not in ("div", "section") or next(el.iter(*HEADINGS), None) is None:
        return False
    buttons = [a for a in el.iter("a") if _APPEAL_TARGET.match(a.get("href") or "") and not _hidden_in(a, el)]
    if not buttons:
        return False
    text = _visible_text(el)
    length = len("".join(text.split()))
    if length > MAX_LONG_APPEAL:
        return False
    if length <= MAX_APPEAL and len(_SENTENCE.findall(text)) <= MAX_APPEAL_SENTENCES:
        return True
    return _ASKS.search(text) is not None and any(_apart(a, el) for a in buttons)


MAX_LONG_APPEAL = 1500  # characters of an appeal of several paragraphs
# Asking in so many words: "please consider supporting us", "support us today", "make a contribution".
_ASKS = re.compile(r"\b(?:consider (?:supporting|donating|subscribing|contributing|becoming a (?:member|subscriber))|"
                   r"support us\b|supporting us\b|(?:make|making) a (?:donation|contribution)|"
                   r"become a (?:member|supporter|subscriber) (?:today|now)|"
                   r"donate (?:today|now))|支持我们|支持我們|赞赏支持|讚賞支持", re.I)


def _hidden_in(el: etree._Element, box: etree._Element) -> bool:
    """Whether a CSS class hides `el` or one of its ancestors inside `box`."""
    return hidden_by_class(el) or any(map(hidden_by_class, up_to(el, box)))


def _visible_text(box: etree._Element) -> str:
    """The box's text without the parts its CSS classes hide (comments are no text either)."""
    parts: list[str] = [box.text or ""]
    for child in box:
        if isinstance(child.tag, str) and not hidden_by_class(child):
            parts.append(_visible_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _apart(link: etree._Element, box: etree._Element) -> bool:
    """Whether the link stands outside the box's paragraphs (a button, not a word in a sentence)."""
    return not any(el.tag in ("p", "li") for el in up_to(link, box))


def _labelled_link(el: etree._Element, length: int) -> bool:
    """A paragraph that is a link to another story behind a label ("Related:", "Read more:",
    "相关阅读："): the label is all its text outside links."""
    if length > MAX_LABELLED_LINK:
        return False
    outside = text_of(el)
    for link in el.iter("a"):
        outside = outside.replace(text_of(link), " ", 1)
    outside = outside.strip()
    return bool(outside) and (SECTION_HEAD.match(outside) is not None or _READ_LABEL.match(outside) is not None)


def clean_blocks(blocks: list, stats: Stats, removed: list[tuple[str, str]], by_class: bool = True,
                 questions: tuple[str, ...] = ()) -> None:
    """Drop link lists, boilerplate-classed sub-blocks, sub-blocks hidden by a CSS class
    (unless they hold twice the text of the rest, as a hidden element that `hidden` keeps
    does: a hidden copy of the text, such as a comment's source behind its edit button, is
    no more than the visible text and goes), permalinks ("¶") and pull quotes (a quotation
    whose words the blocks' text says again) inside the chosen blocks. A box named as
    boilerplate that shows the FAQ the page declares (`questions`: its questions) is text,
    and names inside it are no evidence ("rank-math-block", "faq-widget")."""
    stack = [(child, by_class) for block in reversed(blocks) for child in reversed(block)]
    total = sum(stats.text.get(block, 0) for block in blocks)
    whole: str | None = None  # the blocks' text, read when a quotation asks
    while stack:
        el, names = stack.pop()
        if not isinstance(el.tag, str):
            continue
        if hidden_by_class(el) and 3 * stats.text.get(el, 0) < 2 * total or permalink(el):
            drop(el)
            continue
        if el.tag == "blockquote" and stats.text.get(el, 0) >= MIN_PULL_QUOTE:
            whole = whole if whole is not None else "".join("".join(text_of(b).split()) for b in blocks)
            if whole.count("".join(text_of(el).split())) > 1:  # a pull quote: the text says it again
                removed.append((PULL_QUOTE, element_text(el)))
                drop(el)
                continue
        rule = junk_rule(el, stats, names) if el.tag in _SUB_BLOCKS else None
        if rule == CLASS_RULE and holds_faq(el, questions):
            rule, names = None, False
        if rule:
            text = element_text(el)
            if text:
                removed.append((rule, text))
            drop(el)
            continue
        stack.extend((child, names) for child in reversed(el))


MAX_BYLINE_BOX = 200  # characters of a byline box: a time, names, a desk, share buttons
BYLINE_DEPTH = 4  # levels above its <time> a byline box stands at most
_NAME_SEPARATORS = re.compile(r"\s*(?:[,，、;；&]|\band\b)\s*")


def drop_byline_boxes(blocks: list, author: str | None, removed: list[tuple[str, str]]) -> None:
    """Remove a small box inside the article that holds a <time> and a name the page's metadata
    gives as its author, and no prose: a byline set in the text's container (time, name, desk,
    share buttons), each on a line of its own, so that no line rule sees "by" before the name."""
    names = [name for name in _NAME_SEPARATORS.split(author or "") if len(name) >= 2]
    if not names:
        return
    for block in blocks:
        for time in list(block.iter("time")):
            box = _byline_box(time, block, names)
            if box is not None:
                removed.append(("byline", " ".join(block_lines([box]))))
                drop(box)


def _byline_box(time: etree._Element, block: etree._Element, names: list[str]) -> etree._Element | None:
    """The largest ancestor of `time` below `block`, a few levels up, that is small, holds one of
    `names` and no prose; None when there is none (or the time went with an earlier box)."""
    box, el = None, time
    for _ in range(BYLINE_DEPTH):
        el = el.getparent()
        if el is None or el is block:
            break
        text = element_text(el)
        if len(text) > MAX_BYLINE_BOX or any(is_prose(line) for line in block_lines([el])):
            break
        if any(name in text for name in names):
            box = el
    return box if box is not None and block in box.iterancestors() else None


def block_lines(blocks: list) -> list[str]:
    """Text of the blocks, one line per paragraph, list item, heading or table row.

    Source line breaks inside a paragraph are whitespace, as a browser shows them; in loose
    text of <div>s they are kept, since such pages lay out one item per source line.
    """
    parts: list[str] = []
    for block in blocks:
        flowing = 0
        for event, el in etree.iterwalk(block, events=("start", "end")):
            tag = el.tag if isinstance(el.tag, str) else ""
            breaks = tag in BREAKS or tag == "cite" and _heads_quote(el)
            if event == "start":
                flowing += tag in _FLOWING
                parts.append("\n" if breaks else " " if tag in CELLS else "")
                parts.append(_flow(el.text, flowing))
                continue
            flowing -= tag in _FLOWING
            if breaks:
                parts.append("\n")
            if el is not block:
                parts.append(_flow(el.tail, flowing))
        parts.append("\n")
    text = _INVISIBLE.sub("", "".join(parts))
    # Blank lines (most of them: one per break) are dropped before the whitespace is collapsed.
    return [line for ln in text.split("\n") if (bare := ln.strip()) and (line := _SPACE.sub(" ", bare).strip())]


def _heads_quote(cite: etree._Element) -> bool:
    """A <cite> opening a blockquote (or the <div> that opens it, as phpBB sets it) is the quoted
    post's source line ("… wrote:"), a line of its own; a <cite> in running text (a title) is not."""
    el = cite
    for _ in range(2):
        parent = el.getparent()
        if parent is None or (parent.text or "").strip() or el.getprevious() is not None:
            return False
        if parent.tag == "blockquote":
            return True
        if parent.tag != "div":
            return False
        el = parent
    return False


def code_lines(blocks: list[etree._Element]) -> frozenset[str]:
    """The lines of the blocks' preformatted text (code, listings), as `block_lines` gives them."""
    return frozenset(line for block in blocks for pre in outermost(block, "pre") for line in block_lines([pre]))


def _flow(text: str | None, flowing: int) -> str:
    if not text:
        return ""
    return _SOURCE_BREAKS.sub(" ", text) if flowing > 0 else text
