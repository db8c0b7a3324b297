"""The Prefect API a run reports to: a configured server, checked before the run starts, or a
temporary one that lives as long as the run.

Prefect starts a temporary server by itself when no PREFECT_API_URL is set, but to do so the
flow's process imports the whole server (about 3 CPU-seconds it never uses). Here the
server is started as its own process, the way Prefect starts it, without importing it here.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from hanflow.flow.lifetime import stop_with_parent

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
    back = ("unset PREFECT_API_URL in the environment" if os.environ.get("PREFECT_API_URL")
            else "prefect config unset PREFECT_API_URL")
    raise ApiUnreachable(
        f"the Prefect API at {url} does not answer ({why}); start that server (prefect server start), "
        f"or go back to a temporary server for each run: {back}")


_REVISION = re.compile(r"^revision\s*=\s*['\"]([0-9a-f]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(.+)$", re.M)


def _migration_head(versions: Path) -> str | None:
    """The one head of Prefect's SQLite migrations (a revision no other revises), if exactly one."""
    revisions, revised = set(), set()
    for path in versions.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if found := _REVISION.search(text):
            revisions.add(found.group(1))
        if down := _DOWN.search(text):
            revised.update(re.findall(r"[0-9a-f]{6,}", down.group(1)))
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


def database_is_current(connection_url: str) -> bool:
    """True when the server's SQLite database is already at the newest migration, so that the
    temporary server can skip the migration check (about a CPU-second). Anything else (another
    database, a Prefect whose migrations cannot be read): False, and the server migrates."""
    if not connection_url.startswith("sqlite") or ":memory:" in connection_url:
        return False
    db = Path(connection_url.split(":///", 1)[-1])
    spec = importlib.util.find_spec("prefect")
    if not db.is_file() or spec is None or not spec.submodule_search_locations:
        return False
    versions = Path(spec.submodule_search_locations[0]) / "server" / "database" / "_migrations" / "versions" / "sqlite"
    head = _migration_head(versions)
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return head is not None and rows == [(head,)]


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(port: int, current: bool) -> subprocess.Popen[bytes]:
    env = {**os.environ, **TEMPORARY_SERVER_ENV}
    if current:
        env["PREFECT_API_DATABASE_MIGRATE_ON_START"] = "false"
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on"],
        env=env, stdin=subprocess.DEVNULL, start_new_session=True,  # away from the terminal's Ctrl-C
        preexec_fn=stop_with_parent)


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextlib.contextmanager
def temporary_server(timeout: float, connection_url: str = "") -> Iterator[str]:
    """A Prefect server for the length of the block, on a free local port; yields its API URL.

    The server reads the same Prefect settings (environment, profile) as this process, so it
    records into the same database as Prefect's own temporary server would
    (`connection_url`, to know whether it needs migrating).
    """
    deadline = time.monotonic() + timeout
    current = database_is_current(connection_url)
    process, url = None, ""
    try:
        while True:
            port = _free_port()
            url = f"http://127.0.0.1:{port}/api"
            process = _start(port, current)
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
