"""A run's MinHash signatures outside the Python heap, read a few rows at a time.

Each batch writes its candidates' signatures to a file beside its staged records (NUM_PERM
little-endian uint32 a row, in candidate order); dedup joins the batches' files into one and
reads rows from it with `os.pread` as a step needs them. Nothing is mapped: pages read through
a map count in the process's resident memory, and rows read in keep order are scattered over
the file, so a map ends up wholly resident (docs/benchmarks.md, memory); pages read with
`pread` stay in the page cache, which the kernel can drop. What a step reads at once is
bounded: rows near each other in one read of at most `_SPAN_ROWS` rows, the rest one by one.

Pair verification asks for many scattered rows; it first compares `sketches`, two bits a value
(a sixteenth of the signature, in memory), and reads the full rows only of the pairs the
sketches do not already rule out (`signature_sketch`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from hanflow.dedup.minhash import NUM_PERM, SKETCH_BYTES, band_hashes, signature_matrix, signature_sketch

ROW_BYTES = 4 * NUM_PERM
_SPAN_ROWS = 8_192  # rows read at once at most: 4 MB
_GAP_ROWS = 16  # rows wanted at most this far apart are read in one span, the rows between too


class _Matrix:
    """Signature rows held in memory."""

    def __init__(self, matrix: np.ndarray) -> None:
        self.matrix, self.n, self._sketch = matrix, len(matrix), None

    def read(self, idx: np.ndarray) -> np.ndarray:
        return self.matrix[idx]

    def blocks(self) -> Iterator[tuple[int, np.ndarray]]:
        for start in range(0, self.n, _SPAN_ROWS):
            yield start, self.matrix[start : start + _SPAN_ROWS]

    def sketch(self) -> np.ndarray:
        if self._sketch is None:
            self._sketch = _sketch_of(self)
        return self._sketch


class _File(_Matrix):
    """Signature rows of a file, read with `pread`."""

    def __init__(self, path: Path) -> None:
        size = path.stat().st_size
        if size % ROW_BYTES:
            raise ValueError(f"{path} is not a whole number of signatures")
        self._fh = open(path, "rb", buffering=0)  # noqa: SIM115 - closed with this object
        self.n, self._sketch = size // ROW_BYTES, None

    def __del__(self) -> None:
        fh = getattr(self, "_fh", None)
        if fh is not None:
            fh.close()

    def _span(self, lo: int, hi: int) -> np.ndarray:
        data = os.pread(self._fh.fileno(), (hi - lo) * ROW_BYTES, lo * ROW_BYTES)
        if len(data) != (hi - lo) * ROW_BYTES:
            raise OSError(f"signature file {self._fh.name} is shorter than its {self.n} rows")
        return np.frombuffer(data, dtype="<u4").reshape(-1, NUM_PERM)

    def read(self, idx: np.ndarray) -> np.ndarray:
        wanted = np.unique(idx)
        out = np.empty((len(wanted), NUM_PERM), dtype=np.uint32)
        for a, b in _runs(wanted):
            lo = int(wanted[a])
            out[a:b] = self._span(lo, int(wanted[b - 1]) + 1)[wanted[a:b] - lo]
        return out if len(wanted) == len(idx) and (wanted == idx).all() else out[np.searchsorted(wanted, idx)]

    def blocks(self) -> Iterator[tuple[int, np.ndarray]]:
        for start in range(0, self.n, _SPAN_ROWS):
            yield start, self._span(start, min(start + _SPAN_ROWS, self.n))


def _runs(rows: np.ndarray) -> list[tuple[int, int]]:
    """[a, b) ranges of the sorted distinct `rows` to read as one span each: no two rows of a
    span more than _GAP_ROWS apart, and a span within one aligned block of _SPAN_ROWS rows."""
    if len(rows) == 0:
        return []
    cut = (np.diff(rows) > _GAP_ROWS) | (rows[1:] // _SPAN_ROWS != rows[:-1] // _SPAN_ROWS)
    bounds = [0, *(np.flatnonzero(cut) + 1).tolist(), len(rows)]
    return list(zip(bounds[:-1], bounds[1:], strict=True))


def _sketch_of(source: _Matrix) -> np.ndarray:
    out = np.empty((source.n, SKETCH_BYTES), dtype=np.uint8)
    for start, block in source.blocks():
        out[start : start + len(block)] = signature_sketch(block)
    return out


class SignatureRows:
    """(n, NUM_PERM) uint32 signatures, in memory or in a file; `index` (when given) maps this
    view's rows to the rows of the source."""

    def __init__(self, source: _Matrix, index: np.ndarray | None = None) -> None:
        self._source, self._index = source, index

    @classmethod
    def of(cls, sigs: Sequence[bytes]) -> SignatureRows:
        """Signatures held as bytes (a few documents, or a repair's scan)."""
        return cls(_Matrix(signature_matrix(sigs)))

    @classmethod
    def from_file(cls, path: Path) -> SignatureRows:
        """The rows of a signature file, read as they are asked for."""
        return cls(_File(path))

    def __len__(self) -> int:
        return self._source.n if self._index is None else len(self._index)

    def _where(self, idx: np.ndarray) -> np.ndarray:
        idx = np.asarray(idx, dtype=np.int64)
        return idx if self._index is None else self._index[idx]

    def subset(self, rows: np.ndarray) -> SignatureRows:
        """A view of `rows` of this one (no copy)."""
        return SignatureRows(self._source, self._where(rows))

    def rows(self, idx: np.ndarray) -> np.ndarray:
        """A copy of rows `idx`, as an (len(idx), NUM_PERM) array."""
        return self._source.read(self._where(idx))

    def sketches(self, idx: np.ndarray) -> np.ndarray:
        """The `signature_sketch` of rows `idx`; the source's sketches are made on first use and
        kept while the source is (SKETCH_BYTES a row)."""
        return self._source.sketch()[self._where(idx)]

    def bands(self, group: range) -> np.ndarray:
        """(len(self), len(group)) `band_hashes` columns `group` of every row of this view,
        reading the source once, in order."""
        out = np.empty((len(self), len(group)), dtype=np.int64)
        where = self._where(np.arange(len(self)))
        order = np.argsort(where, kind="stable")
        placed = where[order]
        for start, block in self._source.blocks():
            a, b = np.searchsorted(placed, [start, start + len(block)])
            if b > a:
                out[order[a:b]] = band_hashes(block[placed[a:b] - start], bands=group)
        return out


def join_files(parts: Sequence[str], path: Path) -> SignatureRows:
    """The rows of the signature files `parts`, in order, joined into one file at `path`.

    A joined file already there with the parts' whole size is read as it is: resolve and
    commit read the same run's rows, and one of them may still hold it open."""
    if path.exists() and path.stat().st_size == sum(Path(part).stat().st_size for part in parts):
        return SignatureRows.from_file(path)
    with open(path, "wb") as out:
        for part in parts:
            with open(part, "rb") as fh:
                while block := fh.read(1 << 20):
                    out.write(block)
    return SignatureRows.from_file(path)
