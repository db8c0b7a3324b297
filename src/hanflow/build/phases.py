"""The one orchestration of a run's phases: plan, process batches, deduplicate, emit.

`run_phases` decides what happens in which order; a `Runner` decides where each phase runs.
`LocalRunner` calls the phase functions in this process (`hanflow.build.build`); the Prefect
flow (`hanflow.flow.build_corpus`) supplies a runner that maps the same phases onto task
runs, one per phase and batch. An `Observer` hears of the plan and of each batch, for
progress bars, logs and the UI.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from hanflow.build.batches import BatchResult, process_batch
from hanflow.build.commit import emit, resolve
from hanflow.build.planning import Plan, plan
from hanflow.build.store import Store
from hanflow.sources import InputFile
from hanflow.steps import Options


class BatchesFailed(RuntimeError):
    """Some batches failed; the others were committed and the next run redoes only these."""


@dataclass(frozen=True)
class Settings:
    """How a run is carried out (what it computes is in `Options`)."""

    full: bool = False
    batch_size: int | None = None  # None: sized for `workers` by `batch_sizes`
    workers: int = 1
    runner: str = "local"


def plan_phase(store: Store, raw: Path, options: Options, batch_size: int | None, workers: int) -> Plan:
    """Finish or discard what a killed run left, check that state and shards agree, then plan."""
    store.recover()
    store.check()
    return plan(store, raw, options, batch_size, workers)


PHASES: dict[str, Callable[..., Any]] = {
    "plan": plan_phase,
    "process": process_batch,
    "deduplicate": resolve,
    "emit": emit,
}
"""Phase name -> the plain function that does it; runners look phases up here."""


class Runner(Protocol):
    def call(self, phase: str, *args: Any) -> Any:
        """Run one phase to its result."""

    def map(self, phase: str, calls: list[tuple]) -> Iterator[tuple[int, Any]]:
        """Run a phase once per argument tuple; yield (index, result or the exception raised),
        in the order they finish."""


class LocalRunner:
    """Every phase in this process, batches one after the other."""

    def call(self, phase: str, *args: Any) -> Any:
        return PHASES[phase](*args)

    def map(self, phase: str, calls: list[tuple]) -> Iterator[tuple[int, Any]]:
        for i, args in enumerate(calls):
            try:
                yield i, PHASES[phase](*args)
            except Exception as exc:  # noqa: BLE001 - a failed batch fails the run, after the others commit
                yield i, exc


class Observer:
    """Hears what a run is doing; the default hears and does nothing."""

    def planned(self, plan_: Plan, settings: Settings) -> None:
        """The plan is made: what will be processed, in how many batches."""

    def batch_done(self, index: int, items: list[InputFile], result: BatchResult | None,
                   error: str | None) -> None:
        """One batch finished (`result`) or failed (`error`, a sentence)."""

    def batches_over(self) -> None:
        """No more batches will finish (also after an exception)."""

    def reporter(self, index: int, staging: Path) -> Callable[[int], None] | None:
        """What batch `index` tells, document by document, how far it got (`process_batch`'s
        `report`); it may run in another process, so it must pickle. None: nothing is told."""
        return None


def describe_failure(index: int, items: list[InputFile], exc: BaseException) -> str:
    return f"batch {index} ({len(items)} files): {type(exc).__name__}: {exc}"


def run_phases(store: Store, raw: Path, options: Options, settings: Settings,
               runner: Runner | None = None, observer: Observer | None = None) -> dict[str, Any]:
    """One whole run on an opened output folder; returns the run manifest.

    A batch that fails does not stop the others: they are committed, the manifest lists the
    failure under `failed_batches`, and the caller decides how to fail (`raise_if_failed`).
    """
    runner, observer = runner or LocalRunner(), observer or Observer()
    t0 = time.perf_counter()
    p = runner.call("plan", store, raw, options, settings.batch_size, settings.workers)
    plan_s = time.perf_counter() - t0
    observer.planned(p, settings)
    results, failed = _process(p, store, options, runner, observer)
    p.drop_inputs()
    t1 = time.perf_counter()
    verdicts = runner.call("deduplicate", store, p, results, options.dedup_threshold)
    context = {"t0": t0, "plan_s": plan_s, "dedup_s": time.perf_counter() - t1, "raw": str(raw),
               "out": str(store.out), "full": settings.full, "runner": settings.runner,
               "options": asdict(options), "failed": failed}
    return runner.call("emit", store, p, results, verdicts, context)


def _process(p: Plan, store: Store, options: Options, runner: Runner, observer: Observer,
             ) -> tuple[list[BatchResult], list[str]]:
    """Every batch's result in batch order, and a sentence for each batch that failed."""
    staging = store.staging(p.run)
    calls = [(i, items, options, staging, p.run.run_id, p.first_seen(items), observer.reporter(i, staging))
             for i, items in enumerate(p.batches)]
    results, failed = [], []
    try:
        for i, outcome in runner.map("process", calls):
            if isinstance(outcome, BaseException):
                failed.append(describe_failure(i, p.batches[i], outcome))
                observer.batch_done(i, p.batches[i], None, failed[-1])
            else:
                results.append(outcome)
                observer.batch_done(i, p.batches[i], outcome, None)
    finally:
        observer.batches_over()
    return sorted(results, key=lambda r: r.index), failed


def raise_if_failed(manifest: dict[str, Any]) -> None:
    failed = manifest.get("failed_batches") or []
    if failed:
        raise BatchesFailed(f"{len(failed)} batches failed and will be retried by the next run; the others "
                            "were committed: " + "; ".join(failed))
