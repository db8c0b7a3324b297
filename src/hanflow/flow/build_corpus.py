"""`build_corpus`: raw/ to processed/ as a Prefect flow, one task run per phase and batch.

The phases and their order are `hanflow.build.run_phases`; this module only says how each
phase becomes a Prefect task and what the UI is told. A run is incremental: only new or
changed inputs are processed. A batch that fails marks the run failed, but the batches that
succeeded are committed first, so the next run only redoes the failed one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import as_completed
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from hanflow.build import Settings, raise_if_failed, run_phases
from hanflow.build.phases import PHASES
from hanflow.build.store import open_output
from hanflow.dedup import DEFAULT_THRESHOLD
from hanflow.flow.ui import FlowObserver, initial_run_name, publish_artifacts
from hanflow.readers.jsonl import parse_fields
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
    """Runs each phase as a task run of the current flow run; batches on its task runner."""

    def call(self, phase: str, *args: Any) -> Any:
        return TASKS[phase](*args)

    def map(self, phase: str, calls: list[tuple]) -> Iterator[tuple[int, Any]]:
        with workers_share_api():
            futures = [TASKS[phase].submit(*args) for args in calls]
            index = {id(f): i for i, f in enumerate(futures)}
            for future in as_completed(futures):
                try:
                    yield index[id(future)], future.result()
                except Exception as exc:  # noqa: BLE001 - reported as a failed batch
                    yield index[id(future)], exc


@flow(name="build_corpus", flow_run_name=initial_run_name, log_prints=False,
      task_runner=ThreadPoolTaskRunner(max_workers=1))
def build_corpus(raw: str = "raw", out: str = "processed", config: str = "t2s",
                 user_dict: str | None = None, max_bytes: int = 20_000_000,
                 batch_size: int | None = None, workers: int = 1, full: bool = False,
                 segmenter: str = "jieba", threshold: float = DEFAULT_THRESHOLD,
                 progress: bool | None = None, runner: str = "local", doc_timeout: float = 120.0,
                 jsonl_field: str = "html,text") -> dict[str, Any]:
    """Turn every new or changed file under `raw` into corpus, duplicate or reject lines in `out`.

    `batch_size=None` cuts about three batches per worker; `workers` and `runner` only label
    the run and size its batches (the task runner itself is chosen by whoever starts the flow).
    """
    options = Options(config=config, user_dict=user_dict, max_bytes=max_bytes, segmenter=segmenter,
                      dedup_threshold=threshold, doc_timeout=doc_timeout, jsonl_fields=parse_fields(jsonl_field))
    settings = Settings(full=full, batch_size=batch_size, workers=workers, runner=runner)
    with open_output(Path(out), full) as store:
        manifest = run_phases(store, Path(raw), options, settings, TaskRunsRunner(), FlowObserver(progress))
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
    return ThreadPoolTaskRunner(max_workers=1) if workers <= 1 else ProcessPoolTaskRunner(workers)
