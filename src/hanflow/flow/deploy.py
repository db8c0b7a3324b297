"""The build_corpus flow as a scheduled deployment, served from this process.

One run at a time per deployment: a scheduled run that comes due while another is still
going waits in the queue (ENQUEUE) instead of competing for the output folder's lock.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.deployments.runner import EntrypointType, RunnerDeployment
from prefect.schedules import Cron, Interval

from hanflow.flow.build_corpus import build_corpus
from hanflow.flow.ui import TAGS

DEPLOYMENT = "hanflow-scheduled"


def corpus_deployment(raw: Path, out: Path, *, cron: str | None = None, interval: float | None = None,
                      name: str = DEPLOYMENT, timezone: str = "UTC") -> RunnerDeployment:
    """A deployment of build_corpus over `raw` into `out`, on a cron schedule or every `interval` seconds."""
    if (cron is None) == (interval is None):
        raise ValueError("give exactly one of a cron expression or an interval in seconds")
    if interval is not None and interval <= 0:
        raise ValueError("the interval must be a positive number of seconds")
    schedule = Cron(cron, timezone=timezone) if cron else Interval(
        dt.timedelta(seconds=interval), timezone=timezone)
    return build_corpus.to_deployment(
        name=name,
        schedule=schedule,
        parameters={"raw": str(raw.resolve()), "out": str(out.resolve())},
        tags=list(TAGS),
        description=f"Incremental corpus build of {raw} into {out}.",
        concurrency_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE),
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
