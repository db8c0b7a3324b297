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
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-]+)"""
    rb"""|<[a-z]+\s[^>]*\bencoding\s*=\s*["']([a-zA-Z0-9_\-]+)""",
    re.IGNORECASE,
)
# A declared charset still wins over detection when only this share of characters is damaged.
_TOLERATED_DAMAGE = 0.01
# A detected Chinese encoding is kept with more damage: the alternative is rejecting the page.
_TOLERATED_DETECTED_DAMAGE = 0.05
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
    method: str  # "bom" | "declared" | "detected" | "utf-8" | "utf-8+repaired" (mojibake undone)


def looks_binary(data: bytes) -> bool:
    """A NUL- or control-heavy prefix means binary data (UTF-16/32 are caught by BOM first)."""
    head = data[:4096]
    if not head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return head.count(0) > len(head) // 100 or controls > len(head) // 10


# Python codecs that a page may name but no browser would honour.
_NOT_WEB_CHARSETS = {"unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined", "palmos",
                     "mbcs", "oem", "utf-7"}


def declared_charset(data: bytes) -> str | None:
    m = _DECLARED.search(data[:8192])
    if not m:
        return None
    name = (m.group(1) or m.group(2) or m.group(3)).decode("ascii").lower()
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not info._is_text_encoding or info.name in _NOT_WEB_CHARSETS:
        return None
    return _SUPERSETS.get(name, name)


def decode_bytes(data: bytes, http_charset: str | None = None) -> Decoded:
    """Decode scraped bytes; raises DecodeError("empty" | "binary" | "undecodable").

    `http_charset`, the charset of the HTTP Content-Type header a crawler recorded, comes after
    the BOM and before the page's own declaration, as in browsers.
    """
    if not data.strip():
        raise DecodeError("empty", "the file is empty or holds only whitespace")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(name, errors="replace"), name.replace("-sig", ""), "bom")
    if looks_binary(data):
        raise DecodeError("binary", "the file holds binary data, not text")
    declared = _with_http_charset(_web_charset(http_charset), declared_charset(data), data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        repaired = repair_mojibake(text, declared or "gb18030")
        return Decoded(repaired, "utf-8", "utf-8" if repaired is text else "utf-8+repaired")
    if declared:
        decoded = _decode_tolerant(data, declared)
        if decoded is not None:
            return Decoded(decoded, declared, "declared")
    return _detect(data, declared)


def _web_charset(name: str | None) -> str | None:
    """A charset named outside the page (the HTTP header) as `declared_charset` reads one."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not info._is_text_encoding or info.name in _NOT_WEB_CHARSETS:
        return None
    return _SUPERSETS.get(name, name)


# ISO-8859-1 is HTTP/1.1's default charset, which servers name for pages they know nothing of;
# a GBK or Big5 page decodes under it into mojibake without a single error.
_SERVER_DEFAULTS = {"cp1252", "latin-1", "iso8859-1", "ascii"}  # as codecs.lookup names them


def _with_http_charset(http: str | None, page: str | None, data: bytes) -> str | None:
    """The HTTP header's charset over the page's, unless it is only the server's default and
    the page says otherwise or its bytes are, positively, Chinese text in GB18030 or Big5."""
    if http is None:
        return page
    if codecs.lookup(http).name in _SERVER_DEFAULTS and (page is not None or _strictly_chinese(data)):
        return page
    return http


def _strictly_chinese(data: bytes) -> bool:
    """The bytes decode without one error as GB18030 or Big5 into text holding Han characters
    (Latin-1 text does not: an accented letter before a space or a stop is no valid double-byte
    pair, and the few that pass by chance make too few characters)."""
    for encoding in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(_CJK.findall(text, 0, 100_000)) >= _MIN_CHINESE:
            return True
    return False


_MIN_CHINESE = 10


_LATIN_RUN = re.compile(
    r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]"
)
_CJK = re.compile(r"[\u3000-\u9fff]")


def _legacy_bytes(text: str) -> bytes:
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        pass
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            out += ch.encode("latin-1")
    return bytes(out)


def repair_mojibake(text: str, legacy: str) -> str:
    """Undo pages that were decoded as Windows-1252 and re-encoded, possibly twice.

    Only text with no CJK characters and mostly Latin-1 letters is touched, and only
    when every round decodes strictly; anything else is returned unchanged.
    """
    current = text
    for _ in range(3):
        if current.isascii() or _CJK.search(current):
            break
        non_ascii = len(current) - len(current.encode("ascii", "ignore"))
        latin = len(_LATIN_RUN.findall(current))
        if non_ascii < 50 or latin < 0.95 * non_ascii:
            break
        try:
            raw = _legacy_bytes(current)
        except UnicodeEncodeError:
            break
        for enc in ("utf-8", legacy):
            try:
                current = raw.decode(enc)
                break
            except (UnicodeDecodeError, LookupError):
                continue
        else:
            break
    return current if _CJK.search(current) else text


def _decode_tolerant(data: bytes, encoding: str) -> str | None:
    """Decode strictly, or with replacements when only a few bytes are damaged."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    return text if text.count("\ufffd") <= len(text) * _TOLERATED_DAMAGE else None


def _detect(data: bytes, declared: str | None) -> Decoded:
    """charset-normalizer's guess, but a Chinese encoding that fits better wins.

    Detectors often call damaged GBK pages Big5 (or a Cyrillic code page); the Chinese
    candidate with the fewest replacement characters is kept when it is clearly better.
    """
    best = from_bytes(data[:200_000]).best()
    guess = _SUPERSETS.get(best.encoding, best.encoding) if best is not None else None
    candidates = [c for c in (guess, "gb18030", "big5hkscs") if c]
    scored = [(_damage(data, enc), i, enc) for i, enc in enumerate(candidates)]
    damage, _, enc = min(scored)
    if guess and damage >= _damage(data, guess) * 0.5:
        enc = guess
    if enc is None or _damage(data, enc) > _TOLERATED_DETECTED_DAMAGE:
        if declared:
            return Decoded(data.decode(declared, errors="replace"), declared, "declared")
        raise DecodeError("undecodable", "no text encoding fits the file's bytes")
    return Decoded(data.decode(enc, errors="replace"), enc, "detected")


def _damage(data: bytes, encoding: str) -> float:
    """Share of replacement characters (beyond those already in the bytes) when decoding."""
    text = data[:200_000].decode(encoding, errors="replace")
    return max(text.count("\ufffd") - data.count(b"\xef\xbf\xbd"), 0) / max(len(text), 1)
