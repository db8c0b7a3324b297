"""What one benchmark child process measures; each returns a dict of figures as JSON-able values.

Configurations: the full Prefect flow with 1 or 2 worker processes, with the default options,
the fast ones or the pure-Python jieba segmenter; the naive reference script; hanflow's steps
alone as plain function calls (same variants).
"""

from __future__ import annotations

import inspect
import json
import resource
import shutil
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Options that trade nothing in output format for speed, by the parameter name that takes them
# (since rjieba became the default segmenter, hanflow's defaults are its fast options).
FAST_CANDIDATES: dict[str, Any] = {"segmenter": "rjieba", "tokenizer": "rjieba", "segment_backend": "rjieba",
                                   "converter": "opencc", "fast": True}
# The options of each kind of run: "flow" the defaults, "fast" the above, "jieba" the pure-Python segmenter.
VARIANTS: dict[str, dict[str, Any]] = {"flow": {}, "fast": FAST_CANDIDATES, "jieba": {"segmenter": "jieba"}}

CONFIGS = ("flow-1", "flow-2", "jieba-1", "jieba-2", "naive", "steps", "steps-jieba")


def variant_options(kind: str, accepts: Callable[[str], bool]) -> dict[str, Any]:
    """The options of run kind `kind` that this version of hanflow understands."""
    return {k: v for k, v in VARIANTS[kind].items() if accepts(k)}


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (pool workers are joined
    when a flow ends; the embedded Prefect server is still running, so it is not counted)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _corpus_chars(out: Path) -> int:
    total = 0
    for shard in sorted((out / "corpus").glob("*.jsonl")):
        with open(shard, encoding="utf-8") as fh:
            total += sum(json.loads(line)["n_chars"] for line in fh)
    return total


def _warm_prefect() -> None:
    """Start the embedded Prefect server before the clock starts (cold start is measured apart)."""
    from prefect import flow

    @flow(name="bench-warm-up")
    def warm_up() -> int:
        return 1

    warm_up()


def run_flow(corpus: Path, out: Path, workers: int, kind: str = "flow", variant: str = "") -> dict[str, Any]:
    """One flow run. `variant` runs the flow as it was before an orchestration fix, for
    bench_orchestration.py: "tagged" task runs, or "even" (three equal batches per worker)."""
    from prefect import tags

    from hanflow.build.planning import BATCHES_PER_WORKER, equal_batch_size
    from hanflow.flow.build_corpus import build_corpus, task_runner
    from hanflow.flow.ui import TAGS

    params = inspect.signature(build_corpus.fn).parameters
    extra = variant_options(kind, params.__contains__)
    if variant == "even":
        extra["batch_size"] = equal_batch_size(_count_files(corpus), BATCHES_PER_WORKER * workers)
    shutil.rmtree(out, ignore_errors=True)
    _warm_prefect()
    start, cpu = time.perf_counter(), cpu_seconds()
    with tags(*(TAGS if variant == "tagged" else ())):
        manifest = build_corpus.with_options(task_runner=task_runner(workers))(
            raw=str(corpus), out=str(out), full=True, progress=False, **extra,
            **({"workers": workers} if "workers" in params else {}))
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    timings = manifest["timings_s"]
    stages = {**timings["steps"], "plan": timings["plan"], "dedup": timings["dedup"], "emit": timings["emit"]}
    counts = manifest["counts"]
    return {"seconds": seconds, "cpu_s": cpu, "flow_body_s": manifest["duration_s"],
            "pages": counts["discovered"],
            "bytes": manifest["inputs"]["bytes"], "chars": _corpus_chars(out), "stages": stages,
            "kept": counts["kept"], "duplicates": counts["duplicates"], "rejects": counts["rejects"],
            "options": extra}


def _count_files(corpus: Path) -> int:
    return sum(1 for p in corpus.rglob("*") if p.is_file())


def run_naive(corpus: Path, out: Path) -> dict[str, Any]:
    from naive_reference import run

    out.mkdir(parents=True, exist_ok=True)
    cpu = cpu_seconds()
    counts = run(corpus, out / "naive.jsonl")
    return {"seconds": counts["seconds"], "cpu_s": cpu_seconds() - cpu, "pages": counts["pages"],
            "bytes": counts["bytes"], "chars": counts["chars"], "stages": {"total": counts["seconds"]},
            "kept": counts["kept"], "duplicates": counts["duplicates"], "rejects": counts["empty"]}


def run_child(config: str, corpus: Path, out: Path) -> dict[str, Any]:
    kind, _, variant = config.partition("-")
    if kind in VARIANTS:
        workers, _, ablation = variant.partition("-")
        result = run_flow(corpus, out, int(workers), kind=kind, variant=ablation)
    elif kind == "naive":
        result = run_naive(corpus, out)
    else:
        from bench_steps import run_steps

        result = run_steps(corpus, out, kind=variant or "flow")
    shutil.rmtree(out, ignore_errors=True)
    return {"config": config, **result}


def timed(counter: Counter[str], name: str, fn: Callable[..., Any], *args: Any) -> Any:
    start = time.perf_counter()
    try:
        return fn(*args)
    finally:
        counter[name] += time.perf_counter() - start


def memory_index() -> Any:
    from hanflow.dedup import DedupIndex

    return DedupIndex(sqlite3.connect(":memory:"))
