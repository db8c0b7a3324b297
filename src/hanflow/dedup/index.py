"""Exact dedup keyed on the normalised text, persisted in the run-state SQLite database."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from hanflow.dedup.key import dedup_key


@dataclass(frozen=True)
class Fingerprint:
    key: str


@dataclass(frozen=True)
class Candidate:
    """The little a dedup decision needs about one document; texts stay out of memory."""

    source: str
    id: str
    n_chars: int
    published: str | None
    fingerprint: Fingerprint


@dataclass(frozen=True)
class Verdict:
    duplicate_of: str
    similarity: float
    method: str  # "exact" | "minhash"


def fingerprint(text: str) -> Fingerprint:
    """Computed next to the text, in the batch workers."""
    return Fingerprint(dedup_key(text))


def keep_order(c: Candidate) -> tuple:
    """Which copy of a cluster is kept: longest text, then earliest published, then smallest path."""
    return (-c.n_chars, c.published or "9999", c.source)


class DedupIndex:
    """Keys of every kept record ever emitted; writes join the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.execute("CREATE TABLE IF NOT EXISTS dedup_exact (key TEXT PRIMARY KEY, id TEXT NOT NULL)")

    def resolve(self, candidates: list[Candidate]) -> dict[str, Verdict]:
        """Verdicts for the duplicates among `candidates`, by source; kept ones are absent."""
        verdicts: dict[str, Verdict] = {}
        seen: dict[str, str] = {}
        for cand in sorted(candidates, key=keep_order):
            key = cand.fingerprint.key
            if key not in seen:
                row = self.conn.execute("SELECT id FROM dedup_exact WHERE key = ?", (key,)).fetchone()
                if row is None:
                    seen[key] = cand.id
                    continue
                seen[key] = row[0]
            verdicts[cand.source] = Verdict(seen[key], 1.0, "exact")
        return verdicts

    def add(self, kept: list[Candidate]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO dedup_exact (key, id) VALUES (?, ?)",
            [(c.fingerprint.key, c.id) for c in kept],
        )
