"""What crosses from the batch workers to the dedup stage, and what comes back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from hanflow.columns import StringChain, StringPick, Strings
from hanflow.dedup.key import key_of_normalised, normalise
from hanflow.dedup.minhash import shingle_hashes, signature


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Exact key, MinHash signature (512 bytes; empty once moved to a batch file) and size of the
    shingle set: about 600 bytes pickled with its signature."""

    key: str
    signature: bytes  # b"" when held outside, in a batch's signature file (`unsigned`)
    n_shingles: int

    def unsigned(self) -> Fingerprint:
        """This fingerprint without its signature, which the caller keeps elsewhere."""
        return Fingerprint(self.key, b"", self.n_shingles)


@dataclass(frozen=True, slots=True)
class Candidate:
    """The little a dedup decision needs about one document; texts stay out of memory."""

    source: str
    id: str
    n_chars: int
    published: str | None
    fingerprint: Fingerprint


@dataclass(frozen=True, slots=True)
class Verdict:
    duplicate_of: str
    similarity: float
    method: str  # "exact" | "minhash"


def fingerprint(text: str) -> Fingerprint:
    """Computed next to the text, in the batch workers (text already t2s and cleaned)."""
    norm = normalise(text)
    hashes = shingle_hashes(norm)
    return Fingerprint(key_of_normalised(norm), signature(hashes), len(hashes))


def keep_order(c: Candidate) -> tuple:
    """Kept copy of a cluster: longest text, then earliest published, then smallest path."""
    return (-c.n_chars, c.published or "9999", c.source)


class Candidates(Sequence[Candidate]):
    """Candidates held as columns, not an object each: a run holds its candidates from the
    batches to the end, and a Candidate with its Fingerprint, strings and numbers costs about
    350 bytes besides its source where these columns cost about 60 (ids and keys packed as
    `Strings`, numbers in arrays; sources and publication times shared with whoever else
    holds them).

    Reading one (`candidates[k]`) makes its Candidate, without a signature; a step over the
    whole run reads the columns.
    """

    def __init__(self, sources: list[str], ids: Sequence[str], n_chars: np.ndarray,
                 published: list[str | None], keys: Sequence[str], n_shingles: np.ndarray) -> None:
        self.sources, self.ids, self.n_chars, self.published = sources, ids, n_chars, published
        self.keys, self.n_shingles = keys, n_shingles

    @classmethod
    def of(cls, items: Iterable[Candidate]) -> Candidates:
        items = list(items)
        return cls([c.source for c in items], Strings(c.id for c in items),
                   np.array([c.n_chars for c in items], dtype=np.int64), [c.published for c in items],
                   Strings(c.fingerprint.key for c in items),
                   np.array([c.fingerprint.n_shingles for c in items], dtype=np.int64))

    @classmethod
    def chain(cls, parts: Sequence[Candidates]) -> Candidates:
        """The candidates of `parts`, in order; strings are read through, not copied."""
        return cls([s for p in parts for s in p.sources], StringChain(p.ids for p in parts),
                   _joined([p.n_chars for p in parts]), [v for p in parts for v in p.published],
                   StringChain(p.keys for p in parts), _joined([p.n_shingles for p in parts]))

    def take(self, idx: np.ndarray) -> Candidates:
        """The candidates at `idx`, in that order."""
        idx = np.asarray(idx, dtype=np.int64)
        picked = idx.tolist()
        return Candidates([self.sources[k] for k in picked], StringPick(self.ids, idx), self.n_chars[idx],
                          [self.published[k] for k in picked], StringPick(self.keys, idx), self.n_shingles[idx])

    def __len__(self) -> int:
        return len(self.sources)

    def __getitem__(self, k: int) -> Candidate:  # type: ignore[override]
        return Candidate(self.sources[k], self.ids[k], int(self.n_chars[k]), self.published[k],
                         Fingerprint(self.keys[k], b"", int(self.n_shingles[k])))

    def __iter__(self) -> Iterator[Candidate]:
        return (self[k] for k in range(len(self)))


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)


def as_columns(candidates: Sequence[Candidate]) -> Candidates:
    """`candidates` as `Candidates` (the same object when it is one already)."""
    return candidates if isinstance(candidates, Candidates) else Candidates.of(candidates)


def keep_ordering(candidates: Sequence[Candidate]) -> np.ndarray:
    """Positions of `candidates` sorted by `keep_order`, as an int64 array.

    One stable sort a key, least significant first, over arrays that refer to the candidates'
    own strings: about 40 bytes a document at once, where a `keep_order` tuple a document
    costs about 150.
    """
    c = as_columns(candidates)
    n = len(c)
    order = np.argsort(np.fromiter(c.sources, object, n), kind="stable")
    published = np.fromiter((c.published[k] or "9999" for k in order.tolist()), object, n)
    order = order[np.argsort(published, kind="stable")]
    del published
    return order[np.argsort(-c.n_chars[order], kind="stable")]
