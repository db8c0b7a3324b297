"""The data object that flows through the steps, and the outcomes a document can end in."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hanflow.sources import Member

KINDS = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text", ".md": "markdown",
         ".markdown": "markdown"}


@dataclass(frozen=True)
class Reject:
    reason: str  # a short stable code, see hanflow.reasons.REASONS
    detail: str  # a sentence for people


@dataclass
class Document:
    """One input file on its way to a record, a duplicate or a reject."""

    source: str  # path relative to the raw folder, POSIX style
    path: Path
    kind: str = "text"
    sha256: str = ""
    size: int = 0
    data: bytes = b""
    encoding: str | None = None
    text: str = ""
    meta: dict[str, str | None] = field(default_factory=dict)
    annotations: dict[str, object] = field(default_factory=dict)
    tokens: list[str] = field(default_factory=list)
    removed: Counter[str] = field(default_factory=Counter)
    reject: Reject | None = None
    member: Member | None = None  # for a record or line of an archive: where it lies (`path` is the archive)
    url: str = ""  # where the page was fetched from, as the archive records it ("" for a loose file)
    fetched: str = ""  # when, RFC 3339 with milliseconds ("" when not known)
    http_charset: str | None = None  # the charset of the HTTP Content-Type header, if any

    @property
    def done(self) -> bool:
        return self.reject is not None

    def fail(self, reason: str, detail: str) -> Document:
        self.reject = Reject(reason, detail)
        return self
