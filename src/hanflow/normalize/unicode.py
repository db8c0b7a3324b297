"""Unicode clean-up that does not damage Chinese or English text.

What changes, and nothing else:
- NFC composition; CR, CRLF and the Unicode line and paragraph separators become LF;
- zero-width and invisible format characters (U+200B-U+200F, U+2060-U+2064, bidi controls,
  U+FEFF, soft hyphen) and C0/C1 control characters except LF are removed; a zero-width
  joiner between two emoji is kept, since it builds one emoji;
- full-width ASCII letters and digits become half-width; Chinese full-width punctuation
  (，。！？：；「」 and the rest) stays;
- tabs, ideographic and other spaces become one ASCII space; runs of spaces collapse; lines are
  stripped and empty lines dropped.

Each rule runs over the whole text, and only where it has something to change: one pass over
the text's code points (a table lookup, `_rule_table`) tells which classes of character it holds;
texts shorter than `_SHORT` characters run every rule, which costs less than looking.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np

from hanflow.normalize.codepoints import class_table, code_points

_EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff"
_INVISIBLE_CHARS = (
    r"\u00ad\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    r"\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff"
)
# An invisible character, or a zero-width joiner unless it stands between two emoji. Written to
# start with one character class, which lets `re` skip ahead to candidates.
_INVISIBLE = re.compile(
    rf"[\u200d{_INVISIBLE_CHARS}](?:(?<!\u200d)|(?![{_EMOJI}])|(?<![{_EMOJI}\ufe0f]\u200d))"
)
_SPACE_CHARS = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
# A run of spaces that is not already one ASCII space (one leading class lets `re` skip ahead).
_SPACES = re.compile(rf"[{_SPACE_CHARS}](?:[{_SPACE_CHARS}]+|(?<! ))")
# Spaces and empty lines after a line break.
_AFTER_BREAK = re.compile(r"\n[ \n]+")
_FULLWIDTH_RUN = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a][\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]*")
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})


def _fold_fullwidth(m: re.Match[str]) -> str:
    return m.group().translate(_FULLWIDTH)


# Classes of character that make a rule run (bits of the rule table).
_BREAKS, _INVISIBLE_BIT, _FULLWIDTH_BIT, _SPACES_BIT = 1, 2, 4, 8
_SHORT = 200  # characters; shorter texts run every rule


def _points(ranges: str) -> list[int]:
    """Code points of a character-class body such as `a-z\u3000` (ranges and single characters)."""
    chars = ranges.encode("ascii").decode("unicode_escape") if ranges.isascii() else ranges
    points, i = [], 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            points += range(ord(chars[i]), ord(chars[i + 2]) + 1)
            i += 3
        else:
            points.append(ord(chars[i]))
            i += 1
    return points


@lru_cache(maxsize=1)
def _rule_table() -> np.ndarray:
    return class_table((
        (_BREAKS, map(ord, "\r\u2028\u2029")),
        (_INVISIBLE_BIT, [0x200D, *_points(_INVISIBLE_CHARS)]),
        (_FULLWIDTH_BIT, _FULLWIDTH),
        (_SPACES_BIT, [p for p in _points(_SPACE_CHARS) if p != 0x20]),
    ))


def clean_unicode(text: str) -> str:
    """NFC, drop invisible and control characters, fold full-width alphanumerics, tidy spaces."""
    return clean_unicode_codes(text)[0]


def clean_unicode_codes(text: str) -> tuple[str, np.ndarray]:
    """`clean_unicode(text)` and its code points (those of the NFC text, when nothing else changed)."""
    text = unicodedata.normalize("NFC", text)
    if len(text) < _SHORT:  # a title or a date: running every rule costs less than looking
        codes, rules = None, _BREAKS | _INVISIBLE_BIT | _FULLWIDTH_BIT | _SPACES_BIT
    else:
        codes = code_points(text)
        rules = int(np.bitwise_or.reduce(_rule_table().take(codes)))
    cleaned = text
    if rules & _BREAKS:
        cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    if rules & _INVISIBLE_BIT:
        cleaned = _INVISIBLE.sub("", cleaned)
    if rules & _FULLWIDTH_BIT:
        cleaned = _FULLWIDTH_RUN.sub(_fold_fullwidth, cleaned)
    if rules & _SPACES_BIT or "  " in cleaned:
        cleaned = _SPACES.sub(" ", cleaned)
    cleaned = cleaned.replace(" \n", "\n")
    if "\n " in cleaned or "\n\n" in cleaned:
        cleaned = _AFTER_BREAK.sub("\n", cleaned)
    cleaned = cleaned.strip(" \n")
    return cleaned, (codes if codes is not None and cleaned == text else code_points(cleaned))
