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


def make_manifest(plan_: Plan, results: list[BatchResult], verdicts: dict[str, Verdict],
                  writers: dict[str, ShardWriter], context: dict[str, Any]) -> dict[str, Any]:
    """The run manifest: counts per stage and reason, inputs, timings, versions."""
    total = Counter[str]()
    for key in ("removed", "timings", "scripts", "langs"):
        for r in results:
            total.update({f"{key}:{k}": v for k, v in getattr(r, key).items()})
    part = {key: {k.split(":", 1)[1]: (round(v, 3) if key == "timings" else v)
                  for k, v in sorted(total.items()) if k.startswith(key + ":")}
            for key in ("removed", "timings", "scripts", "langs")}
    rejects = Counter(j["reason"] for r in results for j in r.rejects)
    return {
        "run_id": plan_.run.run_id,
        "started": plan_.run.started,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
        "duration_s": round(time.perf_counter() - context.pop("t0", time.perf_counter()), 3),
        **{k: v for k, v in context.items() if k not in ("emit_s", "dedup_s", "plan_s", "failed")},
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
        "inputs": {"batches": len(results), "bytes": sum(r.bytes_in for r in results)},
        "timings_s": {"plan": round(context.get("plan_s", 0.0), 3),
                      "steps": part["timings"],
                      "dedup": round(context.get("dedup_s", 0.0), 3),
                      "emit": round(context.get("emit_s", 0.0), 3)},
        "shards": {k: w.names for k, w in writers.items()},
        "failed_batches": list(context.get("failed", [])),
        "versions": _versions(),
    }
