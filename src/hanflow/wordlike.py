"""Whether a run of Han characters reads as Chinese words, for telling Chinese bytes from Korean
or Japanese ones where both decode cleanly.

EUC-KR's Hangul syllables and GBK's commonest Han characters share the same byte pairs, so a
short Korean text read as GBK (and a short GBK text read as Korean, Thai or UTF-16) gives
characters that are each ordinary: no character count tells them apart. Word order does. In
Chinese most pairs of neighbouring Han characters are words of jieba's dictionary (two in three
in 你好世界, 北京时间昨晚八点); common characters side by side at random are one pair in a hundred
or fewer. Traditional text is compared in its simplified form (the dictionary is simplified).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
MIN_PAIRS = 1


@lru_cache(maxsize=1)
def _two_character_words() -> frozenset[str]:
    words = set()
    with (files("jieba") / "dict.txt").open(encoding="utf-8") as lines:
        for line in lines:
            word = line.split(" ", 1)[0]
            if len(word) == 2:
                words.add(word)
    return frozenset(words)


def word_pair_share(text: str, limit: int = 2000) -> float | None:
    """The share of neighbouring Han character pairs (in the first `limit` characters) that are
    dictionary words; None when the text holds no such pair."""
    from hanflow.normalize.convert import get_converter

    simplified = get_converter("t2s").convert(text[:limit])
    words = _two_character_words()
    pairs = [run[i : i + 2] for run in _HAN_RUN.findall(simplified) for i in range(len(run) - 1)]
    if len(pairs) < MIN_PAIRS:
        return None
    return sum(pair in words for pair in pairs) / len(pairs)
