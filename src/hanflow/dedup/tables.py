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
    "CREATE TABLE IF NOT EXISTS dedup_docs (doc INTEGER PRIMARY KEY, source TEXT NOT NULL UNIQUE,"
    " id TEXT NOT NULL, key TEXT NOT NULL, n_shingles INTEGER NOT NULL, signature BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS dedup_docs_by_key ON dedup_docs (key)",
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


def exact_ids(conn: sqlite3.Connection, keys: Iterable[str], excluded: frozenset[str] = frozenset(),
              ) -> dict[str, str]:
    """Key -> id of the kept record with that exact key (the earliest stored), leaving out the
    records of `excluded` sources (those leaving the output in this run)."""
    found: dict[str, str] = {}
    for chunk in _chunks(sorted(set(keys))):
        for key, rid, source in conn.execute(
            "SELECT key, id, source FROM dedup_docs WHERE key IN (SELECT value FROM json_each(?)) ORDER BY doc",
            (json.dumps(chunk),),
        ):
            if source not in excluded:
                found.setdefault(key, rid)
    return found


def has_docs(conn: sqlite3.Connection) -> bool:
    """Whether any kept record is stored."""
    return conn.execute("SELECT 1 FROM dedup_docs LIMIT 1").fetchone() is not None


def band_matches(conn: sqlite3.Connection, bands: np.ndarray) -> np.ndarray:
    """(m, 2) distinct (row of `bands`, stored doc) pairs sharing a hash in one of the columns
    of `bands` (all of a row's band hashes, or a group of them)."""
    if len(bands) == 0 or not has_docs(conn):
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
    """`column` value (doc or source) -> (doc, source, id, n_shingles, signature) of stored records."""
    if column not in ("doc", "source"):
        raise ValueError(column)
    found: dict = {}
    for chunk in _chunks(sorted(set(values))):
        for row in conn.execute(
            f"SELECT {column}, doc, source, id, n_shingles, signature FROM dedup_docs"
            f" WHERE {column} IN (SELECT value FROM json_each(?))",
            (json.dumps(chunk),),
        ):
            found[row[0]] = row[1:]
    return found


def insert(conn: sqlite3.Connection, rows: list[tuple[str, str, str, int, bytes]]) -> None:
    """Store (source, id, key, n_shingles, signature) of kept records, with the band hashes of
    those that have shingles; never commits.

    Band rows go in sorted by hash, so the B-tree is appended to rather than split at
    random: several times faster for a run of 100k documents.
    """
    start = conn.execute("SELECT COALESCE(MAX(doc), 0) + 1 FROM dedup_docs").fetchone()[0]
    conn.executemany(
        "INSERT INTO dedup_docs (doc, source, id, key, n_shingles, signature) VALUES (?, ?, ?, ?, ?, ?)",
        ((start + n, *row) for n, row in enumerate(rows)),
    )
    with_bands = [(start + n, row[4]) for n, row in enumerate(rows) if row[3] > 0]
    _put_bands(conn, "INSERT OR IGNORE INTO dedup_bands (h, doc) VALUES (?, ?)", with_bands)


def remove(conn: sqlite3.Connection, sources: Iterable[str]) -> None:
    """Forget the kept records of `sources` and their band hashes; never commits."""
    stored = stored_docs(conn, "source", sources)
    _put_bands(conn, "DELETE FROM dedup_bands WHERE h = ? AND doc = ?", [(d[0], d[4]) for d in stored.values()])
    conn.executemany("DELETE FROM dedup_docs WHERE doc = ?", ((d[0],) for d in stored.values()))


def rename(conn: sqlite3.Connection, moves: Iterable[tuple[str, str]]) -> None:
    """(old source, new source) of kept records that moved to a new path with the same text."""
    conn.executemany("UPDATE dedup_docs SET source = ? WHERE source = ?", ((new, old) for old, new in moves))


_DOCS_AT_ONCE = 5_000  # documents whose band rows are built at once: bounds the memory


def _put_bands(conn: sqlite3.Connection, statement: str, docs: list[tuple[int, bytes]]) -> None:
    """Run `statement` with (band hash, doc) for every band of every (doc, signature)."""
    for start in range(0, len(docs), _DOCS_AT_ONCE):
        part = docs[start : start + _DOCS_AT_ONCE]
        bands = band_hashes(signature_matrix([sig for _, sig in part]))
        ids = np.repeat(np.array([d for d, _ in part], dtype=np.int64), bands.shape[1])
        order = np.argsort(bands.ravel(), kind="stable")
        hashes, ids = bands.ravel()[order], ids[order]
        for at in range(0, len(order), _CHUNK):
            conn.executemany(statement, zip(hashes[at : at + _CHUNK].tolist(), ids[at : at + _CHUNK].tolist(),
                                            strict=True))
