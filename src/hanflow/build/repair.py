"""Rebuild a damaged run state from the shards it describes (`hanflow run --repair`).

Every line of every shard names its source, its kind, its id and the hash of the input it
came from, so the state can be written anew from the lines alone: the sources (with an
unknown stat, so the next run hashes each file once and finds it unchanged), the shards, and
the dedup index (recomputed from the kept records' texts). A line that cannot be read, or an
older second line of a source, is dropped by rewriting its shard under a new run number, as
any run rewrites shards; no shard name is ever reused.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from hanflow.build.shards import ShardWriter
from hanflow.build.store import (
    STATE_DB,
    Run,
    SourceState,
    Store,
    put_sources,
    record_run,
    replace_shards,
    shard_files,
    shard_seq,
)
from hanflow.dedup import Candidate, DedupIndex, fingerprint


@dataclass
class Repaired:
    """What a repair found and did."""

    moved_aside: str = ""
    sources: int = 0
    shards: int = 0
    dropped: list[str] = field(default_factory=list)  # which lines were dropped and why
    rewritten: list[str] = field(default_factory=list)  # shards rewritten without them

    def summary(self) -> str:
        text = f"rebuilt the run state from {self.shards} shards ({self.sources} sources)"
        if self.dropped:
            text += f"; dropped {len(self.dropped)} lines, the first {self.dropped[0]}"
        if self.moved_aside:
            text += f"; the old state is kept as {self.moved_aside}"
        return text


@dataclass
class _Scan:
    states: dict[str, SourceState] = field(default_factory=dict)  # the newest line of each source
    kept: dict[str, Candidate] = field(default_factory=dict)  # kept records, by source
    sizes: dict[str, tuple[int, int]] = field(default_factory=dict)  # shard -> (lines, bytes)
    dirty: set[str] = field(default_factory=set)  # shards holding a line that must go


def _move_aside(out: Path) -> str:
    """Keep the old state files under a dated name (never read again)."""
    if not (out / STATE_DB).exists():
        return ""
    aside = f"{STATE_DB}.damaged-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}"
    for suffix in ("", "-wal", "-shm"):
        if (out / (STATE_DB + suffix)).exists():
            (out / (STATE_DB + suffix)).rename(out / (aside + suffix))
    return aside


def _state(line: Any, kind: str, shard: str, number: int) -> SourceState | None:
    if not isinstance(line, dict) or not isinstance(line.get("source"), str) or not line["source"]:
        return None
    return SourceState(line["source"], -1, -1, str(line.get("source_sha256") or ""), kind,
                       "" if kind == "rejects" else str(line.get("id", "")),
                       str(line.get("duplicate_of", "")) if kind == "duplicates" else "",
                       shard, number, str(line.get("first_seen") or f"run-{shard_seq(shard):05d}"),
                       shard_seq(shard))


def _parse(raw: str) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _scan(out: Path, found: Repaired) -> _Scan:
    scan = _Scan()
    for shard, size in sorted(shard_files(out).items(), key=lambda kv: (shard_seq(kv[0]), kv[0])):
        kind, lines = shard.split("/", 1)[0], 0
        with open(out / shard, encoding="utf-8", errors="replace") as fh:
            for number, raw in enumerate(fh):
                lines += 1
                line = _parse(raw)
                state = _state(line, kind, shard, number)
                if state is None:
                    found.dropped.append(f"line {number + 1} of {shard} (not a hanflow line)")
                    scan.dirty.add(shard)
                    continue
                if (older := scan.states.get(state.source)) is not None:
                    found.dropped.append(f"an older line of {state.source} in {older.shard}")
                    scan.dirty.add(older.shard)
                    scan.kept.pop(state.source, None)
                scan.states[state.source] = state
                if kind == "corpus":
                    text = str(line.get("text", ""))
                    scan.kept[state.source] = Candidate(state.source, state.id, len(text),
                                                        line.get("published") or None, fingerprint(text))
        scan.sizes[shard] = (lines, size)
    return scan


def _rewrite(store: Store, run: Run, scan: _Scan) -> list[tuple[str, str, int, int, int]]:
    """Copy the lines of the dirty shards that stay into shards of `run`; their new places."""
    out_root = store.staging(run) / "out"
    writers: dict[str, ShardWriter] = {}
    for shard in sorted(scan.dirty):
        kind = shard.split("/", 1)[0]
        writer = writers.setdefault(kind, ShardWriter(out_root / kind, run.prefix))
        placed = {(s.shard, s.line): s for s in scan.states.values() if s.shard == shard}
        with open(store.out / shard, encoding="utf-8", errors="replace") as fh:
            for number, raw in enumerate(fh):
                if (owner := placed.get((shard, number))) is not None:
                    where, at = writer.add(raw.rstrip("\n"))
                    scan.states[owner.source] = replace(owner, shard=where, line=at, seq=run.seq)
    for writer in writers.values():
        writer.flush()
    return [(name, name.split("/", 1)[0], n, size, run.seq) for w in writers.values() for name, n, size in w.written]


def repair(out: Path, threshold: float) -> Repaired:
    """Rebuild the state of `out` from its shards (call it holding the output folder's lock)."""
    found = Repaired(moved_aside=_move_aside(out))
    shutil.rmtree(out / ".work", ignore_errors=True)
    store = Store(out, locked=True, repairing=True)
    try:
        scan = _scan(out, found)
        run = store.begin_run() if scan.dirty else None
        new_shards = _rewrite(store, run, scan) if run else []
        clean = [(n, n.split("/", 1)[0], lines, size, shard_seq(n))
                 for n, (lines, size) in sorted(scan.sizes.items()) if n not in scan.dirty]
        with store.transaction() as conn:
            if run:
                record_run(conn, run)
            put_sources(conn, scan.states.values())
            replace_shards(conn, [], clean + new_shards)
            DedupIndex(conn, threshold).add(list(scan.kept.values()))
        if run:
            store.publish(run.run_id)
        found.rewritten = sorted(scan.dirty)
        found.sources, found.shards = len(scan.states), len(clean) + len(new_shards)
    finally:
        store.close()
    return found
