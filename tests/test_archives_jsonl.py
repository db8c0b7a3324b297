"""JSON Lines exports and compressed single pages."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
from pathlib import Path

import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.build import build
from hanflow.readers.compressed import decompress_limited
from hanflow.readers.entries import RecordError
from hanflow.steps import Options
from tests.archives import write_jsonl
from tests.helpers import output_bytes, read_jsonl
from tests.state.model import article, page


def _lines(out: Path) -> dict[str, dict]:
    return {r["source"]: r for kind in ("corpus", "duplicates", "rejects") for r in read_jsonl(out, kind)}


def test_each_line_is_a_document_named_by_its_number(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    rows = [{"url": f"http://x.test/{i}", "html": page(article(i), i).decode()} for i in range(3)]
    rows.insert(1, {"url": "http://x.test/t", "text": "\n\n".join(article(9))})
    path = write_jsonl(raw / "export.jsonl", rows)
    path.write_bytes(path.read_bytes() + b"\n[1, 2]\n{\"url\": \"http://x.test/none\"}\n{not json\n")
    manifest = build(raw, out)
    lines = _lines(out)
    assert [lines[f"export.jsonl#{n}"]["url"] for n in (1, 2, 3, 4)] == [
        "http://x.test/0", "http://x.test/t", "http://x.test/1", "http://x.test/2"]
    assert all(lines[f"export.jsonl#{n}"]["reason"] == "bad_json_line" for n in (6, 7, 8))
    assert "JSON list" in lines["export.jsonl#6"]["detail"] and "'html', 'text'" in lines["export.jsonl#7"]["detail"]
    assert manifest["skipped_records"] == {"blank_line": 1} and len(lines) == 7
    assert all(r["fetched"] == "" for r in read_jsonl(out, "corpus"))


def test_the_page_field_is_an_option(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write_jsonl(raw / "scrapy.jsonl.gz", [{"url": "http://x.test/a", "body": page(article(1), 0).decode()},
                                          {"url": "http://x.test/b", "content": "\n\n".join(article(2))}])
    build(raw, tmp_path / "out", Options(jsonl_fields=("body", "content")))
    corpus = {r["url"]: r for r in read_jsonl(tmp_path / "out", "corpus")}
    assert set(corpus) == {"http://x.test/a", "http://x.test/b"}
    assert corpus["http://x.test/a"]["title"] == "标题0"  # read as HTML: it looks like a page
    build(raw, tmp_path / "default")
    assert {r["reason"] for r in read_jsonl(tmp_path / "default", "rejects")} == {"bad_json_line"}


def test_a_gzip_export_spreads_over_batches_with_the_same_output(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write_jsonl(raw / "e.jsonl.gz", [{"url": f"u{i}", "html": page(article(i), i).decode()} for i in range(11)])
    one, cut = build(raw, tmp_path / "one"), build(raw, tmp_path / "cut", batch_size=3)
    assert one["inputs"]["batches"] == 1 and cut["inputs"]["batches"] == 4
    assert output_bytes(tmp_path / "one") == output_bytes(tmp_path / "cut")
    assert len(read_jsonl(tmp_path / "cut", "corpus")) == 11


def test_a_truncated_gzip_export_keeps_its_readable_lines(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    data = "".join(f'{{"url": "u{i}", "text": "{"".join(article(i))}"}}\n' for i in range(6)).encode()
    raw.mkdir()
    whole = gzip.compress(data)
    (raw / "cut.jsonl.gz").write_bytes(whole[: len(whole) * 2 // 3])
    build(raw, tmp_path / "out")
    lines = _lines(tmp_path / "out")
    reasons = sorted(r.get("reason", "kept") for r in lines.values())
    assert reasons.count("truncated_record") == 1 and 1 <= reasons.count("kept") < 6, reasons


_COMPRESS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress,
             ".zst": lambda b: zstandard.ZstdCompressor().compress(b)}


@pytest.mark.parametrize("suffix", sorted(_COMPRESS))
def test_a_compressed_page_is_the_page(tmp_path: Path, suffix: str) -> None:
    plain, packed = tmp_path / "plain", tmp_path / "packed"
    plain.mkdir(), packed.mkdir()
    html, text = page(article(4), 2), "\n\n".join(article(5)).encode("gbk")
    (plain / "a.html").write_bytes(html)
    (packed / f"b.html{suffix}").write_bytes(_COMPRESS[suffix](html))
    (packed / f"c.txt{suffix}").write_bytes(_COMPRESS[suffix](text))
    (packed / f"d.HTML{suffix}").write_bytes(_COMPRESS[suffix](html)[:-12])
    build(plain, tmp_path / "out-plain")
    build(packed, tmp_path / "out")
    lines, (reference,) = _lines(tmp_path / "out"), read_jsonl(tmp_path / "out-plain", "corpus")
    same = ("id", "text", "title", "source_sha256", "encoding")
    assert {k: lines[f"b.html{suffix}"][k] for k in same} == {k: reference[k] for k in same}
    assert lines[f"c.txt{suffix}"]["encoding"] == "gb18030"
    assert lines[f"d.HTML{suffix}"]["reason"] == "corrupt_compressed"


@pytest.mark.parametrize("suffix", sorted(_COMPRESS))
def test_a_decompression_bomb_is_too_large_not_out_of_memory(tmp_path: Path, suffix: str) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / f"bomb.html{suffix}").write_bytes(_COMPRESS[suffix](b"<p>" + b"a" * 5_000_000))
    build(raw, tmp_path / "out", Options(max_bytes=1_000_000))
    (reject,) = read_jsonl(tmp_path / "out", "rejects")
    assert reject["reason"] == "too_large" and "inflates" in reject["detail"]


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=5000), parts=st.integers(1, 3), limit=st.integers(0, 12_000),
       suffix=st.sampled_from(sorted(_COMPRESS)))
def test_inflation_within_the_limit_gives_the_bytes_back(data: bytes, parts: int, limit: int, suffix: str) -> None:
    """Members or streams one after the other are one file; past the limit, too_large."""
    blob = b"".join(_COMPRESS[suffix](data) for _ in range(parts))
    try:
        got = decompress_limited(io.BytesIO(blob), suffix, limit)
    except RecordError as exc:
        assert exc.reason == "too_large" and len(data) * parts > limit
    else:
        assert got == data * parts and len(got) <= limit


def test_the_command_refuses_an_empty_field_list(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from hanflow.cli import app

    (tmp_path / "raw").mkdir()
    result = CliRunner().invoke(app, ["run", "--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "o"),
                                      "--jsonl-field", " , "])
    assert result.exit_code == 2 and "--jsonl-field names no field" in result.output


@pytest.mark.usefixtures("prefect_harness")
def test_the_flow_reads_the_fields_it_is_given(tmp_path: Path) -> None:
    from hanflow.flow.build_corpus import build_corpus

    raw = tmp_path / "raw"
    write_jsonl(raw / "feed.jsonl", [{"url": "http://x.test/a", "body": page(article(3), 0).decode()}])
    manifest = build_corpus(raw=str(raw), out=str(tmp_path / "out"), jsonl_field="content, body", progress=False)
    assert manifest["counts"]["kept"] == 1 and list(manifest["options"]["jsonl_fields"]) == ["content", "body"]


def test_an_export_replaced_between_runs_is_read_anew(tmp_path: Path) -> None:
    """Cursors inside a gzip stream outlive a batch in the worker; a replaced file is never read
    through one of them."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_jsonl(raw / "e.jsonl.gz", [{"url": f"u{i}", "text": "\n\n".join(article(i))} for i in range(6)])
    build(raw, out, batch_size=2)
    write_jsonl(raw / "e.jsonl.gz", [{"url": f"v{i}", "text": "\n\n".join(article(60 + i))} for i in range(6)])
    build(raw, out, batch_size=2)
    corpus = read_jsonl(out, "corpus")
    assert sorted(r["url"] for r in corpus) == [f"v{i}" for i in range(6)]
    assert all(article(60 + int(r["url"][1:]))[0] in r["text"] for r in corpus)
