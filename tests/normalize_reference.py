"""The normalise step written the plain way, character by character: the reference that the fast
implementations in `hanflow.normalize` are tested (and benchmarked) against.

`clean_unicode`, `detect_script` and `changed_share` here are the straightforward forms of the
rules documented in `hanflow.normalize.unicode`, `.script` and `.document`; conversion is
opencc-python-reimplemented's own code, paragraph by paragraph (`OpenCCConverter(compiled=False)`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from hanflow.normalize import ScriptInfo
from hanflow.normalize.convert import OpenCCConverter
from hanflow.normalize.script import _verdict, script_chars

_EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff"
_INVISIBLE = re.compile(
    rf"\u200d(?![{_EMOJI}])|(?<![{_EMOJI}\ufe0f])\u200d"
    r"|[\u00ad\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    r"\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]"
)
_LINE_BREAKS = {0x0D: 0x0A, 0x2028: 0x0A, 0x2029: 0x0A}
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_FULLWIDTH = {cp: cp - 0xFEE0 for lo, hi in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B))
              for cp in range(lo, hi)}


def clean_unicode(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    text = text.translate(_LINE_BREAKS)
    text = _INVISIBLE.sub("", text).translate(_FULLWIDTH)
    lines = (_SPACES.sub(" ", line).strip(" ") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _count(text: str) -> tuple[int, int]:
    hans_set, hant_set = script_chars()
    chars = [c for c in text if c >= "\u2e80"]
    return sum(c in hans_set for c in chars), sum(c in hant_set for c in chars)


def detect_script(text: str) -> ScriptInfo:
    hans, hant = _count(text)
    script = _verdict(hans, hant)
    paragraphs: tuple[str, ...] = ()
    if script == "mixed":
        paragraphs = tuple(_verdict(*_count(p)) for p in text.split("\n"))
    return ScriptInfo(script, hans, hant, paragraphs)


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


def _changed(before: str, after: str) -> int:
    if len(before) == len(after):
        return sum(a != b for a, b in zip(before, after, strict=True))
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")


def changed_share(before: str, after: str) -> float:
    han = sum(_is_han(c) for c in before)
    if not han:
        return 0.0
    pairs = zip(before.split("\n"), after.split("\n"), strict=False)
    return min(1.0, sum(_changed(b, a) for b, a in pairs if b != a) / han)


_CONVERTERS: dict[str, OpenCCConverter] = {}


def convert(text: str, config: str = "t2s") -> str:
    if config not in _CONVERTERS:
        _CONVERTERS[config] = OpenCCConverter(config, compiled=False)
    return _CONVERTERS[config].convert(text)


def normalize(text: str, config: str = "t2s") -> tuple[str, ScriptInfo, float]:
    """(text, script, changed share) as `hanflow.normalize.normalize` gives them."""
    text = clean_unicode(text)
    converted = convert(text, config)
    return converted, detect_script(text), changed_share(text, converted)
