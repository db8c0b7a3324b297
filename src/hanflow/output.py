"""The emitted JSON lines: kept records, duplicate entries and rejects (schemas in schema/).

Every field has one JSON type in every line, so that readers which guess column types from
a shard (pandas, polars, DuckDB, pyarrow, Hugging Face `datasets`) guess the same for every
shard: text that is absent is "" (never null), ratios are always floats, lists are never
empty, `schema_version` is not a number. `published` (and `fetched`) has one form, an RFC 3339 time with
milliseconds and a UTC offset (`2025-05-10T21:05:00.000+08:00`); the milliseconds keep JSON
readers from turning it into a time stamp type in some shards and not in others.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from hanflow.document import Document
from hanflow.extract.dates import find_date

SCHEMA_VERSION = "2.1.0"
# The offset assumed, by `lang_code`, when a page gives a time but no zone: UTC+8 is the time of
# every Chinese-speaking region (mainland China, Hong Kong, Macau, Taiwan, Singapore); Japan and
# Korea keep UTC+9; anything else is taken as UTC.
ASSUMED_OFFSET = {"zh": dt.timedelta(hours=8), "ja": dt.timedelta(hours=9), "ko": dt.timedelta(hours=9)}


@dataclass(frozen=True)
class Stamp:
    """The run fields of a line: the run that wrote it, and the run that first saw its source
    (run ids, `run-00001`...; their manifests in runs/ say when they ran)."""

    run_id: str
    first_seen: str


def rfc3339(moment: dt.datetime) -> str:
    offset = moment.utcoffset() or dt.timedelta(0)
    sign, minutes = ("-", -offset) if offset < dt.timedelta(0) else ("+", offset)
    hours, rest = divmod(int(minutes.total_seconds()) // 60, 60)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}{sign}{hours:02d}:{rest:02d}"


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


def published_fields(value: str | None, lang_code: str) -> tuple[str, str]:
    """(`published`, `published_tz`): the time in the one record form, and whether its offset is
    the page's own ("stated") or `ASSUMED_OFFSET` ("assumed"); ("", "") without a date.

    A date without a time is midnight of that day.
    """
    iso = iso_date(value)
    if not iso:
        return "", ""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return "", ""
    if moment.tzinfo is not None:
        return rfc3339(moment), "stated"
    zone = dt.timezone(ASSUMED_OFFSET.get(lang_code, dt.timedelta(0)))
    return rfc3339(moment.replace(tzinfo=zone)), "assumed"


def _ratio(value: object) -> float:
    return float(value)  # type: ignore[arg-type]


def to_record(doc: Document, stamp: Stamp) -> dict[str, Any]:
    a, meta = doc.annotations, doc.meta
    published, published_tz = published_fields(meta.get("published"), str(a["lang_code"]))
    return {
        "id": a["id"],
        "source": doc.source,
        "url": doc.url or meta.get("url") or "",
        "title": meta.get("title") or "",
        "author": meta.get("author") or "",
        "published": published,
        "published_tz": published_tz,
        "page_type": a.get("page_type", "article"),
        "fetched": doc.fetched,
        "lang": a["lang"],
        "lang_code": a["lang_code"],
        "zh_ratio": _ratio(a["zh_ratio"]),
        "latin_ratio": _ratio(a["latin_ratio"]),
        "script": a["script"],
        "converted_share": _ratio(a["converted_share"]),
        "encoding": doc.encoding or "",
        "text": doc.text,
        "tokens": doc.tokens,
        "n_chars": len(doc.text),
        "n_tokens": len(doc.tokens),
        "keywords": a["keywords"],
        "source_sha256": doc.sha256,
        "run_id": stamp.run_id,
        "first_seen": stamp.first_seen,
        "schema_version": SCHEMA_VERSION,
    }


def to_reject(source: str, reason: str, detail: str, sha256: str, stamp: Stamp) -> dict[str, Any]:
    return {"source": source, "reason": reason, "detail": detail, "source_sha256": sha256,
            "run_id": stamp.run_id, "first_seen": stamp.first_seen, "schema_version": SCHEMA_VERSION}


def to_duplicate(record: dict[str, Any], duplicate_of: str, similarity: float, method: str) -> dict:
    """The duplicate entry of a record (its run fields are the record's)."""
    return {
        "source": record["source"],
        "id": record["id"],
        "duplicate_of": duplicate_of,
        "similarity": float(round(similarity, 4)),
        "method": method,
        "title": record["title"],
        "url": record["url"],
        "n_chars": record["n_chars"],
        "source_sha256": record["source_sha256"],
        "run_id": record["run_id"],
        "first_seen": record["first_seen"],
        "schema_version": SCHEMA_VERSION,
    }


def dumps(obj: dict[str, Any]) -> str:
    """One JSON line, UTF-8 characters kept readable, key order as built."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
