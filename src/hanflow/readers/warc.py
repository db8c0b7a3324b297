"""WARC and WARC.gz: where each record lies (at planning), and one record's page (in a batch).

The framing is ours, the parsing is FastWARC's. Framing walks the file record by record — a
record's header block, its Content-Length, the block, the blank lines after it — so that a
record cut short, a corrupt gzip member or garbage between records is found at its own place,
becomes one reject, and reading goes on at the next gzip member (WARC.gz) or the next
`WARC/1.x` line (WARC); it never holds more than a record's first `HEAD_BYTES` in memory.
Each record's WARC and HTTP headers, and in the batch its HTTP body with chunked transfer and
gzip/deflate/brotli content encodings undone, are parsed by FastWARC (`fastwarc.warc`), the
fastest well-kept WARC library (benchmarks/bench_warc_readers.py compares it with warcio).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from collections import Counter
from typing import Any, BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from hanflow.output import rfc3339
from hanflow.readers.entries import HEAD_BYTES, Entry, Index, Page, RecordError
from hanflow.readers.spans import GZIP_MEMBER, Cursor, Damaged, Span, find_after

HEADER_LIMIT = 1 << 16  # a WARC header block longer than this is not a header
PAGE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text",
              "text/markdown": "markdown", "text/x-markdown": "markdown"}
_KEPT_TYPES = (WarcRecordType.response, WarcRecordType.resource)
_LENGTH = re.compile(rb"^content-length[ \t]*:[ \t]*(\d+)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_RECORD_ID = re.compile(rb"^warc-record-id[ \t]*:[ \t]*(\S+)[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_WARC_LINE = re.compile(rb"(?<=\n)WARC/1\.\d\r?\n")


def index_warc(fh: BinaryIO, gz: bool, max_bytes: int) -> Index:
    """Every document of the archive in file order, and a count of the other records."""
    index, cursor = Index(), Cursor(fh, gz)
    while True:
        try:
            if not _next(cursor, index, max_bytes):
                return index
        except Damaged as exc:
            reason = "truncated_record" if exc.truncated else "corrupt_record"
            index.entries.append(Entry(exc.key or f"@{exc.offset}", Span(exc.offset, 0, 0), "", (reason, exc.detail)))
            resume = find_after(fh, exc.offset, GZIP_MEMBER if gz else _WARC_LINE)
            if resume is None:
                return index
            cursor = Cursor(fh, gz, resume)


def _next(cursor: Cursor, index: Index, max_bytes: int) -> bool:
    """Frame the next record and file it in `index`; False at the end of the file."""
    start, head = _header_block(cursor)
    if start is None:
        return False
    length = _content_length(head, start)
    span = Span(start[0], start[1], len(head) + length)
    found = _RECORD_ID.search(head)
    key = found.group(1).decode("ascii", "replace") if found else f"@{start[0] + start[1]}"
    sha = hashlib.sha256(head)
    prefix, got = _block(cursor, length, sha, key)
    if got < length:
        index.entries.append(Entry(key, span, "", ("truncated_record", (
            f"the record declares {length} bytes but the {'gzip member' if cursor.gz else 'file'} ends "
            f"after {got}; the archive was cut short or its Content-Length is wrong"))))
        _end_of_member(cursor)
        return True
    _trailer(cursor, start, key)
    try:
        record = _parse(head + prefix)
    except RecordError as exc:
        index.entries.append(Entry(key, span, "", (exc.reason, exc.detail)))
        return True
    entry = _document(record, key, span, sha.hexdigest(), length, max_bytes, index.skipped)
    if entry is not None:
        index.entries.append(entry)
    return True


def _block(cursor: Cursor, length: int, sha: Any, key: str) -> tuple[bytes, int]:
    """(the block's first HEAD_BYTES, how many of its bytes there were), never holding more."""
    try:
        prefix = cursor.read(min(length, HEAD_BYTES), within_member=True)
        sha.update(prefix)
        return prefix, len(prefix) + cursor.skip(length - len(prefix), within_member=True, sink=sha)
    except Damaged as exc:
        exc.key = key
        raise


def _header_block(cursor: Cursor) -> tuple[tuple[int, int] | None, bytes]:
    """(where the record starts, its header block through the blank line); (None, b"") at the end."""
    start = cursor.tell()
    line = cursor.readline(HEADER_LIMIT)
    while line in (b"\r\n", b"\n"):
        start = cursor.tell()
        line = cursor.readline(HEADER_LIMIT)
    if not line:
        return None, b""
    at = start[0] + start[1]
    if not line.startswith(b"WARC/"):
        raise Damaged(start[0], f"no WARC record starts at byte {at} (it begins {line[:20]!r})")
    lines, size = [line], len(line)
    while lines[-1] not in (b"\r\n", b"\n"):
        line = cursor.readline(HEADER_LIMIT)
        size += len(line)
        if not line or size > HEADER_LIMIT:
            raise Damaged(start[0], f"the WARC header at byte {at} never ends", truncated=not line)
        lines.append(line)
    return start, b"".join(lines)


def _content_length(head: bytes, start: tuple[int, int]) -> int:
    found = _LENGTH.search(head.replace(b"\r\n", b"\n"))
    if found is None:
        raise Damaged(start[0], f"the WARC record at byte {start[0] + start[1]} has no Content-Length")
    return int(found.group(1))


def _trailer(cursor: Cursor, start: tuple[int, int], key: str) -> None:
    """The blank lines after a block (writers that leave them out are forgiven when the next
    record follows at once); anything else means the Content-Length was wrong."""
    tail = cursor.peek(4)
    blank = len(tail) - len(tail.lstrip(b"\r\n"))
    cursor.skip(blank, within_member=True)
    rest = tail[blank:]
    if rest and not b"WARC/".startswith(rest):
        raise Damaged(start[0], f"the WARC record at byte {start[0] + start[1]} is not followed by "
                                "a blank line: its Content-Length does not match its block", key=key)


def _end_of_member(cursor: Cursor) -> None:
    """Pass over what is left of the current gzip member (nothing for a plain file)."""
    if cursor.gz:
        while cursor.skip(1 << 20, within_member=True):
            pass


def _parse(data: bytes) -> WarcRecord:
    try:
        return next(iter(ArchiveIterator(io.BytesIO(data), parse_http=False, stream_detect=False)))
    except (StopIteration, OSError, ValueError) as exc:
        raise RecordError("corrupt_record", f"the WARC record's header cannot be parsed ({exc})") from None


def _document(record: WarcRecord, key: str, span: Span, sha: str, length: int, max_bytes: int,
              skipped: Counter[str]) -> Entry | None:
    """The record as a document, or None (counted in `skipped` by what it is)."""
    if record.record_type not in _KEPT_TYPES:
        skipped[str(record.record_type)] += 1
        return None
    why = _not_a_page(record)
    if why:
        skipped[why] += 1
        return None
    if length > max_bytes + HEAD_BYTES:
        return Entry(key, span, sha, ("too_large", f"the record's {length} bytes are over the limit of "
                                                   f"{max_bytes} (--max-bytes)"))
    return Entry(key, span, sha)


def _not_a_page(record: WarcRecord) -> str:
    """Why the record is not a document ("" when it is one): a response that is not a 2xx page,
    or a resource record that is not an HTML page."""
    if record.record_type == WarcRecordType.resource:
        return "" if page_kind(record.headers.get("Content-Type")) == "html" else "resource"
    try:
        record.parse_http()
    except (OSError, ValueError):
        return "response_unparsable"
    if record.http_headers is None:  # damaged HTTP headers that parse_http passes over
        return "response_unparsable"
    if not 200 <= (record.http_headers.status_code or 0) < 300:
        return "response_not_2xx"
    return "" if page_kind(record.http_content_type) else "response_not_page"


def page_kind(content_type: str | None) -> str | None:
    """html, text or markdown for a page's media type; html when the server named none."""
    media = (content_type or "").split(";")[0].strip().lower()
    return PAGE_TYPES.get(media) if media else "html"


def read_page(fh: BinaryIO, gz: bool, span: Span, max_bytes: int) -> Page:
    """The page of the record at `span`, read by FastWARC straight from the file (a record that
    starts its own gzip member, or lies in a plain file); raises RecordError."""
    fh.seek(span.start)
    return _page(fh, gz, max_bytes)


def page_of_record(data: bytes, max_bytes: int) -> Page:
    """The page of a record given as its (uncompressed) bytes; raises RecordError."""
    return _page(io.BytesIO(data), False, max_bytes)


def _page(source: BinaryIO, gz: bool, max_bytes: int) -> Page:
    """The record's HTTP body with transfer and content encodings undone, never more than
    `max_bytes + 1` bytes of it, and what the record says of it."""
    try:
        record = next(iter(ArchiveIterator(source, auto_decode="all", stream_detect=gz)))
        body = record.reader.read(max_bytes + 1)
    except (StopIteration, OSError, ValueError) as exc:
        raise RecordError("corrupt_record", f"the record's HTTP body cannot be decoded ({exc})") from None
    if len(body) > max_bytes:
        raise RecordError("too_large", f"the record's page decodes to more than the limit of {max_bytes} bytes "
                                       "(--max-bytes)")
    http = record.record_type == WarcRecordType.response
    kind = page_kind(record.http_content_type if http else record.headers.get("Content-Type")) or "html"
    return Page(body, kind, target_uri(record.headers.get("WARC-Target-URI")),
                fetched_time(record.headers.get("WARC-Date")), (record.http_charset if http else None) or None)


def target_uri(value: str | None) -> str:
    """The WARC-Target-URI, without the angle brackets some writers put around it (GNU Wget does,
    as the WARC 1.0 grammar's example had it)."""
    value = (value or "").strip()
    return value[1:-1].strip() if value.startswith("<") and value.endswith(">") else value


def fetched_time(value: str | None) -> str:
    """A WARC-Date (ISO 8601, UTC) in the records' one time form: `2026-11-03T10:00:00.000+00:00`."""
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return ""
    return rfc3339((moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC))
