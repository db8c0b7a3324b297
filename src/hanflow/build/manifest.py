"""The run manifest: what a run found, did and wrote, with timings and versions."""

from __future__ import annotations

import platform
import time
from collections import Counter
from typing import Any

from hanflow import __version__
from hanflow.build.batches import BatchResult
from hanflow.build.planning import Plan
from hanflow.build.shards import ShardWriter
from hanflow.dedup import Verdict


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {"hanflow": __version__, "python": platform.python_version()}
    for dist in ("prefect", "jieba", "opencc-python-reimplemented", "beautifulsoup4", "lxml"):
        try:
            found[dist] = version(dist)
        except PackageNotFoundError:
            continue
    return found


def _counts(plan: Plan, results: list[BatchResult], outcome: Any) -> dict[str, int]:
    """How many sources were found, left alone, processed (and why), and what lines they got."""
    processed = {s for r in results for s in r.files.sources}
    again = set(plan.requeued) & processed
    new_lines = Counter(state.kind for source, state in outcome.states.items() if source in processed)
    return {
        "discovered": plan.discovered,
        "hidden": plan.hidden,
        "unchanged": plan.unchanged,
        "touched": len(plan.touched),
        "new": sum(1 for s in processed if s not in plan.known),
        "changed": sum(1 for s in processed if s in plan.known and s not in again),
        "requeued": len(again),
        "renamed": len(plan.renamed),
        "deleted": len(plan.deleted),
        "processed": len(processed),
        "failed": plan.todo - len(processed),
        "kept": new_lines["corpus"],
        "duplicates": new_lines["duplicates"],
        "rejects": new_lines["rejects"],
    }


def _totals(plan: Plan, outcome: Any) -> dict[str, int]:
    """Lines of each kind in the output once this run is published."""
    kinds = {s: st.kind for s, st in plan.known.items()}
    for source in outcome.old_lines:
        kinds.pop(source, None)
    kinds.update({s: st.kind for s, st in outcome.states.items()})
    total = Counter(kinds.values())
    return {kind: total[kind] for kind in ("corpus", "duplicates", "rejects")}


_COUNTED = ("removed", "timings", "scripts", "langs", "page_types", "profiles")


def make_manifest(plan_: Plan, results: list[BatchResult], verdicts: dict[str, Verdict],
                  writers: dict[str, ShardWriter], outcome: Any, changes: Counter[str],
                  context: dict[str, Any]) -> dict[str, Any]:
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
        "seq": plan_.run.seq,
        "started": plan_.run.started,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
        "duration_s": round(time.perf_counter() - context.pop("t0", time.perf_counter()), 3),
        **{k: v for k, v in context.items() if k not in ("emit_s", "dedup_s", "plan_s", "failed")},
        "counts": _counts(plan_, results, outcome),
        "totals": _totals(plan_, outcome),
        "changes": dict(sorted(changes.items())),
        "duplicates_by_method": dict(sorted(Counter(v.method for v in verdicts.values()).items())),
        "rejects_by_reason": dict(sorted(rejects.items())),
        "removed_by_rule": part["removed"],
        "scripts": part["scripts"],
        "langs": part["langs"],
        "page_types": part["page_types"],
        "profiles": part["profiles"],
        "inputs": {"batches": len(results), "bytes": sum(r.bytes_in for r in results)},
        "archives": plan_.archives.summary(),
        "skipped_records": dict(sorted(plan_.archives.skipped.items())),
        "timings_s": {"plan": round(context.get("plan_s", 0.0), 3),
                      "steps": part["timings"],
                      "dedup": round(context.get("dedup_s", 0.0), 3),
                      "emit": round(context.get("emit_s", 0.0), 3)},
        "shards": {k: w.names for k, w in writers.items()},
        "shards_rewritten": outcome.affected,
        "failed_batches": list(context.get("failed", [])),
        "versions": _versions(),
    }
