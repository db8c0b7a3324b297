"""HTML main text: parse once, take metadata, decide the page type, then take the thread's
posts or the content block, and filter lines."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from hanflow.extract import chrome
from hanflow.extract.block import Stats, best_block, measure, suppress
from hanflow.extract.dates import find_date
from hanflow.extract.excerpts import drop_excerpts
from hanflow.extract.lead import lead_blocks, page_headline, previews
from hanflow.extract.lines import META_RULES, Filtered, filter_lines, lift_meta, normalized, reporters
from hanflow.extract.listing import teaser_groups
from hanflow.extract.meta import faq_questions, ld_objects, ld_types, meta_tags, page_metadata
from hanflow.extract.model import Extraction
from hanflow.extract.pagetype import (
    ARTICLE,
    FORUM,
    LISTING,
    declared_type,
    is_listing,
    is_live_blog,
    thread_type,
)
from hanflow.extract.parse import parse_html, prune
from hanflow.extract.posts import Thread, enough_posts, find_thread
from hanflow.extract.profiles import matching, profile_date
from hanflow.extract.published import date_after, date_in_url, date_within
from hanflow.extract.render import block_lines, clean_blocks, code_lines, drop_byline_boxes, element_text
from hanflow.extract.repeats import Group, sibling_groups, signed_rows_chrome
from hanflow.extract.rules import line_rule
from hanflow.extract.skips import may_skip
from hanflow.extract.tree import drop

MIN_PARAGRAPH = 100  # prose an article needs outside its teaser lists, or the lists are the text
TEASER_RULE = "teaser_list"
TEASER_DESCRIPTION = "list of headline links with short excerpts inside or beside the article (more stories, feeds)"


def extract_html(html: str) -> Extraction:
    """Main text (one paragraph per line), metadata, page type, and every removal with its
    rule id."""
    root = parse_html(html)
    if root is None:
        return Extraction(text="")
    objects, tags = ld_objects(root), meta_tags(root)
    meta = page_metadata(root, objects, tags)
    types = ld_types(objects)
    declared = declared_type(types)
    fired = _profile_dates(html, meta)
    _headline_byline(root, meta)
    prune(root, meta["title"], skips=may_skip(html))
    stats = measure(root)
    if stats.cut and drop_excerpts(stats.cut):  # the page printed some text twice: measure it once
        stats = measure(root)
    groups = sibling_groups(root, stats)
    teasers = _outermost(teaser_groups(groups, stats, normalized(meta["title"] or "")))
    # A live blog's entries each lead with a headline linking the entry: teasers in shape, but
    # the page's text when the page declares itself a live blog.
    live = is_live_blog(types)
    thread = find_thread(groups, stats, [] if live else teasers, meta["title"], entries=live)
    removed: list[tuple[str, str]] = []
    live = live and thread is not None and enough_posts(thread)
    if live:
        teasers = [g for g in teasers if g is not thread.group]
    if live or thread_type(declared, thread, stats, tags.get("og:type")) == FORUM and thread is not None:
        kept = _thread_lines(root, thread, stats, meta["title"], removed)
        if kept:
            first = thread.posts[0]
            _date_fallbacks(root, meta, set(thread.bodies[first]), first)
            return Extraction(text="\n".join(kept), removed=removed, page_type=ARTICLE if live else FORUM,
                              profiles=fired, **meta)
    comments = thread.group if thread is not None and enough_posts(thread) else None
    result = _article(root, stats, teasers, meta, removed, declared, comments, faq_questions(objects))
    result.profiles = fired
    return result


def _profile_dates(html: str, meta: dict) -> list[str]:
    """Fill the publish date from the platform profiles the page matches, when the markup
    gives none; the names of the profiles that did."""
    fired = []
    for profile in matching(html) if not meta["published"] else []:
        if date := profile_date(profile, html):
            meta["published"] = date
            fired.append(profile.name)
            break
    return fired


def _date_fallbacks(root, meta: dict, stop: set, first_post=None) -> None:
    """When nothing stated the publish date: the first one written after the headline (up to
    the content), in the first post's chrome, or in the URL."""
    if meta["published"]:
        return
    heading = page_headline(root, meta["title"])
    found = date_after(root, heading, stop) if heading is not None else None
    if not found and first_post is not None:
        found = date_within(first_post, stop)
    meta["published"] = found or date_in_url(meta["url"])


