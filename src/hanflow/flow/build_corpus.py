"""`build_corpus`: raw/ to processed/ as a Prefect flow, one task run per phase and batch.

The phases and their order are `hanflow.build.run_phases`; this module only says how each
phase becomes a Prefect task and what the UI is told. A run is incremental: only new or
changed inputs are processed, and a run with nothing new stops after a look, writing nothing.
A batch that fails marks the run failed, but the batches that succeeded are committed first,
so the next run only redoes the failed one. The flow's parameters choose where the batches
run (`workers`, `runner`, `dask_address`), so a deployment's parameters do too.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import as_completed
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.callables import get_call_parameters

from hanflow.build import Settings, raise_if_failed, run_phases
from hanflow.build.phases import PHASES
from hanflow.build.planning import Survey, survey
from hanflow.build.store import open_output
from hanflow.dedup import DEFAULT_THRESHOLD
from hanflow.flow.lifetime import end_with_parent
from hanflow.flow.ui import FlowObserver, initial_run_name, publish_artifacts, publish_nothing_new
from hanflow.readers.jsonl import parse_fields
from hanflow.segment.backends import DEFAULT_BACKEND
from hanflow.steps import Options

RUNNERS = ("local", "dask")


def retry_on_os_error(task_: Any, task_run: Any, state: Any) -> bool:
    """Filesystem trouble can pass (a full disk, a share that blinks); a bug will not."""
    return isinstance(state.data, OSError)


# Task runs carry no tags (the flow run does): Prefect asks the server for tag concurrency
# slots before every tagged task run, about a second each with the embedded server.
_TASK = {"cache_policy": NO_CACHE, "persist_result": False}
_FS_RETRIES = {"retries": 3, "retry_delay_seconds": [1, 4, 16], "retry_jitter_factor": 0.2,
               "retry_condition_fn": retry_on_os_error}
_TASK_OPTIONS = {
    "plan": {"name": "plan", "task_run_name": "plan", **_FS_RETRIES},
    "process": {"name": "process-batch", "task_run_name": "process batch {index}", **_FS_RETRIES},
    "deduplicate": {"name": "deduplicate", "task_run_name": "deduplicate"},
    "emit": {"name": "emit", "task_run_name": "emit", **_FS_RETRIES},
}
TASKS = {phase: task(PHASES[phase], **_TASK, **opts) for phase, opts in _TASK_OPTIONS.items()}
"""Each phase of `run_phases` as a Prefect task."""


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


class TaskRunsRunner:
    """Runs each phase as a task run of the current flow run; batches on `batch_runner`, a task
    runner of their own (entered for the time they run), else on the flow's."""

    def __init__(self, batch_runner: TaskRunner | None = None) -> None:
        self.batch_runner = batch_runner

    def call(self, phase: str, *args: Any) -> Any:
        return TASKS[phase](*args)

    def map(self, phase: str, calls: list[tuple]) -> Iterator[tuple[int, Any]]:
        task_ = TASKS[phase]
        with workers_share_api(), self.batch_runner or contextlib.nullcontext() as runner:
            if runner is None:
                futures = [task_.submit(*args) for args in calls]
            else:
                futures = [runner.submit(task_, parameters=get_call_parameters(task_.fn, args, {}))
                           for args in calls]
            index = {id(f): i for i, f in enumerate(futures)}
            for future in as_completed(futures):
                try:
                    yield index[id(future)], future.result()
                except Exception as exc:  # noqa: BLE001 - reported as a failed batch
                    yield index[id(future)], exc


HELD_LOCKS: set[str] = set()
"""Output folders (resolved) whose lock this process took before the flow started (`hanflow
run` takes it first, to refuse a busy folder at once); a flow run on one of them uses that lock."""


def _lock_is_held(out: Path) -> bool:
    return str(out.resolve()) in HELD_LOCKS


