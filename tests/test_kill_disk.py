"""Disk full or unwritable output: a clear error, a non-zero exit, earlier output untouched.

A full disk is simulated with RLIMIT_FSIZE in a forked run: any write past the limit fails
with EFBIG, as a full disk fails with ENOSPC, wherever it happens (shards, manifest, SQLite);
a failure inside the commit transaction is simulated by an index write that raises.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hanflow.build import build, emit, plan, process_batch, resolve
from hanflow.build.store import StateError, Store
from hanflow.dedup import DedupIndex
from hanflow.steps import Options
from tests.hostile.runs import BATCH, Corpus, assert_same_as_reference, make_corpus, output_lines, state_rows

FORK = multiprocessing.get_context("fork")
FAILED = 3


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return make_corpus(tmp_path_factory.mktemp("disk"))


def _snapshot(out: Path) -> dict[str, str]:
    """Hash of every published file and of the state's rows (the SQLite file itself may be
    rewritten page by page without a change in content)."""
    files = {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
             for sub in ("corpus", "duplicates", "rejects", "runs") for p in (out / sub).glob("*")}
    return {**files, "state": repr(state_rows(out))}


def _full_index(*args: object) -> None:
    raise sqlite3.OperationalError("database or disk is full")


def _limited_run(raw: Path, out: Path, limit: int, report: Path) -> None:
    if limit:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    else:
        DedupIndex.add = _full_index
    try:
        build(raw, out, batch_size=BATCH)
    except OSError as exc:
        report.write_text(f"{type(exc).__name__}: {exc}")
        os._exit(FAILED)
    os._exit(0)


@pytest.mark.parametrize("limit", [8_000, 64_000, 0],
                         ids=["state-cannot-open", "shards-cannot-be-written", "index-write-fails"])
def test_full_disk_fails_cleanly_and_leaves_earlier_output(corpus: Corpus, tmp_path: Path, limit: int) -> None:
    out = tmp_path / "out"
    shutil.copytree(corpus.base_out, out)
    before = _snapshot(out)
    report = tmp_path / "error.txt"
    proc = FORK.Process(target=_limited_run, args=(corpus.raw, out, limit, report))
    proc.start()
    proc.join()
    assert proc.exitcode == FAILED
    message = report.read_text()
    assert "File too large" in message or "disk full" in message, message
    assert _snapshot(out) == before
    assert_same_as_reference(out, corpus)


@pytest.mark.slow
def test_cli_reports_an_unwritable_output_folder(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
                                                ) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("今天天气很好，我们去公园散步。\n", encoding="utf-8")
    out = tmp_path / "out"
    out.write_text("a file where the output folder should be\n")
    env = {**os.environ, "PREFECT_HOME": str(tmp_path_factory.getbasetemp() / "prefect-home"),
           "PREFECT_LOGGING_LEVEL": "ERROR"}
    proc = subprocess.run([str(Path(sys.executable).with_name("hanflow")), "run", "--raw", str(raw),
                           "--out", str(out)], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith(f"hanflow: --out {out} is a file, not a folder"), proc.stderr[-2000:]
    assert out.read_text() == "a file where the output folder should be\n"


def test_output_without_its_state_is_refused(tmp_path: Path) -> None:
    """Shards whose state was lost would be written again beside themselves: refuse, say why."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("今天天气很好，我们去公园散步。\n", encoding="utf-8")
    first = build(raw, tmp_path / "out")
    (tmp_path / "out" / "state.sqlite").unlink()
    with pytest.raises(StateError, match="--full"):
        build(raw, tmp_path / "out")
    assert build(raw, tmp_path / "out", full=True)["counts"]["kept"] == first["counts"]["kept"] == 1
    assert len(output_lines(tmp_path / "out")["corpus"]) == 1


def test_emit_retried_after_a_failed_publish(corpus: Corpus, tmp_path: Path, monkeypatch) -> None:
    """The flow retries emit when moving files fails after the commit: the retry must finish the
    publication, not record the run a second time."""
    out = tmp_path / "out"
    shutil.copytree(corpus.base_out, out)
    st = Store(out)
    try:
        with st.lock():
            p = plan(st, corpus.raw, Options(), BATCH)
            results = [process_batch(i, b, Options(), st.staging(p.run), p.run.run_id, p.first_seen(b))
                       for i, b in enumerate(p.batches)]
            verdicts = resolve(st, p, results, Options().dedup_threshold)
            real_publish = Store.publish
            monkeypatch.setattr(Store, "publish", lambda self, run_id: (_ for _ in ()).throw(OSError("EIO")))
            with pytest.raises(OSError):
                emit(st, p, results, verdicts, {})
            monkeypatch.setattr(Store, "publish", real_publish)
            emit(st, p, results, verdicts, {})
    finally:
        st.close()
    assert_same_as_reference(out, corpus)
