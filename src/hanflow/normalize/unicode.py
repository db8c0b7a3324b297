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

Each rule runs over the whole text, and only where a quick search finds something to change.
"""

from __future__ import annotations

import re
import unicodedata

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


def clean_unicode(text: str) -> str:
    """NFC, drop invisible and control characters, fold full-width alphanumerics, tidy spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", text)
    if not text.isascii():
        text = _FULLWIDTH_RUN.sub(_fold_fullwidth, text)
    text = _SPACES.sub(" ", text).replace(" \n", "\n")
    return _AFTER_BREAK.sub("\n", text).strip(" \n")
