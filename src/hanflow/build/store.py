"""Run state under the output folder: every source's current line, the shards, the lock.

The state (`state.sqlite`) mirrors the output folder: one row per current source (its file
hash and stat, which shard and line hold its record, duplicate entry or reject) and one row
per shard file (its size). A run writes new shards under `.work/<run-id>/out/`, then one
SQLite transaction records the sources, shards, dedup index and the run as committed, and only
then are shards moved into place and the shards the state no longer lists deleted.
`recover()` finishes a committed run's publication and deletes the leftovers of an
uncommitted one, so a killed run never leaves half an output; `check()` refuses an output
folder whose state and shards disagree.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import re
import shutil
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from hanflow.build.archives import TABLES as ARCHIVE_TABLES
from hanflow.columns import Strings

STATE_DB = "state.sqlite"
SHARD_KINDS = ("corpus", "duplicates", "rejects")
OUTPUT_DIRS = (*SHARD_KINDS, "runs", "changes")
RESET_MARKER = ".resetting"
STATE_VERSION = "2"
SHARD_NAME = re.compile(r"^part-(\d{5,})-(\d{4,})\.jsonl$")
REMEDY = "run again with --repair to rebuild the state from the shards, or with --full to start over"

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS runs (seq INTEGER PRIMARY KEY, run_id TEXT NOT NULL,"
    " started TEXT NOT NULL, committed INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS sources (source TEXT PRIMARY KEY, size INTEGER NOT NULL,"
    " mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,"
    " duplicate_of TEXT NOT NULL, shard TEXT NOT NULL, line INTEGER NOT NULL,"
    " first_seen TEXT NOT NULL, seq INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS sources_by_shard ON sources (shard, line)",
    "CREATE TABLE IF NOT EXISTS shards (name TEXT PRIMARY KEY, kind TEXT NOT NULL,"
    " lines INTEGER NOT NULL, bytes INTEGER NOT NULL, seq INTEGER NOT NULL)",
    *ARCHIVE_TABLES,
)


class LockedError(RuntimeError):
    """Another run holds the output folder."""


class StateError(OSError):
    """The run state could not be read or written, or disagrees with the output folder."""


def _sentence(out: Path, exc: sqlite3.Error) -> str:
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and ("full" in text or "readonly" in text
                                                      or "disk I/O" in text or "unable to open" in text):
        return (f"cannot write the run state {out / STATE_DB}: {text} "
                "(is the disk full or the folder read-only?)")
    return f"the run state {out / STATE_DB} is damaged ({text}); {REMEDY}"


@contextlib.contextmanager
def state_errors(out: Path) -> Iterator[None]:
    """SQLite failures as a StateError that says what to do."""
    try:
        yield
    except sqlite3.Error as exc:
        raise StateError(_sentence(out, exc)) from exc


@dataclass(frozen=True)
class Run:
    """One run: numbered in order (`run-00001`, ...), so that the same runs over the same inputs
    write the same bytes; when it started is in its manifest (runs/<run_id>.json)."""

    seq: int
    run_id: str
    started: str

    @property
    def prefix(self) -> str:
        return f"part-{self.seq:05d}"


@dataclass(frozen=True, slots=True)
class FileState:
    """What a run learnt of one input file: its stat, its hash and the kind of line it got."""

    source: str
    size: int
    mtime_ns: int
    sha256: str
    outcome: str  # "kept" | "duplicate" | "reject" (final kinds are settled at emit)


class FileStates(Sequence[FileState]):
    """A batch's file states as columns, not an object each: a run holds them from the batches
    to the end, and a FileState with its hash and numbers costs about 250 bytes besides its
    source where these columns cost about 64 (hashes packed as `Strings`, numbers in arrays,
    sources shared with the batch's candidates). Reading one (`files[k]`) makes its FileState."""

    def __init__(self, items: Iterable[FileState] = ()) -> None:
        items = list(items)
        self.sources = [f.source for f in items]
        self.sizes = np.array([f.size for f in items], dtype=np.int64)
        self.mtimes = np.array([f.mtime_ns for f in items], dtype=np.int64)
        self.hashes = Strings(f.sha256 for f in items)
        self.outcomes = [sys.intern(f.outcome) for f in items]

    def __len__(self) -> int:
        return len(self.sources)

    def __getitem__(self, k: int) -> FileState:  # type: ignore[override]
        return FileState(self.sources[k], int(self.sizes[k]), int(self.mtimes[k]), self.hashes[k], self.outcomes[k])

    def __iter__(self) -> Iterator[FileState]:
        return (self[k] for k in range(len(self)))


@dataclass(frozen=True, slots=True)
class SourceState:
    """One current source as the state holds it: where its line is and what it says."""

    source: str
    size: int
    mtime_ns: int
    sha256: str
    kind: str  # "corpus" | "duplicates" | "rejects": the folder its line is in
    id: str  # the record id (also of a duplicate's own text); "" for a reject
    duplicate_of: str  # the kept record's id for a duplicate, else ""
    shard: str  # "corpus/part-00003-0000.jsonl"
    line: int  # 0-based line number in that shard
    first_seen: str  # the id of the run that first saw the source
    seq: int  # the run that wrote the line


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Exclusive use of the output folder; a second holder fails at once with LockedError."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".lock", "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockedError(
                f"another hanflow run is writing to {out}; wait for it to finish "
                "or choose another --out folder") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@contextlib.contextmanager
def open_output(out: Path, full: bool = False, *, locked: bool = False) -> Iterator[Store]:
    """The output folder's state, held under its lock for the whole run; `full` first forgets
    every earlier run (only once the lock is ours, so a running run is never wiped).
    `locked` says the caller already holds `output_lock(out)` (taken before the run started)."""
    with contextlib.nullcontext() if locked else output_lock(out):
        if full:
            clear_output(out)
        store = Store(out, locked=True)
        try:
            yield store
        finally:
            store.close()


def clear_output(out: Path) -> None:
    """Forget every earlier run in `out` (call it holding the lock).

    The state goes before the shards, and a marker file stays until both are gone: a reset
    killed half-way is finished by the next `Store`, so old shards never outlive their state
    (doubled lines) and the state never outlives its shards (lost lines).
    """
    marker = out / RESET_MARKER
    marker.touch()
    fsync_dir(out)
    for name in (STATE_DB, STATE_DB + "-wal", STATE_DB + "-shm"):
        (out / name).unlink(missing_ok=True)
    for sub in (*OUTPUT_DIRS, ".work"):
        shutil.rmtree(out / sub, ignore_errors=True)
    fsync_dir(out)
    marker.unlink()


def shard_files(out: Path) -> dict[str, int]:
    """Every file named like a shard in the output folders, as `kind/name` -> size in bytes."""
    found = {}
    for kind in SHARD_KINDS:
        folder = out / kind
        if folder.is_dir():
            for entry in os.scandir(folder):
                if SHARD_NAME.match(entry.name) and entry.is_file(follow_symlinks=False):
                    found[f"{kind}/{entry.name}"] = entry.stat(follow_symlinks=False).st_size
    return found


def shard_seq(name: str) -> int:
    """The run number in a shard's name (`corpus/part-00003-0001.jsonl` -> 3)."""
    return int(SHARD_NAME.match(name.rsplit("/", 1)[-1]).group(1))


def _sources(conn: sqlite3.Connection) -> dict[str, SourceState]:
    rows = conn.execute("SELECT source, size, mtime_ns, sha256, kind, id, duplicate_of, shard, line, first_seen, seq"
                        " FROM sources")
    return {r[0]: SourceState(*r) for r in rows}


@contextlib.contextmanager
def read_only_state(out: Path) -> Iterator[tuple[sqlite3.Connection | None, dict[str, SourceState]]]:
    """(a read-only connection, the current sources) of `out`'s state, for a look before a run
    starts that takes no lock and changes nothing; (None, {}) when there is no readable state."""
    db = out / STATE_DB
    conn = None
    try:
        if db.is_file():
            conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
            known = _sources(conn)
        else:
            known = {}
    except sqlite3.Error:
        conn, known = None, {}
    try:
        yield conn, known
    finally:
        if conn is not None:
            conn.close()


def read_sources(out: Path) -> dict[str, SourceState]:
    """The current sources of `out`, read as `read_only_state` reads them."""
    with read_only_state(out) as (_, known):
        return known


class Store:
    def __init__(self, out: Path, *, locked: bool = False, repairing: bool = False) -> None:
        """Open the state of `out`; `locked` says the caller already holds `output_lock(out)`.

        A folder with shards but no usable state is refused (a run would add every document
        again beside its old lines), unless `repairing` (the state is being rebuilt from them);
        so is a state written by another version of hanflow.
        """
        self.repairing = repairing
        self.out = out
        self.work = out / ".work"
        out.mkdir(parents=True, exist_ok=True)
        if (out / RESET_MARKER).exists():
            with contextlib.nullcontext() if locked else output_lock(out):
                clear_output(out)
        fresh = not (out / STATE_DB).exists() or (out / STATE_DB).stat().st_size == 0
        if fresh and not repairing and shard_files(out):
            raise StateError(f"{out} holds corpus output but no run state ({STATE_DB}); a run would add every "
                             f"document again; {REMEDY}")
        with state_errors(out):
            self.conn = sqlite3.connect(out / STATE_DB, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            self._init_schema()

    def _init_schema(self) -> None:
        tables = {r for (r,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "meta" not in tables:
            raise StateError(f"the run state {self.out / STATE_DB} was written by an earlier version of hanflow "
                             "(record schema 1.0); rebuild the output with --full")
        if not tables and not self.repairing and shard_files(self.out):
            raise StateError(f"the run state {self.out / STATE_DB} is empty but {self.out} holds corpus output; "
                             f"{REMEDY}")
        for statement in _SCHEMA:
            self.conn.execute(statement)
        self.conn.execute("INSERT OR IGNORE INTO meta (name, value) VALUES ('state_version', ?)", (STATE_VERSION,))
        (version,) = self.conn.execute("SELECT value FROM meta WHERE name = 'state_version'").fetchone()
        if version != STATE_VERSION:
            raise StateError(f"the run state {self.out / STATE_DB} has version {version}, this hanflow reads "
                             f"version {STATE_VERSION}; rebuild the output with --full")

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Exclusive use of the output folder; a second run fails at once with LockedError."""
        with output_lock(self.out):
            yield

    def check(self) -> None:
        """Refuse (StateError, one sentence) unless the state is sound and every shard it lists
        is on disk with its recorded size, and no shard-named file is unknown to it.

        Cheap: SQLite's quick check and one stat per shard, no shard is read.
        """
        with state_errors(self.out):
            (verdict,) = self.conn.execute("PRAGMA quick_check(1)").fetchone()
            listed = dict(self.conn.execute("SELECT name, bytes FROM shards"))
        if verdict != "ok":
            raise StateError(f"the run state {self.out / STATE_DB} fails SQLite's integrity check ({verdict}); "
                             f"{REMEDY}")
        present = shard_files(self.out)
        for name, size in sorted(listed.items()):
            if name not in present:
                raise StateError(f"the shard {self.out / name} that the run state lists is missing; {REMEDY}")
            if present[name] != size:
                raise StateError(f"the shard {self.out / name} has {present[name]} bytes, the run state expects "
                                 f"{size}: it was changed outside hanflow; {REMEDY}")
        unknown = sorted(set(present) - set(listed))
        if unknown:
            raise StateError(f"{len(unknown)} shard files are not in the run state (the first is "
                             f"{self.out / unknown[0]}); {REMEDY}")

    def recover(self) -> list[str]:
        """Finish or discard what a killed run left in `.work/`; returns what was done."""
        done = []
        if not self.work.exists():
            return done
        committed = {r for (r,) in self.conn.execute("SELECT run_id FROM runs WHERE committed=1")}
        for run_dir in sorted(p for p in self.work.iterdir() if p.is_dir()):
            if run_dir.name in committed:
                self.publish(run_dir.name)
                done.append(f"finished publishing run {run_dir.name}")
            else:
                shutil.rmtree(run_dir)
                done.append(f"discarded the unfinished run {run_dir.name}")
        return done

    def begin_run(self) -> Run:
        """A new run, numbered after every run and every shard there is (names are never reused)."""
        (last,) = self.conn.execute(
            "SELECT MAX(COALESCE((SELECT MAX(seq) FROM runs), 0), COALESCE((SELECT MAX(seq) FROM shards), 0))"
        ).fetchone()
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        run = Run(last + 1, f"run-{last + 1:05d}", now.isoformat())
        (self.work / run.run_id).mkdir(parents=True, exist_ok=True)
        return run

    def staging(self, run: Run) -> Path:
        return self.work / run.run_id

    def sources(self) -> dict[str, SourceState]:
        return _sources(self.conn)

    def shard_sources(self, shard: str) -> dict[int, str]:
        """Line number -> source of every line the state places in `shard`."""
        return dict(self.conn.execute("SELECT line, source FROM sources WHERE shard = ?", (shard,)))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing; a state that cannot be written raises StateError (an OSError)."""
        with state_errors(self.out):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                raise

    def committed(self, run_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM runs WHERE run_id = ? AND committed = 1", (run_id,))
        return row.fetchone() is not None

    def publish(self, run_id: str) -> None:
        """Move a committed run's files into place, then delete the shards the state no longer
        lists; safe to repeat after a kill. New shards go in before old ones go, so a reader
        never misses a line (for a moment it may see a line twice)."""
        src_root = self.work / run_id / "out"
        for sub in OUTPUT_DIRS:
            src = src_root / sub
            if not src.is_dir():
                continue
            dst = self.out / sub
            dst.mkdir(exist_ok=True)
            for f in sorted(src.iterdir()):
                os.replace(f, dst / f.name)
            fsync_dir(dst)
        listed = {name for (name,) in self.conn.execute("SELECT name FROM shards")}
        for name in sorted(set(shard_files(self.out)) - listed):
            (self.out / name).unlink(missing_ok=True)
        for kind in SHARD_KINDS:
            if (self.out / kind).is_dir():
                fsync_dir(self.out / kind)
        shutil.rmtree(self.work / run_id, ignore_errors=True)


def record_run(conn: sqlite3.Connection, run: Run) -> None:
    conn.execute("INSERT INTO runs (seq, run_id, started, committed) VALUES (?, ?, ?, 1)",
                 (run.seq, run.run_id, run.started))


def drop_sources(conn: sqlite3.Connection, sources: Iterable[str]) -> None:
    conn.executemany("DELETE FROM sources WHERE source = ?", ((s,) for s in sources))


def put_sources(conn: sqlite3.Connection, states: Iterable[SourceState]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO sources (source, size, mtime_ns, sha256, kind, id, duplicate_of, shard, line,"
        " first_seen, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((s.source, s.size, s.mtime_ns, s.sha256, s.kind, s.id, s.duplicate_of, s.shard, s.line,
          s.first_seen, s.seq) for s in states))


def move_lines(conn: sqlite3.Connection, moves: Iterable[tuple[str, str, int]]) -> None:
    """(source, new shard, new line) for lines copied unchanged into a rewritten shard."""
    conn.executemany("UPDATE sources SET shard = ?, line = ? WHERE source = ?",
                     ((shard, line, source) for source, shard, line in moves))


def touch_sources(conn: sqlite3.Connection, touched: Iterable[FileState]) -> None:
    """Same content, new size or time stamp: only the stat fields change."""
    conn.executemany("UPDATE sources SET size = ?, mtime_ns = ? WHERE source = ?",
                     ((f.size, f.mtime_ns, f.source) for f in touched))


def replace_shards(conn: sqlite3.Connection, removed: Iterable[str],
                   added: Iterable[tuple[str, str, int, int, int]]) -> None:
    """Forget `removed` shard names; register (name, kind, lines, bytes, seq) of new ones."""
    conn.executemany("DELETE FROM shards WHERE name = ?", ((n,) for n in removed))
    conn.executemany("INSERT INTO shards (name, kind, lines, bytes, seq) VALUES (?, ?, ?, ?, ?)", added)
