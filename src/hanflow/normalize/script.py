"""Which script a text is written in, from characters only one script uses.

The character lists are derived from OpenCC's character tables (a character counts as
traditional-only when no simplified mapping keeps it, and vice versa), so detection does not
depend on which converter is installed or on its output.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

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


def _count(text: str) -> tuple[int, int]:
    hans_set, hant_set = script_chars()
    chars = [c for c in text if c >= "\u2e80"]
    return sum(c in hans_set for c in chars), sum(c in hant_set for c in chars)


def detect_script(text: str) -> ScriptInfo:
    """Script of `text`: simplified, traditional, mixed, or none (no script-specific character)."""
    hans, hant = _count(text)
    script = _verdict(hans, hant)
    paragraphs: tuple[str, ...] = ()
    if script == "mixed":
        paragraphs = tuple(_verdict(*_count(p)) for p in text.split("\n"))
    return ScriptInfo(script, hans, hant, paragraphs)
