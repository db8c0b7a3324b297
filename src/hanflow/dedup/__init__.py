"""Duplicate detection within a run and against everything emitted before."""

from hanflow.dedup.index import Candidate, DedupIndex, Verdict, fingerprint

__all__ = ["Candidate", "DedupIndex", "Verdict", "fingerprint"]
