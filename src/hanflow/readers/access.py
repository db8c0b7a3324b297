"""The archives of one batch, kept open from one record to the next."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import BinaryIO

from hanflow.readers import jsonl, warc
from hanflow.readers.entries import Page, RecordError
from hanflow.readers.spans import Cursor, Damaged
from hanflow.sources import Member, open_regular

_OPEN_FILES = 4


class Archives:
    """Reads members of archives: a batch takes a stretch of each archive in file order, so the
    files stay open and, inside a single gzip stream, inflation goes on from the last line read
    instead of starting over."""

    def __init__(self, max_bytes: int, jsonl_fields: tuple[str, ...] = jsonl.DEFAULT_FIELDS) -> None:
        self.max_bytes, self.jsonl_fields = max_bytes, jsonl_fields
        self._files: OrderedDict[Path, BinaryIO] = OrderedDict()
        self._cursor: tuple[Path, Cursor] | None = None

    def page(self, path: Path, member: Member) -> Page:
        """The page of one member (raises RecordError, or OSError when the archive cannot be opened)."""
        fh = self._file(path)
        if member.container == "warc":
            return warc.read_page(fh, member.gz, member.span, self.max_bytes)
        return jsonl.page_of(self._line(path, fh, member), self.jsonl_fields, self.max_bytes)

    def _line(self, path: Path, fh: BinaryIO, member: Member) -> bytes:
        span = member.span
        if not (member.gz and span.skip):
            return jsonl.read_line(fh, member.gz, span)
        cursor = self._cursor[1] if self._cursor and self._cursor[0] == path else None
        if cursor is None or cursor.tell()[0] != span.start or cursor.tell()[1] > span.skip:
            cursor = Cursor(fh, True, span.start)
        self._cursor = None  # not reusable if reading stops half-way (an error, a time-out)
        try:
            cursor.skip(span.skip - cursor.tell()[1])
            line = cursor.read(span.length)
        except Damaged as exc:
            raise RecordError("truncated_record" if exc.truncated else "corrupt_record", exc.detail) from None
        self._cursor = (path, cursor)
        return line

    def _file(self, path: Path) -> BinaryIO:
        if path in self._files:
            self._files.move_to_end(path)
            return self._files[path]
        self._files[path] = open_regular(path)
        while len(self._files) > _OPEN_FILES:
            self._close(next(iter(self._files)))
        return self._files[path]

    def _close(self, path: Path) -> None:
        self._files.pop(path).close()
        if self._cursor and self._cursor[0] == path:
            self._cursor = None

    def close(self) -> None:
        for path in list(self._files):
            self._close(path)
