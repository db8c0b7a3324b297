"""Strings held packed, for what a run keeps of every document until it ends.

A str object costs about 49 bytes besides its characters, and a list's slot 8 more: for the
hashes and ids a run holds a few of per document, more than the characters themselves.
`Strings` packs them as UTF-8 in one bytes object and makes a str only when one is read;
`StringChain` and `StringPick` read several packs as one, or some of one, without copying.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate

import numpy as np


class Strings(Sequence[str]):
    """Strings packed as UTF-8: len + 8 bytes each, or len alone when all have one length in
    bytes; lowercase hex digits (digests, ids) are packed as the bytes they spell, half that."""

    def __init__(self, values: Iterable[str] = ()) -> None:
        values = list(values)
        data = _unhexed(values)
        self._hex = data is not None
        data = data if data is not None else [v.encode("utf-8") for v in values]
        widths = {len(d) for d in data}
        self._blob, self._n = b"".join(data), len(data)
        self._width = widths.pop() if len(widths) == 1 else None
        self._ends = None if self._width is not None else np.cumsum([len(d) for d in data], dtype=np.int64)

    def _text(self, start: int, end: int) -> str:
        return self._blob[start:end].hex() if self._hex else self._blob[start:end].decode("utf-8")

    def __len__(self) -> int:
        return self._n

    def _bounds(self, k: int) -> tuple[int, int]:
        if self._width is not None:
            return k * self._width, (k + 1) * self._width
        return (int(self._ends[k - 1]) if k else 0), int(self._ends[k])

    def __getitem__(self, k: int) -> str:  # type: ignore[override]
        if not 0 <= k < self._n:
            raise IndexError(k)
        return self._text(*self._bounds(k))

    def __iter__(self) -> Iterator[str]:
        for k in range(self._n):
            yield self._text(*self._bounds(k))


def _unhexed(values: list[str]) -> list[bytes] | None:
    """The bytes that `values` spell in lowercase hex, or None unless every one does so exactly."""
    try:
        data = [bytes.fromhex(v) for v in values]
    except ValueError:
        return None
    return data if all(d.hex() == v for d, v in zip(data, values, strict=True)) else None


class StringChain(Sequence[str]):
    """Several sequences of strings read as one, in order (nothing copied)."""

    def __init__(self, parts: Iterable[Sequence[str]]) -> None:
        self._parts = list(parts)
        self._starts = list(accumulate((len(p) for p in self._parts), initial=0))

    def __len__(self) -> int:
        return self._starts[-1]

    def __getitem__(self, k: int) -> str:  # type: ignore[override]
        if not 0 <= k < len(self):
            raise IndexError(k)
        part = bisect_right(self._starts, k) - 1
        return self._parts[part][k - self._starts[part]]

    def __iter__(self) -> Iterator[str]:
        for part in self._parts:
            yield from part


class StringPick(Sequence[str]):
    """The strings at `index` of `base`, in that order (nothing copied but the index)."""

    def __init__(self, base: Sequence[str], index: np.ndarray) -> None:
        self._base, self._index = base, np.asarray(index, dtype=np.int64)

    def __len__(self) -> int:
        return len(self._index)

    def __getitem__(self, k: int) -> str:  # type: ignore[override]
        return self._base[int(self._index[k])]

    def __iter__(self) -> Iterator[str]:
        for k in self._index.tolist():
            yield self._base[k]
