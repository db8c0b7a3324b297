"""One call from cleaned text to simplified text, its script and how much conversion changed."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from hanflow.normalize.convert import get_converter
from hanflow.normalize.script import ScriptInfo, detect_script
from hanflow.normalize.unicode import clean_unicode


@dataclass(frozen=True)
class Normalized:
    text: str
    script: ScriptInfo
    changed_share: float


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


def _changed(before: str, after: str) -> int:
    if len(before) == len(after):
        return sum(a != b for a, b in zip(before, after, strict=True))
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    )


def changed_share(before: str, after: str) -> float:
    """Share of the Han characters of `before` that conversion changed (0.0 without any).

    Paragraphs are compared one by one, so phrase conversions that change length
    (tw2sp, s2twp) are counted without aligning a whole document.
    """
    han = sum(_is_han(c) for c in before)
    if not han:
        return 0.0
    pairs = zip(before.split("\n"), after.split("\n"), strict=False)
    changed = sum(_changed(b, a) for b, a in pairs if b != a)
    return min(1.0, changed / han)


def normalize(text: str, config: str = "t2s", *, clean: bool = True) -> Normalized:
    """Clean (unless `clean` is False), detect the script, convert with `config`."""
    if clean:
        text = clean_unicode(text)
    converted = get_converter(config).convert(text)
    return Normalized(converted, detect_script(text), changed_share(text, converted))
