"""How a run is named in the Prefect UI and in its log lines, decided before it starts.

`corpus-2026-11-23T10:00 +37 files`: when it started and how many inputs it takes on;
`corpus-2026-11-23T10:00 nothing new` for a run that finds nothing to do.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

NOTHING_NEW = "nothing new"


def run_name(started: str | dt.datetime, n_files: int | None) -> str:
    """The name of a run that started at `started` and takes on `n_files` (None: nothing new)."""
    moment = dt.datetime.fromisoformat(started) if isinstance(started, str) else started
    return f"{bare_name(moment)} {what(n_files)}"


def bare_name(moment: dt.datetime) -> str:
    """The name before the count is known."""
    return f"corpus-{moment:%Y-%m-%dT%H:%M}"


def what(n_files: int | None) -> str:
    if n_files is None:
        return NOTHING_NEW
    return f"+{n_files} file{'s' if n_files != 1 else ''}"


def recount(name: str, n_files: int | None) -> str:
    """`name` with its count replaced (the start time stays)."""
    return f"{name.split(' ', 1)[0]} {what(n_files)}"


def planned_name(raw: Path, out: Path, max_bytes: int, full: bool, now: dt.datetime | None = None) -> str:
    """The name of a run about to start, from a look at the raw folder and the output's state
    that changes nothing (the run itself plans again, under the lock)."""
    from hanflow.build.planning import survey
    from hanflow.build.store import read_only_state

    moment = now or dt.datetime.now(dt.UTC)
    with read_only_state(out) as (conn, known):
        found = survey(None, {}, raw, max_bytes) if full else survey(conn, known, raw, max_bytes)
    return run_name(moment, None if found.nothing_to_do and not full else len(found.todo))
