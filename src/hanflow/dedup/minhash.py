"""MinHash signatures over hashed character shingles, LSH band hashes, and their verification.

Signatures come from rensa (a Rust MinHash); banding and verification are vectorised
numpy over whole runs so a run of 100k documents never loops in Python per pair.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import rensa

SHINGLE = 5
NUM_PERM = 128
SEED = 20_251_125
ROWS = 4
BANDS = NUM_PERM // ROWS
BANDS_AT_ONCE = 8  # band columns a run holds at once: 64 bytes a document, not 256
SCHEME = (
    f"rensa-rminhash-v{rensa.RMinHash.ALGORITHM_VERSION}:fnv-splitmix"
    f":shingle={SHINGLE}:perm={NUM_PERM}:seed={SEED}:rows={ROWS}"
)

_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
    dtype=np.uint64,
)


def shingle_hashes(norm: str) -> np.ndarray:
    """Distinct 64-bit hashes of the character SHINGLE-grams, sorted.

    Hashing runs on the code points as one numpy array, so a 2,000-character text costs
    a few vector operations rather than 2,000 Python string slices. A text shorter than
    one shingle is hashed whole, so even a single character has a signature.
    """
    if not norm:
        return np.zeros(0, dtype=np.uint64)
    points = np.frombuffer(norm.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    width = min(SHINGLE, len(points))
    h = np.full(len(points) - width + 1, np.uint64(width), dtype=np.uint64)
    for offset in range(width):
        h = h * np.uint64(0x100000001B3) + points[offset : len(points) - width + 1 + offset]
    h = np.sort(_mix(h))
    return h[np.concatenate(([True], h[1:] != h[:-1]))]


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads the polynomial hash over all 64 bits."""
    h = h ^ (h >> np.uint64(30))
    h = h * np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def signature(hashes: np.ndarray) -> bytes:
    """NUM_PERM little-endian uint32 minima; no hashes give the all-ones signature."""
    if len(hashes) == 0:
        return b"\xff" * (4 * NUM_PERM)
    rows = rensa.RMinHash.digest_matrix_from_flat_token_hashes(
        hashes, [0, len(hashes)], NUM_PERM, SEED
    ).to_rows()
    return np.asarray(rows[0], dtype="<u4").tobytes()


def signature_matrix(sigs: Sequence[bytes]) -> np.ndarray:
    """Stack signatures into an (n, NUM_PERM) uint32 array."""
    if not sigs:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    return np.frombuffer(b"".join(sigs), dtype="<u4").reshape(len(sigs), NUM_PERM)


SKETCH_BYTES = NUM_PERM // 4  # a sketch: 2 bits a value, four values a byte
_ZERO_PAIRS = np.array([sum((x >> s) & 3 == 0 for s in (0, 2, 4, 6)) for x in range(256)], dtype=np.int64)


def signature_sketch(matrix: np.ndarray) -> np.ndarray:
    """Each value's 32 bits XOR-ed down to 2, four values packed a byte: (n, SKETCH_BYTES) uint8.

    Equal values have equal sketches, so `sketch_similarities` of two rows' sketches is never
    below `similarities` of the rows themselves: a pair whose sketches fall short of a
    threshold falls short with its full signatures too, and only the others need their full
    rows read. A sketch is a sixteenth of its signature.
    """
    x = np.asarray(matrix, dtype=np.uint32)
    for shift in (16, 8, 4, 2):
        x = x ^ (x >> np.uint32(shift))
    x = (x & np.uint32(3)).astype(np.uint8).reshape(len(x), SKETCH_BYTES, 4)
    return x[:, :, 0] | (x[:, :, 1] << 2) | (x[:, :, 2] << 4) | (x[:, :, 3] << 6)


def sketch_similarities(
    left: np.ndarray, right: np.ndarray, n_left: np.ndarray, n_right: np.ndarray
) -> np.ndarray:
    """`similarities` estimated from `signature_sketch` rows: at least that of the signatures."""
    return np.minimum(_ZERO_PAIRS[left ^ right].sum(axis=1) / NUM_PERM, _size_cap(n_left, n_right))


def band_groups(size: int = BANDS_AT_ONCE) -> list[range]:
    """The band columns in groups of `size`, in order."""
    return [range(b, min(b + size, BANDS)) for b in range(0, BANDS, size)]


def band_hashes(matrix: np.ndarray, chunk: int = 8_192, bands: range = range(BANDS)) -> np.ndarray:
    """(n, len(bands)) int64 hashes (default: all BANDS); two documents share a band hash when
    the band rows agree.

    Works through `chunk` rows at a time so the 64-bit temporaries stay a few MB.
    """
    out = np.empty((len(matrix), len(bands)), dtype=np.int64)
    cols = slice(bands.start * ROWS, bands.stop * ROWS)
    salt = np.arange(bands.start + 1, bands.stop + 1, dtype=np.uint64) * np.uint64(0xFF51AFD7ED558CCD)
    for start in range(0, len(matrix), chunk):
        rows = matrix[start : start + chunk, cols].astype(np.uint64).reshape(-1, len(bands), ROWS)
        h = (rows * _MIX[:ROWS]).sum(axis=2, dtype=np.uint64)
        h ^= salt
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xC4CEB9FE1A85EC53)
        h ^= h >> np.uint64(29)
        out[start : start + chunk] = h.view(np.int64)
    return out


def similarities(
    left: np.ndarray, right: np.ndarray, n_left: np.ndarray, n_right: np.ndarray
) -> np.ndarray:
    """Jaccard estimates of row pairs, capped by the size ratio of the shingle sets.

    Jaccard can never exceed min(|A|,|B|)/max(|A|,|B|), so the cap is exact: a teaser or
    one half of an article is rejected on size alone, whatever the hash values say.
    """
    return np.minimum((left == right).mean(axis=1), _size_cap(n_left, n_right))


def _size_cap(n_left: np.ndarray, n_right: np.ndarray) -> np.ndarray:
    """min(|A|,|B|)/max(|A|,|B|): the most the Jaccard similarity of two sets of these sizes can be."""
    return np.minimum(n_left, n_right) / np.maximum(np.maximum(n_left, n_right), 1)
