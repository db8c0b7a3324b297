"""The Prefect API a run reports to: a configured server, checked before the run starts, or a
temporary one that lives as long as the run.

Prefect starts a temporary server by itself when no PREFECT_API_URL is set, but to do so the
flow's process imports the whole server (about 3 CPU-seconds it never uses). Here the
server is started as its own process, the way Prefect starts it, without importing it here.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

CHECK_TIMEOUT_S = 3.0

# Services a temporary server does not need for one run: automations and their actions,
# the event feed. Task runs (the task-run recorder) and logs are still recorded.
TEMPORARY_SERVER_ENV = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_EPHEMERAL": "1",
    "PREFECT__SERVER_FINAL": "1",
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}


class ApiUnreachable(RuntimeError):
    """The configured Prefect API does not answer."""


def check_api(url: str, timeout: float = CHECK_TIMEOUT_S) -> None:
    """Raise ApiUnreachable with a sentence unless `url` answers its health check in time."""
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/health", timeout=timeout) as response:
            if response.status == 200:
                return
            why = f"it answered HTTP {response.status}"
    except urllib.error.HTTPError as exc:
        why = f"it answered HTTP {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        why = f"{getattr(reason, 'strerror', None) or reason}".lower()
    raise ApiUnreachable(
        f"the Prefect API at {url} does not answer ({why}); start that server (prefect server start), "
        "or run without it: prefect config unset PREFECT_API_URL")


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """In the server process: stop when the process that started it dies (Linux only)."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _start(port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on"],
        env={**os.environ, **TEMPORARY_SERVER_ENV}, stdin=subprocess.DEVNULL,
        preexec_fn=_die_with_parent)


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextlib.contextmanager
def temporary_server(timeout: float) -> Iterator[str]:
    """A Prefect server for the length of the block, on a free local port; yields its API URL.

    The server reads the same Prefect settings (environment, profile) as this process, so it
    records into the same database as Prefect's own temporary server would.
    """
    deadline = time.monotonic() + timeout
    process, url = None, ""
    try:
        while True:
            port = _free_port()
            url = f"http://127.0.0.1:{port}/api"
            process = _start(port)
            while process.poll() is None and not _healthy(url):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the temporary Prefect server did not start within {timeout:.0f} s "
                                       "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)")
                time.sleep(0.1)
            if process.poll() is None:
                break
            if process.returncode != 3 or time.monotonic() > deadline:  # 3: the port was taken meanwhile
                raise RuntimeError(f"the temporary Prefect server exited at start (code {process.returncode}); "
                                   "rerun with --verbose to see why")
        yield url
    finally:
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
