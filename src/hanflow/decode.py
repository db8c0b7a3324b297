"""Bytes to text: BOM first, then the declared charset, then detection."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-]+)""",
    re.IGNORECASE,
)
# Declared names that are in practice always a superset encoding on the web.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs",
              "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}


class DecodeError(ValueError):
    """Raised when bytes cannot be turned into text; `reason` is a stable reject code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    method: str  # "bom" | "declared" | "detected" | "utf-8"


def looks_binary(data: bytes) -> bool:
    """A NUL-heavy or control-heavy prefix means a binary file (UTF-16/32 are caught by BOM first)."""
    head = data[:4096]
    if not head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return head.count(0) > len(head) // 100 or controls > len(head) // 10


def declared_charset(data: bytes) -> str | None:
    m = _DECLARED.search(data[:8192])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii").lower()
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def decode_bytes(data: bytes) -> Decoded:
    """Decode scraped bytes; raises DecodeError("empty" | "binary" | "undecodable")."""
    if not data.strip():
        raise DecodeError("empty", "the file is empty or holds only whitespace")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(name, errors="replace"), name.replace("-sig", ""), "bom")
    if looks_binary(data):
        raise DecodeError("binary", "the file holds binary data, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared and declared not in ("utf-8", "utf8"):
        try:
            return Decoded(data.decode(declared), declared, "declared")
        except UnicodeDecodeError:
            pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        if declared:
            return Decoded(data.decode(declared, errors="replace"), declared, "declared")
        raise DecodeError("undecodable", "no text encoding fits the file's bytes")
    enc = _SUPERSETS.get(best.encoding, best.encoding)
    return Decoded(data.decode(enc, errors="replace"), enc, "detected")
