"""Duplicate detection within a run and against everything emitted before."""

from hanflow.dedup.index import DEFAULT_THRESHOLD, DedupIndex
from hanflow.dedup.records import Candidate, Fingerprint, Verdict, fingerprint, keep_order

__all__ = [
    "DEFAULT_THRESHOLD",
    "Candidate",
    "DedupIndex",
    "Fingerprint",
    "Verdict",
    "fingerprint",
    "keep_order",
]
