"""Duplicate resolution for one run, against itself and every record kept before."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

import numpy as np

from hanflow.dedup import tables
from hanflow.dedup.candidates import Candidate, Fingerprint, Verdict, fingerprint, keep_order
from hanflow.dedup.cluster import assign, verified_edges
from hanflow.dedup.minhash import rows_of, signature_bands, signature_matrix, similarities

DEFAULT_THRESHOLD = 0.7

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

    def resolve(self, candidates: list[Candidate], excluded: Iterable[str] = ()) -> dict[str, Verdict]:
        """Verdicts for the duplicates among `candidates`, by source; kept ones are absent.

        Kept records of `excluded` sources (those leaving the output in this run: deleted,
        changed, or resolved again) are not matched against.
        """
        gone = frozenset(excluded)
        ordered = sorted(candidates, key=keep_order)
        reps: list[Candidate] = []
        rep_of: dict[str, int] = {}
        copies: list[tuple[Candidate, int]] = []
        for cand in ordered:
            row = rep_of.setdefault(cand.fingerprint.key, len(reps))
            if row == len(reps):
                reps.append(cand)
            else:
                copies.append((cand, row))
        rep_verdicts = self._resolve_reps(reps, gone)
        verdicts = {reps[row].source: v for row, v in rep_verdicts.items()}
        for cand, row in copies:
            verdicts[cand.source] = rep_verdicts.get(row) or Verdict(reps[row].id, 1.0, "exact")
        return verdicts

    def _resolve_reps(self, reps: list[Candidate], gone: frozenset[str]) -> dict[int, Verdict]:
        """Verdicts for distinct-key representatives, by row in keep order."""
        prior = tables.exact_ids(self.conn, (r.fingerprint.key for r in reps), gone)
        out = {row: Verdict(prior[r.fingerprint.key], 1.0, "exact")
               for row, r in enumerate(reps) if r.fingerprint.key in prior}
        rows = [row for row, r in enumerate(reps) if row not in out and r.fingerprint.n_shingles]
        sigs = [reps[row].fingerprint.signature for row in rows]
        sizes = np.array([reps[row].fingerprint.n_shingles for row in rows], dtype=np.int64)
        bands = signature_bands(sigs)
        earlier = self._earlier_matches(sigs, sizes, bands, gone)
        edges, sims = verified_edges(bands, sigs, sizes, self.threshold)
        for local, (root, sim) in assign(len(rows), edges, sims, earlier).items():
            rid = root if isinstance(root, str) else reps[rows[root]].id
            out[rows[local]] = Verdict(rid, sim, "minhash")
        return out

    def _earlier_matches(self, sigs: list[bytes], sizes: np.ndarray, bands: np.ndarray,
                         gone: frozenset[str]) -> dict[int, tuple[str, float]]:
        """Best verified stored match per row, as (its id, similarity); ties to the earliest stored."""
        pairs = tables.band_matches(self.conn, bands)
        if len(pairs) == 0:
            return {}
        stored = tables.stored_docs(self.conn, "doc", pairs[:, 1].tolist())
        pairs = pairs[[stored[d][1] not in gone for d in pairs[:, 1].tolist()]]
        if len(pairs) == 0:
            return {}
        docs = pairs[:, 1].tolist()
        their = signature_matrix([stored[d][4] for d in docs])
        their_sizes = np.array([stored[d][3] for d in docs], dtype=np.int64)
        sims = similarities(rows_of(sigs, pairs[:, 0]), their, sizes[pairs[:, 0]], their_sizes)
        best: dict[int, tuple[str, float]] = {}
        for k in np.lexsort((pairs[:, 1], -sims, pairs[:, 0])):
            row = int(pairs[k, 0])
            if sims[k] >= self.threshold and row not in best:
                best[row] = (stored[docs[k]][2], float(sims[k]))
        return best

    def add(self, kept: list[Candidate]) -> None:
        """Record the kept candidates in the caller's transaction (never committed here)."""
        tables.insert(self.conn, [(c.source, c.id, c.fingerprint.key, c.fingerprint.n_shingles,
                                   c.fingerprint.signature) for c in sorted(kept, key=keep_order)])

    def remove(self, sources: Iterable[str]) -> None:
        """Forget the kept records of `sources` (deleted, changed or resolved again)."""
        tables.remove(self.conn, sources)

    def rename(self, moves: Iterable[tuple[str, str]]) -> None:
        """(old, new) source of kept records that moved with the same text."""
        tables.rename(self.conn, moves)
