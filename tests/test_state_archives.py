"""Archives in the state model: an archive added, removed, replaced, renamed or touched, and the
output still mirrors the raw folder — every current record or line exactly once."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from hanflow.build import archives, build
from tests.archives import Capture, write_jsonl, write_warc
from tests.helpers import read_jsonl
from tests.hostile.runs import output_lines
from tests.state.model import article, clusters, page


def expected_sources(raw: Path) -> list[str]:
    """Every source the raw folder holds, found with warcio (not hanflow's reader): one per
    HTML response of a WARC, one per non-blank line of an export, one per other file."""
    found = []
    for path in sorted(p for p in raw.rglob("*") if p.is_file()):
        name = path.relative_to(raw).as_posix()
        if ".warc" in path.name:
            with open(path, "rb") as fh:
                found += [f"{name}#{r.rec_headers.get_header('WARC-Record-ID')}" for r in ArchiveIterator(fh)
                          if r.rec_type == "response"]
        elif path.name.endswith(".jsonl"):
            lines = path.read_text(encoding="utf-8").splitlines()
            found += [f"{name}#{n}" for n, line in enumerate(lines, 1) if line.strip()]
        else:
            found.append(name)
    return sorted(found)


def assert_mirrors(out: Path, raw: Path, tmp_path: Path) -> None:
    """The incremental output holds what a --full build holds, and every source once."""
    full = tmp_path / "full"
    shutil.rmtree(full, ignore_errors=True)
    build(raw, full, full=True)
    mine, theirs = output_lines(out), output_lines(full)
    assert sorted(json.loads(x)["source"] for v in mine.values() for x in v) == expected_sources(raw)
    assert clusters(out) == clusters(full)
    assert mine["rejects"] == theirs["rejects"]
    texts = {json.loads(x)["source"]: json.loads(x)["text"] for x in theirs["corpus"]}
    assert all(texts.get(r["source"], r["text"]) == r["text"] for r in map(json.loads, mine["corpus"]))


def _caps(seeds: list[int], chrome: int = 0) -> list[Capture]:
    return [Capture(f"http://site.test/{s}-{chrome}", page(article(s), chrome=chrome + s)) for s in seeds]


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    for seed in range(3):
        (raw / "pages").mkdir(parents=True, exist_ok=True)
        (raw / "pages" / f"p{seed}.html").write_bytes(page(article(seed), chrome=9))
    write_warc(raw / "crawl" / "2026-11.warc.gz", _caps([0, 10, 11]))  # 0: a copy of pages/p0.html
    write_jsonl(raw / "export.jsonl", [{"url": f"http://j.test/{s}", "html": page(article(s), 5).decode()}
                                       for s in (20, 21)])
    return raw


def _feed(out: Path, manifest: dict) -> list[tuple[str, str]]:
    path = out / "changes" / f"{manifest['run_id']}.jsonl"
    return sorted((c["op"], c["source"]) for c in map(json.loads, path.read_text().splitlines())) \
        if path.exists() else []


def _refuse_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("an archive was read")

    monkeypatch.setattr(archives, "_indexed", refuse)
    monkeypatch.setattr(archives, "_file_hash", refuse)


def test_an_unchanged_archive_costs_no_reading(raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    first = build(raw, out)
    assert first["counts"]["discovered"] == 3 + 3 + 2 and first["archives"]["indexed"] == 2
    _refuse_reading(monkeypatch)
    again = build(raw, out)
    assert again["counts"]["processed"] == 0 and again["counts"]["unchanged"] == 8
    assert again["archives"] == {"indexed": 0, "touched": 0, "unchanged": 2, "removed": 0}
    monkeypatch.undo()
    assert_mirrors(out, raw, tmp_path)


def test_an_archive_added_is_read_alone(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(raw, out)
    write_warc(raw / "crawl" / "2026-12.warc.gz", _caps([30, 31], chrome=1))
    manifest = build(raw, out)
    assert manifest["counts"]["new"] == 2 and manifest["counts"]["processed"] == 2
    assert manifest["archives"]["indexed"] == 1 and manifest["archives"]["unchanged"] == 2
    assert [op for op, _ in _feed(out, manifest)] == ["added", "added"]
    assert_mirrors(out, raw, tmp_path)


def test_an_archive_removed_takes_its_lines_and_hands_on_its_clusters(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(raw, out)
    warc_sources = {r["source"] for r in read_jsonl(out, "corpus") if ".warc.gz#" in r["source"]}
    (raw / "crawl" / "2026-11.warc.gz").unlink()
    manifest = build(raw, out)
    assert manifest["counts"]["deleted"] == 3 and manifest["archives"]["removed"] == 1
    assert not any(".warc.gz#" in s for s in expected_sources(raw))
    assert {s for op, s in _feed(out, manifest) if op == "removed"} >= warc_sources
    assert_mirrors(out, raw, tmp_path)
    again = build(raw, out)
    assert again["counts"]["processed"] == 0


def test_an_archive_replaced_is_indexed_again_and_only_its_new_records_read(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(raw, out)
    path = raw / "crawl" / "2026-11.warc.gz"
    old = path.read_bytes()
    write_warc(path, _caps([12], chrome=2))  # a new crawl under the same name
    path.write_bytes(old + path.read_bytes())  # the old records and one more (and its warcinfo)
    manifest = build(raw, out)
    assert manifest["archives"]["indexed"] == 1
    assert manifest["counts"]["processed"] == 1 and manifest["counts"]["touched"] == 3
    assert_mirrors(out, raw, tmp_path)
    write_warc(path, _caps([13], chrome=3))  # and then only another one
    manifest = build(raw, out)
    assert manifest["counts"]["deleted"] == 4 and manifest["counts"]["new"] == 1
    assert_mirrors(out, raw, tmp_path)


def test_an_archive_moved_moves_its_lines_unread(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(raw, out)
    before = {r["id"] for r in read_jsonl(out, "corpus")}
    (raw / "archive").mkdir()
    (raw / "crawl" / "2026-11.warc.gz").rename(raw / "archive" / "2026-11.warc.gz")
    (raw / "export.jsonl").rename(raw / "archive" / "export.jsonl")
    manifest = build(raw, out)
    assert manifest["counts"]["renamed"] == 5 and manifest["counts"]["processed"] == 0
    assert {op for op, _ in _feed(out, manifest)} == {"renamed"}
    assert {r["id"] for r in read_jsonl(out, "corpus")} == before
    assert_mirrors(out, raw, tmp_path)


def test_an_archive_touched_is_hashed_not_read(raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build(raw, out)
    path = raw / "crawl" / "2026-11.warc.gz"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    monkeypatch.setattr(archives, "_indexed", lambda *a: (_ for _ in ()).throw(AssertionError("re-indexed")))
    manifest = build(raw, out)
    assert manifest["archives"]["touched"] == 1 and manifest["counts"]["touched"] == 3
    assert manifest["counts"]["processed"] == 0
    monkeypatch.undo()
    _refuse_reading(monkeypatch)
    assert build(raw, out)["counts"]["unchanged"] == 8


def test_a_loose_file_and_an_archive_record_of_the_same_page_are_duplicates(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(raw, out)
    assert any({"pages/p0.html"} < group and any(".warc.gz#" in s for s in group) for group in clusters(out))


def test_after_a_repair_the_archives_are_indexed_again_and_nothing_changes(raw: Path, tmp_path: Path) -> None:
    from hanflow.build.repair import repair
    from hanflow.dedup import DEFAULT_THRESHOLD
    from tests.helpers import output_bytes

    out = tmp_path / "out"
    build(raw, out)
    before = output_bytes(out)
    repair(out, DEFAULT_THRESHOLD)
    manifest = build(raw, out)
    assert manifest["archives"]["indexed"] == 2 and manifest["changes"] == {}
    assert build(raw, out)["counts"]["processed"] == 0
    assert {json.loads(x)["id"] for v in output_lines(out).values() for x in v} == {
        json.loads(x)["id"] for v in before.values() for x in v.decode().splitlines()}
    assert_mirrors(out, raw, tmp_path)


def test_a_run_killed_while_reading_an_archive_is_finished_by_the_next(raw: Path, tmp_path: Path) -> None:
    from tests.test_state_model import _killed_run

    write_warc(raw / "crawl" / "2026-12.warc.gz", _caps(list(range(50, 62)), chrome=4))
    out = tmp_path / "out"
    for delay in (0.3, 1.0, 2.0):
        _killed_run(raw, out, delay)
        build(raw, out, batch_size=2)
        assert_mirrors(out, raw, tmp_path)
        shutil.rmtree(out)
