"""Processes of a run that do not outlive the process that started them.

`hanflow run` starts the flow's process, which starts a temporary Prefect server and worker
processes; killed from outside (even with SIGKILL), none of them must go on writing or
listening. Linux tells a process when its parent dies (PR_SET_PDEATHSIG); elsewhere these
do nothing, and `hanflow run`'s own signal handling still stops them.
"""

from __future__ import annotations

import contextlib
import signal

_PR_SET_PDEATHSIG = 1


def _on_parent_death(signum: int) -> None:
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signum)


def end_with_parent() -> None:
    """Call in a new process: it is killed when its parent dies."""
    _on_parent_death(signal.SIGKILL)


def stop_with_parent() -> None:
    """Call in a new process: it is asked to stop (SIGTERM) when its parent dies."""
    _on_parent_death(signal.SIGTERM)
