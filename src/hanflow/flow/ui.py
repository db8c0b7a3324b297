"""What the Prefect UI and the terminal show of a build: run name and tags, log lines, artifacts,
a progress bar that moves document by document."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from pathlib import Path
from typing import Any
from uuid import UUID

from prefect import get_run_logger, runtime
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.client.orchestration import get_client
from prefect.context import FlowRunContext
from prefect.utilities.urls import url_for

from hanflow.build import BatchResult, Observer, Plan, Settings
from hanflow.build.planning import Survey
from hanflow.flow.names import bare_name, planned_name, recount, run_name
from hanflow.progress import BatchProgress, Progress, progress_path, read_progress
from hanflow.report import nothing_new_counts, nothing_new_report, run_report, stage_counts
from hanflow.sources import InputFile

__all__ = ["TAGS", "FlowObserver", "initial_run_name", "publish_artifacts", "publish_nothing_new", "run_name"]

TAGS = ("hanflow", "corpus")
POLL_S = 0.5

SHOW_LINKS = False
"""Print a link to the flow run on the terminal (set by `hanflow run` when a server is configured)."""


def initial_run_name() -> str:
    """The run's name from the moment it is created, so that its first log line names it as the
    UI does: a look at what it will take on (the run plans again, under the lock)."""
    params = runtime.flow_run.parameters or {}
    try:
        return planned_name(Path(params.get("raw", "raw")), Path(params.get("out", "processed")),
                            int(params.get("max_bytes", 20_000_000)), bool(params.get("full", False)))
    except (OSError, ValueError):  # the run itself says what is wrong
        return bare_name(_now())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def label_run(n_files: int | None, tags: list[str]) -> str:
    """Give the current flow run the count it really takes on (when the look before it started
    saw another) and add tags, keeping those it has; returns its name."""
    context = FlowRunContext.get()
    if not context or not context.flow_run:
        return run_name(_now(), n_files)
    name = recount(context.flow_run.name, n_files)
    with get_client(sync_client=True) as client:
        current = client.read_flow_run(context.flow_run.id).tags
        client.update_flow_run(context.flow_run.id, name=name if name != context.flow_run.name else None,
                               tags=sorted({*current, *tags}))
    context.flow_run.name = name  # so that this process's log lines carry the new name
    return name


def flow_run_link() -> str | None:
    context = FlowRunContext.get()
    return url_for("flow-run", obj_id=context.flow_run.id) if context and context.flow_run else None


class RunProgress:
    """A progress artifact in percent of documents done, updated as batches finish."""

    def __init__(self, total: int, batches: int) -> None:
        self.total, self.done, self.batches, self.finished = total, 0, batches, 0
        self.artifact_id: UUID = create_progress_artifact(
            100.0 if total == 0 else 0.0, description=self._describe())

    def _describe(self) -> str:
        return f"{self.done} of {self.total} documents, {self.finished} of {self.batches} batches"

    def advance(self, documents: int) -> None:
        self.done += documents
        self.finished += 1
        update_progress_artifact(self.artifact_id, round(100 * self.done / max(self.total, 1), 1),
                                 description=self._describe())


class _Poller(threading.Thread):
    """Moves the terminal bar from the batches' progress files while they run."""

    def __init__(self, bar: Progress, staging: Path) -> None:
        super().__init__(daemon=True, name="hanflow-progress")
        self.bar, self.staging, self.stop = bar, staging, threading.Event()
        self.finished: dict[int, int] = {}

    def done(self) -> int:
        running = read_progress(self.staging)
        return sum(self.finished.values()) + sum(v for i, v in running.items() if i not in self.finished)

    def run(self) -> None:
        while not self.stop.wait(POLL_S):
            self.bar.update(self.done())


class FlowObserver(Observer):
    """What the UI and the terminal show of a run: its name and tags once planned, a log line
    and a progress artifact per batch, and on a terminal a bar of documents done."""

    def __init__(self, progress: bool | None) -> None:
        self.show = sys.stderr.isatty() if progress is None else progress
        self.bar = Progress(self.show).__enter__()
        self.bar.stage("planning")
        self.tracker: RunProgress | None = None
        self.poller: _Poller | None = None

    def planned(self, plan: Plan, settings: Settings) -> None:
        n_todo = sum(map(len, plan.batches))
        name = label_run(n_todo, [*TAGS, "full" if settings.full else "incremental", f"runner:{settings.runner}"])
        get_run_logger().info("%s: %d files found, %d unchanged, %d to process in %d batches",
                              name, plan.discovered, plan.unchanged, n_todo, len(plan.batches))
        link = flow_run_link() if SHOW_LINKS else None
        if link:
            self.bar.say(f"{name}: {link}")
        self.tracker = RunProgress(n_todo, len(plan.batches))
        self.bar.stage("documents", total=n_todo)

    def reporter(self, index: int, staging: Path) -> BatchProgress | None:
        """Always one (it also stops a batch on a thread when the run is interrupted); the
        files it writes are read only when a bar is shown."""
        if self.show and self.poller is None:
            self.poller = _Poller(self.bar, staging)
            self.poller.start()
        return BatchProgress(progress_path(staging, index))

    def batch_done(self, index: int, items: list[InputFile], result: BatchResult | None,
                   error: str | None) -> None:
        logger = get_run_logger()
        if result is None:
            logger.error("batch %d failed; its %d files stay pending for the next run: %s",
                         index, len(items), error)
            return
        if self.poller is not None:
            self.poller.finished[index] = len(items)
        self.tracker.advance(len(items))
        logger.info("batch %d: %d kept candidates, %d rejects", index, len(result.candidates), len(result.rejects))

    def batches_over(self) -> None:
        if self.poller is not None:
            self.poller.stop.set()
            self.poller.join()
        self.bar.stage("deduplicating and writing")

    def close(self) -> None:
        self.bar.__exit__(None, None, None)


def publish_artifacts(out: Path, manifest: dict[str, Any]) -> None:
    """The run's counts per stage as a table and its report as markdown."""
    create_table_artifact(stage_counts(manifest), key="hanflow-counts",
                          description=f"Counts per stage, run {manifest['run_id']}")
    create_markdown_artifact(run_report(out, manifest), key="hanflow-report",
                             description=f"Report, run {manifest['run_id']}")


def publish_nothing_new(raw: Path, found: Survey, settings: Settings) -> str:
    """Name, tags, log line and artifacts of a run that found nothing new; returns the name."""
    name = label_run(None, [*TAGS, "incremental", f"runner:{settings.runner}"])
    get_run_logger().info("%s: %d files in %s, all unchanged since the last run; nothing written",
                          name, found.discovered, raw)
    create_table_artifact(nothing_new_counts(found.discovered, found.unchanged), key="hanflow-counts",
                          description=f"Counts per stage, {name}")
    create_markdown_artifact(nothing_new_report(name, raw, found.discovered), key="hanflow-report",
                             description=f"Report, {name}")
    return name
