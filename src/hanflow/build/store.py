"""Run state under the output folder: what was processed, which shards exist, the lock.

Commit protocol: a run writes its shards under `.work/<run-id>/out/`, then one SQLite
transaction records the processed files, the dedup index and the run as committed, and only
then are the shards moved into place. `recover()` finishes the moves of a committed run and
deletes the leftovers of an uncommitted one, so a killed run never leaves half an output.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

STATE_DB = "state.sqlite"
OUTPUT_DIRS = ("corpus", "duplicates", "rejects", "runs")
RESET_MARKER = ".resetting"


class LockedError(RuntimeError):
    """Another run holds the output folder."""


class StateError(OSError):
    """The run state could not be read or written (disk full, read-only, I/O error)."""


@contextlib.contextmanager
def _state_errors(out: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise StateError(f"cannot write the run state {out / STATE_DB}: {exc} "
                         "(is the disk full or the folder read-only?)") from exc


@dataclass(frozen=True)
class Run:
    seq: int
    run_id: str
    started: str

    @property
    def prefix(self) -> str:
        return f"part-{self.seq:05d}"


@dataclass(frozen=True)
class FileState:
    source: str
    size: int
    mtime_ns: int
    sha256: str
    outcome: str  # "kept" | "duplicate" | "reject"


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


def _has_output(out: Path) -> bool:
    return any(any((out / sub).glob("*.jsonl")) for sub in OUTPUT_DIRS if (out / sub).is_dir())


def _known_files(conn: sqlite3.Connection) -> dict[str, FileState]:
    rows = conn.execute("SELECT source, size, mtime_ns, sha256, outcome FROM files")
    return {r[0]: FileState(*r) for r in rows}


def read_known_files(out: Path) -> dict[str, FileState]:
    """What earlier runs processed, read without the lock and without changing anything (for
    a look before a run starts); empty when `out` has no state yet or it cannot be read."""
    db = out / STATE_DB
    if not db.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return _known_files(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


class Store:
    def __init__(self, out: Path, *, locked: bool = False) -> None:
        """Open the state of `out`; `locked` says the caller already holds `output_lock(out)`."""
        self.out = out
        self.work = out / ".work"
        out.mkdir(parents=True, exist_ok=True)
        if (out / RESET_MARKER).exists():
            with contextlib.nullcontext() if locked else output_lock(out):
                clear_output(out)
        if not (out / STATE_DB).exists() and _has_output(out):
            raise StateError(
                f"{out} holds corpus output but no run state ({STATE_DB}); a run would add every "
                "document again. Rerun with --full to rebuild the folder, or choose another --out")
        with _state_errors(out):
            self.conn = sqlite3.connect(out / STATE_DB, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.executescript(
                "CREATE TABLE IF NOT EXISTS runs (seq INTEGER PRIMARY KEY, run_id TEXT NOT NULL,"
                " started TEXT NOT NULL, committed INTEGER NOT NULL DEFAULT 0);"
                "CREATE TABLE IF NOT EXISTS files (source TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
                " sha256 TEXT, outcome TEXT, seq INTEGER);"
            )

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Exclusive use of the output folder; a second run fails at once with LockedError."""
        with output_lock(self.out):
            yield

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
        (last,) = self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM runs").fetchone()
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        run = Run(last + 1, f"{now:%Y%m%dT%H%M%SZ}-{last + 1:05d}", now.isoformat())
        (self.work / run.run_id).mkdir(parents=True, exist_ok=True)
        return run

    def staging(self, run: Run) -> Path:
        return self.work / run.run_id

    def known_files(self) -> dict[str, FileState]:
        return _known_files(self.conn)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing; a state that cannot be written raises StateError (an OSError)."""
        with _state_errors(self.out):
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

    def record_run(self, conn: sqlite3.Connection, run: Run, files: list[FileState],
                   touched: list[FileState] = ()) -> None:
        """Mark the run committed with its processed files; `touched` files (same content,
        new size or time stamp) only get their stat fields updated and keep their outcome."""
        conn.execute("INSERT INTO runs (seq, run_id, started, committed) VALUES (?, ?, ?, 1)",
                     (run.seq, run.run_id, run.started))
        conn.executemany(
            "INSERT OR REPLACE INTO files (source, size, mtime_ns, sha256, outcome, seq)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(f.source, f.size, f.mtime_ns, f.sha256, f.outcome, run.seq) for f in files])
        conn.executemany("UPDATE files SET size = ?, mtime_ns = ? WHERE source = ?",
                         [(f.size, f.mtime_ns, f.source) for f in touched])

    def publish(self, run_id: str) -> None:
        """Move a committed run's files into place; safe to repeat after a kill."""
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
        shutil.rmtree(self.work / run_id, ignore_errors=True)
