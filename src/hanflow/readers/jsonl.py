"""JSON Lines exports (`.jsonl`, `.jsonl.gz`): one page per line, in a field named by the user.

Indexing only finds the lines (where each starts, how long it is, its hash); each line is
parsed in its batch. The page is the first of `fields` that the line holds as a non-empty
string (default `html`, then `text`); `url` comes from the line's `url` field.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import BinaryIO

import orjson

from hanflow.readers.entries import HEAD_BYTES, Entry, Index, Page, RecordError
from hanflow.readers.spans import Cursor, Damaged, Span, read_span

DEFAULT_FIELDS = ("html", "text")
# JSON escapes a character in at most 6 bytes (\uXXXX); a longer line cannot hold a page within the limit.
_ESCAPE_GROWTH = 6
_LOOKS_HTML = re.compile(r"\s*<(?:!doctype|html|head|body|div|p|article|main|section|meta|title)\b", re.I)


def parse_fields(value: str) -> tuple[str, ...]:
    """`--jsonl-field html,text` -> ("html", "text"); raises ValueError when no field is named."""
    fields = tuple(f.strip() for f in value.split(",") if f.strip())
    if not fields:
        raise ValueError("--jsonl-field names no field; give one or more, separated by commas (e.g. html,text)")
    return fields


def index_jsonl(fh: BinaryIO, gz: bool, max_bytes: int) -> Index:
    """Every non-blank line as a document, numbered from 1 like an editor numbers lines."""
    index, cursor, number = Index(), Cursor(fh, gz), 0
    limit = _ESCAPE_GROWTH * max_bytes + HEAD_BYTES
    try:
        while True:
            start = cursor.tell()
            length, sha, blank = _line(cursor)
            if not length:
                return index
            number += 1
            if blank:
                index.skipped["blank_line"] += 1
            elif length > limit:
                index.entries.append(Entry(str(number), Span(*start, length), sha, (
                    "too_large", f"the line's {length} bytes cannot hold a page within the limit of {max_bytes} "
                                 "bytes (--max-bytes)")))
            else:
                index.entries.append(Entry(str(number), Span(*start, length), sha))
    except Damaged as exc:
        reason = "truncated_record" if exc.truncated else "corrupt_record"
        index.entries.append(Entry(f"@{exc.offset}", Span(exc.offset, 0, 0), "", (reason, (
            f"{exc.detail}; the lines after line {number} cannot be read"))))
        return index


def _line(cursor: Cursor) -> tuple[int, str, bool]:
    """(length, SHA-256, whether it is blank) of the next line, read in pieces of bounded size."""
    sha, length, blank = hashlib.sha256(), 0, True
    while True:
        piece = cursor.readline(1 << 20)
        if not piece:
            return length, sha.hexdigest(), blank
        sha.update(piece)
        length += len(piece)
        blank = blank and not piece.strip()
        if piece.endswith(b"\n"):
            return length, sha.hexdigest(), blank


def read_line(fh: BinaryIO, gz: bool, span: Span) -> bytes:
    try:
        return read_span(fh, gz, span)
    except Damaged as exc:
        raise RecordError("truncated_record" if exc.truncated else "corrupt_record", exc.detail) from None


def page_of(line: bytes, fields: tuple[str, ...], max_bytes: int) -> Page:
    """The page a line holds (raises RecordError `bad_json_line` or `too_large`)."""
    obj = _loads(line)
    if not isinstance(obj, dict):
        raise RecordError("bad_json_line", f"the line holds a JSON {type(obj).__name__}, not an object")
    name = next((f for f in fields if isinstance(obj.get(f), str) and obj[f].strip()), None)
    if name is None:
        raise RecordError("bad_json_line", f"the line has no non-empty text in {', '.join(map(repr, fields))} "
                                           "(--jsonl-field names the fields that hold the page)")
    data = obj[name].encode("utf-8", "surrogatepass")
    if len(data) > max_bytes:
        raise RecordError("too_large", f"the page in {name!r} is {len(data)} bytes, over the limit of {max_bytes} "
                                       "(--max-bytes)")
    url = obj.get("url")
    return Page(data, _kind(name, obj[name]), url if isinstance(url, str) else "")


def _loads(line: bytes) -> object:
    """orjson (several times faster on page-sized lines); the standard library for what orjson
    refuses but JSON readers accept (lone surrogate escapes, NaN), and for the error message."""
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        pass
    try:
        return json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise RecordError("bad_json_line", f"the line is not valid JSON ({str(exc)[:80]})") from None


def _kind(field: str, value: str) -> str:
    """html for a field named html, text for one named text; for another field, what it looks like."""
    if field in ("html", "text"):
        return field
    return "html" if _LOOKS_HTML.match(value) else "text"
