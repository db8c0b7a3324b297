"""Top terms of a text by TF-IDF over the Segmenter's tokens, content words only.

The IDF table is jieba's own (jieba/analyse/idf.txt), read once per process; tokens come from the
Segmenter, so no second jieba dictionary is loaded. Stop words (Chinese and English), URLs,
e-mail addresses, dates, numbers and punctuation never become keywords; names from the entity
list rank as rare terms.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from hanflow.segment.entities import entity_names
from hanflow.segment.protect import NON_WORD
from hanflow.segment.tokenize import Segmenter, latest_segmenter

_CONTENT = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z\uff21-\uff3a\uff41-\uff5a]")
_ALL_DIGITS = re.compile(r"[\d\uff10-\uff19.,%\uff05\u3007○零一二三四五六七八九十百千万亿两]+")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    here = files("hanflow.segment")
    words: set[str] = set()
    for name in ("stopwords_zh.txt", "stopwords_en.txt"):
        for line in here.joinpath(name).read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                words.update(line.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF values and their median (the value for unknown words)."""
    spec = importlib.util.find_spec("jieba")
    path = Path(spec.origin).parent / "analyse" / "idf.txt"  # read without importing jieba.analyse
    idf: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.partition(" ")
        if value:
            idf[word] = float(value)
    values = sorted(idf.values())
    return idf, values[len(values) // 2]


def is_candidate(token: str, kind: str) -> bool:
    if kind in NON_WORD or kind == "other" or len(token) < 2:
        return False
    return bool(_CONTENT.search(token)) and not _ALL_DIGITS.fullmatch(token)


def extract_keywords(
    text: str, top_k: int = 10, *, segmenter: Segmenter | None = None
) -> list[str]:
    """The `top_k` content words of `text` by TF-IDF, best first (ties by the word itself).

    `segmenter` defaults to the Segmenter this process created last. English words are
    compared in lower case and returned as first written.
    """
    seg = segmenter or latest_segmenter()
    stops = stop_words()
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for start, end, kind in seg.spans(text):
        token = text[start:end]
        key = token.lower()
        if is_candidate(token, kind) and key not in stops:
            counts[key] += 1
            spelling.setdefault(key, token)
    idf, median = idf_table()
    rare = max(idf.values())
    entities = {name.lower() for name in entity_names()}
    scores = {w: n * (rare if w in entities else idf.get(w, median)) for w, n in counts.items()}
    ranked = sorted(scores, key=lambda w: (-scores[w], w))
    return [spelling[w] for w in ranked[:top_k]]
