"""A corpus build: plan, process batches, deduplicate, emit — committed as one run.

`build()` runs the phases in this process (for tests, benchmarks and embedding hanflow
without Prefect); `hanflow.flow.build_corpus` runs the same phases (`run_phases`) as
Prefect tasks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from hanflow.build.batches import BatchResult, process_batch
from hanflow.build.commit import emit, resolve
from hanflow.build.manifest import make_manifest
from hanflow.build.phases import (
    BatchesFailed,
    LocalRunner,
    Observer,
    Settings,
    raise_if_failed,
    run_phases,
)
from hanflow.build.planning import Plan, batch_sizes, equal_batch_size, fixed_sizes, plan
from hanflow.build.store import open_output
from hanflow.sources import InputFile
from hanflow.steps import Options

__all__ = ["BatchResult", "BatchesFailed", "LocalRunner", "Observer", "Plan", "Settings", "batch_sizes",
           "build", "emit", "equal_batch_size", "fixed_sizes", "make_manifest", "plan", "process_batch",
           "raise_if_failed", "resolve", "run_phases"]


class _Callback(Observer):
    def __init__(self, on_batch: Callable[[BatchResult], None]) -> None:
        self.on_batch = on_batch

    def batch_done(self, index: int, items: list[InputFile], result: BatchResult | None,
                   error: str | None) -> None:
        if result is not None:
            self.on_batch(result)


def build(raw: Path, out: Path, options: Options | None = None, *, full: bool = False,
          batch_size: int | None = None, on_batch: Callable[[BatchResult], None] | None = None,
          ) -> dict[str, Any]:
    """One whole run in this process (no Prefect); returns the run manifest.

    Raises BatchesFailed after committing the others when a batch failed.
    """
    settings = Settings(full=full, batch_size=batch_size)
    with open_output(out, full) as store:
        manifest = run_phases(store, raw, options or Options(), settings, LocalRunner(),
                              _Callback(on_batch) if on_batch else None)
    raise_if_failed(manifest)
    return manifest
