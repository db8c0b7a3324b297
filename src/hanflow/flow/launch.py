"""`hanflow run` before and around Prefect: refuse a busy output folder, find out whether there
is anything to do, then run the flow in a process of its own and stop it cleanly on Ctrl-C.

Nothing here imports Prefect, so a run that finds nothing new, or that cannot start, ends in
a fraction of a second. The flow's process (`hanflow.flow.entry`) ignores the terminal's
Ctrl-C, and so do its worker processes; its temporary Prefect server runs in a session of its
own. Ctrl-C (or SIGTERM, SIGHUP) is handled here: the flow's process is told to stop
(STOP_SIGNAL), and killed if it is still there after GRACE_S; its server and workers end with
it (`hanflow.flow.lifetime`), as they do when this process is killed. What they print after
the Ctrl-C is not shown: one line says what happened. Whatever the moment, the output folder
keeps every committed run, and the next run finishes or discards what the interrupted one left.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

from hanflow.build.planning import Survey, survey
from hanflow.build.repair import repair as rebuild
from hanflow.build.store import Store, output_lock
from hanflow.flow.lifetime import end_with_parent
from hanflow.flow.names import run_name
from hanflow.progress import TERMINAL_ENV, clear_status, on_terminal, status

GRACE_S = 5.0
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
STOP_SIGNAL = signal.SIGUSR1  # to the flow's process: stop now (SIGINT is the terminal's, SIGTERM Prefect's)


class RunStopped(Exception):  # noqa: N818 - a way out with a sentence, not a bug
    """The run ended without completing; `args[0]` says why, `code` is the exit status."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def interrupted_message(out: Path) -> str:
    return (f"interrupted; {out} keeps every committed run, and the next hanflow run "
            "finishes what this one started")


def look(raw: Path, out: Path, max_bytes: int, full: bool) -> Survey:
    """What the run would take on, holding the lock: first the leftovers of a killed run are
    finished or discarded, as the run itself would, and the state is checked against the
    shards (StateError, one sentence, when they disagree). `--full` takes on every file."""
    if full:
        return survey(None, {}, raw, max_bytes)
    store = Store(out, locked=True)
    try:
        store.recover()
        store.check()
        return survey(store.conn, store.sources(), raw, max_bytes)
    finally:
        store.close()


def launch(params: dict[str, Any], repair: bool = False) -> int:
    """Run build_corpus with `params` (its parameters) as `hanflow run` does; the exit status.

    `repair` first rebuilds the run state from the shards. Raises LockedError when another run
    holds the output folder, StateError when its state and shards disagree, RunStopped when
    interrupted. The lock is held here for the flow's process, which dies with this one.
    """
    raw, out = Path(params["raw"]), Path(params["out"])
    with output_lock(out):
        if repair:
            clear_status()
            print(f"hanflow: {rebuild(out, params['threshold']).summary()}", file=sys.stderr, flush=True)
        found = look(raw, out, params["max_bytes"], params["full"])
        if found.nothing_to_do and not params["full"]:
            clear_status()
            print(f"nothing new: {found.discovered} files in {raw}, all unchanged since the last run; "
                  f"{out} is as it was", flush=True)
            return 0
        status(f"{len(found.todo)} of {found.discovered} files in {raw} to process; starting the run…")
        spec = {"params": {**params, "progress": on_terminal()},
                "name": run_name(dt.datetime.now(dt.UTC), len(found.todo))}
        child = subprocess.Popen([sys.executable, "-m", "hanflow.flow.entry", json.dumps(spec)],
                                 env=_child_env(), stdin=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, preexec_fn=_flow_process_start)
        return supervise(child, out)


def _child_env() -> dict[str, str]:
    """The flow's process writes to a pipe that this process relays: tell it about the terminal."""
    env = dict(os.environ)
    if on_terminal():
        env[TERMINAL_ENV] = "1"
        env.setdefault("COLUMNS", str(shutil.get_terminal_size().columns))
    return env


class Relay(threading.Thread):
    """Copies what the flow's process (and its server and workers) write on standard error to
    this process's, until muted: after an interrupt, nothing of theirs reaches the screen."""

    def __init__(self, source: IO[bytes]) -> None:
        super().__init__(daemon=True, name="hanflow-stderr")
        self.source, self.muted = source, threading.Event()

    def run(self) -> None:
        fd = self.source.fileno()
        while data := os.read(fd, 65536):
            if not self.muted.is_set():
                os.write(sys.stderr.fileno(), data)


def _flow_process_start() -> None:
    """In the flow's process, before it runs: deaf to the terminal's Ctrl-C (its workers inherit
    that), and killed if this process dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_parent()


def _signal(child: subprocess.Popen[bytes], signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(child.pid, signum)


def supervise(child: subprocess.Popen[bytes], out: Path) -> int:
    """Wait for the flow's process; on SIGINT, SIGTERM or SIGHUP stop it and everything it
    started, within GRACE_S (at once on a second signal)."""
    received: list[tuple[int, float]] = []
    relay = Relay(child.stderr)
    relay.start()

    def on_signal(signum: int, frame: Any) -> None:
        relay.muted.set()
        if received:
            _signal(child, signal.SIGKILL)
            return
        received.append((signum, time.monotonic()))
        _signal(child, STOP_SIGNAL)

    previous = {s: signal.signal(s, on_signal) for s in STOP_SIGNALS}
    try:
        while True:
            try:
                code = child.wait(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                if received and time.monotonic() - received[0][1] > GRACE_S:
                    _signal(child, signal.SIGKILL)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    relay.join(timeout=2)
    if received:
        raise RunStopped(interrupted_message(out), 128 + received[0][0])
    if code < 0:
        raise RunStopped(f"the run was killed (signal {-code}); {out} keeps every committed run, and the "
                         "next hanflow run finishes what this one started", 1)
    return code
