"""Near-duplicate decisions inside one run, on arrays already sorted in keep order.

Row i of every array is the i-th document in keep order, so "earlier" means "preferred".
A document joins the cluster of the most similar earlier document it was verified
against, kept or not, so an edited copy that is close to the original but a little
further from a longer repost still lands with both. Pointers always name the kept
document, never another duplicate.
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


def assign(
    n: int, edges: np.ndarray, sims: np.ndarray, earlier: dict[int, tuple[str, float]]
) -> dict[int, tuple[int | str, float]]:
    """Walk rows in keep order; each joins the cluster of its most similar earlier copy.

    `earlier` holds each row's best verified match among records of earlier runs, as
    (kept id of that record's cluster, similarity). A row's candidates are that match and
    its verified edges to earlier rows of this run, kept or not; the most similar wins,
    ties going to the earlier run, then to the earlier row. Returns {row: (kept row of this
    run or kept id from an earlier run, similarity of the winning match)} for duplicates.
    """
    order = np.lexsort((edges[:, 0], -sims, edges[:, 1])) if len(edges) else np.zeros(0, int)
    js = edges[order, 1] if len(edges) else np.zeros(0, int)
    starts = np.searchsorted(js, np.arange(n + 1))
    root: dict[int, tuple[int | str, float]] = {}
    for j in sorted(set(np.flatnonzero(starts[1:] > starts[:-1]).tolist()) | set(earlier)):
        best, best_sim = earlier.get(j, (-1, -1.0))
        if starts[j + 1] > starts[j]:
            e = order[starts[j]]
            if sims[e] > best_sim:
                i = int(edges[e, 0])
                best, best_sim = root.get(i, (i,))[0], float(sims[e])
        root[j] = (best, best_sim)
    return root
