"""Mixed Chinese/English tokenisation: protected spans first, jieba for the Chinese runs.

jieba runs with its HMM on, so that names and new words are found, and `guesses` cuts back the
guesses that swallow a common one-character word. Traditional text is looked up through its
one-for-one simplified copy (`simplify`); tokens are always cut from the original text.

One call to the dictionary segmenter per text: the Han runs are joined with a newline standing for
each token between them and a space for whitespace (jieba cuts at whitespace and returns it as a
token); in its answer the newlines are then replaced by those tokens, in order, and the spaces
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate, compress, count
from pathlib import Path

from hanflow.segment.backends import DEFAULT_BACKEND, Backend, make_backend
from hanflow.segment.entities import load_entities
from hanflow.segment.guesses import GuessFilter
from hanflow.segment.protect import build_pairs, build_phrases, kind_of, starts_inside_word
from hanflow.segment.simplify import simplify

_latest: Segmenter | None = None
_SLOT = "\n"  # stands for a token between Han runs
_GAP = " "  # stands for whitespace, which keeps two Han runs apart and is no token


class Segmenter:
    """Holds one dictionary segmenter; create it once per worker process (one dictionary load).

    `backend` is "rjieba" (the default where it is installed) or "jieba": the same words.
    """

    def __init__(self, user_dict: Path | None = None, backend: str = DEFAULT_BACKEND) -> None:
        global _latest
        self._backend = make_backend(backend)
        phrases = list(load_entities(self._backend))
        if user_dict is not None:
            phrases += load_user_dict(self._backend, Path(user_dict))
        self._phrases = build_phrases(phrases)
        self._pairs = build_pairs()
        self._guesses = GuessFilter(self._backend)
        _latest = self

    def tokenize(self, text: str) -> list[str]:
        """Tokens of `text`, cut from it; whitespace is never a token.

        Tokens concatenate to the text minus whitespace; only multi-word names ("iPhone 15 Pro",
        names from the entity list or user dictionary) keep the spaces inside them.
        """
        if self._phrases is None or not self._phrases.search(text):
            return self._segment(text)
        tokens: list[str] = []
        for start, end, phrase in self._phrase_split(text):
            if phrase:
                tokens.append(text[start:end])
            elif start < end:
                tokens += self._segment(text[start:end])
        return tokens

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each token; kind is "han", "phrase" or a kind of
        `protect.PATTERNS`."""
        out: list[tuple[int, int, str]] = []
        end = 0
        for token in self.tokenize(text):
            start = text.find(token, end)
            end = start + len(token)
            out.append((start, end, kind_of(token)))
        return out

    def _segment(self, text: str) -> list[str]:
        pieces = self._pairs.findall(text)
        masked = "".join([han or (_SLOT if other else _GAP) for han, other in pieces])
        lookup = simplify(masked)
        found = self._backend.cut(lookup)
        rejected = self._guesses.rejected(found)
        words = found if lookup is masked else _cut(masked, found)
        others = [other for _, other in pieces if other]
        return _assemble(words, found, others, rejected)

    def _phrase_split(self, text: str) -> Iterator[tuple[int, int, bool]]:
        """The text between multi-word names, and the names (`True`)."""
        pos = 0
        for m in self._phrases.finditer(text) if self._phrases is not None else ():
            if starts_inside_word(text, m.start()):
                continue
            yield pos, m.start(), False
            yield m.start(), m.end(), True
            pos = m.end()
        yield pos, len(text), False


def _cut(text: str, words: list[str]) -> list[str]:
    """The pieces of `text` with the lengths of `words` (slices made in C)."""
    ends = list(accumulate(map(len, words)))
    return list(map(text.__getitem__, map(slice, [0, *ends[:-1]], ends)))


def _assemble(words: list[str], found: list[str], others: list[str], rejected: set[str]) -> list[str]:
    """`words` with each slot replaced by the next of `others` and each rejected guess cut into
    characters; `found` are the same words as looked up (simplified), where the guesses are
    found. The positions come from one pass in C (compress over set membership), so the Python
    work grows with the number of slots and guesses, not of words."""
    if not others and not rejected and _GAP not in found:
        return words
    marks = rejected | {_SLOT, _GAP}
    out: list[str] = []
    prev = 0
    slot = iter(others)
    for i in compress(count(), map(marks.__contains__, found)):
        out += words[prev:i]
        if found[i] == _SLOT:
            out.append(next(slot))
        elif found[i] != _GAP:
            out += words[i]  # a rejected guess, one character a token
        prev = i + 1
    out += words[prev:]
    return out


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
