"""YAML front matter (`---` ... `---`) at the top of Markdown and text files."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

_FM = re.compile(r"\A\ufeff?\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[dict[str, Any], str, bool]:
    """Return (fields, body, ok). ok is False when a front-matter block exists but is not valid YAML."""
    m = _FM.match(text)
    if not m:
        return {}, text, True
    try:
        fields = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text[m.end():], False
    if not isinstance(fields, dict):
        return {}, text[m.end():], False
    return fields, text[m.end():], True


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v is not None) or None
    return value


def front_matter_metadata(fields: dict[str, Any]) -> dict[str, str | None]:
    """Map Hugo/Jekyll-style fields to hanflow's metadata names."""
    author = _first(fields.get("authors") or fields.get("author"))
    date = fields.get("date") or fields.get("published") or fields.get("publishDate")
    if isinstance(date, dt.datetime | dt.date):
        date = date.isoformat()
    url = fields.get("url") or fields.get("canonical") or fields.get("canonicalURL")
    if not url and isinstance(fields.get("links"), list):
        url = next((link.get("url") for link in fields["links"] if isinstance(link, dict)), None)
    return {
        "title": str(fields["title"]).strip() if fields.get("title") else None,
        "author": str(author).strip() if author else None,
        "published": str(date) if date else None,
        "url": str(url) if url else None,
    }
