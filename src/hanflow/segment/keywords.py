"""Top terms of a text by TF-IDF over the Segmenter's tokens, content words of either language.

Chinese words are weighted by jieba's IDF table (jieba/analyse/idf.txt); English words, which that
table does not hold, by their frequency in wordfreq's English list, put on the same scale (see
`weights`), so that neither language's common words crowd out the other's content words. Never
keywords: stop words of either language, URLs, e-mail addresses, dates, times, numbers (三天, 第一,
100km, 30mg), punctuation, single characters and fragments (a lower-case word of one or two
letters: de, kr, s). A Chinese name from the entity list that jieba's table does not hold ranks
as a rare term.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from functools import lru_cache
from importlib.resources import files
from itertools import compress, count, repeat
from operator import ge, mul, neg

from hanflow.segment.entities import entity_names
from hanflow.segment.protect import HAN, NON_WORD, kind_of
from hanflow.segment.tokenize import Segmenter, latest_segmenter
from hanflow.segment.weights import english_weight, idf_table, rare_idf

_HAN_WORD = re.compile(rf"[{HAN}]+")
_NUMERALS = "零〇一二三四五六七八九十百千万亿两几半"
_MEASURES = "个天年月日号次位名岁元周倍成分秒点层届期种项件条家只张台辆米斤亩吨"
_ZH_NUMBER_RX = rf"第?[{_NUMERALS}]+[{_MEASURES}]?|第[{_MEASURES}]"
_ZH_NUMBER = re.compile(_ZH_NUMBER_RX)
# the same tests over many tokens at once, one token a line (a class of Han characters never
# matches the newline, so a match is a whole line)
_HAN_WORD_LINE = re.compile(rf"(?m)^[{HAN}]{{2,}}+$")
_ZH_NUMBER_LINE = re.compile(rf"(?m)^(?:{_ZH_NUMBER_RX})$")
_LATIN = re.compile(r"[^\W\d_]")
_QUANTITY = re.compile(r"\d[\d.,]*+(?![A-Z]$)[^\W\d_][\w/]*")  # 100km, 30mg, 3rd; not 5G, 4K
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_FRAGMENT = re.compile(r"[^\W\d_]{1,2}")  # with token.islower(): de, kr, на

Entry = tuple[str, float]  # (the key words are compared by, weight)
_CACHE_SIZE = 500_000


class _Known:
    """What earlier texts taught about tokens: the weight of each (0.0 for a token that is never
    a keyword), and the key of each candidate that is compared by another spelling."""

    def __init__(self) -> None:
        self.weights: dict[str, float] = {}
        self.keys: dict[str, str] = {}
        self._stops = stop_words()
        self._idf, self._median = idf_table()
        self._rare = rare_idf()
        self._entities = frozenset(entity_names())
        self._unlisted = frozenset(e for e in self._entities if e not in self._idf)

    def learn(self, tokens: set[str]) -> None:
        if len(self.weights) > _CACHE_SIZE:
            self.weights.clear()
            self.keys.clear()
        for token in tokens.difference(self._learn_han(tokens)):
            found = self.entry(token)
            if found is None:
                self.weights[token] = 0.0
                continue
            key, self.weights[token] = found
            if key != token:
                self.keys[token] = key

    def _learn_han(self, tokens: set[str]) -> set[str]:
        """`entry` for the Chinese words (two Han characters or more) among `tokens`, all at once
        (regex and set operations in C rather than Python work per token); returns them."""
        joined = "\n".join(tokens)
        han = tokens.intersection(_HAN_WORD_LINE.findall(joined))
        never = han.intersection(self._stops)
        never.update(han.intersection(_ZH_NUMBER_LINE.findall(joined)))
        han.difference_update(never)
        self.weights.update(dict.fromkeys(never, 0.0))
        self.weights.update(zip(han, map(self._idf.get, han, repeat(self._median)), strict=True))
        self.weights.update(dict.fromkeys(han.intersection(self._unlisted), self._rare))
        han.update(never)
        return han

    def entry(self, token: str) -> Entry | None:
        """(key, weight) of a token that can be a keyword; None for any other token."""
        if len(token) < 2:
            return None
        if _HAN_WORD.fullmatch(token):
            if token in self._stops or _ZH_NUMBER.fullmatch(token):
                return None
            return token, self._idf.get(token, self._rare if token in self._entities else self._median)
        if kind_of(token) in NON_WORD:
            return None
        key = _POSSESSIVE.sub("", token.replace("’", "'")).lower()
        if key in self._stops or not _LATIN.search(key) or _QUANTITY.fullmatch(token):
            return None
        if token.islower() and _FRAGMENT.fullmatch(token):
            return None
        return key, english_weight(key)


_known: _Known | None = None


def forget() -> None:
    """Drop what earlier texts taught (the token weights): a cold start, as in a new worker."""
    global _known
    _known = None


def _memory() -> _Known:
    global _known
    if _known is None:
        _known = _Known()
    return _known


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    here = files("hanflow.segment")
    words: set[str] = set()
    for name in ("stopwords_zh.txt", "stopwords_en.txt"):
        for line in here.joinpath(name).read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                words.update(line.split())
    return frozenset(words)


def extract_keywords(
    text: str, top_k: int = 10, *, segmenter: Segmenter | None = None, tokens: list[str] | None = None
) -> list[str]:
    """The `top_k` content words of `text` by TF-IDF, best first (ties by the word itself).

    `tokens` are the Segmenter's tokens of `text` when the caller has them already; otherwise
    `segmenter` (default: the Segmenter this process created last) cuts the text. English words
    are compared in lower case without a possessive 's, and returned as first written.
    """
    if tokens is None:
        tokens = (segmenter or latest_segmenter()).tokenize(text)
    known = _memory()
    counts = Counter(tokens)
    # one lookup per distinct token, and map/compress/sorted run in C: the cost follows the
    # number of distinct tokens, with little Python work for each
    weights = known.weights
    try:
        scores = list(map(mul, counts.values(), map(weights.__getitem__, counts)))
    except KeyError:  # tokens not seen before: learn them, then score
        known.learn(set(counts).difference(weights))
        scores = list(map(mul, counts.values(), map(weights.__getitem__, counts)))
    words = list(counts)
    spelling: dict[str, str] = {}
    moved = list(compress(words, map(known.keys.__contains__, words)))
    if moved:
        words, scores, spelling = _merge_spellings(words, scores, moved, known.keys)
    return [spelling.get(word, word) for word in _top(words, scores, top_k)]


def _top(words: list[str], scores: list[float], k: int) -> list[str]:
    """The `k` words of highest positive score, best first, ties by the word."""
    if k <= 0 or not scores:
        return []
    floor = sorted(scores)[-k] if len(scores) > k else 0.0
    floor = max(floor, sys.float_info.min)
    chosen = list(map(ge, scores, repeat(floor)))
    ranked = sorted(zip(map(neg, compress(scores, chosen)), compress(words, chosen), strict=True))
    return [word for _, word in ranked[:k]]


def _merge_spellings(
    words: list[str], scores: list[float], moved: list[str], keys: dict[str, str]
) -> tuple[list[str], list[float], dict[str, str]]:
    """Add up the scores of spellings with one key (Kubernetes, kubernetes) under that key, and
    give each merged key the spelling written first. `words` are in the order they were first
    written; `moved` are those (in the same order) that are compared by another spelling, their
    key. The Python work grows with the moved words, not with all words."""
    score = dict(zip(words, scores, strict=True))
    merged = score.copy()
    groups: dict[str, list[str]] = {}
    for word in moved:
        del merged[word]
        groups.setdefault(keys[word], []).append(word)
    position: dict[str, int] = {}
    spelling = {}
    for key, group in groups.items():
        if key in score and key not in keys:  # the key is written as a word of its own too
            position = position or dict(zip(words, count()))
            group = sorted([key, *group], key=position.__getitem__)
        total = 0.0
        for word in group:
            total += score[word]
        merged[key] = total
        if group[0] != key:
            spelling[key] = group[0]
    return list(merged), list(merged.values()), spelling
