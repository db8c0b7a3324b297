"""The emitted JSON lines: kept records, duplicate entries and rejects (schema in schema/)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hanflow.document import Document
from hanflow.extract.dates import find_date

SCHEMA_VERSION = "1.0"


def iso_date(value: str | None) -> str | None:
    """ISO 8601: kept as written when it already is one, else the first date found in it."""
    if not value:
        return None
    value = value.strip()
    for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            return parse(value).isoformat()
        except ValueError:
            continue
    return find_date(value)


def to_record(doc: Document) -> dict[str, Any]:
    a = doc.annotations
    return {
        "id": a["id"],
        "source": doc.source,
        "url": doc.meta.get("url"),
        "title": doc.meta.get("title"),
        "author": doc.meta.get("author"),
        "published": iso_date(doc.meta.get("published")),
        "page_type": a.get("page_type", "article"),
        "lang": a["lang"],
        "zh_ratio": a["zh_ratio"],
        "latin_ratio": a["latin_ratio"],
        "script": a["script"],
        "converted_share": a["converted_share"],
        "encoding": doc.encoding,
        "text": doc.text,
        "tokens": doc.tokens,
        "n_chars": len(doc.text),
        "n_tokens": len(doc.tokens),
        "keywords": a["keywords"],
        "source_sha256": doc.sha256,
        "schema_version": SCHEMA_VERSION,
    }


def to_reject(source: str, reason: str, detail: str) -> dict[str, Any]:
    return {"source": source, "reason": reason, "detail": detail, "schema_version": SCHEMA_VERSION}


def to_duplicate(record: dict[str, Any], duplicate_of: str, similarity: float, method: str) -> dict:
    return {
        "source": record["source"],
        "id": record["id"],
        "duplicate_of": duplicate_of,
        "similarity": round(similarity, 4),
        "method": method,
        "title": record["title"],
        "url": record["url"],
        "n_chars": record["n_chars"],
        "schema_version": SCHEMA_VERSION,
    }


def dumps(obj: dict[str, Any]) -> str:
    """One JSON line, UTF-8 characters kept readable, key order as built."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
