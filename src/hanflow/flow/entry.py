"""The process in which `hanflow run` runs its flow: `python -m hanflow.flow.entry SPEC`.

`hanflow.flow.launch` starts it once it holds the output folder's lock (for this process, which
dies with it) and knows there is work to do. Here: the Prefect API (the configured server, checked
first, or a temporary one for the length of the run), the flow run, then the summary, or one
sentence saying what went wrong. Told to stop (SIGUSR1, by the launcher), it stops the
batches and exits 130 without a word; the launcher says what happened.
"""

from __future__ import annotations

import contextlib
import json
import logging
import multiprocessing
import os
import signal
import sys
from pathlib import Path
from typing import Any

from hanflow.flow.server import ApiUnreachable, check_api, temporary_server
from hanflow.progress import STOP, clear_status, status
from hanflow.report import summary


def fail(message: str, code: int) -> int:
    clear_status()
    print(f"hanflow: {message}", file=sys.stderr, flush=True)
    return code


def _interrupt(signum: int, frame: Any) -> None:
    """Stop at once: batches on threads stop at their next document, worker processes are
    killed, and the flow run unwinds (Prefect marks it crashed). The commit protocol leaves
    the output folder to the next run's recovery."""
    if STOP.is_set():
        return
    STOP.set()
    logging.disable(logging.CRITICAL)
    for child in multiprocessing.active_children():
        child.kill()
    raise KeyboardInterrupt


def run(spec: dict[str, Any]) -> int:
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    configured = settings.api.url
    if configured:
        try:
            check_api(configured)
        except ApiUnreachable as exc:
            return fail(str(exc), 2)
        api = contextlib.nullcontext(configured)
    else:
        status("starting Prefect's temporary server…")
        api = temporary_server(settings.server.ephemeral.startup_timeout_seconds, database_url(settings))
    try:
        with api as url:
            return _run_flow(spec, url, bool(configured))
    except RuntimeError as exc:  # the temporary server did not start
        return fail(str(exc), 1)


def database_url(settings: Any) -> str:
    url = settings.server.database.connection_url
    return url.get_secret_value() if hasattr(url, "get_secret_value") else str(url or "")


def use_api(url: str) -> None:
    """Point this process, and every process it starts, at `url` for good (also the clean-up
    Prefect does at exit, which without a URL would start a server of its own)."""
    from prefect.context import refresh_global_settings_context

    os.environ["PREFECT_API_URL"] = url
    refresh_global_settings_context()


def _run_flow(spec: dict[str, Any], url: str, configured: bool) -> int:
    use_api(url)
    status("starting the flow run…")
    from prefect.utilities.urls import url_for

    from hanflow.flow import build_corpus as module
    from hanflow.flow import ui
    from hanflow.flow.recording import wait_until_recorded

    params, out = spec["params"], spec["params"]["out"]
    module.HELD_LOCKS.add(str(Path(out).resolve()))
    ui.SHOW_LINKS = configured
    try:
        state = module.build_corpus.with_options(flow_run_name=spec["name"])(**params, return_state=True)
    except Exception as exc:  # noqa: BLE001 - the API went away, or Prefect refused the run
        return fail(f"the run could not be started or reported ({type(exc).__name__}: {exc}); "
                    f"earlier output in {out} is intact; rerun with --verbose for Prefect's logs", 1)
    flow_run_id = state.state_details.flow_run_id
    code, manifest = _outcome(state, out)
    if code:
        wait_until_recorded(flow_run_id, 1, timeout=10)
        return code
    wait_until_recorded(flow_run_id, manifest["inputs"]["batches"] + 3 if manifest["run_id"] else 0)
    clear_status()
    link = url_for("flow-run", obj_id=flow_run_id) if configured else None
    print(summary(manifest, out, link), flush=True)
    return 0


def _outcome(state: Any, out: str) -> tuple[int, dict[str, Any]]:
    """(0, the manifest) for a completed run, else (exit code, {}) with the sentence said."""
    from hanflow.build.store import LockedError

    try:
        return 0, state.result()
    except LockedError as exc:
        return fail(str(exc), 2), {}
    except OSError as exc:
        return fail(f"the run could not complete: {exc}; earlier output in {out} is intact", 2), {}
    except Exception as exc:  # noqa: BLE001 - a failed flow run is reported, not dumped
        return fail(f"the run failed ({type(exc).__name__}: {exc}); earlier output in {out} is intact; "
                    "rerun with --verbose for Prefect's logs", 1), {}


def main() -> None:
    signal.signal(signal.SIGUSR1, _interrupt)
    try:
        code = run(json.loads(sys.argv[1]))
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:  # the summary's reader went away (`hanflow run | head -1`): the run is done
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    if STOP.is_set():
        os._exit(130)  # nothing more to say or to wait for: the launcher speaks
    sys.exit(code)


if __name__ == "__main__":
    main()
