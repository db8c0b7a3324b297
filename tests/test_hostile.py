"""Hostile and broken input: every file ends as a record or a specific reject, nothing leaks out."""

from __future__ import annotations

import gzip
import http.server
import json
import os
import sqlite3
import threading
import unicodedata
from pathlib import Path

import pytest

from hanflow.build import build
from hanflow.document import Document
from hanflow.reasons import REASONS
from hanflow.sources import discover
from hanflow.steps import Options, Pipeline
from tests.hostile.corpus import CANARY, Case, write_hostile, write_outside, write_oversized

LIMIT = 5_000_000


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(f"<!ENTITY leak '{CANARY}'>".encode())

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def trap_server():
    """A local web server that records every request: a page must never make one."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.hits
    server.shutdown()


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory, trap_server):
    base = tmp_path_factory.mktemp("hostile")
    url, _ = trap_server
    cases = write_hostile(base / "raw", base / "outside", url)
    big = write_oversized(base / "raw", 10 * 1024 * 1024)
    cases[big.name] = big
    manifest = build(base / "raw", base / "out", Options(max_bytes=LIMIT))
    return cases, base / "out", manifest


def _lines(out: Path, kind: str) -> list[dict]:
    return [json.loads(line) for f in sorted((out / kind).glob("*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines()]


def _outcomes(out: Path) -> dict[str, list[dict]]:
    """Every emitted line by source, each tagged with its outcome."""
    found: dict[str, list[dict]] = {}
    for kind, tag in (("corpus", "record"), ("duplicates", "duplicate"), ("rejects", None)):
        for line in _lines(out, kind):
            found.setdefault(line["source"], []).append({**line, "outcome": tag or line["reason"]})
    return found


def _check(case: Case, emitted: list[dict]) -> None:
    assert len(emitted) == 1, f"{case.name} emitted {len(emitted)} lines"
    got = emitted[0]
    outcome = "record" if got["outcome"] == "duplicate" else got["outcome"]
    assert outcome in case.outcomes, f"{case.name}: {got.get('detail') or outcome}"
    if outcome == "record" and case.must_contain and got["outcome"] == "record":
        assert case.must_contain in got["text"], case.name


def test_every_input_is_accounted_for_once(hostile_run) -> None:
    cases, out, manifest = hostile_run
    found = _outcomes(out)
    assert set(found) == set(cases)
    assert all(len(lines) == 1 for lines in found.values())
    c = manifest["counts"]
    assert c["discovered"] == len(cases) == c["kept"] + c["duplicates"] + c["rejects"]


def test_each_input_ends_as_expected(hostile_run) -> None:
    cases, out, _ = hostile_run
    found = _outcomes(out)
    for case in cases.values():
        _check(case, found[case.name])


def test_rejects_name_a_known_specific_reason(hostile_run) -> None:
    _, out, manifest = hostile_run
    rejects = _lines(out, "rejects")
    assert {r["reason"] for r in rejects} <= set(REASONS) - {"internal_error"}, rejects
    assert all(r["detail"] for r in rejects)
    assert sum(manifest["rejects_by_reason"].values()) == len(rejects)


def test_nothing_outside_raw_is_read_or_fetched(hostile_run, trap_server) -> None:
    _, out, _ = hostile_run
    _, hits = trap_server
    assert hits == []
    for path in out.rglob("*"):
        if path.is_file() and path.name != "state.sqlite":
            assert CANARY.encode() not in path.read_bytes(), path.name
    assert "root:" not in "".join(r["text"] for r in _lines(out, "corpus"))


def test_oversized_input_is_rejected_unread(hostile_run) -> None:
    _, out, _ = hostile_run
    (reject,) = [r for r in _lines(out, "rejects") if r["source"] == "ten-mb-line.txt"]
    assert reject["reason"] == "too_large"
    assert str(LIMIT) in reject["detail"]


def _clean(value: str) -> bool:
    return all(ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs") for ch in value)


def test_emitted_text_is_clean_utf8(hostile_run) -> None:
    _, out, _ = hostile_run
    for f in (out / "corpus").glob("*.jsonl"):
        f.read_bytes().decode("utf-8")
    for rec in _lines(out, "corpus"):
        for key in ("text", "title", "author", "url"):
            assert rec[key] is None or _clean(rec[key]), (rec["source"], key)
        assert all(_clean(t) and t.strip() for t in rec["tokens"]), rec["source"]


def test_second_run_emits_nothing_new(hostile_run) -> None:
    cases, out, _ = hostile_run
    raw = out.parent / "raw"
    before = {kind: _lines(out, kind) for kind in ("corpus", "duplicates", "rejects")}
    manifest = build(raw, out, Options(max_bytes=LIMIT))
    assert manifest["counts"]["processed"] == 0
    assert manifest["counts"]["unchanged"] == len(cases)
    assert {kind: _lines(out, kind) for kind in before} == before


def test_raising_the_limit_processes_the_oversized_file(tmp_path: Path) -> None:
    write_oversized(tmp_path / "raw", 300_000)
    first = build(tmp_path / "raw", tmp_path / "out", Options(max_bytes=100_000))
    assert first["rejects_by_reason"] == {"too_large": 1}
    second = build(tmp_path / "raw", tmp_path / "out", Options(max_bytes=1_000_000))
    assert second["counts"]["kept"] == 1


def _swap_after_discovery(tmp_path: Path, swap) -> Document:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.html").write_text("<p>今天的新闻很短。</p>", encoding="utf-8")
    (item,) = list(discover(raw, 1_000))
    (raw / "page.html").unlink()
    swap(raw / "page.html")
    return Pipeline(Options(max_bytes=1_000)).process(item)


def test_a_link_swapped_in_after_discovery_is_not_followed(tmp_path: Path) -> None:
    secret = write_outside(tmp_path / "outside")
    doc = _swap_after_discovery(tmp_path, lambda p: p.symlink_to(secret))
    assert doc.reject and doc.reject.reason == "unreadable"
    assert CANARY not in doc.text


def test_a_pipe_swapped_in_after_discovery_is_not_read(tmp_path: Path) -> None:
    doc = _swap_after_discovery(tmp_path, os.mkfifo)
    assert doc.reject and doc.reject.reason == "unreadable"


def test_a_file_grown_after_discovery_is_rejected_not_loaded(tmp_path: Path) -> None:
    doc = _swap_after_discovery(tmp_path, lambda p: p.write_bytes(b"<p>x</p>" * 100_000))
    assert doc.reject and doc.reject.reason == "too_large"
    assert doc.data == b""


def test_touched_file_keeps_its_outcome(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("今天天气很好，我们去公园散步。\n", encoding="utf-8")
    build(raw, tmp_path / "out")
    os.utime(raw / "a.txt", ns=(1, 1))
    second = build(raw, tmp_path / "out")
    assert second["counts"]["touched"] == 1 and second["counts"]["processed"] == 0
    assert second["changes"] == {}
    conn = sqlite3.connect(tmp_path / "out" / "state.sqlite")
    assert conn.execute("SELECT kind, mtime_ns FROM sources").fetchall() == [("corpus", 1)]
    conn.close()


@pytest.mark.parametrize("damage", ["truncated", "bomb"])
def test_a_damaged_compressed_file_is_unchanged_on_the_next_run(tmp_path: Path, damage: str) -> None:
    """A compressed page rejected while it is read (cut short, or inflating past the limit)
    is read once: the next run finds it unchanged, as it finds any other reject."""
    raw = tmp_path / "raw"
    raw.mkdir()
    body = "<html><body><p>今天的天气很好，我们去公园散步。</p></body></html>".encode()
    data = gzip.compress(body)[:30] if damage == "truncated" else gzip.compress(b" " * 2_000_000 + body)
    (raw / "page.html.gz").write_bytes(data)
    (raw / "other.txt").write_text("今天的天气很好，我们去河边散步。\n", encoding="utf-8")
    first = build(raw, tmp_path / "out", Options(max_bytes=100_000))
    assert sum(first["rejects_by_reason"].values()) == 1
    second = build(raw, tmp_path / "out", Options(max_bytes=100_000))
    assert second["counts"]["processed"] == 0 and second["counts"]["unchanged"] == 2
