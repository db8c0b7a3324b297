"""Near-duplicate decisions inside one run, on arrays already sorted in keep order.

Row i of every array is the i-th document in keep order, so "earlier" means "preferred".
Each document becomes a duplicate of the most similar *kept* earlier document it was
verified against, never of another duplicate: no chains, and every pointer carries a
similarity that was checked between exactly those two documents.
"""

from __future__ import annotations

import numpy as np

from hanflow.dedup.minhash import similarities

MAX_BUCKET_SPAN = 64
_CHUNK = 65_536


def candidate_pairs(bands: np.ndarray) -> np.ndarray:
    """(m, 2) pairs i < j sharing at least one band hash, each pair once, sorted."""
    n = len(bands)
    codes = []
    for b in range(bands.shape[1]):
        order = np.argsort(bands[:, b], kind="stable")
        col = bands[order, b]
        for d in range(1, MAX_BUCKET_SPAN):
            same = np.flatnonzero(col[:-d] == col[d:])
            if same.size == 0:
                break
            codes.append(order[same].astype(np.int64) * n + order[same + d])
    if not codes:
        return np.zeros((0, 2), dtype=np.int64)
    unique = np.unique(np.concatenate(codes))
    return np.stack([unique // n, unique % n], axis=1)


def verified_edges(
    pairs: np.ndarray, matrix: np.ndarray, sizes: np.ndarray, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs whose similarity reaches the threshold, with that similarity."""
    keep, sims = [], []
    for start in range(0, len(pairs), _CHUNK):
        chunk = pairs[start : start + _CHUNK]
        i, j = chunk[:, 0], chunk[:, 1]
        sim = similarities(matrix[i], matrix[j], sizes[i], sizes[j])
        ok = sim >= threshold
        keep.append(chunk[ok])
        sims.append(sim[ok])
    if not keep:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    return np.concatenate(keep), np.concatenate(sims)


def greedy_assign(
    n: int, edges: np.ndarray, sims: np.ndarray, settled: dict[int, object]
) -> dict[int, tuple[int, float]]:
    """Walk documents in keep order; each joins its most similar kept predecessor.

    `settled` rows are already decided elsewhere (duplicates of earlier runs) and are
    neither kept nor targets. Returns {row: (kept row, similarity)} for new duplicates;
    ties in similarity go to the earlier (preferred) row.
    """
    by_j = np.lexsort((edges[:, 0], -sims, edges[:, 1])) if len(edges) else np.zeros(0, int)
    js = edges[by_j, 1] if len(edges) else np.zeros(0, int)
    starts = np.searchsorted(js, np.arange(n + 1))
    kept = np.ones(n, dtype=bool)
    for row in settled:
        kept[row] = False
    out: dict[int, tuple[int, float]] = {}
    for j in np.flatnonzero(starts[1:] > starts[:-1]):
        if not kept[j]:
            continue
        for e in by_j[starts[j] : starts[j + 1]]:
            i = int(edges[e, 0])
            if kept[i]:
                out[int(j)] = (i, float(sims[e]))
                kept[j] = False
                break
    return out
