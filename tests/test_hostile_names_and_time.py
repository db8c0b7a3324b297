"""Any file name the OS allows, and no document that can stall its batch."""

from __future__ import annotations

import json
import os
import re
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.build import build
from hanflow.report import summary
from hanflow.sources import InputFile, spell, unspell
from hanflow.steps import Extract, Options, Pipeline
from hanflow.timeout import Budget, DocumentTimeout
from tests.helpers import read_jsonl

TEXT = "江边的新公园今天开放，市民可以免费入园。公园里种了许多樱花树，周末游客很多。\n"
NAMES = {
    "gbk": "新闻稿".encode("gbk") + b".txt",
    "latin-1": "café-menü".encode("latin-1") + b".txt",
    "random": bytes([0xFF, 0xFE, 0x80, 0x41, 0xC3]) + b".md",
    "backslash": b"back\\slash.txt",
}


@pytest.mark.parametrize("label", sorted(NAMES))
def test_a_name_that_is_not_utf8_is_processed_spelled_and_stable(tmp_path: Path, label: str) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    os.makedirs(os.fsencode(raw) + b"/" + "子目录".encode("gbk"))
    name = os.fsencode(raw) + b"/" + "子目录".encode("gbk") + b"/" + NAMES[label]
    with open(name, "wb") as fh:
        fh.write(TEXT.encode("utf-8"))
    (raw / "plain.txt").write_text(TEXT.replace("樱花", "桃花"), encoding="utf-8")
    first = build(raw, tmp_path / "out")
    assert first["counts"]["processed"] == 2 and first["rejects_by_reason"] == {}
    source = next(r["source"] for k in ("corpus", "duplicates") for r in read_jsonl(tmp_path / "out", k)
                  if r["source"] != "plain.txt")
    assert os.fsencode(unspell(source)) == name[len(os.fsencode(raw)) + 1:]
    assert source.isprintable() and source.encode("utf-8")
    again = build(raw, tmp_path / "out")
    assert again["counts"]["unchanged"] == 2 and again["changes"] == {}


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\0" not in b))
def test_spelling_is_reversible_and_storable(name: bytes) -> None:
    text = os.fsdecode(name)
    spelled = spell(text)
    assert unspell(spelled) == text
    spelled.encode("utf-8")  # JSON and SQLite can store it
    if "\\" not in text:
        try:
            assert spelled == name.decode("utf-8")  # valid UTF-8 names stay as they are
        except UnicodeDecodeError:
            assert re.search(r"\\x[89a-f][0-9a-f]", spelled)


class _Stall:
    """An extract step that never finishes on one document (a pure-Python loop)."""

    def run(self, doc):  # noqa: ANN001, ANN201
        if "stall" in doc.source:
            while True:
                sum(range(1000))
        return Extract().run(doc)


class _Backtrack:
    """An extract step stuck in an exponential regular-expression match (C code)."""

    def run(self, doc):  # noqa: ANN001, ANN201
        if "stall" in doc.source:
            re.match(r"(a+)+$", "a" * 60 + "b")
        return Extract().run(doc)


