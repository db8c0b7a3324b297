"""What crosses from the batch workers to the dedup stage, and what comes back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

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


def keep_ordering(candidates: Sequence[Candidate]) -> np.ndarray:
    """Positions of `candidates` sorted by `keep_order`, as an int64 array.

    One stable sort a key, least significant first, over arrays that refer to the candidates'
    own strings: about 40 bytes a document at once, where a `keep_order` tuple a document
    costs about 150.
    """
    n = len(candidates)
    order = np.argsort(np.fromiter((c.source for c in candidates), object, n), kind="stable")
    published = np.fromiter((candidates[k].published or "9999" for k in order.tolist()), object, n)
    order = order[np.argsort(published, kind="stable")]
    del published
    chars = np.fromiter((-candidates[k].n_chars for k in order.tolist()), np.int64, n)
    return order[np.argsort(chars, kind="stable")]
