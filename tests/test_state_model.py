"""The output mirrors the raw folder: edits, deletions, renames and additions between runs."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import random
import shutil
import signal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hanflow.build import build, shards
from hanflow.build.store import Store
from tests.helpers import read_jsonl
from tests.hostile.runs import output_lines
from tests.state.model import article, assert_mirrors, clusters, page

FORK = multiprocessing.get_context("fork")


def _write(raw: Path, name: str, data: bytes) -> None:
    (raw / name).parent.mkdir(parents=True, exist_ok=True)
    (raw / name).write_bytes(data)


def _family(raw: Path, seed: int, copies: int, prefix: str = "f") -> list[str]:
    names = [f"{prefix}{seed}/copy-{i}.html" for i in range(copies)]
    for i, name in enumerate(names):
        _write(raw, name, page(article(seed), chrome=i))
    return names


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    for seed in range(4):
        _family(raw, seed, copies=1 + seed % 3)
    _write(raw, "empty.html", b"")
    return raw


def _feed(out: Path, manifest: dict) -> list[dict]:
    path = out / "changes" / f"{manifest['run_id']}.jsonl"
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


def test_an_edit_replaces_the_old_record_and_is_never_its_own_duplicate(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(raw, out)
    old = {r["source"]: r for r in read_jsonl(out, "corpus")}["f0/copy-0.html"]
    paras = article(0)
    _write(raw, "f0/copy-0.html", page([*paras[:-1], paras[-1] + "记者补充：活动将持续到月底。"], chrome=0))
    manifest = build(raw, out)
    corpus = {r["source"]: r for r in read_jsonl(out, "corpus")}
    assert corpus["f0/copy-0.html"]["id"] != old["id"] and "持续到月底" in corpus["f0/copy-0.html"]["text"]
    assert all(d["source"] != "f0/copy-0.html" for d in read_jsonl(out, "duplicates"))
    assert old["id"] not in {r["id"] for r in corpus.values()}
    assert manifest["counts"]["changed"] == 1 and manifest["counts"]["processed"] == 1
    assert [(c["op"], c["previous_id"]) for c in _feed(out, manifest)] == [("updated", old["id"])]


def test_deleting_the_kept_record_hands_its_cluster_to_a_duplicate(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(raw, out)
    family = {"f2/copy-0.html", "f2/copy-1.html", "f2/copy-2.html"}
    assert family in clusters(out)
    kept = next(r["source"] for r in read_jsonl(out, "corpus") if r["source"] in family)
    (raw / kept).unlink()
    manifest = build(raw, out)
    assert family - {kept} in clusters(out)
    assert manifest["counts"]["deleted"] == 1 and manifest["counts"]["requeued"] == 2
    assert sum(1 for r in read_jsonl(out, "corpus") if r["source"] in family) == 1
    ops = {(c["op"], c["kind"], c["source"]) for c in _feed(out, manifest)}
    assert ("removed", "corpus", kept) in ops
    assert any(op == ("added", "corpus", s) for op in ops for s in family - {kept})
    assert_mirrors(out, _full(raw, tmp_path), raw)


def test_a_rename_moves_the_line_with_its_id_and_no_processing(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(raw, out)
    before = {r["source"]: r for r in read_jsonl(out, "corpus")}["f1/copy-0.html"]
    (raw / "f1/copy-0.html").rename(raw / "f1/renamed.html")
    manifest = build(raw, out)
    after = {r["source"]: r for r in read_jsonl(out, "corpus")}
    assert "f1/copy-0.html" not in after and after["f1/renamed.html"]["id"] == before["id"]
    assert manifest["counts"]["renamed"] == 1 and manifest["counts"]["processed"] == 0
    assert [(c["op"], c["source"], c["previous_source"]) for c in _feed(out, manifest)] == [
        ("renamed", "f1/renamed.html", "f1/copy-0.html")]


def test_only_the_shards_holding_changed_lines_are_rewritten(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(shards, "SHARD_LINES", 3)
    raw, out = tmp_path / "raw", tmp_path / "out"
    for seed in range(12):
        _family(raw, seed, copies=1)
    build(raw, out)
    before = {p.name: p.read_bytes() for p in (out / "corpus").glob("*.jsonl")}
    assert len(before) == 4
    (raw / "f5/copy-0.html").unlink()
    manifest = build(raw, out)
    after = {p.name: p.read_bytes() for p in (out / "corpus").glob("*.jsonl")}
    untouched = set(before) & set(after)
    assert len(untouched) == 3 and all(before[n] == after[n] for n in untouched)
    assert manifest["shards_rewritten"] == [f"corpus/{(set(before) - set(after)).pop()}"]
    assert sum(len(read_jsonl(out, "corpus")) for _ in [0]) == 11


def test_the_change_feed_keeps_a_copy_in_sync(raw: Path, tmp_path: Path) -> None:
    """A consumer that applies each run's feed to its copy (by kind and source, reading added,
    updated and renamed lines from the shard the feed names) holds what the output holds."""
    out, copy = tmp_path / "out", {}
    steps = [lambda: None,
             lambda: (raw / "f3/copy-0.html").unlink(),
             lambda: (raw / "f2/copy-1.html").rename(raw / "f2/moved.html"),
             lambda: _write(raw, "f0/copy-0.html", page(article(40), chrome=0)),
             lambda: _family(raw, 9, copies=2)]
    for step in steps:
        step()
        manifest = build(raw, out)
        for change in _feed(out, manifest):
            copy.pop((change["kind"], change["previous_source"] or change["source"]), None)
            if change["op"] != "removed":
                lines = [json.loads(x) for x in (out / change["shard"]).read_text().splitlines()]
                copy[(change["kind"], change["source"])] = next(x for x in lines if x["source"] == change["source"])
        held = {(k, r["source"]): r for k in ("corpus", "duplicates", "rejects") for r in read_jsonl(out, k)}
        assert copy == held


def _full(raw: Path, tmp_path: Path) -> Path:
    full = tmp_path / "full"
    build(raw, full, full=True)
    return full


def _killed_run(raw: Path, out: Path, delay: float) -> None:
    proc = FORK.Process(target=lambda: (build(raw, out, batch_size=2), os._exit(0)))
    proc.start()
    proc.join(delay)
    if proc.is_alive():
        os.kill(proc.pid, signal.SIGKILL)
    proc.join()


_CASES = itertools.count()
_OPS = st.lists(st.tuples(st.sampled_from(["add", "copy", "edit", "delete", "rename", "kill"]),
                          st.integers(0, 10_000)), min_size=3, max_size=7)


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=_OPS)
def test_any_sequence_of_changes_and_kills_mirrors_a_full_build(ops: list[tuple[str, int]], tmp_path: Path,
                                                                 ) -> None:
    """After every run — some of them killed at a random moment first — the output equals a
    --full build over the same raw folder, and holds no partial or doubled line."""
    root = tmp_path / f"case-{next(_CASES)}"
    raw, out = root / "raw", root / "out"
    for seed in range(3):
        _family(raw, seed, copies=2)
    build(raw, out, batch_size=2)
    for op, n in ops:
        files = sorted(p for p in raw.rglob("*") if p.is_file())
        target = files[n % len(files)] if files else None
        if op == "add" or target is None:
            _family(raw, 100 + n % 50, copies=1, prefix=f"n{n}-")
        elif op == "copy":
            _write(raw, f"c{n}/copy.html", page(article(n % 3), chrome=n % 7 + 3))
        elif op == "edit":
            target.write_bytes(page(article(200 + n % 5), chrome=n % 4))
        elif op == "delete":
            target.unlink()
        elif op == "rename":
            target.rename(target.with_name(f"r{n}-{target.name}"))
        else:
            _killed_run(raw, out, delay=random.Random(n).uniform(0.05, 0.6))
        build(raw, out, batch_size=2)
        assert_mirrors(out, _full(raw, root), raw)
        assert not any((out / ".work").glob("*"))
        shutil.rmtree(root / "full")
    output_lines(out)  # no partial line, no source twice


def _die_before_publishing(raw: Path, out: Path) -> None:
    Store.publish = lambda self, run_id: os.kill(os.getpid(), signal.SIGKILL)
    build(raw, out)
    os._exit(0)


def test_a_run_killed_after_its_commit_is_published_by_the_next(raw: Path, tmp_path: Path) -> None:
    """Between commit and publication the state already describes the new shards and the old
    ones still lie in place; the next run moves the new ones in and deletes the old."""
    out = tmp_path / "out"
    build(raw, out)
    (raw / "f2/copy-0.html").unlink()
    _write(raw, "f1/copy-0.html", page(article(77), chrome=1))
    proc = FORK.Process(target=_die_before_publishing, args=(raw, out))
    proc.start()
    proc.join()
    assert proc.exitcode == -signal.SIGKILL
    assert build(raw, out)["counts"]["processed"] == 0
    assert_mirrors(out, _full(raw, tmp_path), raw)
