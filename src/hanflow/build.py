"""The phases of a corpus build as plain functions: plan, process batches, dedup, emit.

`flows/build_corpus.py` runs the same phases as Prefect tasks; `build()` runs them in order
in this process, for tests and for embedding hanflow without Prefect.
"""

from __future__ import annotations

import json
import platform
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from hanflow import __version__
from hanflow.dedup import Candidate, DedupIndex, Verdict, fingerprint
from hanflow.discover import InputFile, discover
from hanflow.document import Document
from hanflow.pipeline import Options, Pipeline
from hanflow.record import dumps, to_duplicate, to_record, to_reject
from hanflow.shards import ShardWriter, write_atomic, write_json
from hanflow.store import FileState, Run, Store, open_output


@dataclass
class Plan:
    run: Run
    batches: list[list[InputFile]]
    known_sha: dict[str, str]
    discovered: int
    unchanged: int
    options: Options


@dataclass
class BatchResult:
    index: int
    staged: str  # path of the batch's kept-candidate records, one JSON line each
    candidates: list[Candidate] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    files: list[FileState] = field(default_factory=list)
    unchanged: list[FileState] = field(default_factory=list)
    removed: Counter[str] = field(default_factory=Counter)
    timings: Counter[str] = field(default_factory=Counter)
    scripts: Counter[str] = field(default_factory=Counter)
    langs: Counter[str] = field(default_factory=Counter)
    page_types: Counter[str] = field(default_factory=Counter)
    profiles: Counter[str] = field(default_factory=Counter)  # platform profiles that fired
    bytes_in: int = 0


def _unchanged(prev: FileState | None, item: InputFile) -> bool:
    """Same size and time stamp, and the same verdict before reading: a file read last time
    (it has a hash) and readable now, or one turned away unread last time and again now."""
    if prev is None or (prev.size, prev.mtime_ns) != (item.size, item.mtime_ns):
        return False
    return bool(prev.sha256) == (item.reject is None)


MIN_BATCH, MAX_BATCH, BATCHES_PER_WORKER, TAIL_SHARE = 20, 1000, 3, 8


