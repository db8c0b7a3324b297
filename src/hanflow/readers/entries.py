"""What the archive readers hand the pipeline: where each document of an archive lies, and a
document's page once read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from hanflow.readers.spans import Span

HEAD_BYTES = 1 << 16  # bytes beyond --max-bytes that a record's headers may take


class RecordError(Exception):
    """A record or line cannot give its page: `reason` is a reject code, `detail` a sentence."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason, self.detail = reason, detail


@dataclass(frozen=True)
class Entry:
    """One document of an archive: a record or line, or a damaged stretch of bytes."""

    key: str  # WARC-Record-ID, line number, or "@<byte offset>" for bytes that hold no readable record
    span: Span
    sha256: str  # of the record or line as stored (uncompressed): same bytes, same document
    reject: tuple[str, str] | None = None


@dataclass
class Index:
    entries: list[Entry] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # what is not a document, by type


@dataclass(frozen=True)
class Page:
    """What a batch gets from a record or line: the page's bytes and what the archive says of it."""

    data: bytes
    kind: str  # html | text | markdown
    url: str = ""
    fetched: str = ""  # when the page was fetched, RFC 3339 with milliseconds ("" when not known)
    http_charset: str | None = None
