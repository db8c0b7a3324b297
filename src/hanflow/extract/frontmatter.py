"""YAML front matter (`---` ... `---`) at the top of Markdown and text files."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from hanflow.extract.dates import find_date

_FM = re.compile(r"\A\ufeff?\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader without anchors/aliases: front matter never needs them, and nested
    aliases ("billion laughs") would turn a few lines into an enormous structure."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not allowed in front matter")
        return super().compose_node(parent, index)


def split_front_matter(text: str) -> tuple[dict[str, Any], str, bool]:
    """Return (fields, body, ok); ok is False when a front-matter block is not valid YAML."""
    m = _FM.match(text)
    if not m:
        return {}, text, True
    try:
        fields = yaml.load(m.group(1), Loader=_NoAliasLoader)
    except yaml.YAMLError:
        return {}, text[m.end():], False
    if not isinstance(fields, dict):
        return {}, text[m.end():], False
    return fields, text[m.end():], True


_SCALARS = (str, int, float)


def _scalar(value: Any) -> str | None:
    """A field as text: scalars as they are, lists of scalars joined; anything else is ignored."""
    if isinstance(value, list):
        return ", ".join(str(v).strip() for v in value[:20] if isinstance(v, _SCALARS)) or None
    if isinstance(value, _SCALARS) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


def front_matter_metadata(fields: dict[str, Any]) -> dict[str, str | None]:
    """Map Hugo/Jekyll-style fields to hanflow's metadata names."""
    date = fields.get("date") or fields.get("published") or fields.get("publishDate")
    if isinstance(date, dt.datetime | dt.date):
        date = date.isoformat()
    date = _scalar(date)
    url = fields.get("url") or fields.get("canonical") or fields.get("canonicalURL")
    if not url and isinstance(fields.get("links"), list):
        url = next((link.get("url") for link in fields["links"] if isinstance(link, dict)), None)
    return {
        "title": _scalar(fields.get("title")),
        "author": _scalar(fields.get("authors") or fields.get("author")),
        "published": (find_date(date) or date) if date else None,
        "url": _scalar(url),
    }
