"""Near-duplicate decisions inside one run, on arrays already sorted in keep order.

Row i of every array is the i-th document in keep order, so "earlier" means "preferred".
A document joins the cluster of the most similar kept document it was verified against,
so a duplicate's similarity is always measured against the record it points at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from hanflow.dedup.minhash import similarities, sketch_similarities

MAX_BUCKET_SPAN = 64
_CHUNK = 8_192  # pairs verified at once: two (chunk, 128) signature slices, about 8 MB


def _band_pairs(col: np.ndarray) -> Iterator[np.ndarray]:
    """Codes i * n + j (i < j) of the rows sharing this band's hash, at most _CHUNK at a time.

    Rows with the same hash sit together once sorted (in row order, the sort being stable),
    and a pair d places apart is found at offset d: so each pair comes once per band.
    """
    n = len(col)
    order = np.argsort(col, kind="stable")
    ordered = col[order]
    for d in range(1, MAX_BUCKET_SPAN):
        same = np.flatnonzero(ordered[:-d] == ordered[d:])
        if same.size == 0:
            break
        for start in range(0, same.size, _CHUNK):
            at = same[start : start + _CHUNK]
            yield order[at].astype(np.int64) * n + order[at + d]


def verified_edges(
    bands: np.ndarray, rows: Callable[[np.ndarray], np.ndarray], sizes: np.ndarray, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """(m, 2) pairs i < j sharing at least one band hash whose similarity reaches the
    threshold, each once and sorted, with that similarity; `rows(idx)` gives the signature
    rows `idx`."""
    return unique_edges([band_edges(bands, rows, sizes, threshold)], len(bands))


def band_edges(
    bands: np.ndarray, rows: Callable[[np.ndarray], np.ndarray], sizes: np.ndarray, threshold: float,
    sketches: Callable[[np.ndarray], np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Codes i * n + j of the pairs sharing a hash in one of these band columns whose
    similarity reaches the threshold, with that similarity; unsorted, maybe repeated.

    Pairs are verified as they are found, a chunk at a time: a run whose bands collide often
    has millions of candidate pairs, and only the few verified ones are kept. A pair found in
    several bands is verified in each (to the same similarity). `sketches(idx)`, when given,
    gives rows' `signature_sketch`: pairs whose sketches fall short are dropped unread.
    """
    n = len(bands)
    codes, sims = [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
    for b in range(bands.shape[1]):
        for found in _band_pairs(bands[:, b]):
            chunk = found if sketches is None else _may_reach(found, n, sketches, sizes, threshold)
            if chunk.size == 0:
                continue
            i, j = chunk // n, chunk % n
            sim = similarities(rows(i), rows(j), sizes[i], sizes[j])
            ok = sim >= threshold
            codes.append(chunk[ok])
            sims.append(sim[ok])
    return np.concatenate(codes), np.concatenate(sims)


def _may_reach(chunk: np.ndarray, n: int, sketches: Callable[[np.ndarray], np.ndarray], sizes: np.ndarray,
               threshold: float) -> np.ndarray:
    """The pair codes of `chunk` whose sketches reach the threshold (the others cannot)."""
    i, j = chunk // n, chunk % n
    return chunk[sketch_similarities(sketches(i), sketches(j), sizes[i], sizes[j]) >= threshold]


def unique_edges(found: list[tuple[np.ndarray, np.ndarray]], n: int) -> tuple[np.ndarray, np.ndarray]:
    """The (codes, similarities) of `band_edges` over every band group as sorted (m, 2) pairs,
    each once, with its similarity."""
    codes = np.concatenate([c for c, _ in found]) if found else np.zeros(0, dtype=np.int64)
    if len(codes) == 0:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    unique, first = np.unique(codes, return_index=True)
    return np.stack([unique // n, unique % n], axis=1), np.concatenate([s for _, s in found])[first]


def assign(
    n: int, edges: np.ndarray, sims: np.ndarray, earlier: dict[int, tuple[str, float]]
) -> dict[int, tuple[int | str, float]]:
    """Walk rows in keep order; each joins the most similar kept document, or is kept itself.

    Only kept documents (cluster leaders) are candidates, so every duplicate is within the
    threshold of the record it is filed under, never chained through another duplicate.
    `earlier` holds each row's best verified match among kept records of earlier runs, as
    (its id, similarity); ties go to the earlier run, then to the earlier row. Returns
    {row: (kept row of this run or kept id of an earlier run, similarity)} for duplicates.
    """
    order = np.lexsort((edges[:, 0], -sims, edges[:, 1])) if len(edges) else np.zeros(0, int)
    js = edges[order, 1] if len(edges) else np.zeros(0, int)
    starts = np.searchsorted(js, np.arange(n + 1)).tolist()
    firsts, values = edges[order, 0].tolist(), sims[order].tolist()
    kept: set[int] = set()
    root: dict[int, tuple[int | str, float]] = {}
    for j in range(n):
        best, best_sim = earlier.get(j, (None, -1.0))
        for e in range(starts[j], starts[j + 1]):
            if firsts[e] in kept:
                if values[e] > best_sim:
                    best, best_sim = firsts[e], values[e]
                break
        if best is None:
            kept.add(j)
        else:
            root[j] = (best, best_sim)
    return root
