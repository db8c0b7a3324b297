"""Whole-text character work at C speed: a text as an array of code points, tables indexed by them.

A Python loop (or `str.translate` with a dict) handles a few million Chinese characters a second;
numpy indexing of a text's UTF-32 form handles hundreds of millions. Mapping characters one to
one and counting the characters of a class are done this way. Lone surrogates survive the round
trip ("surrogatepass"), so any `str` can be handled.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

CODE_POINTS = 0x110000
_DTYPE = np.dtype("<u4")


def code_points(text: str) -> np.ndarray:
    """The code points of `text` as a read-only uint32 array."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=_DTYPE)


def from_code_points(codes: np.ndarray) -> str:
    return codes.astype(_DTYPE, copy=False).tobytes().decode("utf-32-le", "surrogatepass")


def char_table(mapping: Mapping[str, str]) -> np.ndarray:
    """A table that maps every code point to itself except the single-character keys of `mapping`."""
    table = np.arange(CODE_POINTS, dtype=_DTYPE)
    for key, value in mapping.items():
        table[ord(key)] = ord(value)
    return table


def char_set(chars: Iterable[str]) -> np.ndarray:
    """A boolean table, True on `chars`."""
    table = np.zeros(CODE_POINTS, dtype=np.bool_)
    table[np.fromiter(map(ord, chars), dtype=np.int64)] = True
    return table


def count_in(table: np.ndarray, codes: np.ndarray) -> int:
    """How many of `codes` a boolean table holds."""
    return int(np.count_nonzero(table.take(codes)))


def any_in(table: np.ndarray, codes: np.ndarray) -> bool:
    return bool(table.take(codes).any())


def class_table(classes: Iterable[tuple[int, Iterable[int]]]) -> np.ndarray:
    """A uint8 table: for each (bit, code points), that bit is set on those code points."""
    table = np.zeros(CODE_POINTS, dtype=np.uint8)
    for bit, points in classes:
        table[np.fromiter(points, dtype=np.int64)] |= bit
    return table
