"""Front matter at the top of Markdown and text files: YAML (`---` ... `---`) or, as Hugo
writes it, TOML (`+++` ... `+++`).

Front matter is advisory: a block that is not valid YAML is skipped, and a field whose value
cannot be used (an impossible date such as 2024-02-30, a mapping where a title belongs) is
dropped; either is counted under `front_matter_invalid`, and the document is processed as if
the value were absent. Timestamps stay text until `find_date` reads them, so a date YAML would
reject never raises.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from typing import Any

import yaml

from hanflow.extract.dates import find_date

_FM = re.compile(r"\A\ufeff?\s*(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader without anchors/aliases: front matter never needs them, and nested
    aliases ("billion laughs") would turn a few lines into an enormous structure. Timestamps
    are left as text (YAML would raise on 2024-02-30)."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

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
        fields = (tomllib.loads(m.group(2)) if m.group(1) == "+++"
                  else yaml.load(m.group(2), Loader=_NoAliasLoader))
    except (yaml.YAMLError, ValueError, RecursionError):  # ValueError: a value YAML cannot build, bad TOML
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


def _raw(fields: dict[str, Any]) -> dict[str, Any]:
    """Hugo/Jekyll-style fields under hanflow's metadata names, values as YAML gave them."""
    url = fields.get("url") or fields.get("canonical") or fields.get("canonicalURL")
    if not url and isinstance(fields.get("links"), list):
        url = next((link.get("url") for link in fields["links"] if isinstance(link, dict)), None)
    return {
        "title": fields.get("title"),
        "author": fields.get("authors") or fields.get("author"),
        "published": fields.get("date") or fields.get("published") or fields.get("publishDate"),
        "url": url,
    }


def _value(key: str, value: Any) -> str | None:
    if isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()
    text = _scalar(value)
    return find_date(text) if key == "published" and text else text


def front_matter_metadata(fields: dict[str, Any]) -> dict[str, str | None]:
    """Map Hugo/Jekyll-style fields to hanflow's metadata names; an unusable value is None."""
    return {key: _value(key, value) for key, value in _raw(fields).items()}


def invalid_fields(fields: dict[str, Any]) -> list[str]:
    """The metadata fields the front matter gives but with a value that cannot be used."""
    return [key for key, value in _raw(fields).items()
            if value not in (None, "", []) and _value(key, value) is None]
