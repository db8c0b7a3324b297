"""The dictionary segmenters the Segmenter can drive: rjieba (jieba's Rust port, the default)
or jieba itself.

Both hold jieba's dictionary and its HMM for unknown words, and give the same words (the tests
compare them on SIGHAN 2005, the other shared sets and sample articles); rjieba is more than ten
times faster, so it is the default wherever its wheel is installed (a dependency of hanflow).
Each backend also answers which of its words are not in the dictionary (the HMM's guesses) and
how often a character is a word on its own, for the guess filter in `tokenize`.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Protocol

BACKENDS = ("jieba", "rjieba")
DEFAULT_BACKEND = "rjieba" if importlib.util.find_spec("rjieba") is not None else "jieba"


class Backend(Protocol):
    def cut(self, text: str) -> list[str]: ...

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None: ...

    def unknown(self, words: set[str]) -> set[str]:
        """The words (of two characters or more) that the dictionary does not hold."""
        ...

    def frequency(self, word: str) -> int: ...


class JiebaBackend:
    """A private jieba.Tokenizer: one dictionary load (jieba caches it in its temp dir)."""

    def __init__(self) -> None:
        import jieba

        self._tok = jieba.Tokenizer()
        self._tok.initialize()
        self._freq = self._tok.FREQ  # holds every prefix of a word too, with frequency 0

    def cut(self, text: str) -> list[str]:
        return self._tok.lcut(text, HMM=True)

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        self._tok.add_word(word, freq, tag)

    def unknown(self, words: set[str]) -> set[str]:
        get = self._freq.get
        return {w for w in words if len(w) > 1 and not get(w)}

    def frequency(self, word: str) -> int:
        return self._freq.get(word, 0)


class RjiebaBackend:
    def __init__(self) -> None:
        try:
            import rjieba
        except ImportError as exc:
            raise ValueError("the rjieba backend needs the rjieba package installed") from exc
        self._tok = rjieba.Jieba()
        self._known, chars = _known_strings()
        self._chars = dict(chars)
        self._added: set[str] = set()

    def cut(self, text: str) -> list[str]:
        return self._tok.cut(text, True)

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        if freq is None:
            freq = self._tok.suggest_freq(word)
        self._tok.add_word(word, freq, tag)
        if freq:
            self._added.add(word)
            if len(word) == 1:
                self._chars[word] = freq

    def unknown(self, words: set[str]) -> set[str]:
        found = words.difference(self._known)
        if found and self._added:
            found.difference_update(self._added)
        return {w for w in found if len(w) > 1}

    def frequency(self, word: str) -> int:
        return self._chars.get(word, 0)


@lru_cache(maxsize=1)
def _known_strings() -> tuple[frozenset[str], dict[str, int]]:
    """The words of jieba's dictionary file (rjieba is built from the same file) and every
    character of the Basic Multilingual Plane (a one-character token is never a guess, and
    leaving them out here keeps `unknown` small), and the frequencies of one-character words."""
    spec = importlib.util.find_spec("jieba")
    path = Path(spec.origin).parent / "dict.txt"  # type: ignore[union-attr, arg-type]
    words: list[str] = [chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000]
    chars: dict[str, int] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, rest = line.partition(" ")
            words.append(word)
            if len(word) == 1:
                chars[word] = int(rest.split(" ", 1)[0])
    return frozenset(words), chars


def make_backend(name: str) -> Backend:
    if name == "jieba":
        return JiebaBackend()
    if name == "rjieba":
        return RjiebaBackend()
    raise ValueError(f"unknown segmenter backend {name!r}; choose one of {', '.join(BACKENDS)}")
