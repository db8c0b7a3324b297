"""Bytes to text: BOM, UTF-16 without one, UTF-8 (double encoding undone), the declared charset, detection."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from hanflow.mojibake import CP1252_MARKS, repair_mojibake
from hanflow.plausibility import IMPLAUSIBLE, implausible_share, is_plausible, looks_like_text
from hanflow.wordlike import word_pair_share

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
    method: str  # "bom" | "declared" | "detected" | "utf-8" | "utf-8+repaired" (double encoding undone)


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)


def looks_binary(data: bytes) -> bool:
    """A NUL- or control-heavy prefix means binary data (UTF-16/32 are caught before)."""
    head = data[:4096]
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return head.count(0) > len(head) // 100 or controls > len(head) // 10


# Both kinds of double encoding leave two characters of U+0080–U+00FF side by side (or one
# followed by a Windows-1252 punctuation mark): in UTF-8 bytes, C2/C3 xx then C2, C3, C5, C6,
# CB or E2. Text without such a pair cannot be repaired and is not looked at again.
_SECOND_LEADS = frozenset(b"\xc2\xc3\xc5\xc6\xcb\xe2")
# UTF-8 read as Windows-1252 leaves a lead byte's letter (Â–ô, C3 82–B4) before a continuation
# byte's character (U+0080–U+00BF, C2 80–BF, or a Windows-1252 punctuation mark): the
# signature `hanflow.mojibake` repairs sequences by, spelled in UTF-8 bytes.
_SEQUENCE = re.compile(b"\xc3[\x82-\xb4](?:\xc2[\x80-\xbf]|"
                       + b"|".join(re.escape(c.encode()) for c in CP1252_MARKS) + b")")


def _mark_tails() -> dict[int, frozenset[bytes]]:
    """For each lead byte of Windows-1252's marks in UTF-8, the bytes that follow it in them."""
    tails: dict[int, set[bytes]] = {}
    for mark in CP1252_MARKS:
        raw = mark.encode()
        tails.setdefault(raw[0], set()).add(raw[1:])
    return {lead: frozenset(rest) for lead, rest in tails.items()}


_MARK_TAILS = _mark_tails()
# Every byte but the lead bytes of characters above U+00FF that are none of the marks' leads.
_NOT_OTHER_LEADS = bytes(b for b in range(256) if not (0xC4 <= b <= 0xF4) or b in _MARK_TAILS)


def latin1_only(data: bytes) -> bool:
    """Whether valid UTF-8 `data` holds only characters of Latin-1 and Windows-1252's marks
    (what the Latin-1 reading of a Chinese legacy page is made of). Byte deletion and `find`
    run in C: a character-class regex would test every byte in Python's regex engine."""
    if data.translate(None, _NOT_OTHER_LEADS):  # the lead byte of some other character
        return False
    for lead, tails in _MARK_TAILS.items():
        width = len(next(iter(tails)))
        i = data.find(lead)
        while i >= 0:
            if data[i + 1 : i + 1 + width] not in tails:
                return False
            i = data.find(lead, i + 1 + width)
    return True


def may_be_mojibake(data: bytes) -> bool:
    """Whether valid UTF-8 `data` holds the byte pattern a double encoding leaves, in text that
    kind of double encoding can be undone in; False means `repair_mojibake` would change nothing.
    Accented words beside curly quotes or a no-break space in Chinese pages are not looked at."""
    return _latin1_pair(data) and (_SEQUENCE.search(data) is not None or latin1_only(data))


def _latin1_pair(data: bytes) -> bool:
    """Two characters of U+0080–U+00FF side by side, or one before a punctuation mark
    (`bytes.find` from one C2/C3 byte to the next)."""
    for lead in (0xC3, 0xC2):
        i = data.find(lead)
        while 0 <= i < len(data) - 2:
            if 0x80 <= data[i + 1] <= 0xBF and data[i + 2] in _SECOND_LEADS:
                return True
            i = data.find(lead, i + 2)
    return False


# Python codecs that a page may name but no browser would honour.
_NOT_WEB_CHARSETS = {"unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined", "palmos",
                     "mbcs", "oem", "utf-7"}


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first 8 KB (<meta>, <?xml?>, encoding=), as a codec."""
    m = _DECLARED.search(data[:8192])
    name = charset_named((m.group(1) or m.group(2) or m.group(3)).decode("ascii")) if m else None
    # A declaration readable as ASCII is not in UTF-16 or UTF-32: browsers take it for UTF-8.
    return "utf-8" if name is not None and name.startswith(("utf-16", "utf-32")) else name


def decode_bytes(data: bytes, http_charset: str | None = None) -> Decoded:
    """Decode scraped bytes; raises DecodeError("empty" | "binary" | "undecodable").

    `http_charset`, the charset of the HTTP Content-Type header a crawler recorded, comes after
    the BOM and before the page's own declaration, as in browsers.

    A decoding is kept only when it is plausible text (see `hanflow.plausibility`): a declared
    charset that yields mostly rare or odd characters is overruled by a candidate that does not,
    and bytes that no candidate reads plausibly are undecodable rather than kept as garbage.
    """
    if not data or data.isspace():
        raise DecodeError("empty", "the file is empty or holds only whitespace")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(name, errors="replace"), name.replace("-sig", ""), "bom")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if looks_binary(data):
        raise DecodeError("binary", "the file holds binary data, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # valid UTF-8 is UTF-8 whatever the page declares; the declaration only guides repair
        if not may_be_mojibake(data):
            return Decoded(text, "utf-8", "utf-8")
        repaired = repair_mojibake(text, _declared(data, http_charset))
        return Decoded(repaired, "utf-8", "utf-8" if repaired is text else "utf-8+repaired")
    declared = _declared(data, http_charset)
    if declared:
        decoded = _decode_tolerant(data, declared)
        if decoded is not None and is_plausible(decoded):
            return Decoded(decoded, declared, "declared")
    return _detect(data, declared)


def _declared(data: bytes, http_charset: str | None) -> str | None:
    """The charset the page stands by: its HTTP header's or its own declaration (see below)."""
    return _with_http_charset(charset_named(http_charset), declared_charset(data), data)


