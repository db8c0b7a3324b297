"""`build_corpus`: raw/ to processed/ as a Prefect flow, one task run per stage and batch."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from hanflow import build as core
from hanflow.dedup import DEFAULT_THRESHOLD
from hanflow.discover import InputFile
from hanflow.pipeline import Options
from hanflow.progress import Progress
from hanflow.store import Store

TASK = {"cache_policy": NO_CACHE, "persist_result": False}
FS_RETRIES = {"retries": 2, "retry_delay_seconds": [1, 4]}


@task(name="plan", **TASK, **FS_RETRIES)
def plan_task(store: Store, raw: Path, options: Options, batch_size: int) -> core.Plan:
    store.recover()
    return core.plan(store, raw, options, batch_size)


@task(name="process-batch", task_run_name="process batch {index}", **TASK, **FS_RETRIES)
def process_batch_task(index: int, items: list[InputFile], options: Options, staging: Path,
                       known_sha: dict[str, str]) -> core.BatchResult:
    return core.process_batch(index, items, options, staging, known_sha)


@task(name="deduplicate", **TASK)
def dedup_task(store: Store, results: list[core.BatchResult], threshold: float) -> dict:
    return core.resolve(store, results, threshold)


@task(name="emit", **TASK, **FS_RETRIES)
def emit_task(store: Store, plan: core.Plan, results: list[core.BatchResult], verdicts: dict,
              context: dict[str, Any]) -> dict[str, Any]:
    return core.emit(store, plan, results, verdicts, context)


def _run_batches(plan: core.Plan, store: Store, options: Options, progress: bool
                 ) -> list[core.BatchResult]:
    logger = get_run_logger()
    futures = [
        process_batch_task.submit(i, items, options, store.staging(plan.run),
                                  {x.source: plan.known_sha[x.source] for x in items
                                   if x.source in plan.known_sha})
        for i, items in enumerate(plan.batches)
    ]
    results = []
    with Progress(sum(len(b) for b in plan.batches), "documents", enabled=progress) as bar:
        for future in as_completed(futures):
            result = future.result()
            results.append(result)
            bar.advance(len(plan.batches[result.index]))
            logger.info("batch %d: %d kept candidates, %d rejects, %d unchanged", result.index,
                        len(result.candidates), len(result.rejects), len(result.unchanged))
    return sorted(results, key=lambda r: r.index)


@flow(name="build_corpus", flow_run_name="corpus-{raw}", log_prints=False)
def build_corpus(raw: str = "raw", out: str = "processed", config: str = "t2s",
                 user_dict: str | None = None, max_bytes: int = 20_000_000, batch_size: int = 200,
                 full: bool = False, segmenter: str = "jieba", threshold: float = DEFAULT_THRESHOLD,
                 progress: bool | None = None) -> dict[str, Any]:
    """Turn every new or changed file under `raw` into corpus, duplicate or reject lines in `out`."""
    logger = get_run_logger()
    t0 = time.perf_counter()
    options = Options(config=config, user_dict=user_dict, max_bytes=max_bytes, segmenter=segmenter,
                      dedup_threshold=threshold)
    raw_dir, out_dir = Path(raw), Path(out)
    if full:
        core.reset_output(out_dir)
    store = Store(out_dir)
    try:
        with store.lock():
            plan = plan_task(store, raw_dir, options, batch_size)
            logger.info("%d files found, %d unchanged, %d to process in %d batches",
                        plan.discovered, plan.unchanged, sum(map(len, plan.batches)),
                        len(plan.batches))
            plan_s = time.perf_counter() - t0
            show = sys.stderr.isatty() if progress is None else progress
            results = _run_batches(plan, store, options, show)
            t1 = time.perf_counter()
            verdicts = dedup_task(store, results, options.dedup_threshold)
            context = {"t0": t0, "plan_s": plan_s, "dedup_s": time.perf_counter() - t1,
                       "raw": raw, "out": out, "full": full, "runner": "prefect",
                       "options": options.__dict__}
            manifest = emit_task(store, plan, results, verdicts, context)
    finally:
        store.close()
    logger.info("kept %(kept)d, duplicates %(duplicates)d, rejects %(rejects)d",
                manifest["counts"])
    return manifest


def task_runner(workers: int) -> ThreadPoolTaskRunner | ProcessPoolTaskRunner:
    """Threads for one worker (no start-up cost), processes for more (real parallelism)."""
    return ThreadPoolTaskRunner(max_workers=1) if workers <= 1 else ProcessPoolTaskRunner(workers)