def _article(root, stats: Stats, teasers: list[Group], meta: dict, removed: list, declared: str | None,
             comments: Group | None = None, faq: tuple[str, ...] = ()) -> Extraction:
    """The content block, with teaser lists counted as boilerplate; a listing when they
    hold most of the page and no article is left beside them (then the lists are the text).
    Posts of a thread judged to be comments under the article are boilerplate too; the FAQ
    the page declares (`faq`) is text."""
    items = [m for g in teasers for m in g.members]
    whole = best_block(root, stats) if items else []
    for item in items:
        suppress(stats, item)
    for post in comments.members if comments is not None else []:
        suppress(stats, post)
    blocks = best_block(root, stats)
    prose = sum(_prose_besides(b, items, stats) for b in blocks)
    teaser_text = sum(stats.text.get(m, 0) for m in items)
    listing = declared is None and is_listing(teaser_text, prose, stats.text.get(root, 0))
    if items and prose < MIN_PARAGRAPH:
        blocks, teasers = _teasers_whole(whole, teasers), []
    chosen = set(blocks)
    for group, rule in [(g, TEASER_RULE) for g in teasers] + ([(comments, "comments")] if comments else []):
        if any(a in chosen for a in group.members[0].iterancestors()):
            removed.append((rule, " ".join(element_text(m) for m in group.members)))
            for item in group.members:
                drop(item)
    result = _block_text(blocks, stats, meta, removed, faq)
    if not result.kept and whole and not any(b in chosen or any(map(chosen.__contains__, b.iterancestors()))
                                             for b in whole):
        # what was left beside the teaser lists held no line of text, and the block chosen with
        # them lies outside it (inside, it read as nothing too): they are the text
        blocks = whole
        result = _block_text(blocks, stats, meta, removed, faq)
    _nearby_bylines(blocks[0], result.meta, lambda el: stats.text.get(el, 0))
    if "author" not in result.meta and (named := reporters(result.kept)):
        result.meta["author"] = named
    for key, value in result.meta.items():
        if key in meta and not meta[key]:
            meta[key] = value
    _date_fallbacks(root, meta, set(blocks))
    return Extraction(text="\n".join(result.kept), removed=removed + result.removed,
                      source=result.meta.get("source"), page_type=LISTING if listing else declared or ARTICLE,
                      **meta)


def _teasers_whole(whole: list, teasers: list[Group]) -> list:
    """The text of a page that its teaser lists hold: the block chosen with them, or the lists
    themselves when that block is one of their items (one excerpt of a feed of excerpts)."""
    inside = {m for g in teasers for m in g.members}
    if any(el in inside or any(a in inside for a in el.iterancestors()) for el in whole):
        return [g.parent for g in teasers]
    return whole


def _block_text(blocks: list, stats: Stats, meta: dict, removed: list, faq: tuple[str, ...] = ()) -> Filtered:
    """The content blocks' lines, their boilerplate sub-blocks, byline boxes and lines removed;
    the chrome of comments written as signed rows in them (see `repeats.signed_rows_chrome`)."""
    for part in [p for block in blocks for el in block.iter(etree.Element) for p in signed_rows_chrome(el)]:
        removed.append((chrome.RULE, element_text(part)))
        drop(part)
    clean_blocks(blocks, stats, removed, questions=faq)
    drop_byline_boxes(blocks, meta.get("author"), removed)
    return filter_lines(block_lines(blocks), meta["title"], verbatim=code_lines(blocks))


def _prose_besides(block, items: list, stats: Stats) -> int:
    """Plain prose of the block, not counting the teaser items inside it."""
    inner = [m for m in items if any(a is block for a in m.iterancestors())]
    return stats.plain.get(block, 0) - sum(stats.plain.get(m, 0) for m in inner)


def _outermost(groups: list[Group]) -> list[Group]:
    members = {m for g in groups for m in g.members}
    return [g for g in groups if not any(a in members for a in g.parent.iterancestors())
            and g.parent not in members]


