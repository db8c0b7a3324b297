"""What a person at a terminal sees while a run goes: a status line, then a bar of documents
done with rate and time left; nothing at all when the output is not a terminal.

Batches may run in other processes (or on other machines of a Dask cluster), so they tell
how far they got through small files beside their staging output (`BatchProgress`), which
the process that draws the bar reads (`read_progress`).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

PROGRESS_SUFFIX = ".progress"
WRITE_EVERY_S = 0.3


class Stopped(Exception):  # noqa: N818 - it is a signal, not an error
    """The run was interrupted; a batch running in this process stops at its next document."""


STOP = threading.Event()
"""Set when the run is interrupted: batches running on threads of this process stop."""


class BatchProgress:
    """Tells the bar how many documents of one batch are done (`process_batch`'s `report`).

    Writes a tiny file at most every WRITE_EVERY_S seconds (the batch's end is told by its
    result); pickles, so that it can travel to a worker process.
    """

    def __init__(self, path: Path) -> None:
        self.path, self._last = str(path), 0.0

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "_last": 0.0}

    def __call__(self, done: int) -> None:
        if STOP.is_set():
            raise Stopped("the run was interrupted")
        now = time.monotonic()
        if now - self._last < WRITE_EVERY_S:
            return
        self._last = now
        try:
            tmp = f"{self.path}.tmp"
            with open(tmp, "w") as fh:
                fh.write(str(done))
            os.replace(tmp, self.path)
        except OSError:
            pass  # progress is for people; a full disk fails the batch elsewhere


def read_progress(staging: Path) -> dict[int, int]:
    """Documents done so far by batch index, from the progress files of a run's batches."""
    done = {}
    for path in staging.glob(f"batch-*{PROGRESS_SUFFIX}"):
        try:
            done[int(path.name[6:11])] = int(path.read_text() or 0)
        except (OSError, ValueError):
            continue
    return done


def progress_path(staging: Path, index: int) -> Path:
    return staging / f"batch-{index:05d}{PROGRESS_SUFFIX}"


TERMINAL_ENV = "HANFLOW_TERMINAL"
"""Set to 1 for a process whose standard error reaches a terminal through a relay (`hanflow run`'s)."""


def on_terminal() -> bool:
    return sys.stderr.isatty() or os.environ.get(TERMINAL_ENV) == "1"


def status(text: str) -> None:
    """A one-line status on a terminal, replaced by whatever comes next (nothing elsewhere)."""
    if on_terminal():
        sys.stderr.write(f"\r\x1b[2K{text}")
        sys.stderr.flush()


def clear_status() -> None:
    if on_terminal():
        sys.stderr.write("\r\x1b[2K\x1b[?25h")
        sys.stderr.flush()


def figures(done: int, total: int, elapsed: float) -> str:
    """`120/400 · 35.2 docs/s · 8 s left`: count, rate and time left once there is a rate."""
    text = f"{done}/{total}"
    if done and elapsed > 0.5:
        rate = done / elapsed
        left = (total - done) / rate
        text += f" · {rate:.1f} docs/s · " + (f"{left:.0f} s left" if left < 120 else f"{left / 60:.0f} min left")
    return text


class Progress:
    """A status spinner, then a bar of documents with rate and time left, on standard error.

    `enabled=False` (not a terminal) shows nothing. `say` prints a line above the bar.
    """

    def __init__(self, enabled: bool) -> None:
        self._bar: Any = None
        self._task: Any = None
        if enabled:
            from rich.console import Console
            from rich.progress import BarColumn, SpinnerColumn, TextColumn
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                     TextColumn("{task.fields[figures]}"), transient=True,
                                     console=Console(stderr=True, force_terminal=True))

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def stage(self, text: str, total: int | None = None) -> None:
        """Show what the run is doing now; `total` makes it a bar that `update` moves."""
        if self._bar is None:
            return
        if self._task is not None:
            self._bar.remove_task(self._task)
        self._task = self._bar.add_task(text, total=total, figures=f"0/{total}" if total else "")
        self._started, self._total = time.monotonic(), total

    def update(self, done: int) -> None:
        if self._bar is None or self._task is None or not self._total:
            return
        self._bar.update(self._task, completed=done, figures=figures(done, self._total,
                                                                     time.monotonic() - self._started))

    def say(self, text: str) -> None:
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False)

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
