"""Which script a text is written in, from characters only one script uses.

The character lists are derived from OpenCC's character tables (a character counts as
traditional-only when no simplified mapping keeps it, and vice versa), so detection does not
depend on which converter is installed or on its output.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import numpy as np

from hanflow.normalize.codepoints import class_table, code_points

# A document whose minority script has at least this share of the script-specific characters
# is "mixed"; below it, a few quoted names do not change the verdict.
MIXED_SHARE = 0.2


@dataclass(frozen=True)
class ScriptInfo:
    script: str  # "hans" | "hant" | "mixed" | "none"
    hans_chars: int
    hant_chars: int
    paragraphs: tuple[str, ...] = ()  # per-paragraph scripts, filled only for "mixed" documents


@lru_cache(maxsize=1)
def script_chars() -> tuple[frozenset[str], frozenset[str]]:
    """(simplified-only, traditional-only) character sets."""
    here = files("hanflow.normalize")

    def load(name: str) -> frozenset[str]:
        lines = here.joinpath(name).read_text(encoding="utf-8").splitlines()
        return frozenset("".join(line for line in lines if not line.startswith("#")))

    return load("hans_only.txt"), load("hant_only.txt")


def _verdict(hans: int, hant: int) -> str:
    total = hans + hant
    if total == 0:
        return "none"
    if hant <= total * MIXED_SHARE:
        return "hans"
    if hans <= total * MIXED_SHARE:
        return "hant"
    return "mixed"


_HANS, _HANT = 1, 2


@lru_cache(maxsize=1)
def _script_table() -> np.ndarray:
    hans, hant = script_chars()
    return class_table([(_HANS, map(ord, hans)), (_HANT, map(ord, hant))])


def _paragraph_counts(classes: np.ndarray, codes: np.ndarray) -> list[tuple[int, int]]:
    """(simplified-only, traditional-only) counts of each paragraph (lines split at LF)."""
    breaks = np.flatnonzero(codes == 0x0A)
    starts = np.concatenate(([0], breaks + 1))
    ends = np.concatenate((breaks, [len(codes)]))
    sums = [np.concatenate(([0], np.cumsum(classes == bit))) for bit in (_HANS, _HANT)]
    hans, hant = ((s[ends] - s[starts]).tolist() for s in sums)
    return list(zip(hans, hant, strict=True))


def detect_script(text: str, codes: np.ndarray | None = None) -> ScriptInfo:
    """Script of `text`: simplified, traditional, mixed, or none (no script-specific character).

    `codes` may pass `code_points(text)` when the caller has it already.
    """
    codes = code_points(text) if codes is None else codes
    classes = _script_table().take(codes)
    hans, hant = int(np.count_nonzero(classes == _HANS)), int(np.count_nonzero(classes == _HANT))
    script = _verdict(hans, hant)
    paragraphs: tuple[str, ...] = ()
    if script == "mixed":
        paragraphs = tuple(_verdict(*pair) for pair in _paragraph_counts(classes, codes))
    return ScriptInfo(script, hans, hant, paragraphs)
