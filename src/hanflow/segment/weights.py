"""Keyword weights on one scale for Chinese and English words.

Chinese: jieba's IDF table (jieba/analyse/idf.txt, read without importing jieba.analyse); a word
it does not hold gets the table's median, the names of the entity list its highest value.

English: jieba's table holds no Latin words, so an English word's weight comes from its frequency
f in wordfreq's English list (word frequencies from many sources, shipped inside the wheel),
turned into an IDF by the line that relates the two for Chinese: over the words that both jieba's
table and wordfreq's Chinese list hold, the median IDF rises by IDF_PER_DECADE for each tenfold
drop in frequency, from about 5.5 at f = 10⁻³·⁵ to 12.3 at f = 10⁻⁷·⁵ (the test checks the fit).
A word too rare for the list (f < 10⁻⁶) gets the median, as an unknown Chinese word does.
"""

from __future__ import annotations

import importlib.util
import math
from functools import lru_cache
from pathlib import Path

IDF_PER_DECADE = 1.71
IDF_AT_FREQUENCY_1 = -0.16


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF values and their median (the value for unknown words)."""
    spec = importlib.util.find_spec("jieba")
    path = Path(spec.origin).parent / "analyse" / "idf.txt"  # type: ignore[union-attr, arg-type]
    idf: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.partition(" ")
        if value:
            idf[word] = float(value)
    values = sorted(idf.values())
    return idf, values[len(values) // 2]


@lru_cache(maxsize=1)
def rare_idf() -> float:
    """The IDF of the rarest word in the table: the weight given to names from the entity list."""
    return max(idf_table()[0].values())


@lru_cache(maxsize=1)
def english_frequencies() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en", wordlist="small")


def idf_of_frequency(frequency: float) -> float:
    return IDF_AT_FREQUENCY_1 - IDF_PER_DECADE * math.log10(frequency)


def english_weight(key: str) -> float:
    """The weight of a lower-case English word, abbreviation (u.s.) or multi-word name: a name's
    frequency is that of its words combined as wordfreq combines them (1/f = sum of 1/f_i)."""
    known = english_frequencies()
    inverse = 0.0
    for part in key.split(" "):
        frequency = known.get(part.rstrip("."))
        if frequency is None:
            return idf_table()[1]
        inverse += 1 / frequency
    return min(idf_of_frequency(1 / inverse), rare_idf())
