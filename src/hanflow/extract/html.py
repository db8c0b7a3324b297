"""HTML main text: pick the content block by text and link density, then filter lines."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup, Tag

from hanflow.extract.dates import find_date
from hanflow.extract.lines import filter_lines
from hanflow.extract.model import Extraction

_DROP = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
         "svg", "button", "select", "template", "object", "embed"]
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote",
           "pre", "section", "article", "tr", "br", "dd", "dt", "figcaption", "table", "ul", "ol"}
_TITLE_SUFFIX = re.compile(r"\s*(?:[_|｜\-—–]\s*[^_|｜\-—–]{1,30}){1,3}\s*$")
_WS = re.compile(r"[ \t\r\f\v\u3000\xa0]+")


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if isinstance(tag, Tag) and tag.get("content"):
            return str(tag["content"]).strip()
    return None


def _json_ld(soup: BeautifulSoup) -> dict:
    for tag in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(tag.string or "")
        except (ValueError, TypeError):
            continue
        if isinstance(data, dict):
            return data
    return {}


def _title(soup: BeautifulSoup) -> str | None:
    title = _meta(soup, "og:title")
    if not title and soup.title and soup.title.string:
        title = _TITLE_SUFFIX.sub("", soup.title.string.strip()) or soup.title.string.strip()
    if not title and (h1 := soup.find("h1")):
        title = h1.get_text(" ", strip=True)
    return title or None


def _link_density(tag: Tag) -> float:
    text = len(tag.get_text(strip=True)) or 1
    links = sum(len(a.get_text(strip=True)) for a in tag.find_all("a"))
    return links / text


def _content_block(body: Tag) -> Tag:
    """The element whose paragraph children carry the most text, links discounted."""
    scores: dict[int, tuple[float, Tag]] = {}
    for p in body.find_all(["p", "br"]):
        parent = p.parent
        if not isinstance(parent, Tag):
            continue
        text = p.get_text(strip=True) if p.name == "p" else (p.previous_sibling or "")
        length = len(str(text).strip()) if not isinstance(text, Tag) else len(text.get_text(strip=True))
        old = scores.get(id(parent), (0.0, parent))[0]
        scores[id(parent)] = (old + length, parent)
    if not scores:
        return body
    ranked = sorted(scores.values(), key=lambda s: s[0] * (1 - _link_density(s[1])), reverse=True)
    return ranked[0][1]


def _paragraphs(block: Tag) -> list[str]:
    for br in block.find_all("br"):
        br.replace_with("\n")
    for tag in block.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = block.get_text()
    return [line for line in (_WS.sub(" ", ln).strip() for ln in text.split("\n")) if line]


def extract_html(html: str) -> Extraction:
    """Main text and metadata of an HTML page."""
    soup = BeautifulSoup(html, "lxml")
    ld = _json_ld(soup)
    canonical = soup.find("link", rel="canonical")
    url = canonical.get("href") if isinstance(canonical, Tag) else None
    meta = {
        "title": _title(soup),
        "author": _meta(soup, "author", "article:author") or (ld.get("author") or {}).get("name")
        if isinstance(ld.get("author"), dict) else _meta(soup, "author", "article:author"),
        "published": find_date(_meta(soup, "article:published_time", "pubdate", "publishdate")
                               or str(ld.get("datePublished") or "")),
        "url": url or _meta(soup, "og:url"),
    }
    for tag in soup.find_all(_DROP):
        tag.decompose()
    body = soup.body or soup
    lines = _paragraphs(_content_block(body))
    if meta["title"] and lines and lines[0] == meta["title"]:
        lines = lines[1:]
    kept, removed, found = filter_lines(lines)
    for key, value in found.items():
        meta[key] = meta[key] or value
    return Extraction(text="\n".join(kept), removed=removed, **meta)
