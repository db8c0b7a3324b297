"""After the batches: resolve duplicates, then write, commit and publish the run's output."""

from __future__ import annotations

import json
import time
from typing import Any

from hanflow.build.batches import BatchResult
from hanflow.build.manifest import make_manifest
from hanflow.build.planning import Plan
from hanflow.build.shards import ShardWriter, write_json
from hanflow.build.store import FileState, Run, Store
from hanflow.dedup import Candidate, DedupIndex, Verdict
from hanflow.output import dumps, to_duplicate


def resolve(store: Store, results: list[BatchResult], threshold: float) -> dict[str, Verdict]:
    """Duplicate verdicts for the run, against itself and every earlier run."""
    candidates = [c for r in results for c in r.candidates]
    return DedupIndex(store.conn, threshold).resolve(candidates)


def _route(store: Store, run: Run, results: list[BatchResult], verdicts: dict[str, Verdict],
           ) -> dict[str, ShardWriter]:
    """Stream the staged records into corpus and duplicate shards, rejects into theirs."""
    out_root = store.staging(run) / "out"
    writers = {k: ShardWriter(out_root / k, run.prefix) for k in ("corpus", "duplicates", "rejects")}
    for result in sorted(results, key=lambda r: r.index):
        with open(result.staged, encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                verdict = verdicts.get(record["source"])
                if verdict is None:
                    writers["corpus"].add(line.rstrip("\n"))
                else:
                    writers["duplicates"].add(dumps(to_duplicate(
                        record, verdict.duplicate_of, verdict.similarity, verdict.method)))
    for reject in sorted((j for r in results for j in r.rejects), key=lambda j: j["source"]):
        writers["rejects"].add(dumps(reject))
    for writer in writers.values():
        writer.flush()
    return writers


def _outcomes(results: list[BatchResult], verdicts: dict[str, Verdict],
              ) -> tuple[list[Candidate], list[tuple[Candidate, Verdict]], dict[str, str]]:
    """Kept candidates, duplicates with their verdicts (by source), and every file's outcome."""
    candidates = sorted((c for r in results for c in r.candidates), key=lambda c: c.source)
    kept = [c for c in candidates if c.source not in verdicts]
    duplicates = [(c, verdicts[c.source]) for c in candidates if c.source in verdicts]
    outcome = {c.source: "kept" for c in kept} | {c.source: "duplicate" for c, _ in duplicates}
    return kept, duplicates, outcome


def emit(store: Store, plan_: Plan, results: list[BatchResult], verdicts: dict[str, Verdict],
         context: dict[str, Any]) -> dict[str, Any]:
    """Write shards and manifest, commit state and index in one transaction, then publish."""
    start = time.perf_counter()
    run = plan_.run
    writers = _route(store, run, results, verdicts)
    kept, duplicates, outcome = _outcomes(results, verdicts)
    files = [FileState(f.source, f.size, f.mtime_ns, f.sha256, outcome.get(f.source, "reject"))
             for r in results for f in r.files]
    context = {**context, "emit_s": time.perf_counter() - start}
    manifest = make_manifest(plan_, results, verdicts, writers, context)
    write_json(store.staging(run) / "out" / "runs" / f"{run.run_id}.json", manifest)
    if not store.committed(run.run_id):  # a retried emit must not record the run twice
        with store.transaction() as conn:
            store.record_run(conn, run, files, [u for r in results for u in r.unchanged])
            DedupIndex(conn, plan_.options.dedup_threshold).add(kept, duplicates)
    store.publish(run.run_id)
    return manifest
