"""The archives of one batch, kept open from one record to the next; inside a single gzip
stream, where a record cannot be reached without inflating what comes before it, a cursor kept
per process across batches."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import BinaryIO

from hanflow.readers import jsonl, warc
from hanflow.readers.entries import Page, RecordError
from hanflow.readers.spans import Cursor, Damaged, Span
from hanflow.sources import Member, open_regular

_OPEN_FILES = 4


class Archives:
    """Reads members of archives for one batch: the files stay open while it runs."""

    def __init__(self, max_bytes: int, jsonl_fields: tuple[str, ...] = jsonl.DEFAULT_FIELDS) -> None:
        self.max_bytes, self.jsonl_fields = max_bytes, jsonl_fields
        self._files: OrderedDict[Path, BinaryIO] = OrderedDict()

    def page(self, path: Path, member: Member) -> Page:
        """The page of one member (raises RecordError, or OSError when the archive cannot be opened)."""
        if member.gz and member.span.skip:
            data = _read_in_stream(path, member.span)
            if member.container == "warc":
                return warc.page_of_record(data, self.max_bytes)
            return jsonl.page_of(data, self.jsonl_fields, self.max_bytes)
        fh = self._file(path)
        if member.container == "warc":
            return warc.read_page(fh, member.gz, member.span, self.max_bytes)
        return jsonl.page_of(jsonl.read_line(fh, member.gz, member.span), self.jsonl_fields, self.max_bytes)

    def _file(self, path: Path) -> BinaryIO:
        if path in self._files:
            self._files.move_to_end(path)
            return self._files[path]
        self._files[path] = open_regular(path)
        while len(self._files) > _OPEN_FILES:
            self._files.pop(next(iter(self._files))).close()
        return self._files[path]

    def close(self) -> None:
        while self._files:
            self._files.popitem()[1].close()


class _Streams:
    """Cursors inside single gzip streams, kept in this process across batches. The batches of
    an archive are handed out in file order, so a worker's cursor only moves forward and each
    worker inflates such a file about once, not once per batch."""

    def __init__(self, keep: int = 2) -> None:
        self.keep = keep
        self._held: OrderedDict[Path, tuple[BinaryIO, Cursor]] = OrderedDict()
        self._lock = threading.Lock()

    def read(self, path: Path, span: Span) -> bytes:
        with self._lock:
            held = self._held.pop(path, None)
        if held is not None and not _reusable(path, held, span):
            held[0].close()
            held = None
        if held is None:
            fh = open_regular(path)
            held = (fh, Cursor(fh, True, span.start))
        try:
            cursor = held[1]
            cursor.skip(span.skip - cursor.tell()[1])
            data = cursor.read(span.length)
        except BaseException:  # a cursor stopped half-way (an error, a time-out) is not reusable
            held[0].close()
            raise
        with self._lock:
            self._held[path] = held
            while len(self._held) > self.keep:
                self._held.popitem(last=False)[1][0].close()
        return data


def _reusable(path: Path, held: tuple[BinaryIO, Cursor], span: Span) -> bool:
    """The same file (not replaced since), and the span lies ahead in the cursor's member."""
    try:
        now, then = os.stat(path, follow_symlinks=False), os.fstat(held[0].fileno())
    except OSError:
        return False
    where, skip = held[1].tell()
    return ((now.st_ino, now.st_dev, now.st_size, now.st_mtime_ns) ==
            (then.st_ino, then.st_dev, then.st_size, then.st_mtime_ns) and where == span.start and skip <= span.skip)


_STREAMS = _Streams()


def _read_in_stream(path: Path, span: Span) -> bytes:
    try:
        return _STREAMS.read(path, span)
    except Damaged as exc:
        raise RecordError("truncated_record" if exc.truncated else "corrupt_record", exc.detail) from None
