"""What the Prefect UI shows for a build: run name and tags, artifacts, a progress bar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from uuid import UUID

from prefect import runtime
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.client.orchestration import get_client
from prefect.context import FlowRunContext

from hanflow.report import run_report, stage_counts

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


def publish_artifacts(out: Path, manifest: dict[str, Any]) -> None:
    """The run's counts per stage as a table and its report as markdown."""
    create_table_artifact(stage_counts(manifest), key="hanflow-counts",
                          description=f"Counts per stage, run {manifest['run_id']}")
    create_markdown_artifact(run_report(out, manifest), key="hanflow-report",
                             description=f"Report, run {manifest['run_id']}")
