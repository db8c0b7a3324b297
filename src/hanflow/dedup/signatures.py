"""A run's MinHash signatures outside the Python heap, read a few rows at a time.

Each batch writes its candidates' signatures to a file beside its staged records (NUM_PERM
little-endian uint32 a row, in candidate order); dedup joins the batches' files into one and
maps it. Rows are copied out as a step needs them, and the pages read through the map are
given back every `_RELEASE_ROWS` rows. A scattered read pulls in about 64 KB of the file around
its row, so between two releases the whole file can be resident on runs of up to a few hundred
thousand documents (docs/benchmarks.md, memory); the pages are clean and the kernel can drop them.
"""

from __future__ import annotations

import mmap
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from hanflow.dedup.minhash import NUM_PERM, signature_matrix

ROW_BYTES = 4 * NUM_PERM
_RELEASE_ROWS = 16_384  # rows gathered through a map before its pages are given back


class SignatureRows:
    """(n, NUM_PERM) uint32 signatures, in memory or mapped from a file; `index` (when given)
    maps this view's rows to the rows of the matrix."""

    def __init__(self, matrix: np.ndarray, mapping: mmap.mmap | None = None,
                 index: np.ndarray | None = None) -> None:
        self.matrix, self._mapping, self._index = matrix, mapping, index
        self._gathered = 0

    @classmethod
    def of(cls, sigs: Sequence[bytes]) -> SignatureRows:
        """Signatures held as bytes (a few documents, or a repair's scan)."""
        return cls(signature_matrix(sigs))

    @classmethod
    def mapped(cls, path: Path) -> SignatureRows:
        """The rows of a signature file, read through a read-only map."""
        if path.stat().st_size % ROW_BYTES:
            raise ValueError(f"{path} is not a whole number of signatures")
        if path.stat().st_size == 0:
            return cls(signature_matrix([]))
        with open(path, "rb") as fh:
            mapping = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        return cls(np.frombuffer(mapping, dtype="<u4").reshape(-1, NUM_PERM), mapping)

    def __len__(self) -> int:
        return len(self.matrix) if self._index is None else len(self._index)

    def subset(self, rows: np.ndarray) -> SignatureRows:
        """A view of `rows` of this one (no copy)."""
        rows = np.asarray(rows, dtype=np.int64)
        return SignatureRows(self.matrix, self._mapping, rows if self._index is None else self._index[rows])

    def rows(self, idx: np.ndarray) -> np.ndarray:
        """A copy of rows `idx`, as an (len(idx), NUM_PERM) array."""
        idx = np.asarray(idx, dtype=np.int64)
        out = self.matrix[idx if self._index is None else self._index[idx]]
        if self._mapping is not None:
            self._gathered += len(idx)
            if self._gathered >= _RELEASE_ROWS:
                self._mapping.madvise(mmap.MADV_DONTNEED)
                self._gathered = 0
        return out


def join_files(parts: Sequence[str], path: Path) -> SignatureRows:
    """The rows of the signature files `parts`, in order, joined into one file at `path`.

    A joined file already there with the parts' whole size is mapped as it is: resolve and
    commit read the same run's rows, and rewriting a file that a live map still reads would
    pull its pages away under it."""
    if path.exists() and path.stat().st_size == sum(Path(part).stat().st_size for part in parts):
        return SignatureRows.mapped(path)
    with open(path, "wb") as out:
        for part in parts:
            with open(part, "rb") as fh:
                while block := fh.read(1 << 20):
                    out.write(block)
    return SignatureRows.mapped(path)
