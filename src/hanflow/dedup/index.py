"""Duplicate resolution for one run, against itself and every record kept before."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

import numpy as np

from hanflow.columns import StringPick
from hanflow.dedup import tables
from hanflow.dedup.candidates import (
    Candidate,
    Candidates,
    Fingerprint,
    Verdict,
    as_columns,
    fingerprint,
    keep_order,
    keep_ordering,
)
from hanflow.dedup.cluster import assign, band_edges, unique_edges
from hanflow.dedup.minhash import band_groups, signature_matrix, similarities
from hanflow.dedup.signatures import SignatureRows

DEFAULT_THRESHOLD = 0.7

_ADD_AT_ONCE = 5_000  # kept records stored at once: bounds the signatures copied out

__all__ = ["Candidate", "DedupIndex", "Fingerprint", "Verdict", "fingerprint", "keep_order"]


class DedupIndex:
    """Keys and MinHash bands of every kept record, by source; writes join the caller's
    transaction, so the index is committed together with the output it describes.

    Only kept records are indexed: a duplicate is always filed under a kept record it is
    similar to, and when that record leaves the output its duplicates are resolved again.
    """

    def __init__(self, conn: sqlite3.Connection, threshold: float = DEFAULT_THRESHOLD) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.conn = conn
        self.threshold = threshold
        tables.ensure_schema(conn)

    def resolve(self, candidates: Sequence[Candidate], excluded: Iterable[str] = (),
                signatures: SignatureRows | None = None) -> dict[str, Verdict]:
        """Verdicts for the duplicates among `candidates`, by source; kept ones are absent.

        Kept records of `excluded` sources (those leaving the output in this run: deleted,
        changed, or resolved again) are not matched against. `signatures` holds the candidates'
        signatures row by row (default: their fingerprints'; `Candidates` carry none).
        """
        signatures = signatures if signatures is not None else _own_signatures(candidates)
        cands = as_columns(candidates)
        reps, copies, copy_rows = _distinct_keys(cands)
        rep_verdicts = self._resolve_reps(cands, reps, frozenset(excluded), signatures.subset(reps))
        verdicts = {cands.sources[int(reps[row])]: v for row, v in rep_verdicts.items()}
        for k, row in zip(copies.tolist(), copy_rows.tolist(), strict=True):
            verdicts[cands.sources[k]] = rep_verdicts.get(row) or Verdict(cands.ids[int(reps[row])], 1.0, "exact")
        return verdicts

    def _resolve_reps(self, cands: Candidates, reps: np.ndarray, gone: frozenset[str],
                      signatures: SignatureRows) -> dict[int, Verdict]:
        """Verdicts for distinct-key representatives (candidates `reps`, in keep order), by row
        of `reps` (`signatures` by row)."""
        keys = StringPick(cands.keys, reps)
        prior = tables.exact_ids(self.conn, keys, gone)
        out = {row: Verdict(prior[key], 1.0, "exact") for row, key in enumerate(keys) if key in prior}
        sizes = cands.n_shingles[reps]
        open_ = sizes > 0
        open_[list(out)] = False
        rows = np.flatnonzero(open_)
        sizes = sizes[rows]
        earlier, edges, sims = self._matches(signatures.subset(rows), sizes, gone)
        for local, (root, sim) in assign(len(rows), edges, sims, earlier).items():
            rid = root if isinstance(root, str) else cands.ids[int(reps[rows[root]])]
            out[int(rows[local])] = Verdict(rid, sim, "minhash")
        return out

    def _matches(self, sigs: SignatureRows, sizes: np.ndarray, gone: frozenset[str],
                 ) -> tuple[dict[int, tuple[str, float]], np.ndarray, np.ndarray]:
        """Each row's best stored match (`_earlier_matches`), and the verified pairs among the
        rows (`verified_edges`), from band hashes built a group of columns at a time."""
        stored = tables.has_docs(self.conn)
        pairs, found = [], []
        for group in band_groups():
            bands = sigs.bands(group)
            if stored:
                pairs.append(tables.band_matches(self.conn, bands))
            found.append(band_edges(bands, sigs.rows, sizes, self.threshold, sigs.sketches))
        matched = np.unique(np.concatenate(pairs), axis=0) if pairs else np.zeros((0, 2), dtype=np.int64)
        edges, sims = unique_edges(found, len(sizes))
        return self._earlier_matches(sigs, sizes, matched, gone), edges, sims

    def _earlier_matches(self, sigs: SignatureRows, sizes: np.ndarray, pairs: np.ndarray,
                         gone: frozenset[str]) -> dict[int, tuple[str, float]]:
        """Best verified stored match per row, as (its id, similarity), among the (row, stored
        doc) `pairs` sharing a band hash; ties to the earliest stored."""
        if len(pairs) == 0:
            return {}
        stored = tables.stored_docs(self.conn, "doc", pairs[:, 1].tolist())
        pairs = pairs[[stored[d][1] not in gone for d in pairs[:, 1].tolist()]]
        if len(pairs) == 0:
            return {}
        docs = pairs[:, 1].tolist()
        their = signature_matrix([stored[d][4] for d in docs])
        their_sizes = np.array([stored[d][3] for d in docs], dtype=np.int64)
        sims = similarities(sigs.rows(pairs[:, 0]), their, sizes[pairs[:, 0]], their_sizes)
        best: dict[int, tuple[str, float]] = {}
        for k in np.lexsort((pairs[:, 1], -sims, pairs[:, 0])):
            row = int(pairs[k, 0])
            if sims[k] >= self.threshold and row not in best:
                best[row] = (stored[docs[k]][2], float(sims[k]))
        return best

    def add(self, kept: Sequence[Candidate], signatures: SignatureRows | None = None) -> None:
        """Record the kept candidates in the caller's transaction (never committed here);
        `signatures` holds their signatures row by row (default: their fingerprints')."""
        signatures = signatures if signatures is not None else _own_signatures(kept)
        cands = as_columns(kept)
        order = keep_ordering(cands)
        for start in range(0, len(order), _ADD_AT_ONCE):
            part = order[start : start + _ADD_AT_ONCE]
            sigs = signatures.rows(part)
            tables.insert(self.conn, [(cands.sources[k], cands.ids[k], cands.keys[k], int(cands.n_shingles[k]),
                                       sig.tobytes()) for k, sig in zip(part.tolist(), sigs, strict=True)])

    def remove(self, sources: Iterable[str]) -> None:
        """Forget the kept records of `sources` (deleted, changed or resolved again)."""
        tables.remove(self.conn, sources)

    def rename(self, moves: Iterable[tuple[str, str]]) -> None:
        """(old, new) source of kept records that moved with the same text."""
        tables.rename(self.conn, moves)


def _own_signatures(candidates: Sequence[Candidate]) -> SignatureRows:
    if isinstance(candidates, Candidates):
        raise ValueError("Candidates carry no signatures: pass their SignatureRows")
    return SignatureRows.of([c.fingerprint.signature for c in candidates])


_KEYS_AT_ONCE = 65_536  # candidates whose positions are made Python ints at once


def _distinct_keys(cands: Candidates) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """In keep order: the first candidate of each distinct key (the representatives), the
    other candidates, and for each of those the row of its key's representative."""
    order = keep_ordering(cands)
    rep_of: dict[str, int] = {}
    rows = np.empty(len(order), dtype=np.int64)
    for start in range(0, len(order), _KEYS_AT_ONCE):
        part = order[start : start + _KEYS_AT_ONCE].tolist()
        rows[start : start + len(part)] = [rep_of.setdefault(cands.keys[k], len(rep_of)) for k in part]
    del rep_of  # a dict entry a document: gone before the bands are built
    seen = np.maximum.accumulate(rows) if len(rows) else rows
    first = rows > np.concatenate(([-1], seen[:-1]))
    return order[first], order[~first], rows[~first]
