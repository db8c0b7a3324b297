"""What the Prefect UI shows for a build: run name and tags, artifacts, a progress bar."""

from __future__ import annotations

import datetime as dt
import sys
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

from hanflow.build import BatchResult, Observer, Plan, Settings
from hanflow.progress import Progress
from hanflow.report import run_report, stage_counts
from hanflow.sources import InputFile

TAGS = ("hanflow", "corpus")


def initial_run_name() -> str:
    """The name a run has until it knows what it will process."""
    return f"corpus-{dt.datetime.now(dt.UTC):%Y-%m-%dT%H:%M} planning"


def run_name(started: str, n_files: int) -> str:
    """`corpus-2026-11-23T10:00 +37 files`: when it started and how many inputs it took on."""
    moment = dt.datetime.fromisoformat(started)
    return f"corpus-{moment:%Y-%m-%dT%H:%M} +{n_files} file{'s' if n_files != 1 else ''}"


def label_run(name: str, tags: list[str]) -> None:
    """Rename the current flow run and add tags, keeping the tags it already has."""
    flow_run_id = runtime.flow_run.id
    if not flow_run_id:
        return
    with get_client(sync_client=True) as client:
        current = client.read_flow_run(flow_run_id).tags
        client.update_flow_run(flow_run_id, name=name, tags=sorted({*current, *tags}))
    context = FlowRunContext.get()
    if context and context.flow_run:
        context.flow_run.name = name  # so that this process's log lines carry the new name


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


class FlowObserver(Observer):
    """What the UI and the terminal show of a run: its name and tags once planned, a log line
    and a progress artifact per batch, and a progress bar on a terminal."""

    def __init__(self, progress: bool | None) -> None:
        self.show = sys.stderr.isatty() if progress is None else progress
        self.bar: Progress | None = None
        self.tracker: RunProgress | None = None

    def planned(self, plan: Plan, settings: Settings) -> None:
        n_todo = sum(map(len, plan.batches))
        label_run(run_name(plan.run.started, n_todo),
                  [*TAGS, "full" if settings.full else "incremental", f"runner:{settings.runner}"])
        get_run_logger().info("%d files found, %d unchanged, %d to process in %d batches",
                              plan.discovered, plan.unchanged, n_todo, len(plan.batches))
        self.tracker = RunProgress(n_todo, len(plan.batches))
        self.bar = Progress(n_todo, "documents", enabled=self.show).__enter__()

    def batch_done(self, index: int, items: list[InputFile], result: BatchResult | None,
                   error: str | None) -> None:
        logger = get_run_logger()
        if result is None:
            logger.error("batch %d failed; its %d files stay pending for the next run: %s",
                         index, len(items), error)
            return
        self.bar.advance(len(items))
        self.tracker.advance(len(items))
        logger.info("batch %d: %d kept candidates, %d rejects", index, len(result.candidates), len(result.rejects))

    def batches_over(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def publish_artifacts(out: Path, manifest: dict[str, Any]) -> None:
    """The run's counts per stage as a table and its report as markdown."""
    create_table_artifact(stage_counts(manifest), key="hanflow-counts",
                          description=f"Counts per stage, run {manifest['run_id']}")
    create_markdown_artifact(run_report(out, manifest), key="hanflow-report",
                             description=f"Report, run {manifest['run_id']}")