def charset_named(name: str | None) -> str | None:
    """The codec a charset name stands for on the web (a superset where pages mean one), or
    None when it names nothing a browser would decode a page with."""
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
        if len(_HAN.findall(text, 0, 100_000)) >= _MIN_CHINESE:
            return True
    return False


_MIN_CHINESE = 10
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark: NUL bytes (the high half of ASCII characters) and a
    strict decoding, in one byte order only, into text with no control, unassigned or
    private-use characters. Binary data with NULs fails the second test."""
    head = data[:4096]
    if b"\x00" not in head or len(data) % 2:
        return None
    fits = []
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            sample = head.decode(codec)
        except UnicodeDecodeError:
            continue
        if looks_like_text(sample) and is_plausible(sample):
            fits.append(codec)
    if len(fits) != 1:
        return None
    try:
        return Decoded(data.decode(fits[0]), fits[0], "detected")
    except UnicodeDecodeError:
        return None


def _decode_tolerant(data: bytes, encoding: str) -> str | None:
    """Decode strictly, or with replacements when only a few bytes are damaged."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    return text if text.count("\ufffd") <= len(text) * _TOLERATED_DAMAGE else None




def _detect(data: bytes, declared: str | None) -> Decoded:
    """charset-normalizer's guess, but a Chinese encoding that reads the bytes better wins.

    Detectors often call damaged GBK pages Big5 (or a Cyrillic code page), and a page may
    declare Big5 while holding GBK: each candidate is scored by its replacement characters plus
    its implausible characters, and the guess is kept unless another is clearly better.
    """
    best = from_bytes(data[:200_000]).best()
    guess = _SUPERSETS.get(best.encoding, best.encoding) if best is not None else None
    # UTF-8 with a few damaged bytes (a cut-off last character, one stray byte) is still UTF-8.
    candidates = list(dict.fromkeys(c for c in (guess, "utf-8", "gb18030", "big5hkscs", declared) if c))
    scored = {enc: _badness(data, enc) for enc in candidates}
    enc = min(candidates, key=lambda c: scored[c][0])
    if guess and scored[guess][0] <= 2 * scored[enc][0] and scored[guess][2] <= IMPLAUSIBLE:
        enc = guess
    if enc not in _OURS:
        enc = _chinese_by_words(data, scored, scored[enc][0]) or enc
    _, damage, implausible = scored[enc]
    if damage > _TOLERATED_DETECTED_DAMAGE or implausible > IMPLAUSIBLE:
        raise DecodeError("undecodable", "no text encoding reads the file's bytes as plausible text: "
                                         "every candidate gives replacement or rare characters")
    return Decoded(data.decode(enc, errors="replace"), enc, "detected")


_OURS = ("utf-8", "gb18030", "big5hkscs")  # the encodings Chinese and English pages come in
_WORDLIKE = 0.2  # share of neighbouring Han pairs that are words, at least, in Chinese (see wordlike)


def _chinese_by_words(data: bytes, scored: dict, bar: float) -> str | None:
    """A Chinese codec that reads the bytes as well as the detector's guess of another script
    (Thai, Korean, UTF-16: short GBK or Big5 texts fool detectors), when what it reads is
    made of Chinese words; the codec whose reading holds the most of them."""
    best, most = None, _WORDLIKE
    for codec in ("gb18030", "big5hkscs"):
        if scored[codec][0] > bar:
            continue
        share = word_pair_share(data[:6000].decode(codec, errors="replace"))
        if share is not None and share >= most:
            best, most = codec, share
    return best


def _badness(data: bytes, encoding: str) -> tuple[float, float, float]:
    """(damage + implausible share, damage, implausible share) of `data` decoded with `encoding`.

    Damage is the share of replacement characters beyond those already in the bytes."""
    text = data[:200_000].decode(encoding, errors="replace")
    damage = max(text.count("\ufffd") - data.count(b"\xef\xbf\xbd"), 0) / max(len(text), 1)
    implausible = implausible_share(text.replace("\ufffd", ""))
    return damage + implausible, damage, implausible
