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

# A decoding whose non-ASCII characters are more than this share implausible is not text.
IMPLAUSIBLE = 0.15
_SAMPLE = 50_000

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Controls, bopomofo, small form variants, private use, replacement: in text decoded with a Chinese
# codec these come from byte pairs that the right codec reads as ordinary characters.
_ODD = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u3100-\u312f\ufe50-\ufe6f\ue000-\uf8ff"
                  r"\U000f0000-\U0010ffff\ufffd]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


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
def _uncommon_table() -> dict[int, None]:
    """Translation table deleting the commonly used Han characters: all of GB2312 (6,763
    simplified) and Big5's level 1 (5,401 frequently used traditional)."""
    common = _rows("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF))
    common |= _rows("big5", range(0xA4, 0xC7), (*range(0x40, 0x7F), *range(0xA1, 0xFF)))
    return dict.fromkeys((ord(ch) for ch in common if _HAN.match(ch)), None)


def implausible_share(text: str) -> float:
    """Share of the non-ASCII characters (in the first 50,000) that are odd (see `_ODD`) or Han
    characters outside the commonly used sets."""
    sample = text[:_SAMPLE]
    non_ascii = len(_NON_ASCII.findall(sample))
    if not non_ascii:
        return 0.0
    odd = len(_ODD.findall(sample))
    han = _HAN.findall(sample)
    rare = len(_HAN.findall("".join(han).translate(_uncommon_table()))) if han else 0
    return (odd + rare) / non_ascii


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
