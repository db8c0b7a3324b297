"""A progress bar on a terminal, nothing at all elsewhere."""

from __future__ import annotations

from types import TracebackType

from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress


class Progress:
    def __init__(self, total: int, unit: str, enabled: bool) -> None:
        self._bar = None
        if enabled and total:
            self._bar = RichProgress(TextColumn(f"[bold]{unit}"), BarColumn(), MofNCompleteColumn(),
                                     TimeRemainingColumn(), transient=True)
            self._task = self._bar.add_task(unit, total=total)

    def __enter__(self) -> Progress:
        if self._bar:
            self._bar.start()
        return self

    def advance(self, n: int) -> None:
        if self._bar:
            self._bar.advance(self._task, n)

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar:
            self._bar.stop()
