"""Make sure the Prefect server has recorded a run's task runs before the process exits.

Task runs reach the server as events that its task-run recorder writes to the database a
little later. With the temporary server that `hanflow run` starts when no PREFECT_API_URL is
set, the server stops with the process, and task runs still queued would never appear in the
UI. So the CLI drains the client's event queue and waits (bounded) until the server lists
every task run of the flow run in a final state.
"""

from __future__ import annotations

import time
from uuid import UUID

from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
from prefect.events.worker import EventsWorker


def recorded_task_runs(flow_run_id: UUID) -> tuple[int, int]:
    """How many task runs of the flow run the server knows, and how many of them are final."""
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return len(runs), sum(1 for r in runs if r.state is not None and r.state.is_final())


def wait_until_recorded(flow_run_id: UUID, expected: int, timeout: float = 30.0) -> bool:
    """True once the server shows `expected` task runs in a final state, False after `timeout`."""
    EventsWorker.drain_all(timeout=timeout)
    deadline = time.monotonic() + timeout
    while True:
        total, final = recorded_task_runs(flow_run_id)
        if total >= expected and final == total:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.25)
