"""SIGKILL a run at many moments, rerun, and compare with an uninterrupted run.

A base state (the first part of the corpus, committed) is copied for each scenario; the killed
run then processes the rest, so kills land in an incremental run with a dedup index to update.
Most runs are forked from this process (jieba and OpenCC already loaded) and either kill
themselves at an exact point of the commit protocol or are killed from outside when the output
folder reaches a given state or after a seeded random delay; one scenario kills `hanflow run`.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from hanflow.build import build, commit, phases, shards
from hanflow.build.store import Store
from hanflow.dedup import DedupIndex
from tests.hostile.runs import BATCH, EDITS, Corpus, assert_same_as_reference, make_corpus, output_lines, state_rows

FORK = multiprocessing.get_context("fork")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return make_corpus(tmp_path_factory.mktemp("kill"))


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _wrap(owner: object, name: str, *, before: bool = False, when: Callable[..., bool] = lambda *a: True) -> None:
    original = owner[name] if isinstance(owner, dict) else getattr(owner, name)

    def wrapper(*args, **kwargs):
        if before and when(*args):
            _die()
        result = original(*args, **kwargs)
        if not before and when(*args):
            _die()
        return result

    if isinstance(owner, dict):
        owner[name] = wrapper
    else:
        setattr(owner, name, wrapper)


def _replace_then_die(real: Callable[..., None]) -> Callable[..., None]:
    def replace(src, dst, *args, **kwargs):
        real(src, dst, *args, **kwargs)
        if "/.work/" not in str(dst):
            _die()
    return replace


def _arm(point: str) -> None:
    """Make this process SIGKILL itself at `point` of the run."""
    if point == "staged-batch-2":
        _wrap(phases.PHASES, "process", when=lambda index, *a: index == 2)
    elif point == "shard-half-written":
        _wrap(shards.ShardWriter, "add", when=lambda self, line: self.kind == "corpus" and self._lines == 7)
    elif point == "shard-written":
        _wrap(shards.ShardWriter, "flush", when=lambda self: self.names and self.directory.name == "corpus")
    elif point == "before-manifest":
        _wrap(commit, "write_json", before=True)
    elif point == "state-rows-uncommitted":
        _wrap(commit, "record_run")
    elif point == "index-rows-uncommitted":
        _wrap(DedupIndex, "add")
    elif point == "committed-unpublished":
        _wrap(Store, "publish", before=True)
    elif point == "mid-publish":
        os.replace = _replace_then_die(os.replace)
    elif point == "mid-delete":
        _wrap(Path, "unlink", when=lambda path, *a: "/.work/" not in str(path) and path.suffix == ".jsonl")
    elif point == "before-cleanup":
        _wrap(shutil, "rmtree", before=True, when=lambda path, *a: ".work" in str(path))
    elif point != "none":
        raise ValueError(point)


def _child(point: str, raw: Path, out: Path) -> None:
    _arm(point)
    build(raw, out, batch_size=BATCH)
    os._exit(0)


def _start(point: str, raw: Path, out: Path) -> multiprocessing.Process:
    proc = FORK.Process(target=_child, args=(point, raw, out))
    proc.start()
    return proc


def _kill_when(proc: multiprocessing.Process, ready: Callable[[], bool], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while proc.is_alive() and time.monotonic() < deadline and not ready():
        time.sleep(0.001)
    if proc.is_alive():
        os.kill(proc.pid, signal.SIGKILL)
    proc.join()


SELF_KILLS = [
    ("staged-batch-2",), ("shard-half-written",), ("shard-written",), ("before-manifest",),
    ("state-rows-uncommitted",), ("index-rows-uncommitted",), ("committed-unpublished",),
    ("mid-publish",), ("mid-delete",), ("before-cleanup",),
    ("mid-publish", "mid-publish"),  # killed again while recovering
    ("state-rows-uncommitted", "shard-half-written"),
]


@pytest.mark.parametrize("points", SELF_KILLS, ids=["+".join(p) for p in SELF_KILLS])
def test_kill_at_a_protocol_point(corpus: Corpus, tmp_path: Path, points: tuple[str, ...]) -> None:
    out = tmp_path / "out"
    shutil.copytree(corpus.base_out, out)
    for point in points:
        proc = _start(point, corpus.raw, out)
        proc.join()
        assert proc.exitcode == -signal.SIGKILL, f"the run was not killed at {point}"
    assert_same_as_reference(out, corpus)


def _wal_written(out: Path) -> Callable[[], bool]:
    wal = out / "state.sqlite-wal"
    return lambda: wal.exists() and wal.stat().st_size > 0


EXTERNAL = {
    "when-staging-out-appears": lambda out: lambda: any((out / ".work").glob("*/out")),
    "when-state-wal-grows": _wal_written,
}


@pytest.mark.parametrize("name", sorted(EXTERNAL))
def test_kill_when_output_folder_changes(corpus: Corpus, tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    shutil.copytree(corpus.base_out, out)
    _kill_when(_start("none", corpus.raw, out), EXTERNAL[name](out))
    assert_same_as_reference(out, corpus)


@pytest.mark.parametrize("draw", range(3))
def test_kill_at_a_random_moment(corpus: Corpus, tmp_path: Path, draw: int) -> None:
    delay = random.Random(20_251_125 + draw).uniform(0.05, 1.1) * corpus.ref_seconds
    out = tmp_path / "out"
    shutil.copytree(corpus.base_out, out)
    proc = _start("none", corpus.raw, out)
    deadline = time.monotonic() + delay
    _kill_when(proc, lambda: time.monotonic() >= deadline)
    assert_same_as_reference(out, corpus)


@pytest.mark.slow
def test_kill_the_cli_during_batches(corpus: Corpus, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
                                    ) -> None:
    """`hanflow run` (Prefect server included) killed as a process group mid-run."""
    out = tmp_path / "out"
    shutil.copytree(corpus.base_out, out)
    env = {**os.environ, "PREFECT_HOME": str(tmp_path_factory.getbasetemp() / "prefect-home"),
           "PREFECT_LOGGING_LEVEL": "WARNING"}
    cmd = [str(Path(sys.executable).with_name("hanflow")), "run", "--raw", str(corpus.raw), "--out", str(out),
           "--batch-size", str(BATCH)]
    proc = subprocess.Popen(cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    while proc.poll() is None and time.monotonic() < deadline and not any(
            (out / ".work").glob("*/batch-00003.jsonl")):
        time.sleep(0.005)
    assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    assert_same_as_reference(out, corpus)


def _reset_then_die(out: Path) -> None:
    _wrap(shutil, "rmtree", before=True, when=lambda path, *a: Path(path).name == "duplicates")
    build(out.parent / "raw", out, full=True, batch_size=BATCH)
    os._exit(0)


def test_kill_during_full_reset(corpus: Corpus, tmp_path: Path) -> None:
    """A `--full` killed half-way through deleting the old output is finished by the next run,
    which neither keeps old lines beside the new ones nor loses any."""
    out = tmp_path / "out"
    shutil.copytree(corpus.ref_out, out)
    (tmp_path / "raw").symlink_to(corpus.raw)
    proc = FORK.Process(target=_reset_then_die, args=(out,))
    proc.start()
    proc.join()
    assert proc.exitcode == -signal.SIGKILL
    assert (out / "duplicates").exists()
    build(corpus.raw, out, batch_size=BATCH)
    lines = output_lines(out)
    sources = [json.loads(line)["source"] for kind in lines.values() for line in kind]
    assert sorted(sources) == sorted(p.relative_to(corpus.raw).as_posix()
                                     for p in corpus.raw.rglob("*") if p.is_file())
    assert len(state_rows(out)["files"]) == len(sources)


def test_manifest_counts_every_batch(corpus: Corpus) -> None:
    manifest = json.loads(max((corpus.ref_out / "runs").glob("*.json")).read_text())
    counts = manifest["counts"]
    assert manifest["inputs"]["batches"] > 1
    # a renamed duplicate whose kept record left is filed again: deleted under its old name
    assert counts["changed"] == EDITS and counts["deleted"] + counts["renamed"] == 2 * EDITS
    assert counts["renamed"] > EDITS // 2 and counts["requeued"] > 0
    assert manifest["shards_rewritten"], "the changes reach committed shards, which are rewritten"
    assert sum(manifest["langs"].values()) == counts["kept"] + counts["duplicates"]
    assert sum(manifest["scripts"].values()) == counts["kept"] + counts["duplicates"]
