"""Duplicate resolution for one run, against itself and every record kept before."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

import numpy as np

from hanflow.dedup import tables
from hanflow.dedup.candidates import Candidate, Fingerprint, Verdict, fingerprint, keep_order, keep_ordering
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

    def resolve(self, candidates: list[Candidate], excluded: Iterable[str] = (),
                signatures: SignatureRows | None = None) -> dict[str, Verdict]:
        """Verdicts for the duplicates among `candidates`, by source; kept ones are absent.

        Kept records of `excluded` sources (those leaving the output in this run: deleted,
        changed, or resolved again) are not matched against. `signatures` holds the candidates'
        signatures row by row (default: their fingerprints').
        """
        signatures = signatures if signatures is not None else _own_signatures(candidates)
        gone = frozenset(excluded)
        reps: list[int] = []  # candidate of each distinct key, in keep order
        rep_of: dict[str, int] = {}
        copies: list[tuple[int, int]] = []
        for k in keep_ordering(candidates).tolist():
            row = rep_of.setdefault(candidates[k].fingerprint.key, len(reps))
            if row == len(reps):
                reps.append(k)
            else:
                copies.append((k, row))
        del rep_of  # a dict entry a document: gone before the bands are built
        rep_verdicts = self._resolve_reps([candidates[k] for k in reps], gone,
                                          signatures.subset(np.array(reps, dtype=np.int64)))
        verdicts = {candidates[reps[row]].source: v for row, v in rep_verdicts.items()}
        for k, row in copies:
            verdicts[candidates[k].source] = rep_verdicts.get(row) or Verdict(candidates[reps[row]].id, 1.0, "exact")
        return verdicts

    def _resolve_reps(self, reps: list[Candidate], gone: frozenset[str],
                      signatures: SignatureRows) -> dict[int, Verdict]:
        """Verdicts for distinct-key representatives, by row in keep order (`signatures` by row)."""
        prior = tables.exact_ids(self.conn, (r.fingerprint.key for r in reps), gone)
        out = {row: Verdict(prior[r.fingerprint.key], 1.0, "exact")
               for row, r in enumerate(reps) if r.fingerprint.key in prior}
        rows = np.fromiter((row for row, r in enumerate(reps) if row not in out and r.fingerprint.n_shingles),
                           np.int64)
        sigs = signatures.subset(rows)
        sizes = np.fromiter((reps[row].fingerprint.n_shingles for row in rows.tolist()), np.int64, len(rows))
        earlier, edges, sims = self._matches(sigs, sizes, gone)
        for local, (root, sim) in assign(len(rows), edges, sims, earlier).items():
            rid = root if isinstance(root, str) else reps[int(rows[root])].id
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

    def add(self, kept: list[Candidate], signatures: SignatureRows | None = None) -> None:
        """Record the kept candidates in the caller's transaction (never committed here);
        `signatures` holds their signatures row by row (default: their fingerprints')."""
        signatures = signatures if signatures is not None else _own_signatures(kept)
        order = keep_ordering(kept)
        for start in range(0, len(order), _ADD_AT_ONCE):
            part = order[start : start + _ADD_AT_ONCE].tolist()
            sigs = signatures.rows(np.array(part, dtype=np.int64))
            tables.insert(self.conn, [(c.source, c.id, c.fingerprint.key, c.fingerprint.n_shingles, sig.tobytes())
                                      for c, sig in zip((kept[k] for k in part), sigs, strict=True)])

    def remove(self, sources: Iterable[str]) -> None:
        """Forget the kept records of `sources` (deleted, changed or resolved again)."""
        tables.remove(self.conn, sources)

    def rename(self, moves: Iterable[tuple[str, str]]) -> None:
        """(old, new) source of kept records that moved with the same text."""
        tables.rename(self.conn, moves)


def _own_signatures(candidates: list[Candidate]) -> SignatureRows:
    return SignatureRows.of([c.fingerprint.signature for c in candidates])
