"""MinHash signatures over character shingles, LSH band hashes, and their verification.

Signatures come from rensa (a Rust MinHash); banding and verification are vectorised
numpy over whole runs so a run of 100k documents never loops in Python per pair.
"""

from __future__ import annotations

import numpy as np
import rensa

SHINGLE = 5
NUM_PERM = 128
SEED = 20_251_125
ROWS = 4
BANDS = NUM_PERM // ROWS
SCHEME = f"rensa-rminhash:shingle={SHINGLE}:perm={NUM_PERM}:seed={SEED}:rows={ROWS}"

_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
    dtype=np.uint64,
)


def shingles(norm: str) -> list[str]:
    """Distinct character n-grams; a text shorter than one shingle is its own shingle."""
    if len(norm) <= SHINGLE:
        return [norm] if norm else []
    return sorted({norm[i : i + SHINGLE] for i in range(len(norm) - SHINGLE + 1)})


def signature(grams: list[str]) -> bytes:
    """NUM_PERM little-endian uint32 minima; empty input gives the all-ones signature."""
    mh = rensa.RMinHash(NUM_PERM, SEED)
    if grams:
        mh.update(grams)
    return np.asarray(mh.digest(), dtype="<u4").tobytes()


def signature_matrix(sigs: list[bytes]) -> np.ndarray:
    """Stack signatures into an (n, NUM_PERM) uint32 array."""
    if not sigs:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    return np.frombuffer(b"".join(sigs), dtype="<u4").reshape(len(sigs), NUM_PERM)


def band_hashes(matrix: np.ndarray) -> np.ndarray:
    """(n, BANDS) int64 hashes; two documents share a band hash when the band rows agree."""
    rows = matrix.astype(np.uint64).reshape(len(matrix), BANDS, ROWS)
    h = (rows * _MIX[:ROWS]).sum(axis=2, dtype=np.uint64)
    h ^= np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xC4CEB9FE1A85EC53)
    h ^= h >> np.uint64(29)
    return h.view(np.int64)


def similarities(
    left: np.ndarray, right: np.ndarray, n_left: np.ndarray, n_right: np.ndarray
) -> np.ndarray:
    """Jaccard estimates of row pairs, capped by the size ratio of the shingle sets.

    Jaccard can never exceed min(|A|,|B|)/max(|A|,|B|), so the cap is exact: a teaser or
    one half of an article is rejected on size alone, whatever the hash values say.
    """
    estimate = (left == right).mean(axis=1)
    ratio = np.minimum(n_left, n_right) / np.maximum(np.maximum(n_left, n_right), 1)
    return np.minimum(estimate, ratio)
