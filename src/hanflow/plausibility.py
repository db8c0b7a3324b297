"""How plausible a decoding is: the share of characters no real text of that script is made of.

A wrong Chinese codec rarely fails outright: GBK bytes read as Big5 (or the reverse) decode into
valid but rare characters, user-defined (private-use) code points and stray symbols. Real text,
simplified or traditional, is almost entirely made of the characters GB2312 and Big5 list as
their commonly used levels; a decoding where a large share of the characters falls outside them
is garbage, whatever its replacement-character count says.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np

# A decoding whose non-ASCII characters are more than this share implausible is not text.
IMPLAUSIBLE = 0.15
_SAMPLE = 50_000

_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
# Controls, bopomofo, small form variants, private use, replacement: in text decoded with a Chinese
# codec these come from byte pairs that the right codec reads as ordinary characters.
_ODD_RANGES = ((0x00, 0x08), (0x0B, 0x0B), (0x0E, 0x1F), (0x7F, 0x9F), (0x3100, 0x312F), (0xFE50, 0xFE6F),
               (0xE000, 0xF8FF), (0xF0000, 0x10FFFF), (0xFFFD, 0xFFFD))


def _class_of(ranges: tuple[tuple[int, int], ...]) -> re.Pattern[str]:
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]")


_HAN = _class_of(_HAN_RANGES)


def _rows(codec: str, leads: range, trails: range) -> set[str]:
    out: set[str] = set()
    for lead in leads:
        for trail in trails:
            try:
                out.add(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return out


@lru_cache(maxsize=1)
def _classes() -> np.ndarray:
    """Class of every code point: 0 ASCII, 1 odd ASCII, 2 other non-ASCII, 3 odd, 4 Han outside
    the commonly used sets (all of GB2312's 6,763 simplified and Big5 level 1's 5,401 traditional)."""
    table = np.full(0x110000, 2, dtype=np.uint8)
    table[:0x80] = 0
    for ranges, cls in ((_ODD_RANGES, 3), (_HAN_RANGES, 4)):
        for lo, hi in ranges:
            table[max(lo, 0x80) : hi + 1] = cls
            table[lo : min(hi, 0x7F) + 1] = 1
    common = _rows("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF))
    common |= _rows("big5", range(0xA4, 0xC7), (*range(0x40, 0x7F), *range(0xA1, 0xFF)))
    table[[ord(ch) for ch in common if _HAN.match(ch)]] = 2
    return table


def implausible_share(text: str) -> float:
    """Share of the non-ASCII characters (in the first 50,000) that are odd (see `_ODD_RANGES`) or Han
    characters outside the commonly used sets."""
    sample = text[:_SAMPLE]
    if sample.isascii():
        return 0.0
    points = np.frombuffer(sample.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    counts = np.bincount(_classes().take(points), minlength=5)  # take: a fifth faster than indexing
    non_ascii = int(counts[2] + counts[3] + counts[4])
    return float(counts[1] + counts[3] + counts[4]) / non_ascii if non_ascii else 0.0


def is_plausible(text: str) -> bool:
    return implausible_share(text) <= IMPLAUSIBLE


def looks_like_text(text: str) -> bool:
    """No unassigned, private-use or control characters other than whitespace: used to tell
    UTF-16 without a byte-order mark from binary data."""
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cn", "Co", "Cs") or (cat == "Cc" and ch not in "\t\n\r\f"):
            return False
    return True
