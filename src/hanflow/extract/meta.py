"""Page metadata from <meta>, JSON-LD, <link rel=canonical>, <title> and <h1>."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from hanflow.extract.dates import find_date
from hanflow.extract.tree import permalink, text_of

# An underscore between two letters or digits joins a name (XDG_CONFIG_HOME), not a title's parts.
_SEPARATORS = re.compile(r"\s*(?:[|｜]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))\s*|\s+_\s*|\s+[-—–·•]{1,2}\s+|"
                         r"\s*——\s*|\s*--\s*")
_BOARD_JOIN = re.compile(r"\s+::\s+")
_CRUMBS = re.compile(r"\s+/\s+")  # a board's "Topic / Forum / Board", two of them at least
# What joins a title and a site's name in <title> ("Thread - Site", "Blog: Post").
_JOINS = " \t:：|｜-—–·•_"
_SITE_SUFFIX = re.compile(
    r"\s*[-—–]{1,2}\s*[《<]?[^-—–《》]{1,20}(网|網|频道|頻道|新闻|新聞|日报|日報|晚报|晚報|时报|時報|"
    r"周刊|週刊|在线|在線|门户|門戶|社区|社區|论坛|論壇)[》>]?\s*$")
_WS = re.compile(r"\s+")
_BY = re.compile(r"^\s*by\s+", re.I)  # a byline set as the author ("By Ann Carter")
_DATE_KEYS = ("article:published_time", "og:article:published_time", "pubdate", "publishdate",
              "publish_date", "publishtime", "datepublished", "dc.date", "dc.date.issued",
              "date", "sailthru.date", "parsely-pub-date", "og:published_time")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "citation_author", "citation_authors", "byl",
                "parsely-author", "sailthru.author")
# Where a page names its site or publisher: an "author" that says the same is no person.
_PUBLISHER_KEYS = ("og:site_name", "publisher", "dc.publisher", "citation_publisher", "copyright",
                   "application-name")
# A web address ("www.example.cn", "example.com") names a site, not who wrote the page.
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.|\b[\w-]+\.(?:com|net|org|cn|gov|edu)\b)", re.I)


def meta_tags(root: etree._Element) -> dict[str, str]:
    """<meta> name/property/itemprop -> content, lower-cased keys, first occurrence wins."""
    found: dict[str, str] = {}
    for tag in root.iter("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def ld_objects(root: etree._Element) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page: top level, inside lists and @graph, and the main
    entity of each (a QAPage's Question)."""
    objects: list[dict] = []
    for tag in root.iter("script"):
        if (tag.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(tag.text or "")
        except (ValueError, RecursionError):  # nested past the decoder's depth: no metadata
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                graph = item.get("@graph")
                objects.extend(g for g in (graph if isinstance(graph, list) else [item]) if isinstance(g, dict))
    entities = [o.get("mainEntity") for o in objects]
    return objects + [e for e in entities if isinstance(e, dict)]


def faq_questions(objects: list[dict[str, Any]]) -> tuple[str, ...]:
    """The questions the page declares as its FAQ (the names in a FAQPage's mainEntity),
    whitespace collapsed."""
    found: list[str] = []
    for obj in objects:
        kinds = obj.get("@type")
        if "FAQPage" not in (kinds if isinstance(kinds, list) else [kinds]):
            continue
        entity = obj.get("mainEntity")
        for question in entity if isinstance(entity, list) else [entity]:
            if isinstance(question, dict) and isinstance(name := question.get("name"), str) and name.strip():
                found.append(" ".join(name.split()))
    return tuple(found)


def ld_types(objects: list[dict[str, Any]]) -> set[str]:
    """The @type names the page's JSON-LD declares."""
    types: set[str] = set()
    for obj in objects:
        value = obj.get("@type")
        types.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    return types


def json_ld(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """The first JSON-LD object that describes the page's content (an article, a posting, a
    question), or the first object at all."""
    for obj in objects:
        kind = str(obj.get("@type", ""))
        if any(k in kind for k in ("Article", "Posting", "Question")) or "headline" in obj:
            return obj
    return objects[0] if objects else {}


def strip_title_suffix(title: str) -> str:
    """'Headline _科技频道_新闻网' or 'Headline | Site' -> 'Headline' (the longest segment). A
    title whose site name follows " :: " (a board's "Thread :: Forum") is split there alone: a
    dash before it is the headline's own ("Stuck after the update – save broken? :: Forum");
    so is one whose parts a slash joins twice or more ("Topic / Forum / Board")."""
    title = _SITE_SUFFIX.sub("", _WS.sub(" ", title).strip())
    if _BOARD_JOIN.search(title):
        splitter = _BOARD_JOIN
    else:
        splitter = _CRUMBS if len(_CRUMBS.findall(title)) >= 2 else _SEPARATORS
    parts = [p for p in splitter.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    return max(parts, key=len).strip()


def _ld_name(value: Any, nested: bool = False) -> str | None:
    """A JSON-LD value's name: the string, an object's "name", or a list of those (one level:
    JSON nests lists a thousand deep, Python's stack does not)."""
    if isinstance(value, list):
        names = [n for n in (_ld_name(v, True) for v in value) if n] if not nested else []
        return ", ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def page_title(root: etree._Element, meta: dict[str, str], ld: dict) -> str | None:
    """Headline: an <h1> the <title> contains (four characters or more, or any that starts it),
    or the title beside it when that <h1> is the site's name (as some boards and blogs set it),
    else og:title, JSON-LD or <title> minus suffix. An <h1> that is only a link, to a name
    that does not start the <title>, is a logo's: the site's name, never the headline."""
    raw = _WS.sub(" ", root.findtext(".//title") or "").strip()
    for h1 in root.iter("h1"):
        text = _WS.sub(" ", _heading_text(h1)).strip()
        if _linked_name(h1, text) and not raw.startswith(text):
            continue  # a logo's heading: the site's name, which the <title> ends with
        if raw and text and (len(text) >= 4 and text in raw or _leads(text, raw)):
            return _beside_site_name(text, raw, root, meta.get("og:title")) or text
    if not meta.get("og:title") and (shown := _shown_lead(root, raw)):
        return shown
    for candidate in (meta.get("og:title"), _ld_name(ld.get("headline")), raw):
        if candidate:
            return strip_title_suffix(candidate)
    return None


MAX_SITE_NAME = 20  # characters of a site's name after a headline in <title>


def _heading_text(heading: etree._Element) -> str:
    """A heading's text without its permalink ("Retry policies¶")."""
    text = text_of(heading)
    for mark in (text_of(a) for a in heading.iter("a") if permalink(a)):
        cut = text.rfind(mark)
        text = text[:cut] + text[cut + len(mark):]
    return text


def _shown_lead(root: etree._Element, title: str) -> str | None:
    """Without an <h1>: the headline a page shows in an <h2> or <h3> when the <title> is that
    headline and a shorter name after it, whatever joins them ("Thread title Board name"): the
    heading marks where the site's name begins, which no separator does."""
    for heading in root.iter("h2", "h3"):
        text = _WS.sub(" ", text_of(heading)).strip()
        rest = title[len(text):].strip(_JOINS) if len(text) >= 8 and title.startswith(text) else ""
        if rest and len(rest) <= min(MAX_SITE_NAME, len(text) - 1) and title[len(text)] in _JOINS:
            return text
    return None


def _leads(text: str, title: str) -> bool:
    """Whether `text` is the <title>'s first part, up to a separator ("番茄_百度百科"): a short
    headline (a two-character word) counts there, not anywhere in the title."""
    return title.startswith(text) and _SEPARATORS.match(title, len(text)) is not None


def _beside_site_name(text: str, title: str, root: etree._Element, og_title: str | None = None) -> str | None:
    """The other end of the <title> when `text` is one end and the other, no shorter, is
    og:title, set in an <h2> or <h3>, or a link's text (a board's title line; not a link to
    the home page, which names the site): `text` is then the site's name, in a board's or
    blog's <h1>, beside the thread's or post's title ("Thread - Site", "Thread : Site",
    "Blog: Post")."""
    if title.startswith(text):
        other = title[len(text):]
    elif title.endswith(text):
        other = title[: len(title) - len(text)]
    else:
        return None
    other = other.strip(_JOINS)
    if len(other) < len(text):
        return None  # a site's name is the short end ("Thread : r/Community")
    if og_title and _WS.sub(" ", og_title).strip() == other:
        return other
    if any(_WS.sub(" ", text_of(h)).strip() == other for h in root.iter("h2", "h3")):
        return other
    return other if any(_WS.sub(" ", el.text).strip() == other and not _home(el.get("href"))
                        for el in root.iter("a") if el.text) else None


def _linked_name(heading: etree._Element, text: str) -> bool:
    """Whether the heading's whole text is one link's to a home page: a site's (`/`) or a
    blog's (`/name/`), as a logo links its name. A headline linked to its own page (a
    product's, a post's permalink) is not."""
    links = [a for a in heading.iter("a") if a.get("href")]
    return len(links) == 1 and _home(links[0].get("href"), depth=1) and _WS.sub(" ", text_of(links[0])).strip() == text


def _home(href: str | None, depth: int = 0) -> bool:
    """Whether a link leads to a site's home page (its name's link, as a logo sets it; `/` or
    `index.php`), or with `depth` 1 to a home one folder down (a blog's on a blog host),
    without a query."""
    try:
        parts = urlsplit(href or "")
    except ValueError:  # "http://[not-an-address": no link home
        return False
    path = _INDEX_PAGE.sub("", parts.path.strip("/"))
    return path == "" or depth > 0 and not parts.query and "/" not in path and "." not in path


_INDEX_PAGE = re.compile(r"(?:^|/)index\.\w{2,5}$", re.I)  # a home's own page: index.php, index.html


def _web_url(value: str | None) -> bool:
    """A page's address: http(s), or relative to the page; not javascript:, data: or mailto:."""
    if not value or not value.strip():
        return False
    try:
        return urlsplit(value.strip()).scheme.lower() in ("", "http", "https")
    except ValueError:  # "http://[not-an-address"
        return False


def _stated_author(meta: dict[str, str]) -> str | None:
    """The first author a meta tag names that reads as a person: not the site's or
    publisher's name, not the makers of the software that made the page (its generator), not
    a web address, not an id number ("L_104485")."""
    publishers = {_WS.sub("", meta[k]).lower() for k in _PUBLISHER_KEYS if k in meta}
    software = meta.get("generator", "").split()[:1]  # "Discuz! X3.4": its makers are no author
    for key in _AUTHOR_KEYS:
        value = _BY.sub("", meta.get(key, ""))
        digits = sum(c.isdigit() for c in value)
        if (not value or _WEB_ADDRESS.search(value) or 2 * digits > len(value)
                or _WS.sub("", value).lower() in publishers
                or software and len(software[0]) >= 3 and software[0].lower() in value.lower()):
            continue
        return _unpadded(value)
    return None


def _unpadded(name: str) -> str:
    """A Chinese name padded to line up with longer ones ("赵  培", "王 小 明") closed up."""
    parts = name.split()
    if 2 <= len(parts) <= 3 and all(len(p) == 1 and "\u4e00" <= p <= "\u9fff" for p in parts):
        return "".join(parts)
    return name.strip()


def page_metadata(root: etree._Element, objects: list[dict[str, Any]] | None = None,
                  meta: dict[str, str] | None = None) -> dict[str, str | None]:
    """title, author, published (ISO 8601) and url as far as the page's markup states them."""
    meta = meta_tags(root) if meta is None else meta
    ld = json_ld(ld_objects(root) if objects is None else objects)
    published = next((d for d in (find_date(meta[k]) for k in _DATE_KEYS if k in meta) if d), None)
    for key in ("datePublished", "dateCreated", "pubDate"):  # pubDate: Baidu's search markup
        if (not published or "T" not in published) and isinstance(ld.get(key), str):
            stated = find_date(ld[key])
            # The same day with its time wins over a meta tag that gives the day alone.
            if stated and (not published or stated.startswith(published)):
                published = stated
    if not published:
        time_el = next(iter(root.iter("time")), None)
        published = find_date(time_el.get("datetime") or "") if time_el is not None else None
    canonical = next((link.get("href") for link in root.iter("link")
                      if (link.get("rel") or "").lower() == "canonical" and _web_url(link.get("href"))), None)
    author = _stated_author(meta) or _ld_name(ld.get("author"))
    return {
        "title": page_title(root, meta, ld),
        "author": author,
        "published": published,
        "url": canonical or next((u for u in (meta.get("og:url"), _ld_name(ld.get("url"))) if _web_url(u)), None),
    }
