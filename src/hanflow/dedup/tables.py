"""The dedup tables inside the run-state SQLite database: keys, signatures, band hashes.

Reads never write (no temporary tables), so resolving never opens a transaction; writes
join whatever transaction the caller has open and are committed by the caller.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from hanflow.dedup.minhash import (
    SCHEME,
    band_hashes,
    shingle_hashes,
    signature,
    signature_matrix,
)

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS dedup_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS dedup_exact (key TEXT PRIMARY KEY, id TEXT NOT NULL,"
    " similarity REAL NOT NULL, method TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS dedup_docs (doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
    " root TEXT NOT NULL, n_shingles INTEGER NOT NULL, signature BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS dedup_bands (h INTEGER NOT NULL, doc INTEGER NOT NULL,"
    " PRIMARY KEY (h, doc)) WITHOUT ROWID",
)
_PROBE_TEXT = "signature probe 签名探针 0123456789"
_CHUNK = 20_000


class SchemeMismatch(RuntimeError):
    """The index was written with signatures this code can no longer reproduce."""


def probe() -> str:
    """Scheme name plus the signature of a fixed text: changes if hashing ever changes."""
    return SCHEME + ":" + signature(shingle_hashes(_PROBE_TEXT)).hex()[:32]


def ensure_schema(conn: sqlite3.Connection) -> None:
    for statement in _SCHEMA:
        conn.execute(statement)
    row = conn.execute("SELECT value FROM dedup_meta WHERE name = 'scheme'").fetchone()
    if row is None:
        conn.execute("INSERT INTO dedup_meta (name, value) VALUES ('scheme', ?)", (probe(),))
    elif row[0] != probe():
        raise SchemeMismatch(
            f"dedup index was built with {row[0]!r}, this version computes {probe()!r}; "
            "rebuild the index from the emitted records"
        )


def _chunks(values: Sequence, size: int = _CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def exact_ids(conn: sqlite3.Connection, keys: Iterable[str]) -> dict[str, tuple]:
    """(kept id, similarity, method) for every key already in the index: what the record
    with that key was told when it was emitted ((own id, 1.0, "exact") when it was kept)."""
    found: dict[str, tuple] = {}
    for chunk in _chunks(sorted(set(keys))):
        for key, *verdict in conn.execute(
            "SELECT key, id, similarity, method FROM dedup_exact"
            " WHERE key IN (SELECT value FROM json_each(?))",
            (json.dumps(chunk),),
        ):
            found[key] = tuple(verdict)
    return found


def band_matches(conn: sqlite3.Connection, bands: np.ndarray) -> np.ndarray:
    """(m, 2) distinct (row of `bands`, stored doc) pairs sharing a band hash."""
    if len(bands) == 0 or conn.execute("SELECT 1 FROM dedup_docs LIMIT 1").fetchone() is None:
        return np.zeros((0, 2), dtype=np.int64)
    flat = bands.ravel()
    order = np.argsort(flat, kind="stable")
    ordered = flat[order]
    hits = []
    for chunk in _chunks(np.unique(flat)):
        hits.extend(
            conn.execute(
                "SELECT h, doc FROM dedup_bands WHERE h IN (SELECT value FROM json_each(?))",
                (json.dumps(chunk.tolist()),),
            )
        )
    if not hits:
        return np.zeros((0, 2), dtype=np.int64)
    hit = np.array(hits, dtype=np.int64)
    lo = np.searchsorted(ordered, hit[:, 0], side="left")
    counts = np.searchsorted(ordered, hit[:, 0], side="right") - lo
    owner = np.repeat(np.arange(len(hit)), counts)
    pos = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    rows = order[pos + np.repeat(lo, counts)] // bands.shape[1]
    return np.unique(np.stack([rows, hit[owner, 1]], axis=1), axis=0)


def stored_docs(conn: sqlite3.Connection, column: str, values: Iterable) -> dict:
    """`column` value (doc or id) -> (root, n_shingles, signature) of those stored records."""
    if column not in ("doc", "id"):
        raise ValueError(column)
    found: dict = {}
    for chunk in _chunks(sorted(set(values))):
        for value, root, n, sig in conn.execute(
            f"SELECT {column}, root, n_shingles, signature FROM dedup_docs"
            f" WHERE {column} IN (SELECT value FROM json_each(?))",
            (json.dumps(chunk),),
        ):
            found[value] = (root, n, sig)
    return found


def insert(conn: sqlite3.Connection, rows: list[tuple], verdicts: list[tuple]) -> None:
    """Store (key, id, root, n_shingles, signature) of emitted records; never commits.

    `root` is the id of the kept record of the record's cluster (its own id when kept);
    `verdicts` holds the matching (similarity, method) of each row.
    """
    conn.executemany(
        "INSERT OR IGNORE INTO dedup_exact (key, id, similarity, method) VALUES (?, ?, ?, ?)",
        [(r[0], r[2], *v) for r, v in zip(rows, verdicts, strict=True)],
    )
    _insert_docs(conn, [r[1:] for r in rows if r[3] > 0])


def _insert_docs(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """(id, root, n_shingles, signature) rows whose id is new, with their band hashes.

    Band rows go in sorted by hash, so the B-tree is appended to rather than split at
    random: several times faster for a run of 100k documents.
    """
    present = set(stored_docs(conn, "id", [r[0] for r in rows]))
    fresh: dict[str, tuple] = {}
    for row in rows:
        if row[0] not in present:
            fresh.setdefault(row[0], row)
    start = conn.execute("SELECT COALESCE(MAX(doc), 0) + 1 FROM dedup_docs").fetchone()[0]
    conn.executemany(
        "INSERT INTO dedup_docs (doc, id, root, n_shingles, signature) VALUES (?, ?, ?, ?, ?)",
        ((start + n, *row) for n, row in enumerate(fresh.values())),
    )
    bands = band_hashes(signature_matrix([row[3] for row in fresh.values()]))
    docs = np.repeat(np.arange(start, start + len(bands), dtype=np.int64), bands.shape[1])
    order = np.argsort(bands.ravel(), kind="stable")
    hashes, docs = bands.ravel()[order], docs[order]
    for at in range(0, len(order), _CHUNK):
        conn.executemany(
            "INSERT OR IGNORE INTO dedup_bands (h, doc) VALUES (?, ?)",
            zip(hashes[at : at + _CHUNK].tolist(), docs[at : at + _CHUNK].tolist(), strict=True),
        )
