"""The build_corpus flow as a scheduled deployment, served from this process.

One run at a time per deployment: a scheduled run that comes due while another is still
going waits in the queue (ENQUEUE) instead of competing for the output folder's lock.
"""

from __future__ import annotations

import datetime as dt
import inspect
from pathlib import Path
from typing import Any

from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.deployments.runner import EntrypointType, RunnerDeployment
from prefect.schedules import Cron, Interval

from hanflow.flow.build_corpus import build_corpus
from hanflow.flow.ui import TAGS

DEPLOYMENT = "hanflow-scheduled"
NOT_DEPLOYED = ("progress", "full")  # a terminal's bar; forgetting every earlier run on each schedule


def deployment_parameters(raw: Path, out: Path, options: dict[str, Any]) -> dict[str, Any]:
    """Every production parameter of build_corpus with its value: `options` over the defaults."""
    flow_params = inspect.signature(build_corpus.fn).parameters
    unknown = set(options) - set(flow_params)
    if unknown:
        raise ValueError(f"build_corpus has no parameter {', '.join(sorted(unknown))}")
    values = {k: p.default for k, p in flow_params.items() if k not in NOT_DEPLOYED}
    return {**values, **options, "raw": str(raw.resolve()), "out": str(out.resolve())}


def corpus_deployment(raw: Path, out: Path, *, cron: str | None = None, interval: float | None = None,
                      name: str = DEPLOYMENT, timezone: str = "UTC",
                      parameters: dict[str, Any] | None = None) -> RunnerDeployment:
    """A deployment of build_corpus over `raw` into `out`, on a cron schedule or every `interval` seconds.

    `parameters` are the other run options (workers, runner, config, ...); every parameter of
    the flow is stored with the deployment, so the UI shows the values its runs get.
    """
    if (cron is None) == (interval is None):
        raise ValueError("give exactly one of a cron expression or an interval in seconds")
    if interval is not None and interval <= 0:
        raise ValueError("the interval must be a positive number of seconds")
    schedule = Cron(cron, timezone=timezone) if cron else Interval(
        dt.timedelta(seconds=interval), timezone=timezone)
    return build_corpus.to_deployment(
        name=name,
        schedule=schedule,
        parameters=deployment_parameters(raw, out, parameters or {}),
        tags=list(TAGS),
        description=f"Incremental corpus build of {raw} into {out}.",
        concurrency_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE),
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
