"""The dictionary segmenters the Segmenter can drive: jieba (default) or rjieba (its Rust port).

Both hold jieba's dictionary; with HMM off they give the same words (the tests compare them on
SIGHAN 2005 and sample articles). rjieba is about six times faster on Chinese runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

BACKENDS = ("jieba", "rjieba")


class Backend(Protocol):
    def cut(self, text: str) -> Iterable[str]: ...

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None: ...


class JiebaBackend:
    """A private jieba.Tokenizer: one dictionary load (jieba caches it in its temp dir)."""

    def __init__(self) -> None:
        import jieba

        self._tok = jieba.Tokenizer()
        self._tok.initialize()

    def cut(self, text: str) -> Iterable[str]:
        return self._tok.cut(text, HMM=False)

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        self._tok.add_word(word, freq, tag)


class RjiebaBackend:
    def __init__(self) -> None:
        try:
            import rjieba
        except ImportError as exc:
            raise ValueError("the rjieba backend needs the rjieba package installed") from exc
        self._tok = rjieba.Jieba()

    def cut(self, text: str) -> Iterable[str]:
        return self._tok.cut(text, False)

    def add_word(self, word: str, freq: int | None, tag: str | None) -> None:
        if freq is None:
            freq = self._tok.suggest_freq(word)
        self._tok.add_word(word, freq, tag)


def make_backend(name: str) -> Backend:
    if name == "jieba":
        return JiebaBackend()
    if name == "rjieba":
        return RjiebaBackend()
    raise ValueError(f"unknown segmenter backend {name!r}; choose one of {', '.join(BACKENDS)}")
