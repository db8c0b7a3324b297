"""One call from cleaned text to simplified text, its script and how much conversion changed."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from hanflow.normalize.codepoints import CODE_POINTS, code_points, count_in
from hanflow.normalize.convert import get_converter
from hanflow.normalize.script import ScriptInfo, detect_script
from hanflow.normalize.unicode import clean_unicode_codes


@dataclass(frozen=True)
class Normalized:
    text: str
    script: ScriptInfo
    changed_share: float


@lru_cache(maxsize=1)
def _han_table() -> np.ndarray:
    """True on the Han ideographs counted: CJK unified (with extension A), compatibility, and
    everything from the supplementary ideographic plane on."""
    table = np.zeros(CODE_POINTS, dtype=np.bool_)
    for lo, hi in ((0x3400, 0x9FFF), (0xF900, 0xFAFF), (0x20000, CODE_POINTS - 1)):
        table[lo : hi + 1] = True
    return table


def _changed(before: str, after: str) -> int:
    if len(before) == len(after):
        return sum(a != b for a, b in zip(before, after, strict=True))
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    )


def _changed_chars(before: str, after: str, codes: np.ndarray) -> int:
    """Characters changed, paragraph by paragraph; at once where all paragraphs kept their length."""
    if len(before) == len(after):
        other = code_points(after)
        if np.array_equal(codes == 0x0A, other == 0x0A):
            return int(np.count_nonzero(codes != other))
    pairs = zip(before.split("\n"), after.split("\n"), strict=False)
    return sum(_changed(b, a) for b, a in pairs if b != a)


def changed_share(before: str, after: str, codes: np.ndarray | None = None) -> float:
    """Share of the Han characters of `before` that conversion changed (0.0 without any).

    Paragraphs are compared one by one, so phrase conversions that change length
    (tw2sp, s2twp) are counted without aligning a whole document. `codes` may pass
    `code_points(before)` when the caller has it already.
    """
    codes = code_points(before) if codes is None else codes
    han = count_in(_han_table(), codes)
    if not han or before == after:
        return 0.0
    return min(1.0, _changed_chars(before, after, codes) / han)


def normalize(text: str, config: str = "t2s", *, clean: bool = True) -> Normalized:
    """Clean (unless `clean` is False), detect the script, convert with `config`."""
    text, codes = clean_unicode_codes(text) if clean else (text, code_points(text))
    converted = get_converter(config).convert(text, codes)
    return Normalized(converted, detect_script(text, codes), changed_share(text, converted, codes))
