"""Mixed Chinese/English tokenisation: protected spans first, jieba (HMM off) for Chinese runs.

Jieba runs with its HMM off: on news and web text it guesses more wrong words than right.
Traditional input is segmented through its t2s conversion, which maps one character to one
character, and tokens are cut from the original text; jieba's dictionary is simplified.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from hanflow.normalize.convert import get_converter
from hanflow.normalize.script import script_chars
from hanflow.segment.backends import Backend, make_backend
from hanflow.segment.entities import load_entities
from hanflow.segment.protect import FOLD, build_pattern

_HAN_RUN = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_OTHER_RUN = re.compile(r"(\S)\1*")

_latest: Segmenter | None = None


class Segmenter:
    """Holds one dictionary segmenter; create it once per worker process (one dictionary load).

    `backend` is "jieba" (default) or "rjieba" (same words, faster; needs the rjieba package).
    """

    def __init__(self, user_dict: Path | None = None, backend: str = "jieba") -> None:
        global _latest
        self._backend = make_backend(backend)
        phrases = list(load_entities(self._backend))
        if user_dict is not None:
            phrases += load_user_dict(self._backend, Path(user_dict))
        self._protected = build_pattern(phrases)
        self._hant = script_chars()[1]
        _latest = self

    def tokenize(self, text: str) -> list[str]:
        """Tokens of `text`, cut from it; whitespace is never a token.

        Tokens concatenate to the text minus whitespace; only multi-word names ("Windows 11",
        names from the entity list or user dictionary) keep the spaces inside them.
        """
        return [text[a:b] for a, b, _ in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each token; kind is "han", "other" or a protected kind."""
        basis = text
        if not self._hant.isdisjoint(text):
            simplified = get_converter("t2s").convert(text)
            if len(simplified) == len(text):
                basis = simplified
        return list(self._spans(basis))

    def _spans(self, text: str) -> Iterator[tuple[int, int, str]]:
        folded = text.translate(FOLD)
        pos = 0
        for m in self._protected.finditer(folded):
            yield from self._unprotected(text, pos, m.start())
            yield m.start(), m.end(), m.lastgroup or "word"
            pos = m.end()
        yield from self._unprotected(text, pos, len(text))

    def _unprotected(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        pos = start
        for m in _HAN_RUN.finditer(text, start, end):
            yield from _other(text, pos, m.start())
            at = m.start()
            for word in self._backend.cut(m.group()):
                yield at, at + len(word), "han"
                at += len(word)
            pos = m.end()
        yield from _other(text, pos, end)


def _other(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    for m in _OTHER_RUN.finditer(text, start, end):
        yield m.start(), m.end(), "other"


def load_user_dict(tokenizer: Backend, path: Path) -> list[str]:
    """Load a jieba-format user dictionary; entries with spaces come back as phrases to protect.

    jieba's own loader cannot hold a word with a space, so "OpenAI Group PBC 10 nz" is read as
    the longest prefix of fields that is not a frequency or part-of-speech tag.
    """
    phrases: list[str] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        word, freq, tag = parse_dict_line(line)
        if not word:
            continue
        if " " in word:
            phrases.append(word)
        else:
            tokenizer.add_word(word, freq, tag)
    return phrases


_FREQ = re.compile(r"\d+")
_TAG = re.compile(r"[a-z]{1,4}")


def parse_dict_line(line: str) -> tuple[str, int | None, str | None]:
    fields = line.strip().split()
    freq: int | None = None
    tag: str | None = None
    if len(fields) >= 2 and _TAG.fullmatch(fields[-1]) and _FREQ.fullmatch(fields[-2]):
        tag, freq, fields = fields[-1], int(fields[-2]), fields[:-2]
    elif len(fields) >= 2 and _FREQ.fullmatch(fields[-1]):
        freq, fields = int(fields[-1]), fields[:-1]
    return " ".join(fields), freq, tag


def latest_segmenter() -> Segmenter:
    """The Segmenter this process created last, or a new default one."""
    return _latest if _latest is not None else Segmenter()
