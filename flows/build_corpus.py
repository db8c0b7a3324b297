"""`build_corpus`: raw/ to processed/ as a Prefect flow, one task run per stage and batch.

A run is incremental: only new or changed inputs are processed and earlier shards stay as
they are. A batch that fails marks the run failed, but the batches that succeeded are
committed first, so the next run only redoes the failed one.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.ui import TAGS, RunProgress, initial_run_name, label_run, publish_artifacts, run_name
from hanflow import build as core
from hanflow.dedup import DEFAULT_THRESHOLD
from hanflow.discover import InputFile
from hanflow.pipeline import Options
from hanflow.progress import Progress
from hanflow.store import Store, open_output

RUNNERS = ("local", "dask")


def retry_on_os_error(task_: Any, task_run: Any, state: Any) -> bool:
    """Filesystem trouble can pass (a full disk, a share that blinks); a bug will not."""
    return isinstance(state.data, OSError)


# Task runs carry no tags (the flow run does): Prefect asks the server for tag concurrency
# slots before every tagged task run, about a second each with the embedded server.
TASK = {"cache_policy": NO_CACHE, "persist_result": False}
FS_RETRIES = {"retries": 3, "retry_delay_seconds": [1, 4, 16], "retry_jitter_factor": 0.2,
              "retry_condition_fn": retry_on_os_error}


class BatchesFailed(RuntimeError):
    """Some batches failed; the others were committed and the next run redoes only these."""


@task(name="plan", task_run_name="plan", **TASK, **FS_RETRIES)
def plan_task(store: Store, raw: Path, options: Options, batch_size: int | None, workers: int
              ) -> core.Plan:
    store.recover()
    return core.plan(store, raw, options, batch_size, workers)


@task(name="process-batch", task_run_name="process batch {index}", **TASK, **FS_RETRIES)
def process_batch_task(index: int, items: list[InputFile], options: Options, staging: Path,
                       known_sha: dict[str, str]) -> core.BatchResult:
    return core.process_batch(index, items, options, staging, known_sha)


@task(name="deduplicate", task_run_name="deduplicate", **TASK)
def dedup_task(store: Store, results: list[core.BatchResult], threshold: float) -> dict:
    return core.resolve(store, results, threshold)


@task(name="emit", task_run_name="emit", **TASK, **FS_RETRIES)
def emit_task(store: Store, plan: core.Plan, results: list[core.BatchResult], verdicts: dict,
              context: dict[str, Any]) -> dict[str, Any]:
    return core.emit(store, plan, results, verdicts, context)


@contextlib.contextmanager
def workers_share_api() -> Iterator[None]:
    """Worker processes report to this run's Prefect API instead of each starting its own.

    With the embedded server PREFECT_API_URL is unset, and every spawned worker process would
    start a temporary server of its own: seconds of CPU per worker, and more writers on one
    database. Set for the time the batches run, so a later run in this process is not pointed
    at a server that has stopped.
    """
    ctx = FlowRunContext.get()
    url = ctx.client.api_url if ctx and ctx.client else None
    share = url is not None and not os.environ.get("PREFECT_API_URL")
    if share:
        os.environ["PREFECT_API_URL"] = str(url)
    try:
        yield
    finally:
        if share:
            os.environ.pop("PREFECT_API_URL", None)


def _submit(plan: core.Plan, store: Store, options: Options) -> list[PrefectFuture]:
    return [
        process_batch_task.submit(i, items, options, store.staging(plan.run),
                                  {x.source: plan.known_sha[x.source] for x in items
                                   if x.source in plan.known_sha})
        for i, items in enumerate(plan.batches)
    ]


def _run_batches(plan: core.Plan, store: Store, options: Options, progress: bool
                 ) -> tuple[list[core.BatchResult], list[str]]:
    """Every batch's result, in batch order, and a line for each batch that failed."""
    logger = get_run_logger()
    futures = _submit(plan, store, options)
    index = {id(f): i for i, f in enumerate(futures)}
    results, failed = [], []
    tracker = RunProgress(sum(map(len, plan.batches)), len(plan.batches))
    with Progress(tracker.total, "documents", enabled=progress) as bar:
        for future in as_completed(futures):
            i = index[id(future)]
            try:
                result = future.result()
            except Exception as exc:
                failed.append(f"batch {i} ({len(plan.batches[i])} files): {type(exc).__name__}: {exc}")
                logger.error("batch %d failed; its %d files stay pending for the next run: %s",
                             i, len(plan.batches[i]), exc)
                continue
            results.append(result)
            bar.advance(len(plan.batches[i]))
            tracker.advance(len(plan.batches[i]))
            logger.info("batch %d: %d kept candidates, %d rejects, %d unchanged", i,
                        len(result.candidates), len(result.rejects), len(result.unchanged))
    return sorted(results, key=lambda r: r.index), failed


