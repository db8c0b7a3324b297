"""A file read as the bytes it holds, or as the bytes its gzip members inflate to.

Archives (WARC.gz, JSONL.gz) are read at two moments: once whole at planning, to find where
each record or line lies, and then one record at a time in the batches. A `Span` says where a
record lies in a way that a batch can reach without reading what comes before it: the file
offset to start reading at (for a gzip file, the start of the member that holds it), the
inflated bytes to pass over from there, and the record's length. WARC.gz files hold one gzip
member per record, so `skip` is 0 and a record costs one member's inflation; a file that is a
single gzip stream is still readable, at the price of inflating from its start.

Inflation is bounded: a `Cursor` never holds more than `CHUNK` inflated bytes at once, so a
member that inflates to far more than its record says (a decompression bomb) costs time
proportional to what is asked of it, never memory. Inflation is python-isal's (the zlib
interface over Intel's ISA-L), about twice as fast as zlib's on these files.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from isal import isal_zlib  # zlib's interface over Intel's ISA-L: inflates about twice as fast

CHUNK = 1 << 16
GZIP_MAGIC = b"\x1f\x8b\x08"


class Damaged(Exception):
    """The bytes at `offset` of the file cannot be read as what they should be.

    `truncated`: the file ends inside a gzip member (or a record); else the data is corrupt.
    """

    def __init__(self, offset: int, detail: str, truncated: bool = False, key: str = "") -> None:
        super().__init__(detail)
        self.offset = offset
        self.detail = detail
        self.truncated = truncated
        self.key = key  # what the damaged record is known as, when its header could be read


@dataclass(frozen=True)
class Span:
    start: int  # file offset where reading begins (a gzip member's first byte, for gzip files)
    skip: int  # inflated bytes to pass over from `start` before the span begins (0 for plain files)
    length: int  # the span's length in (inflated) bytes


class Cursor:
    """Sequential reading of a plain or gzip file from `start`, telling at every moment where the
    next byte lies as (member start, inflated bytes into that member)."""

    def __init__(self, fh: BinaryIO, gz: bool, start: int = 0) -> None:
        fh.seek(start)
        self.fh, self.gz = fh, gz
        self._buf, self._off = b"", 0  # inflated (or plain) bytes, all from the current member, and how many
        # of them were handed out already
        self._pending, self._pending_pos = b"", start  # compressed bytes not yet inflated, and their offset
        self._inflater: isal_zlib._Decompress | _Finished | None = None
        self._member_start, self._member_out = start, 0
        self._plain_pos = start

    def tell(self) -> tuple[int, int]:
        """Where the next byte handed out lies: (start, skip) as in `Span`."""
        if not self.gz:
            return self._plain_pos, 0
        if self._buf or (self._inflater is not None and not self._inflater.eof):
            return self._member_start, self._member_out
        return self._pending_pos, 0

    def peek(self, n: int) -> bytes:
        """Up to the next `n` bytes of the current member (or plain file), not consumed."""
        while len(self._buf) - self._off < n:
            rest = self._buf[self._off:]
            self._buf, self._off = b"", 0
            if not self._fill(new_member=False):
                self._buf = rest
                break
            self._buf = rest + self._buf
        return self._buf[self._off:self._off + n]

    def _fill(self, new_member: bool = True) -> bool:
        """Make `_buf` non-empty; False at the end of the file (or, unless `new_member`, of the
        current gzip member)."""
        while not self._buf:
            if not self.gz:
                self._buf = self.fh.read(CHUNK)
                return bool(self._buf)
            if self._inflater is None or self._inflater.eof:
                if self._inflater is not None and not new_member:
                    return False
                if not self._start_member():
                    return False
            self._inflate()
        return True

    def _start_member(self) -> bool:
        if len(self._pending) < len(GZIP_MAGIC):
            self._pending += self.fh.read(CHUNK)
        if not self._pending:
            return False
        if not self._pending.startswith(GZIP_MAGIC):
            raise Damaged(self._pending_pos, f"no gzip member starts at byte {self._pending_pos}")
        self._inflater = isal_zlib.decompressobj(31)
        self._member_start, self._member_out = self._pending_pos, 0
        return True

    def _inflate(self) -> None:
        inflater = self._inflater
        if not self._pending:
            self._pending = self.fh.read(CHUNK)
        before = len(self._pending)
        try:
            self._buf = inflater.decompress(self._pending, CHUNK)
        except (zlib.error, isal_zlib.error) as exc:
            raise Damaged(self._member_start, f"the gzip member at byte {self._member_start} is corrupt "
                                              f"({exc})") from None
        if not before and not self._buf and not inflater.eof:
            raise Damaged(self._member_start, f"the file ends inside the gzip member at byte "
                                              f"{self._member_start}", truncated=True)
        rest = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
        self._pending_pos += before - len(rest)
        self._pending = rest
        if inflater.eof:
            self._inflater = _FINISHED  # its left-over input is in _pending now

    def _take(self, n: int) -> bytes:
        if n >= len(self._buf) - self._off:
            piece = self._buf[self._off:] if self._off else self._buf
            self._buf, self._off = b"", 0
        else:
            piece = self._buf[self._off:self._off + n]
            self._off += n
        if self.gz:
            self._member_out += len(piece)
        else:
            self._plain_pos += len(piece)
        return piece

    def read(self, n: int, within_member: bool = False) -> bytes:
        """Up to `n` bytes (fewer only at the end of the file, or of the member if `within_member`)."""
        parts, left = [], n
        while left > 0 and self._fill(new_member=not within_member):
            parts.append(self._take(left))
            left -= len(parts[-1])
        return b"".join(parts)

    def skip(self, n: int, within_member: bool = False, sink: object = None) -> int:
        """Pass over `n` bytes without keeping them (each piece goes to `sink.update`, if given);
        returns how many there were."""
        done = 0
        while done < n and self._fill(new_member=not within_member):
            piece = self._take(n - done)
            if sink is not None:
                sink.update(piece)  # type: ignore[attr-defined]
            done += len(piece)
        return done

    def readline(self, limit: int) -> bytes:
        """One line with its newline, or at most `limit` bytes of it (the caller sees no newline)."""
        parts, size = [], 0
        while size < limit and self._fill():
            end = self._buf.find(b"\n", self._off, self._off + limit - size)
            piece = self._take(end + 1 - self._off if end >= 0 else limit - size)
            parts.append(piece)
            size += len(piece)
            if piece.endswith(b"\n"):
                break
        return b"".join(parts)


class _Finished:
    """Stands for an inflater whose member has ended and whose left-over input was taken."""

    eof = True
    unused_data = b""


_FINISHED = _Finished()


def read_span(fh: BinaryIO, gz: bool, span: Span) -> bytes:
    """The span's bytes (fewer if the file ends early)."""
    cursor = Cursor(fh, gz, span.start)
    if span.skip:
        cursor.skip(span.skip)
    return cursor.read(span.length)


def find_after(fh: BinaryIO, after: int, pattern: re.Pattern[bytes]) -> int | None:
    """The offset of the first match of `pattern` that starts after byte `after`, or None
    (a match may need up to 16 bytes before it, as a look-behind)."""
    pos = after + 1
    fh.seek(pos)
    tail = b""
    while block := fh.read(1 << 20):
        data = tail + block
        found = pattern.search(data)
        if found:
            return pos - len(tail) + found.start()
        tail = data[-16:]
        pos += len(block)
    return None


GZIP_MEMBER = re.compile(re.escape(GZIP_MAGIC))
