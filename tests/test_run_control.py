"""`hanflow run` as an operator meets it: a busy folder, nothing new, an unreachable Prefect API,
Ctrl-C, the words and exit codes of each, and what the next run finds."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from hanflow.build import build
from hanflow.build.store import output_lock
from tests.helpers import read_jsonl

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from load_corpus import write_corpus  # noqa: E402

RAW = Path(__file__).resolve().parents[1] / "raw"
N_RAW = sum(1 for p in RAW.rglob("*") if p.is_file())
HANFLOW = str(Path(sys.executable).with_name("hanflow"))


def _env(prefect_home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return {**env, "PREFECT_HOME": str(prefect_home), **extra}


def _run(args: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([HANFLOW, "run", *args], env=env, capture_output=True, text=True, timeout=timeout)


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_busy_output_folder_is_refused_in_one_sentence_before_prefect_starts(tmp_path: Path) -> None:
    out, home = tmp_path / "out", tmp_path / "prefect-home"
    with output_lock(out):
        result = _run(["--raw", str(RAW), "--out", str(out)], _env(home))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"hanflow: another hanflow run is writing to {out}; wait for it to finish or choose another --out folder"]
    assert sorted(p.name for p in out.iterdir()) == [".lock"]
    assert not home.exists()  # Prefect was never imported


def test_a_run_with_nothing_new_says_so_and_writes_nothing(tmp_path: Path) -> None:
    out, home = tmp_path / "out", tmp_path / "prefect-home"
    build(RAW, out)
    before = sorted((p.relative_to(out).as_posix(), p.stat().st_mtime_ns) for p in out.rglob("*.json*"))
    result = _run(["--raw", str(RAW), "--out", str(out)], _env(home))
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout == (f"nothing new: {N_RAW} files in {RAW}, all unchanged since the last run; "
                             f"{out} is as it was\n")
    assert sorted((p.relative_to(out).as_posix(), p.stat().st_mtime_ns) for p in out.rglob("*.json*")) == before
    assert not home.exists()


def test_a_run_finishes_what_a_killed_run_committed_before_saying_nothing_new(tmp_path: Path) -> None:
    """A run killed between its commit and moving its shards into place: the next `hanflow run`
    moves them (its look at the folder recovers first), then has nothing new to do."""
    from hanflow.build import store

    out = tmp_path / "out"
    publish = store.Store.publish
    store.Store.publish = lambda self, run_id: None  # the kill: committed, never published
    try:
        build(RAW, out)
    finally:
        store.Store.publish = publish
    assert not (out / "corpus").exists()
    result = _run(["--raw", str(RAW), "--out", str(out)], _env(tmp_path / "prefect-home"))
    assert result.returncode == 0 and result.stdout.startswith("nothing new:")
    sources = [r["source"] for kind in ("corpus", "duplicates", "rejects") for r in read_jsonl(out, kind)]
    assert len(sources) == len(set(sources)) == N_RAW
    assert not any((out / ".work").glob("*"))


def test_an_unreachable_prefect_api_is_named_in_one_sentence(tmp_path: Path) -> None:
    out, url = tmp_path / "out", f"http://127.0.0.1:{_free_port()}/api"
    result = _run(["--raw", str(RAW), "--out", str(out)], _env(tmp_path / "prefect-home", PREFECT_API_URL=url),
                  timeout=60)
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"hanflow: the Prefect API at {url} does not answer (")
    assert "prefect server start" in line and "unset PREFECT_API_URL" in line
    assert not (out / "corpus").exists() and not any((out / ".work").glob("*"))


def test_serving_without_a_server_says_how_to_start_one(tmp_path: Path) -> None:
    result = subprocess.run([HANFLOW, "serve", "--raw", str(RAW), "--out", str(tmp_path / "out"),
                             "--interval", "60"], env=_env(tmp_path / "prefect-home"),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "needs a Prefect server" in line and "prefect config set PREFECT_API_URL=" in line


def _tagged(tag: str) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            with contextlib.suppress(OSError):
                if f"HANFLOW_TEST_TAG={tag}".encode() in (proc / "environ").read_bytes():
                    found.append(int(proc.name))
    return found


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("interrupt") / "raw"
    write_corpus(raw, 400, seed=17, paras=(2, 4))
    return raw


@pytest.fixture()
def harness_api(prefect_harness: None) -> str:
    """The URL of the test session's Prefect server, for a `hanflow run` pointed at a server."""
    from prefect.settings import get_current_settings

    return str(get_current_settings().api.url)


@pytest.mark.usefixtures("prefect_harness")
def test_a_run_on_a_configured_server_links_to_its_flow_run(tmp_path: Path, harness_api: str) -> None:
    out = tmp_path / "out"
    result = _run(["--raw", str(RAW), "--out", str(out)],
                  _env(tmp_path / "prefect-home", PREFECT_API_URL=harness_api))
    assert result.returncode == 0, result.stderr
    link = result.stdout.splitlines()[-1]
    assert link.startswith(f"  in the Prefect UI: {harness_api.removesuffix('/api')}/runs/flow-run/")
    assert len(read_jsonl(out, "corpus")) > 0


@pytest.mark.slow
@pytest.mark.parametrize("workers,server", [(1, "configured"), (2, "temporary")])
def test_ctrl_c_stops_the_run_in_one_line_and_the_next_run_completes_it(
        pages: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest,
        workers: int, server: str) -> None:
    out, tag = tmp_path / "out", uuid.uuid4().hex
    api = {"PREFECT_API_URL": request.getfixturevalue("harness_api")} if server == "configured" else {}
    env = _env(tmp_path_factory.getbasetemp() / "prefect-home", HANFLOW_TEST_TAG=tag, **api)
    proc = subprocess.Popen([HANFLOW, "run", "--raw", str(pages), "--out", str(out), "--workers", str(workers),
                             "--batch-size", "20"], env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while proc.poll() is None and time.monotonic() < deadline and not any((out / ".work").glob("*/*.progress")):
        time.sleep(0.05)
    assert proc.poll() is None, proc.communicate()
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal does on Ctrl-C: the foreground process group
    stdout, stderr = proc.communicate(timeout=60)
    time.sleep(0.5)
    assert proc.returncode == 130 and stdout == ""
    assert stderr.splitlines() == [f"hanflow: interrupted; {out} keeps every committed run, and the next "
                                   "hanflow run finishes what this one started"]
    assert _tagged(tag) == []  # no flow process, server or worker is left
    assert not (out / "corpus").exists()

    build(pages, out)
    sources = [r["source"] for kind in ("corpus", "duplicates", "rejects") for r in read_jsonl(out, kind)]
    assert sorted(sources) == sorted(p.relative_to(pages).as_posix() for p in pages.rglob("*") if p.is_file())
    assert not any((out / ".work").glob("*"))
    manifests = sorted((out / "runs").glob("*.json"))
    assert len(manifests) == 1 and json.loads(manifests[0].read_text())["counts"]["processed"] == len(sources)