def _build(store: Store, raw: Path, options: Options, settings: dict[str, Any]) -> dict[str, Any]:
    t0 = time.perf_counter()
    plan = plan_task(store, raw, options, settings["batch_size"], settings["workers"])
    n_todo = sum(map(len, plan.batches))
    label_run(run_name(plan.run.started, n_todo),
              [*TAGS, "full" if settings["full"] else "incremental", f"runner:{settings['runner']}"])
    logger = get_run_logger()
    logger.info("%d files found, %d unchanged, %d to process in %d batches",
                plan.discovered, plan.unchanged, n_todo, len(plan.batches))
    plan_s = time.perf_counter() - t0
    show = sys.stderr.isatty() if settings["progress"] is None else settings["progress"]
    with workers_share_api():
        results, failed = _run_batches(plan, store, options, show)
    t1 = time.perf_counter()
    verdicts = dedup_task(store, results, options.dedup_threshold)
    context = {"t0": t0, "plan_s": plan_s, "dedup_s": time.perf_counter() - t1, "raw": str(raw),
               "out": str(store.out), "full": settings["full"], "runner": settings["runner"],
               "options": options.__dict__}
    manifest = emit_task(store, plan, results, verdicts, context)
    manifest["failed_batches"] = failed
    return manifest


@flow(name="build_corpus", flow_run_name=initial_run_name, log_prints=False,
      task_runner=ThreadPoolTaskRunner(max_workers=1))
def build_corpus(raw: str = "raw", out: str = "processed", config: str = "t2s",
                 user_dict: str | None = None, max_bytes: int = 20_000_000,
                 batch_size: int | None = None, workers: int = 1, full: bool = False,
                 segmenter: str = "jieba", threshold: float = DEFAULT_THRESHOLD,
                 progress: bool | None = None, runner: str = "local") -> dict[str, Any]:
    """Turn every new or changed file under `raw` into corpus, duplicate or reject lines in `out`.

    `batch_size=None` cuts about three batches per worker; `workers` and `runner` only label
    the run and size its batches (the task runner itself is chosen by whoever starts the flow).
    """
    options = Options(config=config, user_dict=user_dict, max_bytes=max_bytes, segmenter=segmenter,
                      dedup_threshold=threshold)
    out_dir = Path(out)
    settings = {"batch_size": batch_size, "workers": workers, "full": full, "progress": progress,
                "runner": runner}
    with open_output(out_dir, full) as store:
        manifest = _build(store, Path(raw), options, settings)
    publish_artifacts(out_dir, manifest)
    logger = get_run_logger()
    logger.info("kept %(kept)d, duplicates %(duplicates)d, rejects %(rejects)d", manifest["counts"])
    if manifest["failed_batches"]:
        raise BatchesFailed(f"{len(manifest['failed_batches'])} batches failed and will be retried by the "
                            "next run; the others were committed: " + "; ".join(manifest["failed_batches"]))
    return manifest


def task_runner(workers: int, runner: str = "local", dask_address: str | None = None) -> TaskRunner:
    """The task runner for the batch tasks.

    local: threads for one worker (no start-up cost), processes for more (real parallelism).
    dask: an existing cluster at `dask_address`, else a local cluster of `workers` processes.
    """
    if runner not in RUNNERS:
        raise ValueError(f"unknown runner {runner!r}; choose one of {', '.join(RUNNERS)}")
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": max(workers, 1), "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": ":0"})
    return ThreadPoolTaskRunner(max_workers=1) if workers <= 1 else ProcessPoolTaskRunner(workers)
