"""Parse HTML once with lxml, safely, and prune what is never main text."""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree

from hanflow.extract.block import HEADINGS
from hanflow.extract.hidden import hidden, kept_hidden
from hanflow.extract.lines import normalized, reads_like
from hanflow.extract.prescan import prescan
from hanflow.extract.repeats import signature
from hanflow.extract.skips import skipped_boxes
from hanflow.extract.tree import drop, permalink, text_of
from hanflow.extract.wrapped import drop_line_numbers, unwrap_prose

# huge_tree lifts libxml2's 10 MB text-node limit; its HTML parser still caps nesting depth
# (see `_stopped_deep`), and nothing here recurses in Python, so deep pages cannot exhaust the stack.
# The page is handed over as UTF-8 bytes with the encoding stated, so neither an XML
# declaration nor a <meta charset> in the text can make libxml2 decode it again.
_PARSER = etree.HTMLParser(
    remove_comments=True, remove_pis=True, no_network=True, huge_tree=True,
    collect_ids=False, default_doctype=False, encoding="utf-8",
)
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*>", re.I)
# A frameset page's <noframes> holds its only text, as markup: parsed as a <div>.
_NOFRAMES = re.compile(rb"<(/?)noframes\b", re.I)
# Past the nesting limit the page is parsed again without the tags that nest unclosed (a block's
# tag leaves a line break, an inline one a space: text and paragraphs stay), and failing that
# without any tag but those that break lines.
_FLATTENED = (
    (re.compile(rb"</?(?:div|section|article|center|blockquote|table|tbody|tr|td|th|ul|ol|li|dl|dd|dt)\b[^>]*+>",
                re.I), b"<br>"),
    (re.compile(rb"</?(?:span|font|b|i|u|em|strong|small|big)\b[^>]*+>", re.I), b" "),
)
_ALL_BUT_BREAKS = re.compile(rb"<(?!/?(?:p|br|h[1-6]|pre|title|head|body|html|meta|script|style)\b)[^>]*+>", re.I)
# Characters XML text may not hold, which lxml refuses when a removal moves text between
# nodes. Control characters are single bytes in UTF-8 that no other character contains, so
# deleting the bytes deletes exactly them (far cheaper than a regex over the text); a form feed,
# whitespace to HTML, becomes a space; U+FFFE and U+FFFF (not characters) go.
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b" + bytes(range(0x0e, 0x20))
_FORM_FEED_AS_SPACE = bytes.maketrans(b"\x0c", b" ")
_NONCHARACTERS = str.maketrans("", "", "\ufffe\uffff")
# The same characters written as character references ("&#1;", "&#xFFFF;"), which libxml2
# turns into them: removed the same way (a form feed's reference becomes a space).
_BAD_REFERENCE = re.compile(
    rb"&#(?:0*+(?P<dec>[1-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    rb"|[xX]0*+(?P<hex>[1-8]|[bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?")

NEVER_TEXT = ("script", "style", "iframe", "svg", "button", "select", "textarea",
              "input", "template", "object", "embed", "canvas", "map", "audio", "video", "head",
              "amp-ad", "amp-embed", "amp-sticky-ad")
STRUCTURAL_BOILERPLATE = ("nav", "aside", "footer", "header", "menu")
MAX_HEADING_PARTS = 16  # elements inside a section heading, at most
MAX_CONTROL_PARTS = 8  # elements inside a heading's button: "[", a link, " | ", another, "]", their icons
MAX_CONTROL = 24  # characters of a heading's button ("[edit | edit source]")
_HEADING_CONTROL = re.compile(r"^[\s\[【(（]*(?:edit(?: source)?|编辑|編輯|播报|播報)"
                              r"(?:[\s|·/]+(?:edit(?: source)?|编辑|編輯|播报|播報))*[\s\]】)）]*$", re.I)


def parse_html(html: str) -> etree._Element | None:
    """The document tree, or None when nothing parseable is left."""
    html = prescan(_XML_DECL.sub("", html, count=1))
    if "\uffff" in html or "\ufffe" in html:
        html = html.translate(_NONCHARACTERS)
    data = html.encode("utf-8", "replace").translate(_FORM_FEED_AS_SPACE, _CONTROL_BYTES)
    if not data.strip():
        return None
    if b"&#" in data:
        data = _without_bad_references(data)
    if b"noframes" in data or b"NOFRAMES" in data:  # libxml2 reads its content as bare text
        data = _NOFRAMES.sub(rb"<\1div", data)
    root = _parsed(data)
    if root is not None and _stopped_deep():  # libxml2 stopped at its depth limit
        for pattern, replacement in _FLATTENED:
            data = pattern.sub(replacement, data)
        flat = _parsed(data)
        if flat is not None and _stopped_deep():
            flat = _parsed(_ALL_BUT_BREAKS.sub(b" ", data))
        root = flat if flat is not None else root
    return root


def _without_bad_references(data: bytes) -> bytes:
    """`data` with each reference of `_BAD_REFERENCE` replaced (`_referenced`). The regex is
    tried only where `bytes.find` sees "&#": a page holds a few hundred of those at most, and
    the regex engine's own scan for them took a sixth of the time libxml2 takes to parse."""
    pieces: list[bytes] = []
    start = 0
    pos = data.find(b"&#")
    while pos >= 0:
        found = _BAD_REFERENCE.match(data, pos)
        if found is None:
            pos = data.find(b"&#", pos + 2)
            continue
        pieces += (data[start:pos], _referenced(found))
        start = found.end()
        pos = data.find(b"&#", start)
    if not pieces:
        return data
    pieces.append(data[start:])
    return b"".join(pieces)


def _referenced(found: re.Match[bytes]) -> bytes:
    """What a reference to a character XML text may not hold becomes: a space for a form feed."""
    number = int(found["dec"]) if found["dec"] else int(found["hex"], 16)
    return b" " if number == 0x0C else b""


def _parsed(data: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(data, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def _stopped_deep() -> bool:
    """Whether the last parse stopped at libxml2's nesting limit (2,048 open elements: a
    board page whose every post leaves a <div> or <font> open), dropping the rest unsaid."""
    last = _PARSER.error_log.last_error  # the limit is fatal: parsing ends on it
    return last is not None and last.type_name == "ERR_RESOURCE_LIMIT"


def quoted_in_text(el: etree._Element) -> bool:
    """An <aside> that quotes a source and stands among a text's paragraphs is part of that
    text: forum software marks up a quoted post this way (a link to the source, then a
    blockquote). Sidebars, in-article ads and pull quotes (a blockquote repeating the article,
    no source outside it) are not."""
    parent = el.getparent()
    if el.tag != "aside" or parent is None or not any(sibling.tag == "p" for sibling in parent):
        return False
    quote = el.find(".//blockquote")
    if quote is None:
        return False
    return any(quote not in a.iterancestors() for a in el.iter("a", "cite")) or _cited(el, quote)


MAX_CITATION = 60  # characters of a quotation's heading line: a name, "wrote", a time


def _cited(aside: etree._Element, quote: etree._Element) -> bool:
    """Whether the text outside the quotation is a short line naming whom it quotes, ending in a
    colon ("mira_dev:", "Ann wrote:"), as a post's quote carries when its links are scripted."""
    head = " ".join(text_of(aside).replace(text_of(quote), "", 1).split())
    return 0 < len(head) <= MAX_CITATION and head[-1] in ":："


def drop_citation_heading(aside: etree._Element) -> None:
    """Remove the heading of a quotation whose source is named only by that heading ("mira_dev:"
    over the blockquote, the link to the quoted post left to a script): the software's label of
    the quote, not words of the post. A heading with a link or a <cite> stays a line of text."""
    quote = aside.find(".//blockquote")
    if quote is None or any(quote not in a.iterancestors() for a in aside.iter("a", "cite")):
        return
    if not _cited(aside, quote):
        return
    branch = next(el for el in (quote, *quote.iterancestors()) if el.getparent() is aside)
    for el in list(aside):
        if el is branch:
            break
        drop(el)
    aside.text = None


MAX_ITEM_HEADER = 200  # characters of a post's header: a name, a time, a permalink
MAX_ITEM_HEADER_LINKS = 4
ITEM_DEPTH = 3  # a post's header stands this many levels inside the post at most


def item_header(el: etree._Element) -> bool:
    """A small <header> or <footer> of one of several same-structure items: a post's byline
    (its author's link, its time), not the page's. Its author link is what tells a thread's
    posts from a list of paragraphs; the thread keeps only the posts' bodies."""
    if el.tag not in ("header", "footer") or len(text_of(el)) > MAX_ITEM_HEADER:
        return False
    if sum(1 for _ in el.iter("a")) > MAX_ITEM_HEADER_LINKS:
        return False
    item = el.getparent()
    for _ in range(ITEM_DEPTH):
        parent = item.getparent() if item is not None else None
        if parent is None:
            return False
        key = signature(item)
        if any(sib is not item and sib.tag == item.tag and signature(sib) == key for sib in parent):
            return True
        item = parent
    return False


def drop_heading_controls(heading: etree._Element) -> None:
    """Remove a section heading's controls: an element inside the heading, or right beside it,
    whose whole text is an edit or read-aloud button ("[edit]", 编辑, 播报), as wikis and
    encyclopedias put after every section title. The heading stays."""
    near = [heading.getprevious(), heading.getnext()]
    if near[1] is not None:
        near.append(near[1].getnext())
    parts = list(islice(heading.iterdescendants(), MAX_HEADING_PARTS + 1))
    if len(parts) <= MAX_HEADING_PARTS:  # a heading's own parts; one with many is no section title
        near += parts
    for el in near:
        if el is not None and isinstance(el.tag, str) and el.getparent() is not None and _control(el):
            drop(el)


def _control(el: etree._Element) -> bool:
    """Whether the element's whole text is a heading's button (cheap tests first: a button
    holds a few elements at most and little text)."""
    if len(el) > MAX_CONTROL_PARTS or (el.text and len(el.text) > MAX_CONTROL):
        return False
    if permalink(el):
        return True
    text = text_of(el)
    return len(text) <= MAX_CONTROL and _HEADING_CONTROL.match(text) is not None


def _drop_keeping_times(el: etree._Element, title_key: str) -> etree._Element | None:
    """Drop a header, footer or menu, leaving an empty <time> where it showed one: a post's
    header is where its time is, the evidence that tells a thread's posts (no text is kept).
    An <h1> that reads like the page's title is left in its place and returned (see
    `_headline_kept`); so is an <h2> or <h3> that holds the whole title, in a header without
    an <h1> (a story's header on a board that keeps <h1> for its own name)."""
    times = list(el.iter("time"))
    if times:
        el.addprevious(etree.Element("time", datetime=times[0].get("datetime") or ""))
    headline = next((h for h in el.iter("h1") if reads_like(normalized(text_of(h)), title_key)), None)
    if headline is None and title_key and el.find(".//h1") is None:
        headline = next((h for h in el.iter("h2", "h3") if title_key in normalized(text_of(h))), None)
    if headline is not None:
        headline.tail = None
        el.addprevious(headline)
    drop(el)
    return headline


def _headline_kept(root: etree._Element, kept: list, title_key: str) -> None:
    """Of the <h1>s that read like the title and were taken out of pruned headers, the first
    stays when no other heading shows the title: it is the page's headline, which tells where
    a thread's question starts. A header repeating the headline that the page shows again
    (a sticky bar) leaves nothing."""
    shown = any(reads_like(normalized(text_of(h)), title_key) for h in root.iter("h1") if h not in kept)
    for h in kept[0 if shown else 1 :]:
        drop(h)


def prune(root: etree._Element, title: str | None = None, skips: bool = True) -> None:
    """Remove scripts, styles, hidden elements (unless they hold the page's prose, or the whole
    text of an excerpt shown before them), navigation,
    headings' buttons, forms without prose, sign-up cards and the boxes a skip link passes
    over; unwrap hard-wrapped prose set as <pre>.
    `title` is the page's title, whose headline is kept out of a pruned header; `skips` False
    says the page has no skip link (see `skips.may_skip`)."""
    forms = list(root.iter("form"))  # judged before their controls go
    wrappers = {form for form in forms if _wraps_text(form)}
    cards = [_signup_card(form) for form in forms if _asks_for_email(form)]
    etree.strip_elements(root, *NEVER_TEXT, with_tail=False)
    for card in [*cards, *(skipped_boxes(root) if skips else ())]:
        drop(card)
    candidates = hidden(root) + list(root.iter("noscript"))
    kept = kept_hidden(root, candidates)
    for el in candidates:
        if el in kept:
            el.tag = "div" if el.tag == "noscript" else el.tag
        else:
            drop(el)
    key, headlines = normalized(title) if title else "", []
    for el in list(root.iter(*STRUCTURAL_BOILERPLATE, *HEADINGS)):  # one walk for both
        if el.tag in HEADINGS:
            drop_heading_controls(el)
        elif quoted_in_text(el):
            drop_citation_heading(el)
            el.tag = "div"
        elif item_header(el):
            el.tag = "div"
        elif (headline := _drop_keeping_times(el, key)) is not None:
            headlines.append(headline)
    _headline_kept(root, headlines, key)
    # Whole-page <form> wrappers (common on ASP.NET sites) hold the article: keep those.
    for form in list(root.iter("form")):
        if len(text_of(form)) < 400 and form not in wrappers:
            drop(form)
    drop_line_numbers(root)
    drop_note_markers(root)
    unwrap_prose(root)


_NOTE_MARKER = re.compile(r"\[(?:\d{1,3}|[a-z]|note\d{1,3})\]", re.I)


def drop_note_markers(root: etree._Element) -> None:
    """A superscript whose whole text is a bracketed note number ("[1]", "[a]", "[note 2]", as
    wikis and annotated articles mark their references) points to a note; it says nothing, and
    the sentence reads on without it. Other superscripts (powers, ordinals) stay."""
    for sup in list(root.iter("sup")):
        if _NOTE_MARKER.fullmatch("".join(text_of(sup).split())):
            drop(sup)


MAX_SIGNUP_CARD = 500  # characters of a box around a sign-up form: its name, pitch and terms
SIGNUP_PARAGRAPH = 200  # a paragraph this long beside the form is the article's, not the pitch
MAX_CARD_ELEMENTS = 200
MAX_CARD_SENTENCES = 2  # a pitch and its terms say one thing each; an article says more
_SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$)")


def _asks_for_email(form: etree._Element) -> bool:
    return any((el.get("type") or "").lower() == "email" for el in form.iter("input"))


def _signup_card(form: etree._Element) -> etree._Element:
    """The box a sign-up form stands in (the newsletter's name, its pitch, the terms): the
    outermost ancestor holding little text besides it and no paragraph of an article."""
    card = form
    for anc in form.iterancestors():
        if anc.tag in ("body", "html", "main", "article") or not _small_box(anc):
            break
        card = anc
    return card


def _small_box(el: etree._Element) -> bool:
    """At most MAX_CARD_ELEMENTS elements, MAX_SIGNUP_CARD characters and MAX_CARD_SENTENCES
    sentences, no paragraph as long as an article's: read only as far as it takes to tell, so a
    large ancestor costs little."""
    chars, sentences = len(el.text or ""), len(_SENTENCE_END.findall(el.text or ""))
    for i, inner in enumerate(el.iterdescendants()):
        chars += len(inner.text or "") + len(inner.tail or "")
        sentences += len(_SENTENCE_END.findall(inner.text or "")) + len(_SENTENCE_END.findall(inner.tail or ""))
        if i >= MAX_CARD_ELEMENTS or chars > MAX_SIGNUP_CARD or sentences > MAX_CARD_SENTENCES \
                or inner.tag == "p" and len(text_of(inner)) >= SIGNUP_PARAGRAPH:
            return False
    return True


def _wraps_text(form: etree._Element) -> bool:
    """Whether a form is only a wrapper a script posts from, around a text (each post's text on
    some boards): paragraphs of prose, and nothing to fill in or press but hidden inputs."""
    if not any(len(text_of(p)) >= 20 for p in form.iter("p")):
        return False
    return all(el.tag == "input" and (el.get("type") or "").lower() == "hidden"
               for el in form.iter("input", "textarea", "select", "button"))
