"""After the batches: resolve duplicates, then write, commit and publish the run's output.

The output folder mirrors the raw folder: the lines of sources that leave (deleted, renamed,
changed, filed again) are dropped by rewriting the shards that held them, copy-on-write;
every other shard stays as it is. New lines, the rewritten shards' other lines and the change
feed are staged, committed in one transaction with the state and the dedup index, then
published (`Store.publish`).
"""

from __future__ import annotations

import itertools
import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from hanflow.build import archives
from hanflow.build.batches import BatchResult
from hanflow.build.manifest import make_manifest
from hanflow.build.planning import Plan
from hanflow.build.shards import ShardWriter, write_json, write_lines
from hanflow.build.store import (
    SHARD_KINDS,
    FileState,
    SourceState,
    Store,
    drop_sources,
    move_lines,
    put_sources,
    record_run,
    replace_shards,
    touch_sources,
)
from hanflow.dedup import DedupIndex, SignatureRows, Verdict
from hanflow.dedup.candidates import Candidates
from hanflow.dedup.signatures import join_files
from hanflow.output import dumps, to_duplicate

_RUN_FIELDS = ("run_id", "first_seen")


def reprocessed(plan: Plan, results: list[BatchResult]) -> set[str]:
    """Known sources that this run processed again (changed, or filed again)."""
    return {s for r in results for s in r.files.sources if s in plan.known}


def resolve(store: Store, plan: Plan, results: list[BatchResult], threshold: float) -> dict[str, Verdict]:
    """Duplicate verdicts for the run, against itself and every record kept before that stays."""
    candidates = Candidates.chain([r.candidates for r in results])
    gone = {d.source for d in plan.deleted} | reprocessed(plan, results)
    return DedupIndex(store.conn, threshold).resolve(candidates, gone, run_signatures(store, plan, results))


def run_signatures(store: Store, plan: Plan, results: list[BatchResult]) -> SignatureRows:
    """The signatures of every candidate of `results`, in their order, from the batches' files."""
    return join_files([r.signatures for r in results], store.staging(plan.run) / "signatures.bin")


@dataclass
class Outcome:
    """What emit decided: each source's new line and place, and what left."""

    states: dict[str, SourceState] = field(default_factory=dict)  # new or moved lines, by source
    lines: dict[str, dict[str, Any]] = field(default_factory=dict)  # new lines replacing old ones, by source
    old_lines: dict[str, dict[str, Any]] = field(default_factory=dict)  # lines that left, by source
    moves: list[tuple[str, str, int]] = field(default_factory=list)  # survivors of rewritten shards
    affected: list[str] = field(default_factory=list)  # shards rewritten (their old names)
    orphans: int = 0  # lines found in a rewritten shard that the state did not place there


def _leaving(plan: Plan, results: list[BatchResult]) -> set[str]:
    return ({d.source for d in plan.deleted} | {old.source for old, _ in plan.renamed}
            | reprocessed(plan, results))


def _copy_survivors(store: Store, plan: Plan, leaving: set[str], writers: dict[str, ShardWriter],
                    outcome: Outcome) -> None:
    """Rewrite every shard that holds a leaving line: its other lines go into this run's shards
    of the same kind, in order; the leaving lines are kept aside (parsed) for the change feed."""
    outcome.affected = sorted({plan.known[s].shard for s in leaving})
    for shard in outcome.affected:
        kind = shard.split("/", 1)[0]
        placed = store.shard_sources(shard)
        with open(store.out / shard, encoding="utf-8") as fh:
            for number, line in enumerate(fh):
                source = placed.get(number)
                if source is None:
                    outcome.orphans += 1
                elif source in leaving:
                    outcome.old_lines[source] = json.loads(line)
                else:
                    outcome.moves.append((source, *writers[kind].add(line.rstrip("\n"))))


def _place(outcome: Outcome, writers: dict[str, ShardWriter], kind: str, line: dict[str, Any] | None,
           state: SourceState, text: str | None = None) -> None:
    """Write `line` (or its JSON `text`, when already serialised) and note where it went; the
    line itself is kept only when it replaces one (for the change feed's comparison), and may
    be None with `text` when it does not."""
    shard, number = writers[kind].add(text if text is not None else dumps(line))
    outcome.states[state.source] = replace(state, kind=kind, shard=shard, line=number)
    if state.source in outcome.old_lines:
        outcome.lines[state.source] = line


