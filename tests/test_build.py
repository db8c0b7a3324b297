"""The output contract of a whole run, in-process (the Prefect flow is tested in test_flow.py)."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import jsonschema
import pytest

from hanflow.build import build
from hanflow.build.store import FileState, FileStates
from hanflow.reasons import REASONS
from hanflow.schema import load
from tests.helpers import output_bytes, read_jsonl, sources

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "raw"


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("sample") / "processed"
    return out, build(RAW, out)


def test_every_input_is_accounted_for_exactly_once(sample_run: tuple[Path, dict]) -> None:
    out, manifest = sample_run
    found = sources(out)
    emitted = found["corpus"] + found["duplicates"] + found["rejects"]
    inputs = sorted(p.relative_to(RAW).as_posix() for p in RAW.rglob("*") if p.is_file())
    assert sorted(emitted) == inputs
    assert manifest["counts"]["discovered"] == len(inputs)
    assert manifest["counts"]["kept"] + manifest["counts"]["duplicates"] + manifest["counts"]["rejects"] \
        == len(inputs)


def test_records_match_the_published_schemas(sample_run: tuple[Path, dict]) -> None:
    out, _ = sample_run
    for kind, schema in (("corpus", "record"), ("duplicates", "duplicate"), ("rejects", "reject")):
        rows = read_jsonl(out, kind)
        assert rows, kind
        for row in rows:
            jsonschema.validate(row, load(schema))


def test_reject_schema_lists_every_reason() -> None:
    assert set(load("reject")["properties"]["reason"]["enum"]) == set(REASONS)


def test_sample_outcomes(sample_run: tuple[Path, dict]) -> None:
    out, manifest = sample_run
    corpus = {r["source"]: r for r in read_jsonl(out, "corpus")}
    dups = {d["source"]: d for d in read_jsonl(out, "duplicates")}
    original = corpus["news/city-bikes.html"]["id"]
    assert dups["reposts/city-bikes-repost.html"]["duplicate_of"] == original
    assert dups["reposts/city-bikes-repost.html"]["method"] == "exact"
    edited = dups["reposts/city-bikes-hk-edit.html"]
    assert (edited["duplicate_of"], edited["method"]) == (original, "minhash")
    assert 0.7 <= edited["similarity"] < 1
    assert manifest["rejects_by_reason"] == {"empty": 1}
    big5 = corpus["news/mountain-railway.big5.html"]
    assert big5["script"] == "hant" and big5["encoding"].startswith("big5")
    assert "铁道局" in big5["text"] and "鐵道局" not in big5["text"]
    assert big5["title"] == "山区铁道观光列车试营运 首周载客破万人次" and big5["author"] == "张文彬"
    gbk = corpus["news/market-renovation.gbk.html"]
    assert gbk["encoding"] == "gb18030" and "农贸市场" in gbk["text"]
    assert gbk["title"] == "南湖区今年将新建改建农贸市场十二个"
    md = corpus["blog/tea-garden-visit.md"]
    assert (md["title"], md["author"], md["published"]) == (
        "春天去茶园：一次关于采茶与制茶的小旅行", "苏禾", "2025-04-02T08:30:00.000+08:00")
    assert md["published_tz"] == "stated"
    assert corpus["en/harbour-report.html"]["lang"] == "en"


def test_boilerplate_is_gone_and_counted(sample_run: tuple[Path, dict]) -> None:
    out, manifest = sample_run
    text = {r["source"]: r["text"] for r in read_jsonl(out, "corpus")}["news/city-bikes.html"]
    for junk in ("当前位置", "ICP备", "分享到", "相关阅读", "网友评论"):
        assert junk not in text
    assert sum(manifest["removed_by_rule"].values()) > 0


def test_a_fresh_rerun_is_byte_identical(sample_run: tuple[Path, dict], tmp_path: Path) -> None:
    out, _ = sample_run
    again = tmp_path / "again"
    build(RAW, again)
    assert output_bytes(again) == output_bytes(out)


def test_second_run_is_incremental_and_full_rebuilds(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    out = tmp_path / "out"
    first = build(raw, out)
    second = build(raw, out)
    assert second["counts"]["processed"] == 0
    assert second["counts"]["unchanged"] == first["counts"]["discovered"]
    assert len(list((out / "runs").glob("*.json"))) == 2
    (raw / "news" / "extra.txt").write_text("一篇新加入的短文。\n讲的是另一件事情。", encoding="utf-8")
    third = build(raw, out)
    assert third["counts"]["processed"] == 1 and third["counts"]["kept"] == 1
    full = build(raw, out, full=True)
    assert full["counts"]["processed"] == first["counts"]["discovered"] + 1
    assert len(list((out / "runs").glob("*.json"))) == 1


def test_seeds_are_kept_with_metadata(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    manifest = build(seeds, out)
    assert manifest["counts"]["kept"] == 5
    corpus = {r["source"][:3]: r for r in read_jsonl(out, "corpus")}
    assert corpus["002"]["script"] == "hant"
    assert "微软" in corpus["002"]["text"] and "微軟" not in corpus["002"]["text"]
    fm = corpus["000"]
    assert fm["title"].startswith("微软零成本收购 OpenAI")
    assert fm["author"] == "Ben Thompson"
    assert fm["published"] == "2023-11-21T14:40:00.000+08:00"


def test_file_state_columns_give_back_the_file_states() -> None:
    states = [FileState("a/b.html", 10, 1_733_000_000_123_456_789, "ab" * 32, "reject"),
              FileState("中文.md", 0, -5, "", "kept"), FileState("c", 2**40, 0, "x", "reject")]
    columns = FileStates(states)
    assert list(columns) == states and columns[1] == states[1] and len(columns) == 3
    assert list(pickle.loads(pickle.dumps(columns))) == states and list(FileStates()) == []