def _items(tmp_path: Path) -> list[InputFile]:
    items = []
    for name in ("a.txt", "stall.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
        items.append(InputFile(name, tmp_path / name, len(TEXT.encode())))
    return items


def _pipeline(step: object, seconds: float) -> Pipeline:
    pipeline = Pipeline(Options(doc_timeout=seconds))
    pipeline.steps[2] = step
    return pipeline


@pytest.mark.parametrize("step", [_Stall(), _Backtrack()], ids=["python-loop", "regex-backtracking"])
def test_a_stalled_document_becomes_a_timeout_reject_on_the_main_thread(tmp_path: Path, step: object) -> None:
    start = time.monotonic()
    docs = list(_pipeline(step, 0.5).run(_items(tmp_path)))
    assert time.monotonic() - start < 10
    assert [d.reject.reason if d.reject else "ok" for d in docs] == ["ok", "timeout", "ok"]
    assert "0.5 s" in docs[1].reject.detail and f"in step {type(step).__name__.lower()}" in docs[1].reject.detail


def test_a_stalled_document_becomes_a_timeout_reject_on_a_worker_thread(tmp_path: Path) -> None:
    """The flow's one-worker task runner processes batches on a thread of its own."""
    found: list = []
    worker = threading.Thread(target=lambda: found.extend(_pipeline(_Stall(), 0.5).run(_items(tmp_path))))
    worker.start()
    worker.join(30)
    assert not worker.is_alive()
    assert [d.reject.reason if d.reject else "ok" for d in found] == ["ok", "timeout", "ok"]


def test_a_budget_spent_as_the_work_ends_leaves_no_exception_behind() -> None:
    """On a worker thread the budget's exception is injected asynchronously; one that fires
    just as the work finishes must be withdrawn, not raised later in unrelated code."""
    leaks: list[int] = []

    def work() -> None:
        for i in range(300):
            try:
                with Budget(0.002):
                    time.sleep(0.0015 + (i % 5) * 0.0002)
            except DocumentTimeout:
                pass  # spent inside the block: a timeout, as it should be
            try:
                sum(range(20_000))
                time.sleep(0.003)
            except DocumentTimeout:
                leaks.append(i)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert not worker.is_alive() and leaks == []


def test_hidden_files_and_folders_are_skipped_and_counted(tmp_path: Path) -> None:
    """Names that start with "." (.DS_Store, .git, an editor's swap file) are no inputs, in a
    hidden folder as beside it; the run says how many it skipped."""
    raw = tmp_path / "raw"
    (raw / ".cache").mkdir(parents=True)
    (raw / "sub" / ".git").mkdir(parents=True)
    (raw / "a.txt").write_text("今天天气很好，我们去公园散步。\n", encoding="utf-8")
    (raw / ".a.txt.swp").write_text("半截草稿\n", encoding="utf-8")
    (raw / ".cache" / "b.txt").write_text("缓存里的一页。\n", encoding="utf-8")
    (raw / "sub" / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    manifest = build(raw, tmp_path / "out")
    assert manifest["counts"]["discovered"] == 1 and manifest["counts"]["hidden"] == 3
    assert "skipped 3 hidden files and folders" in summary(manifest, tmp_path / "out")


def test_a_folder_that_cannot_be_listed_is_a_reject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its files are not lost without a word: the folder is one input, rejected as unreadable,
    and the records of what it held before stay. When the raw folder itself cannot be listed
    the run stops: it is no empty folder."""
    raw = tmp_path / "raw"
    (raw / "locked").mkdir(parents=True)
    (raw / "locked" / "lost.txt").write_text("锁住的文件夹里的一页。\n", encoding="utf-8")
    (raw / "a.txt").write_text("今天天气很好，我们去公园散步。\n", encoding="utf-8")
    scandir, locked = os.scandir, {os.fspath((raw / "locked").resolve())}

    def refusing(path: str | int = "."):  # (an open folder's descriptor: shutil's walks)
        if not isinstance(path, int) and os.fspath(path) in locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    first = build(raw, tmp_path / "out")
    assert first["counts"]["kept"] == 2
    monkeypatch.setattr(os, "scandir", refusing)
    manifest = build(raw, tmp_path / "out")
    assert manifest["rejects_by_reason"] == {"unreadable": 1} and manifest["counts"]["deleted"] == 0
    assert manifest["totals"] == {"corpus": 2, "duplicates": 0, "rejects": 1}  # unseen is not gone
    reject = json.loads(next((tmp_path / "out" / "rejects").glob("*.jsonl")).read_text(encoding="utf-8"))
    assert reject["source"] == "locked" and "cannot list the folder" in reject["detail"]
    locked.add(os.fspath(raw.resolve()))
    with pytest.raises(PermissionError):
        build(raw, tmp_path / "out")
    monkeypatch.setattr(os, "scandir", scandir)
    again = build(raw, tmp_path / "out")  # readable again: its files are as they were
    assert again["counts"]["processed"] == 0 and again["totals"] == {"corpus": 2, "duplicates": 0, "rejects": 0}


def test_a_file_named_like_a_line_of_an_export_keeps_a_source_of_its_own(tmp_path: Path) -> None:
    """`notes.jsonl#1` beside `notes.jsonl` was the source of both the file and the export's
    first line: one of them was lost, and every later run swapped them. The file's "#" is
    spelled `\\#`."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "notes.jsonl").write_text(json.dumps({"text": "今天的会议改到下午三点，地点不变，请大家准时参加。"}) + "\n",
                                     encoding="utf-8")
    (raw / "notes.jsonl#1").write_text("一个名字里带井号的普通文件。\n", encoding="utf-8")
    first = build(raw, tmp_path / "out")
    assert first["counts"]["failed"] == 0
    sources = sorted(r["source"] for kind in ("corpus", "rejects", "duplicates")
                     for r in read_jsonl(tmp_path / "out", kind))
    assert sources == ["notes.jsonl#1", "notes.jsonl\\#1"]
    second = build(raw, tmp_path / "out")
    assert second["counts"]["processed"] == 0 and second["counts"]["unchanged"] == 2
