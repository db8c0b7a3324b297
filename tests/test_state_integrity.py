"""Damaged state and hand-edited output are refused in a sentence; --repair rebuilds the state."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from hanflow.build import build
from hanflow.build.repair import repair
from hanflow.build.store import StateError, output_lock, shard_files
from hanflow.dedup import DEFAULT_THRESHOLD
from tests.hostile.runs import output_lines
from tests.state.model import article, page


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    raw, out = tmp_path / "raw", tmp_path / "out"
    for seed in range(6):
        for copy in range(1 + seed % 2):
            (raw / f"f{seed}").mkdir(parents=True, exist_ok=True)
            (raw / f"f{seed}" / f"copy-{copy}.html").write_bytes(page(article(seed), chrome=copy))
    (raw / "empty.txt").write_bytes(b"")
    (raw / "notes.pdf").write_bytes(b"%PDF-1.4")
    build(raw, out)
    return raw, out


def _empty_file(out: Path) -> None:
    for name in ("state.sqlite", "state.sqlite-wal", "state.sqlite-shm"):
        (out / name).unlink(missing_ok=True)
    (out / "state.sqlite").write_bytes(b"")


def _fresh_database(out: Path) -> None:
    """What opening a missing path with any SQLite tool leaves behind."""
    for name in ("state.sqlite", "state.sqlite-wal", "state.sqlite-shm"):
        (out / name).unlink(missing_ok=True)
    sqlite3.connect(out / "state.sqlite").execute("PRAGMA user_version = 0").connection.close()


def _garbage(out: Path) -> None:
    data = bytearray((out / "state.sqlite").read_bytes())
    data[100:4000] = os.urandom(3900)
    (out / "state.sqlite").write_bytes(bytes(data))
    for name in ("state.sqlite-wal", "state.sqlite-shm"):
        (out / name).unlink(missing_ok=True)


def _shard_deleted(out: Path) -> None:
    next((out / "corpus").glob("*.jsonl")).unlink()


def _shard_edited(out: Path) -> None:
    shard = next((out / "corpus").glob("*.jsonl"))
    shard.write_text("\n".join(shard.read_text().splitlines()[1:]) + "\n")


def _shard_copied(out: Path) -> None:
    shard = next((out / "corpus").glob("*.jsonl"))
    shutil.copy(shard, shard.with_name("part-00009-0000.jsonl"))


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "state-emptied": (_empty_file, "no run state"),
    "state-fresh-database": (_fresh_database, "empty"),
    "state-garbage": (_garbage, "damaged"),
    "shard-deleted": (_shard_deleted, "missing"),
    "shard-edited": (_shard_edited, "changed outside hanflow"),
    "shard-copied": (_shard_copied, "not in the run state"),
}


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_damage_is_refused_with_a_sentence_and_output_untouched(built: tuple[Path, Path], name: str) -> None:
    raw, out = built
    damage, words = DAMAGE[name]
    damage(out)
    before = {n: (out / n).read_bytes() for n in shard_files(out)}
    with pytest.raises(StateError) as caught:
        build(raw, out)
    message = str(caught.value)
    assert words in message and "--repair" in message and "--full" in message, message
    assert "\n" not in message
    assert {n: (out / n).read_bytes() for n in shard_files(out)} == before


@pytest.mark.parametrize("name", sorted(set(DAMAGE) - {"shard-deleted", "shard-edited"}))
def test_repair_restores_a_state_from_which_nothing_new_is_emitted(built: tuple[Path, Path], name: str) -> None:
    """Damage that leaves every line in place: after --repair the next run changes nothing."""
    raw, out = built
    expected = output_lines(out)
    DAMAGE[name][0](out)
    with output_lock(out):
        report = repair(out, DEFAULT_THRESHOLD)
    assert report.sources == sum(map(len, expected.values())), report.summary()
    manifest = build(raw, out)
    assert manifest["changes"] == {} and manifest["counts"]["processed"] <= 1  # the unread .pdf reject
    assert output_lines(out) == expected
    again = build(raw, out)
    assert again["counts"]["unchanged"] == again["counts"]["discovered"]


def test_repair_after_a_lost_shard_keeps_every_other_line_and_the_next_run_restores_it(
        built: tuple[Path, Path]) -> None:
    raw, out = built
    expected = output_lines(out)
    _shard_deleted(out)
    with output_lock(out):
        repair(out, DEFAULT_THRESHOLD)
    manifest = build(raw, out)
    assert manifest["counts"]["new"] > 0
    assert output_lines(out) == expected


def test_a_repaired_folder_never_reuses_a_shard_name(built: tuple[Path, Path]) -> None:
    raw, out = built
    names = set(shard_files(out))
    _fresh_database(out)
    with output_lock(out):
        repair(out, DEFAULT_THRESHOLD)
    (raw / "f9").mkdir()
    (raw / "f9" / "new.html").write_bytes(page(article(99), chrome=0))
    manifest = build(raw, out)
    assert manifest["seq"] > max(int(n.split("-")[1]) for n in names)
    assert not (set(manifest["shards"]["corpus"]) & {n.split("/")[1] for n in names})


def test_repair_drops_a_doubled_line(built: tuple[Path, Path]) -> None:
    raw, out = built
    expected = output_lines(out)
    _shard_copied(out)
    with output_lock(out):
        report = repair(out, DEFAULT_THRESHOLD)
    assert report.dropped and report.rewritten
    assert output_lines(out) == expected
    assert build(raw, out)["changes"] == {}


def _hanflow(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(Path(sys.executable).with_name("hanflow")), "run", *args], env=env,
                          capture_output=True, text=True, timeout=300)


def test_cli_refuses_damaged_state_before_starting_prefect_and_repairs(
        built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> None:
    raw, out = built
    env = {**os.environ, "PREFECT_HOME": str(tmp_path_factory.getbasetemp() / "prefect-home"),
           "PREFECT_LOGGING_LEVEL": "ERROR"}
    _garbage(out)
    proc = _hanflow("--raw", str(raw), "--out", str(out), env=env)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hanflow: the run state") and "--repair" in lines[0], proc.stderr
    proc = _hanflow("--raw", str(raw), "--out", str(out), "--repair", env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "rebuilt the run state" in proc.stderr
