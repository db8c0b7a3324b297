"""opencc-python-reimplemented's conversion, compiled once per process into whole-text operations.

That package splits a text at its separators (spaces, punctuation) and converts each piece with
each group of dictionaries in turn, the next group seeing the joined result. Within a group it
takes, of all keys of the first dictionary that occur in the piece, the longest (the leftmost of
equally long ones), replaces it, and goes on in the text left and right of it; what no key of that
dictionary matched is left to the next dictionary of the group. Keeping occurrences in the order
(dictionary, longest first, leftmost first) unless they overlap one kept before gives the same
result: an occurrence is kept exactly when no kept occurrence of higher rank overlaps it.

No usable key holds a separator, so no occurrence crosses one and a whole text can be converted
at once. Candidate starts of keys are found with code-point tables (the pairs of characters that
begin a key), dictionary look-ups confirm them, and a last dictionary of single characters
becomes a code-point table applied to the whole text. The tests compare the
result with the package's own `convert` on generated and real text for every config it has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from hanflow.normalize.codepoints import char_set, char_table, code_points, from_code_points


@dataclass(frozen=True)
class Phrases:
    """One dictionary matched by key: where its keys occur in a text."""

    values: dict[str, str]
    lengths: dict[str, tuple[int, ...]]  # first character -> lengths of the keys it starts
    singles: np.ndarray  # True on one-character keys
    firsts: np.ndarray  # True on the first characters of longer keys
    seconds: np.ndarray  # True on their second characters
    any_single: bool

    @classmethod
    def of(cls, values: dict[str, str]) -> Phrases:
        lengths: dict[str, set[int]] = {}
        for key in values:
            lengths.setdefault(key[0], set()).add(len(key))
        longer = [key for key in values if len(key) > 1]
        singles = [key for key in values if len(key) == 1]
        return cls(values, {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()},
                   char_set(singles), char_set(key[0] for key in longer), char_set(key[1] for key in longer),
                   bool(singles))

    def candidates(self, codes: np.ndarray) -> np.ndarray:
        """Positions where a key may start: a one-character key, or a pair of characters that
        begins a longer one (a superset; the look-ups decide)."""
        pairs = np.flatnonzero(self.firsts.take(codes[:-1]) & self.seconds.take(codes[1:]))
        if not self.any_single:
            return pairs
        return np.union1d(pairs, np.flatnonzero(self.singles.take(codes)))

    def occurrences(self, text: str, codes: np.ndarray) -> list[tuple[int, int]]:
        """(start, length) of every occurrence of a key, overlapping ones included."""
        values, lengths, size = self.values, self.lengths, len(text)
        return [(at, n) for at in self.candidates(codes).tolist() for n in lengths.get(text[at], ())
                if at + n <= size and text[at : at + n] in values]


def _rank(occurrence: tuple[int, int]) -> tuple[int, int]:
    return -occurrence[1], occurrence[0]


@dataclass(frozen=True)
class Group:
    """Dictionaries applied together: each position is converted by at most one of them."""

    phrases: tuple[Phrases, ...]
    chars: np.ndarray | None  # table of the last dictionary when it maps single characters

    def convert(self, text: str, codes: np.ndarray) -> str:
        spans = self._kept(text, codes)
        mapped = from_code_points(self.chars.take(codes)) if self.chars is not None else text
        if not spans:
            return mapped
        spans.sort()
        out: list[str] = []
        pos = 0
        for start, end, value in spans:
            out += (mapped[pos:start], value)
            pos = end
        out.append(mapped[pos:])
        return "".join(out)

    def _kept(self, text: str, codes: np.ndarray) -> list[tuple[int, int, str]]:
        kept: list[tuple[int, int, str]] = []
        taken: bytearray | None = None
        for phrases in self.phrases:
            found = phrases.occurrences(text, codes)
            if not found:
                continue
            if taken is None:
                taken = bytearray(len(text))
            found.sort(key=_rank)
            for start, n in found:
                end = start + n
                if taken.find(1, start, end) == -1:
                    taken[start:end] = b"\x01" * n
                    kept.append((start, end, phrases.values[text[start:end]]))
        return kept


@dataclass(frozen=True)
class Chain:
    """A whole config: its groups in order."""

    groups: tuple[Group, ...]
    ascii_inert: bool  # no key holds an ASCII character, so ASCII text cannot change

    def convert(self, text: str, codes: np.ndarray | None = None) -> str:
        """`text` converted; `codes` may pass `code_points(text)` when the caller has it."""
        if not text or (self.ascii_inert and text.isascii()):
            return text
        for i, group in enumerate(self.groups):
            text = group.convert(text, codes if i == 0 and codes is not None else code_points(text))
        return text


def _usable(group: list[tuple[int, int, dict[str, str]]], is_separator: Callable[[str], bool]) -> list[dict]:
    """Each dictionary of a group as key -> first value, without keys that hold a separator
    (the package never sees a separator inside a piece, so they never match)."""
    return [
        {key: value.split(" ")[0] for key, value in table.items() if not any(map(is_separator, key))}
        for _, _, table in group
    ]


def _group(tables: list[dict[str, str]]) -> Group:
    chars = None
    if tables and all(len(k) == 1 and len(v) == 1 for k, v in tables[-1].items()):
        chars = char_table(tables.pop())
    return Group(tuple(Phrases.of(t) for t in tables if t), chars)


def compile_chain(cc: object) -> Chain | None:
    """The compiled form of an opencc-python-reimplemented converter; None for other backends,
    or where an earlier group could write a separator (later groups would then see pieces the
    whole-text form does not)."""
    split_re = getattr(cc, "split_chars_re", None)
    chain = getattr(cc, "_dict_chain_data", None)
    if split_re is None or not chain or not callable(getattr(cc, "_convert", None)):
        return None

    def is_separator(ch: str) -> bool:
        return split_re.fullmatch(ch) is not None

    groups = [_usable(group, is_separator) for group in chain]
    for tables in groups[:-1]:
        if any(any(map(is_separator, v)) for table in tables for v in table.values()):
            return None
    inert = not any(ch.isascii() for tables in groups for table in tables for key in table for ch in key)
    return Chain(tuple(_group(tables) for tables in groups), inert)