def _thread_lines(root, thread: Thread, stats: Stats, title: str | None, removed: list) -> list[str]:
    """The question (when not built like the posts) and every post's body, in order (see
    `_post_lines`). The title leads when the page shows it as its headline: on a thread it is
    the question."""
    lead = lead_blocks(root, thread, stats, title)
    first = thread.posts[0]
    boxes = [*previews(lead, thread), *previews(thread.bodies[first], thread, first)]
    thread.bodies[first] = [b for b in thread.bodies[first] if not any(a in boxes for a in (b, *b.iterancestors()))]
    for box in boxes:
        removed.append((chrome.RULE, element_text(box)))
        drop(box)
    parts = [lead] if lead else []
    parts += [thread.bodies[post] for post in thread.posts if thread.bodies[post]]
    for blocks in parts[1 if lead else 0:]:
        if blocks and (name := chrome.drop_leading_name(blocks[0])):
            removed.append((chrome.RULE, name))
    kept: list[str] = []
    seen: set[tuple[str, ...]] = set()
    key = normalized(title) if title else ""
    for blocks in parts:
        if (post := tuple(_post_lines(blocks, stats, key, removed))) in seen:
            continue  # the same post shown twice (a pinned answer)
        seen.add(post)
        kept += post
    if kept and page_headline(root, title) is not None and normalized(kept[0]) != normalized(title):
        kept.insert(0, title)
    return kept


def _post_lines(blocks: list, stats: Stats, title_key: str, removed: list) -> list[str]:
    """A post's lines: without the post it quotes and the signature in mail style, per-post
    chrome (a reply's "Re: <title>" subject too) and boilerplate lines."""
    clean_blocks(blocks, stats, removed, by_class=False)
    own, added = chrome.mail_quote_and_signature(block_lines(blocks))
    lines = []
    for line in own:
        if chrome.is_chrome(line) or chrome.reply_subject(line, title_key):
            added.append(line)
        else:
            lines.append(line)
    removed += [(chrome.RULE, line) for line in added]
    result = filter_lines(lines, sections=False, verbatim=code_lines(blocks))
    removed += result.removed
    return result.kept


def _nearby_bylines(block, found: dict[str, str], size: Callable[[etree._Element], int]) -> None:
    """Bylines often sit just outside the content block: read short elements around it,
    nearest first (before the block, then after it), climbing a few levels. `size` is an
    element's text length (at least up to 200 characters)."""
    for sibling in _around(block):
        if size(sibling) > 200:  # its text, collapsed, is longer still
            continue
        text = _broken_text(sibling)
        if not text or len(text) > 200:
            continue
        if line_rule(text, edge=True) in META_RULES:
            lift_meta(found, text)
        elif "published" not in found and (date := find_date(text)) and "T" in date:
            found["published"] = date


def _broken_text(el: etree._Element) -> str:
    """The element's text, whitespace collapsed, a line break (<br>) read as a space: "by Ann
    Lee<br>Monday" names Ann Lee."""
    if next(el.iter("br"), None) is None:
        return element_text(el)
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            parts.append(" " if node.tag == "br" else node.text or "")
        elif node is not el:
            parts.append(node.tail or "")
    return " ".join("".join(parts).split())


def _headline_byline(root: etree._Element, meta: dict) -> None:
    """The author named by a byline beside the page's headline (in an article's <header>,
    which pruning removes), read before it goes, as bylines around the content block are
    read; only when the page's metadata names none."""
    heading = page_headline(root, meta["title"], shown=False) if not meta.get("author") else None
    if heading is not None:
        found: dict[str, str] = {}
        _nearby_bylines(heading, found, _text_size)
        if found.get("author"):
            meta["author"] = found["author"]


def _text_size(el: etree._Element, limit: int = 200) -> int:
    """The element's text length without whitespace, counted up to just past `limit`."""
    n = 0
    for piece in el.itertext():
        n += len("".join(piece.split()))
        if n > limit:
            break
    return n


def _around(block, levels: int = 3, width: int = 4):
    anchor = block
    for _ in range(levels):
        if anchor is None:
            return
        for preceding in (True, False):
            siblings = anchor.itersiblings(preceding=preceding)
            yield from (s for _, s in zip(range(width), siblings, strict=False)
                        if isinstance(s.tag, str))
        anchor = anchor.getparent()