def _route_new(plan: Plan, results: list[BatchResult], verdicts: dict[str, Verdict],
               writers: dict[str, ShardWriter], outcome: Outcome) -> None:
    """This run's records, duplicate entries and rejects, then the renamed sources' lines.

    Files are looked up batch by batch: a dict of the whole run's would cost a slot a document.
    A batch's staged lines are in the order of its candidates, whose strings the states share;
    a kept record's line is parsed only when it replaces one (the change feed compares them).
    """
    run, rejects = plan.run, []

    def state(f: FileState, rid: str, dup_of: str) -> SourceState:
        first = plan.known[f.source].first_seen if f.source in plan.known else run.run_id
        return SourceState(f.source, f.size, f.mtime_ns, f.sha256, "", rid, dup_of, "", 0, first, run.seq)

    for result in sorted(results, key=lambda r: r.index):
        files = {f.source: f for f in result.files}
        rejects.extend((j, files[j["source"]]) for j in result.rejects)
        with open(result.staged, encoding="utf-8") as fh:
            for raw_line, c in zip(fh, result.candidates, strict=True):
                f, verdict = files[c.source], verdicts.get(c.source)
                if verdict is None:
                    record = json.loads(raw_line) if c.source in outcome.old_lines else None
                    _place(outcome, writers, "corpus", record, state(f, c.id, ""), raw_line.rstrip("\n"))
                else:
                    entry = to_duplicate(json.loads(raw_line), verdict.duplicate_of, verdict.similarity,
                                         verdict.method)
                    _place(outcome, writers, "duplicates", entry, state(f, c.id, verdict.duplicate_of))
    for reject, f in sorted(rejects, key=lambda pair: pair[0]["source"]):
        _place(outcome, writers, "rejects", reject, state(f, "", ""))
    for old, item in plan.renamed:
        line = {**outcome.old_lines[old.source], "source": item.source, "run_id": run.run_id}
        moved = replace(old, source=item.source, size=item.size, mtime_ns=item.mtime_ns, seq=run.seq)
        _place(outcome, writers, old.kind, line, moved)


def change_feed(plan: Plan, outcome: Outcome) -> Iterator[dict[str, str]]:
    """One line per record added, updated, removed or renamed, in source order."""
    renamed = {item.source: old for old, item in plan.renamed}
    gone_by_rename = {old.source for old in renamed.values()}
    for source in sorted(set(outcome.old_lines) | set(outcome.states)):
        old, new = plan.known.get(source) if source in outcome.old_lines else None, outcome.states.get(source)
        if source in gone_by_rename and new is None:
            continue
        if source in renamed:
            yield _op("renamed", new, previous=renamed[source])
        elif new is None:
            yield _op("removed", old)
        elif old is None:
            yield _op("added", new)
        elif old.kind != new.kind:
            yield from (_op("removed", old), _op("added", new))
        elif _content(outcome.old_lines[source]) != _content(outcome.lines[source]):
            yield _op("updated", new, previous=old)


def _feed_lines(feed: Iterable[dict[str, str]], run_id: str, counts: Counter[str]) -> Iterator[str]:
    """The change feed's JSON lines, counting the operations by name as they go."""
    for op in feed:
        counts[op["op"]] += 1
        yield dumps({**op, "run_id": run_id})


def _content(line: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in line.items() if k not in _RUN_FIELDS}


def _op(op: str, state: SourceState, previous: SourceState | None = None) -> dict[str, str]:
    return {"op": op, "kind": state.kind, "id": state.id, "source": state.source,
            "shard": "" if op == "removed" else state.shard,
            "previous_id": previous.id if previous else "", "previous_source": previous.source if previous else ""}


def emit(store: Store, plan: Plan, results: list[BatchResult], verdicts: dict[str, Verdict],
         context: dict[str, Any]) -> dict[str, Any]:
    """Write shards, change feed and manifest; commit state and index in one transaction;
    then publish."""
    start = time.perf_counter()
    run, out_root = plan.run, store.staging(plan.run) / "out"
    if store.committed(run.run_id):  # a retry after the commit: only the publication is left
        store.publish(run.run_id)
        return json.loads((store.out / "runs" / f"{run.run_id}.json").read_text(encoding="utf-8"))
    writers = {k: ShardWriter(out_root / k, run.prefix) for k in SHARD_KINDS}
    leaving = _leaving(plan, results)
    outcome = Outcome()
    _copy_survivors(store, plan, leaving, writers, outcome)
    _route_new(plan, results, verdicts, writers, outcome)
    for writer in writers.values():
        writer.flush()
    feed, changes = change_feed(plan, outcome), Counter[str]()
    first = next(feed, None)
    if first is not None:
        write_lines(out_root / "changes" / f"{run.run_id}.jsonl",
                    _feed_lines(itertools.chain([first], feed), run.run_id, changes))
    context = {**context, "emit_s": time.perf_counter() - start}
    manifest = make_manifest(plan, results, verdicts, writers, outcome, changes, context)
    write_json(out_root / "runs" / f"{run.run_id}.json", manifest)
    _commit(store, plan, results, verdicts, writers, outcome, leaving)
    store.publish(run.run_id)
    return manifest


def _commit(store: Store, plan: Plan, results: list[BatchResult], verdicts: dict[str, Verdict],
            writers: dict[str, ShardWriter], outcome: Outcome, leaving: set[str]) -> None:
    candidates = Candidates.chain([r.candidates for r in results])
    kept = np.flatnonzero(np.fromiter((s not in verdicts for s in candidates.sources), bool, len(candidates)))
    signatures = run_signatures(store, plan, results).subset(kept)
    new_shards = [(name, name.split("/", 1)[0], lines, size, plan.run.seq)
                  for w in writers.values() for name, lines, size in w.written]
    with store.transaction() as conn:
        record_run(conn, plan.run)
        drop_sources(conn, [s for s in leaving if s not in outcome.states])
        put_sources(conn, outcome.states.values())
        move_lines(conn, outcome.moves)
        touch_sources(conn, plan.touched)
        archives.write(conn, plan.archives)
        replace_shards(conn, outcome.affected, new_shards)
        index = DedupIndex(conn, plan.options.dedup_threshold)
        index.remove({d.source for d in plan.deleted} | reprocessed(plan, results))
        index.rename((old.source, item.source) for old, item in plan.renamed if old.kind == "corpus")
        index.add(candidates.take(kept), signatures)
