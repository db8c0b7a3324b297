"""Duplicate resolution for one run, against itself and everything emitted before."""

from __future__ import annotations

import sqlite3

import numpy as np

from hanflow.dedup import tables
from hanflow.dedup.candidates import Candidate, Fingerprint, Verdict, fingerprint, keep_order
from hanflow.dedup.cluster import assign, candidate_pairs, verified_edges
from hanflow.dedup.minhash import band_hashes, signature_matrix, similarities

DEFAULT_THRESHOLD = 0.7

__all__ = ["Candidate", "DedupIndex", "Fingerprint", "Verdict", "fingerprint", "keep_order"]


class DedupIndex:
    """Keys and MinHash bands of every record ever emitted; writes join the caller's
    transaction, so the index is committed together with the output it describes.

    Duplicates are indexed too (with the id of their kept record), so a later copy that
    is closest to an earlier duplicate lands in the same cluster as it would have had
    both arrived in one run.
    """

    def __init__(self, conn: sqlite3.Connection, threshold: float = DEFAULT_THRESHOLD) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.conn = conn
        self.threshold = threshold
        self._duplicates: list[tuple[Candidate, Verdict]] = []
        tables.ensure_schema(conn)

    def resolve(self, candidates: list[Candidate]) -> dict[str, Verdict]:
        """Verdicts for the duplicates among `candidates`, by source; kept ones are absent.

        A candidate whose normalised text was emitted by an earlier run gets that record's
        verdict again (a kept one points at its own id, method "exact"), so re-running on
        the same inputs emits nothing new and gives the same answer.
        """
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
        rep_verdicts = self._resolve_reps(reps)
        verdicts = {reps[row].source: v for row, v in rep_verdicts.items()}
        for cand, row in copies:
            verdicts[cand.source] = rep_verdicts.get(row) or Verdict(reps[row].id, 1.0, "exact")
        by_source = {c.source: c for c in candidates}
        self._duplicates = [(by_source[s], v) for s, v in sorted(verdicts.items())]
        return verdicts

    def _resolve_reps(self, reps: list[Candidate]) -> dict[int, Verdict]:
        """Verdicts for distinct-key representatives, by row in keep order."""
        prior = tables.exact_ids(self.conn, (r.fingerprint.key for r in reps))
        out = {
            row: Verdict(*prior[r.fingerprint.key])
            for row, r in enumerate(reps)
            if r.fingerprint.key in prior
        }
        rows = [row for row, r in enumerate(reps) if row not in out and r.fingerprint.n_shingles]
        matrix = signature_matrix([reps[row].fingerprint.signature for row in rows])
        sizes = np.array([reps[row].fingerprint.n_shingles for row in rows], dtype=np.int64)
        bands = band_hashes(matrix)
        earlier = self._earlier_matches(matrix, sizes, bands)
        edges, sims = verified_edges(candidate_pairs(bands), matrix, sizes, self.threshold)
        roots = assign(len(rows), edges, sims, earlier)
        stored = tables.stored_docs(
            self.conn, "id", [r for r, _ in roots.values() if isinstance(r, str)]
        )
        for local, (root, matched) in roots.items():
            if isinstance(root, str):
                rid, root_sig = root, stored.get(root, (None, 0, None))[1:]
            else:
                rid, root_sig = reps[rows[root]].id, (sizes[root], matrix[root].tobytes())
            sim = _similarity(matrix[local], sizes[local], *root_sig) if root_sig[1] else matched
            out[rows[local]] = Verdict(rid, sim, "minhash")
        return out

    def _earlier_matches(
        self, matrix: np.ndarray, sizes: np.ndarray, bands: np.ndarray
    ) -> dict[int, tuple[str, float]]:
        """Best verified stored match per row, as (its kept id, similarity); ties to the
        earliest stored."""
        pairs = tables.band_matches(self.conn, bands)
        if len(pairs) == 0:
            return {}
        stored = tables.stored_docs(self.conn, "doc", pairs[:, 1].tolist())
        docs = pairs[:, 1].tolist()
        their = signature_matrix([stored[d][2] for d in docs])
        their_sizes = np.array([stored[d][1] for d in docs], dtype=np.int64)
        sims = similarities(matrix[pairs[:, 0]], their, sizes[pairs[:, 0]], their_sizes)
        best: dict[int, tuple[str, float]] = {}
        for k in np.lexsort((pairs[:, 1], -sims, pairs[:, 0])):
            row = int(pairs[k, 0])
            if sims[k] >= self.threshold and row not in best:
                best[row] = (stored[docs[k]][0], float(sims[k]))
        return best

    def add(self, kept: list[Candidate],
            duplicates: list[tuple[Candidate, Verdict]] | None = None) -> None:
        """Record the kept candidates and the duplicates (by default those the last `resolve`
        found; pass them when resolving happened on another instance) in the caller's
        transaction; the caller commits (never done here)."""
        rows = [(c, Verdict(c.id, 1.0, "exact")) for c in sorted(kept, key=keep_order)]
        rows += self._duplicates if duplicates is None else duplicates
        self._duplicates = []
        tables.insert(
            self.conn,
            [
                (
                    c.fingerprint.key,
                    c.id,
                    v.duplicate_of,
                    c.fingerprint.n_shingles,
                    c.fingerprint.signature,
                )
                for c, v in rows
            ],
            [(v.similarity, v.method) for _, v in rows],
        )


def _similarity(sig: np.ndarray, size: int, other_size: int, other_sig: bytes) -> float:
    """Estimated Jaccard between a row and the kept record its cluster points at."""
    other = signature_matrix([other_sig])
    return float(similarities(sig[None, :], other, np.array([size]), np.array([other_size]))[0])
