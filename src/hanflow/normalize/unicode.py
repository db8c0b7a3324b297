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
"""

from __future__ import annotations

import re
import unicodedata

_EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff"
_INVISIBLE = re.compile(
    rf"\u200d(?![{_EMOJI}])|(?<![{_EMOJI}\ufe0f])\u200d"
    r"|[\u00ad\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    r"\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]"
)
_LINE_BREAKS = {0x0D: 0x0A, 0x2028: 0x0A, 0x2029: 0x0A}
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})


def clean_unicode(text: str) -> str:
    """NFC, drop invisible and control characters, fold full-width alphanumerics, tidy spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    text = text.translate(_LINE_BREAKS)
    text = _INVISIBLE.sub("", text).translate(_FULLWIDTH)
    lines = (_SPACES.sub(" ", line).strip(" ") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
