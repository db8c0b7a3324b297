"""Which script a text is written in, from characters only one script uses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from hanflow.normalize.convert import get_converter


@dataclass(frozen=True)
class ScriptInfo:
    script: str  # "hans" | "hant" | "mixed" | "none"
    hans_chars: int
    hant_chars: int


@lru_cache(maxsize=65536)
def _char_class(ch: str) -> int:
    """1 for a traditional-only character, 2 for a simplified-only one, 0 otherwise."""
    if get_converter("t2s").convert(ch) != ch:
        return 1
    if get_converter("s2t").convert(ch) != ch:
        return 2
    return 0


def detect_script(text: str) -> ScriptInfo:
    hant = hans = 0
    for ch in text:
        if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
            cls = _char_class(ch)
            hant += cls == 1
            hans += cls == 2
    if hant + hans == 0:
        script = "none"
    elif hant >= 4 * hans:
        script = "hant"
    elif hans >= 4 * hant:
        script = "hans"
    else:
        script = "mixed"
    return ScriptInfo(script, hans, hant)
