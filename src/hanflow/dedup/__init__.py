"""Duplicate detection within a run and against everything emitted before."""

from hanflow.dedup.candidates import Candidate, Fingerprint, Verdict, fingerprint, keep_order
from hanflow.dedup.index import DEFAULT_THRESHOLD, DedupIndex
from hanflow.dedup.signatures import SignatureRows

__all__ = [
    "DEFAULT_THRESHOLD",
    "Candidate",
    "DedupIndex",
    "Fingerprint",
    "SignatureRows",
    "Verdict",
    "fingerprint",
    "keep_order",
]
