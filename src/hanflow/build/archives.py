"""Archives at planning: each WARC or JSON Lines file stands for the records or lines it holds.

Archives are immutable, so an archive's own size, time stamp and hash decide whether its
records need looking at: an unchanged archive costs no reading (its members come from the
state, with where each lies), a touched one (new time stamp, same hash) one hash, and a new or
changed one is indexed — every record found, hashed and placed. Its members then go through
planning like files (new, changed, unchanged, renamed, deleted, by their source
`crawl.warc.gz#<WARC-Record-ID>`); a vanished archive's members are deleted like files. The
index is written with the run's commit (`write`).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from hanflow.readers.entries import Index
from hanflow.readers.jsonl import index_jsonl
from hanflow.readers.spans import GZIP_MAGIC, Span
from hanflow.readers.warc import index_warc
from hanflow.sources import InputFile, Member, open_regular

TABLES = (
    "CREATE TABLE IF NOT EXISTS archives (source TEXT PRIMARY KEY, size INTEGER NOT NULL,"
    " mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS members (source TEXT PRIMARY KEY, archive TEXT NOT NULL, container TEXT NOT NULL,"
    " gz INTEGER NOT NULL, start INTEGER NOT NULL, skip INTEGER NOT NULL, length INTEGER NOT NULL,"
    " sha256 TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS members_by_archive ON members (archive)",
)
"""The archive index in the run state: one row per archive, one per member."""

_INDEXERS = {"warc": index_warc, "jsonl": index_jsonl}


@dataclass(frozen=True)
class ArchiveState:
    source: str
    size: int
    mtime_ns: int
    sha256: str


@dataclass
class ArchiveChanges:
    """What planning found of the archives, for the commit and the manifest."""

    indexed: list[tuple[ArchiveState, list[InputFile]]] = field(default_factory=list)
    touched: list[ArchiveState] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # records of indexed archives that are not documents

    def summary(self) -> dict[str, int]:
        return {"indexed": len(self.indexed), "touched": len(self.touched), "unchanged": self.unchanged,
                "removed": len(self.gone)}


def expand(conn: sqlite3.Connection, found: list[InputFile], max_bytes: int,
           ) -> tuple[list[InputFile], ArchiveChanges]:
    """`found` with every archive replaced by its members."""
    known = {r[0]: ArchiveState(*r) for r in conn.execute("SELECT source, size, mtime_ns, sha256 FROM archives")}
    out, changes = [], ArchiveChanges()
    for item in found:
        if item.container is None or item.reject is not None:
            out.append(item)
            continue
        prev = known.get(item.source)
        try:
            out += _members(conn, item, prev, max_bytes, changes)
        except OSError as exc:
            out.append(replace(item, reject=("unreadable", f"cannot read the archive: {exc.strerror or exc}")))
    present = {i.source for i in found}
    changes.gone = sorted(a for a in known if a not in present)
    return out, changes


def _members(conn: sqlite3.Connection, item: InputFile, prev: ArchiveState | None, max_bytes: int,
             changes: ArchiveChanges) -> list[InputFile]:
    if prev is not None and (prev.size, prev.mtime_ns) == (item.size, item.mtime_ns):
        changes.unchanged += 1
        return _stored(conn, item)
    sha = _file_hash(item)
    state = ArchiveState(item.source, item.size, item.mtime_ns, sha)
    if prev is not None and prev.sha256 == sha:
        changes.touched.append(state)
        return _stored(conn, item)
    members = _indexed(item, max_bytes, changes.skipped)
    changes.indexed.append((state, members))
    return members


def _file_hash(item: InputFile) -> str:
    sha = hashlib.sha256()
    with open_regular(item.path) as fh:
        while block := fh.read(1 << 20):
            sha.update(block)
    return sha.hexdigest()


def _stored(conn: sqlite3.Connection, item: InputFile) -> list[InputFile]:
    """The archive's members as the state holds them: nothing is read."""
    rows = conn.execute("SELECT source, container, gz, start, skip, length, sha256, reason, detail FROM members"
                        " WHERE archive = ? ORDER BY start, skip", (item.source,))
    return [InputFile(source, item.path, length, item.mtime_ns, (reason, detail) if reason else None,
                      Member(item.source, container, bool(gz), Span(start, skip, length), sha))
            for source, container, gz, start, skip, length, sha, reason, detail in rows]


def _indexed(item: InputFile, max_bytes: int, skipped: Counter[str]) -> list[InputFile]:
    """Read the archive through: one member per record or line (or one reject for the archive
    when it holds none)."""
    container = item.container or ""
    with open_regular(item.path) as fh:
        gz = fh.read(len(GZIP_MAGIC)) == GZIP_MAGIC  # what the bytes are, whatever the name says
        fh.seek(0)
        index: Index = _INDEXERS[container](fh, gz, max_bytes)
    skipped.update(index.skipped)
    seen: set[str] = set()
    members = []
    for entry in index.entries:
        source = f"{item.source}#{entry.key}"
        if source in seen:  # a record ID used twice: the later records are told apart by their place
            source = f"{source}@{entry.span.start + entry.span.skip}"
        seen.add(source)
        members.append(InputFile(source, item.path, entry.span.length, item.mtime_ns, entry.reject,
                                 Member(item.source, container, gz, entry.span, entry.sha256)))
    if not members:
        members.append(InputFile(item.source, item.path, item.size, item.mtime_ns, _nothing(item, index),
                                 Member(item.source, container, gz, Span(0, 0, 0), "")))
    return members


def _nothing(item: InputFile, index: Index) -> tuple[str, str]:
    if item.size == 0:
        return "empty", "the file is empty"
    what = ", ".join(f"{n} {kind}" for kind, n in sorted(index.skipped.items())) or "nothing"
    return "no_documents", f"the archive holds no page to read (it holds {what})"


def write(conn: sqlite3.Connection, changes: ArchiveChanges) -> None:
    """Record the archives indexed or touched by this run and forget those gone (in the run's commit)."""
    gone = changes.gone + [state.source for state, _ in changes.indexed]
    conn.executemany("DELETE FROM members WHERE archive = ?", ((s,) for s in gone))
    conn.executemany("DELETE FROM archives WHERE source = ?", ((s,) for s in changes.gone))
    states = [state for state, _ in changes.indexed] + changes.touched
    conn.executemany("INSERT OR REPLACE INTO archives (source, size, mtime_ns, sha256) VALUES (?, ?, ?, ?)",
                     ((s.source, s.size, s.mtime_ns, s.sha256) for s in states))
    conn.executemany(
        "INSERT OR REPLACE INTO members (source, archive, container, gz, start, skip, length, sha256, reason, detail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _rows(m for _, members in changes.indexed for m in members))


def _rows(members: Iterable[InputFile]) -> Iterable[tuple]:
    for m in members:
        assert m.member is not None
        reason, detail = m.reject or ("", "")
        yield (m.source, m.member.archive, m.member.container, int(m.member.gz), m.member.span.start,
               m.member.span.skip, m.member.span.length, m.member.sha256, reason, detail)