def batch_sizes(n_files: int, workers: int) -> list[int]:
    """How many documents each batch of a run takes, in the order they are handed out.

    Each task run costs the orchestrator far more than a document does, so a run is tens of
    batches whatever its size, and batches stay small enough to hold in memory. One worker
    gets about three equal batches. Several workers get shrinking batches (guided
    scheduling: each takes a share of what is left), so that the last ones are short and no
    worker idles long while another finishes a big batch; the smallest is about
    1/(TAIL_SHARE × workers) of the run, and at most a quarter of the largest.
    """
    workers = max(workers, 1)
    if workers == 1:
        return fixed_sizes(n_files, equal_batch_size(n_files, BATCHES_PER_WORKER))
    floor = max(MIN_BATCH, min(MAX_BATCH // 4, -(-n_files // (TAIL_SHARE * workers))))
    sizes, left = [], n_files
    while left > 0:
        size = min(left, max(floor, min(MAX_BATCH, -(-left // (2 * workers)))))
        sizes.append(size)
        left -= size
    return sizes


def equal_batch_size(n_files: int, batches: int) -> int:
    """The size that cuts `n_files` into about `batches` equal batches, within the bounds."""
    return max(MIN_BATCH, min(MAX_BATCH, -(-n_files // max(batches, 1))))


def fixed_sizes(n_files: int, size: int) -> list[int]:
    """Batches of `size` documents, the last one holding what is left."""
    return [min(size, n_files - i) for i in range(0, n_files, size)]


def _cut(todo: list[InputFile], sizes: list[int]) -> list[list[InputFile]]:
    starts = accumulate(sizes, initial=0)
    return [todo[a:a + n] for a, n in zip(starts, sizes, strict=False)]


def plan(store: Store, raw: Path, options: Options, batch_size: int | None = None,
         workers: int = 1) -> Plan:
    """New or changed inputs in stable order, cut into batches; unchanged ones are skipped.

    `batch_size=None` sizes batches for `workers` with `batch_sizes`.
    """
    known = store.known_files()
    todo, unchanged, discovered = [], 0, 0
    for item in discover(raw, options.max_bytes):
        discovered += 1
        if _unchanged(known.get(item.source), item):
            unchanged += 1
            continue
        todo.append(item)
    sizes = fixed_sizes(len(todo), batch_size) if batch_size else batch_sizes(len(todo), workers)
    batches = _cut(todo, sizes)
    known_sha = {s: f.sha256 for s, f in known.items() if f.sha256}
    return Plan(store.begin_run(), batches, known_sha, discovered, unchanged, options)


def process_batch(index: int, items: list[InputFile], options: Options, staging: Path,
                  known_sha: dict[str, str]) -> BatchResult:
    """Run the per-document steps over one batch; kept candidates are staged on disk."""
    pipeline = Pipeline(options, {i.source: known_sha[i.source] for i in items if i.source in known_sha})
    result = BatchResult(index, str(staging / f"batch-{index:05d}.jsonl"))
    lines = []
    for item, doc in zip(items, pipeline.run(items), strict=True):
        result.bytes_in += item.size
        result.removed.update(doc.removed)
        state = FileState(doc.source, item.size, item.mtime_ns, doc.sha256, "reject")
        if doc.unchanged:
            result.unchanged.append(state)
        elif doc.reject:
            result.rejects.append(to_reject(doc.source, doc.reject.reason, doc.reject.detail))
            result.files.append(state)
        else:
            record = to_record(doc)
            lines.append(dumps(record))
            result.candidates.append(_candidate(doc, record))
            result.files.append(state)
            result.scripts[record["script"]] += 1
            result.langs[record["lang"]] += 1
            result.page_types[record["page_type"]] += 1
            result.profiles.update(doc.annotations.get("profiles") or ())
    result.timings = pipeline.timings
    write_atomic(Path(result.staged), "".join(f"{ln}\n" for ln in lines).encode("utf-8"))
    return result


def _candidate(doc: Document, record: dict[str, Any]) -> Candidate:
    return Candidate(doc.source, record["id"], record["n_chars"], record["published"],
                     fingerprint(doc.text))


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


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {"hanflow": __version__, "python": platform.python_version()}
    for dist in ("prefect", "jieba", "opencc-python-reimplemented", "beautifulsoup4", "lxml"):
        try:
            found[dist] = version(dist)
        except PackageNotFoundError:
            continue
    return found


_COUNTED = ("removed", "timings", "scripts", "langs", "page_types", "profiles")


def make_manifest(plan_: Plan, results: list[BatchResult], verdicts: dict[str, Verdict],
                  writers: dict[str, ShardWriter], context: dict[str, Any]) -> dict[str, Any]:
    """The run manifest: counts per stage and reason, inputs, timings, versions."""
    total = Counter[str]()
    for key in _COUNTED:
        for r in results:
            total.update({f"{key}:{k}": v for k, v in getattr(r, key).items()})
    part = {key: {k.split(":", 1)[1]: (round(v, 3) if key == "timings" else v)
                  for k, v in sorted(total.items()) if k.startswith(key + ":")}
            for key in _COUNTED}
    rejects = Counter(j["reason"] for r in results for j in r.rejects)
    return {
        "run_id": plan_.run.run_id,
        "started": plan_.run.started,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
        "duration_s": round(time.perf_counter() - context.pop("t0", time.perf_counter()), 3),
        **{k: v for k, v in context.items() if k not in ("emit_s", "dedup_s", "plan_s")},
        "counts": {
            "discovered": plan_.discovered,
            "unchanged": plan_.unchanged + sum(len(r.unchanged) for r in results),
            "processed": sum(len(r.files) for r in results),
            "kept": writers["corpus"].count,
            "duplicates": writers["duplicates"].count,
            "rejects": writers["rejects"].count,
        },
        "duplicates_by_method": dict(sorted(Counter(v.method for v in verdicts.values()).items())),
        "rejects_by_reason": dict(sorted(rejects.items())),
        "removed_by_rule": part["removed"],
        "scripts": part["scripts"],
        "langs": part["langs"],
        "page_types": part["page_types"],
        "profiles": part["profiles"],
        "inputs": {"batches": len(results), "bytes": sum(r.bytes_in for r in results)},
        "timings_s": {"plan": round(context.get("plan_s", 0.0), 3),
                      "steps": part["timings"],
                      "dedup": round(context.get("dedup_s", 0.0), 3),
                      "emit": round(context.get("emit_s", 0.0), 3)},
        "shards": {k: w.names for k, w in writers.items()},
        "versions": _versions(),
    }


def build(raw: Path, out: Path, options: Options | None = None, *, full: bool = False,
          batch_size: int | None = None, on_batch: Callable[[BatchResult], None] | None = None,
          ) -> dict[str, Any]:
    """One whole run in this process (no Prefect); returns the run manifest."""
    options = options or Options()
    t0 = time.perf_counter()
    with open_output(out, full) as store:
        store.recover()
        p = plan(store, raw, options, batch_size)
        plan_s = time.perf_counter() - t0
        results = []
        for i, items in enumerate(p.batches):
            results.append(process_batch(i, items, options, store.staging(p.run), p.known_sha))
            if on_batch:
                on_batch(results[-1])
        t1 = time.perf_counter()
        verdicts = resolve(store, results, options.dedup_threshold)
        context = {"t0": t0, "plan_s": plan_s, "dedup_s": time.perf_counter() - t1,
                   "raw": str(raw), "out": str(out), "full": full, "runner": "local",
                   "options": options.__dict__}
        return emit(store, p, results, verdicts, context)