def nothing_new_manifest(raw: str, out: str, found: Survey) -> dict[str, Any]:
    """What a run that found nothing new returns (it writes nothing, so it has no run id)."""
    return {"run_id": None, "nothing_new": True, "raw": raw, "out": out,
            "counts": {"discovered": found.discovered, "unchanged": found.unchanged, "processed": 0,
                       "kept": 0, "duplicates": 0, "rejects": 0},
            "inputs": {"batches": 0, "bytes": 0}, "shards": {"corpus": [], "duplicates": [], "rejects": []},
            "failed_batches": []}


@flow(name="build_corpus", flow_run_name=initial_run_name, log_prints=False,
      task_runner=ThreadPoolTaskRunner(max_workers=1))
def build_corpus(raw: str = "raw", out: str = "processed", config: str = "t2s",
                 user_dict: str | None = None, max_bytes: int = 20_000_000,
                 batch_size: int | None = None, workers: int = 1, full: bool = False,
                 segmenter: Literal["jieba", "rjieba"] = DEFAULT_BACKEND, threshold: float = DEFAULT_THRESHOLD,
                 progress: bool | None = None, runner: Literal["local", "dask"] = "local",
                 dask_address: str | None = None, doc_timeout: float = 120.0,
                 jsonl_field: str = "html,text") -> dict[str, Any]:
    """Turn every new or changed file under `raw` into corpus, duplicate or reject lines in `out`.

    A run that finds nothing new writes nothing and says so in its name and report.

    Args:
        raw: Folder of scraped inputs (HTML, text, Markdown).
        out: Output folder: corpus/, duplicates/, rejects/, runs/ and the run state.
        config: OpenCC conversion config (t2s, tw2s, hk2s, ...).
        user_dict: jieba user dictionary with entity names, or none.
        max_bytes: Per-document size limit; larger inputs are rejected as too_large.
        batch_size: Documents per batch task run; empty: sized for the workers.
        workers: Parallel worker processes for the batches (1: one thread, no start-up cost).
        full: Forget earlier runs and reprocess everything.
        segmenter: rjieba (jieba's Rust port) or jieba: the same tokens; rjieba is faster.
        threshold: Near-duplicate Jaccard threshold on character 5-grams.
        progress: Show a progress bar on the terminal; empty: when there is one.
        runner: local (this machine) or dask (a Dask cluster).
        dask_address: Scheduler of an existing Dask cluster, tcp://HOST:PORT; empty: a local cluster.
        doc_timeout: Seconds one document may take before it becomes a timeout reject (0: no limit).
        jsonl_field: Fields of a JSON Lines export's lines that hold the page, in order (comma-separated).
    """
    if not Path(raw).is_dir():  # else a mistyped folder would read as "nothing new" on every schedule
        raise FileNotFoundError(f"the raw folder {raw} does not exist; create it or change the raw parameter")
    options = Options(config=config, user_dict=user_dict, max_bytes=max_bytes, segmenter=segmenter,
                      dedup_threshold=threshold, doc_timeout=doc_timeout, jsonl_fields=parse_fields(jsonl_field))
    settings = Settings(full=full, batch_size=batch_size, workers=workers, runner=runner)
    with open_output(Path(out), full, locked=_lock_is_held(Path(out))) as store:
        if not full:
            store.recover()
            store.check()
            found = survey(store.conn, store.sources(), Path(raw), max_bytes)
            if found.nothing_to_do:
                publish_nothing_new(Path(raw), found, settings)
                return nothing_new_manifest(raw, out, found)
        observer = FlowObserver(progress)
        try:
            manifest = run_phases(store, Path(raw), options, settings,
                                  TaskRunsRunner(task_runner(workers, runner, dask_address)), observer)
        finally:
            observer.close()
    publish_artifacts(Path(out), manifest)
    get_run_logger().info("kept %(kept)d, duplicates %(duplicates)d, rejects %(rejects)d", manifest["counts"])
    raise_if_failed(manifest)
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
    if workers <= 1:
        return ThreadPoolTaskRunner(max_workers=1)
    return ProcessPoolTaskRunner(workers, initializer=end_with_parent)
