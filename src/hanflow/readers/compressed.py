"""Single compressed pages (`page.html.gz`, `.bz2`, `.zst`, `.xz`): inflated within the limit.

The limit is on the inflated size: a file that inflates past `--max-bytes` (a decompression
bomb or just a very large page) is a `too_large` reject after at most `limit + 1` bytes were
produced, never an out-of-memory.
"""

from __future__ import annotations

import bz2
import lzma
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import zstandard
from isal import isal_zlib

from hanflow.readers.entries import RecordError
from hanflow.sources import open_regular

COMPRESSIONS = (".gz", ".bz2", ".zst", ".xz")
_CHUNK = 1 << 16


_OPENERS: dict[str, Callable[[], Any]] = {
    ".gz": lambda: isal_zlib.decompressobj(31),
    ".bz2": bz2.BZ2Decompressor,
    ".xz": lzma.LZMADecompressor,
}


def decompress_limited(fh: BinaryIO, suffix: str, limit: int) -> bytes:
    """The inflated bytes of an open compressed file, at most `limit`; raises RecordError.

    Several members or streams one after the other (as `cat a.gz b.gz` makes) are one file.
    """
    if suffix == ".zst":
        return _zstd(fh, limit)
    out, size, decomp, data = [], 0, _OPENERS[suffix](), b""
    try:
        while True:
            if not data and _needs_input(decomp):
                data = fh.read(_CHUNK)
                if not data:
                    break
            piece = decomp.decompress(data, limit + 1 - size)
            out.append(piece)
            size += len(piece)
            if size > limit:
                raise RecordError("too_large", f"the file inflates to more than the limit of {limit} bytes "
                                               "(--max-bytes)")
            data = decomp.unused_data if decomp.eof else getattr(decomp, "unconsumed_tail", b"")
            if decomp.eof:
                data = data or fh.read(_CHUNK)
                if not data:
                    return b"".join(out)
                decomp = _OPENERS[suffix]()
    except (zlib.error, isal_zlib.error, OSError, EOFError, lzma.LZMAError) as exc:
        raise RecordError("corrupt_compressed", f"the {suffix} data is damaged ({exc})") from None
    raise RecordError("corrupt_compressed", f"the {suffix} data ends before its end marker: the file is truncated")


def _needs_input(decomp: Any) -> bool:
    """zlib hands back what it could not take (`unconsumed_tail`); bz2 and lzma keep it and say
    whether they can go on without more (`needs_input`)."""
    return getattr(decomp, "needs_input", True)


# zstd cannot bound one call's output, so its input goes in small slices: one slice of RLE
# blocks inflates to at most a few MB, whatever the file holds.
_ZSTD_SLICE = 256


def _zstd(fh: BinaryIO, limit: int) -> bytes:
    out, size, decomp = [], 0, zstandard.ZstdDecompressor().decompressobj()
    try:
        while chunk := fh.read(_CHUNK):
            for i in range(0, len(chunk), _ZSTD_SLICE):
                data = chunk[i:i + _ZSTD_SLICE]
                while data:
                    if decomp.eof:  # another frame follows
                        decomp = zstandard.ZstdDecompressor().decompressobj()
                    piece = decomp.decompress(data)
                    out.append(piece)
                    size += len(piece)
                    if size > limit:
                        raise RecordError("too_large", f"the file inflates to more than the limit of {limit} "
                                                       "bytes (--max-bytes)")
                    data = decomp.unused_data if decomp.eof else b""
    except zstandard.ZstdError as exc:
        raise RecordError("corrupt_compressed", f"the .zst data is damaged ({exc})") from None
    if not decomp.eof:
        raise RecordError("corrupt_compressed", "the .zst data ends before its end marker: the file is truncated")
    return b"".join(out)


def read_compressed(path: Path, suffix: str, limit: int) -> bytes:
    """Open (never following a link swapped in since discovery) and inflate within `limit`."""
    with open_regular(path) as fh:
        return decompress_limited(fh, suffix, limit)
