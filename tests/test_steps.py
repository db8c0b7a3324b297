"""Each pipeline step as a plain function call."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanflow.annotate import language, record_id
from hanflow.decode import DecodeError, decode_bytes
from hanflow.extract.frontmatter import front_matter_metadata, split_front_matter
from hanflow.output import iso_date
from hanflow.sources import InputFile
from hanflow.steps import Options, Pipeline

TEXT = "江边的新公园今天开放，市民可以免费入园。"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5", "utf-16"])
def test_decode_round_trips_common_encodings(encoding: str) -> None:
    text = ("<html><body><p>交通部鐵道局規劃的山區觀光列車上週正式試營運，首週載客量突破一萬兩千人次。"
            "這條路線原本是運送木材的產業鐵道，停駛近三十年後，由地方政府與鐵道局共同出資修復。</p></body></html>")
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text.lstrip("\ufeff") == text


def test_decode_prefers_the_declared_charset() -> None:
    html = '<meta charset="gbk"><p>南湖区新建农贸市场</p>'.encode("gbk")
    decoded = decode_bytes(html)
    assert "农贸市场" in decoded.text and decoded.method == "declared"


@pytest.mark.parametrize(("data", "reason"), [(b"", "empty"), (b"  \n\t ", "empty"),
                                              (bytes(range(256)) * 20, "binary")])
def test_decode_rejects_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as err:
        decode_bytes(data)
    assert err.value.reason == reason


def test_front_matter_lifts_metadata() -> None:
    text = "---\ntitle: 标题\ndate: 2024-05-08\nauthors: [甲, 乙]\nurl: https://e.example/x\n---\n正文第一段。\n"
    fields, body, ok = split_front_matter(text)
    assert ok and body == "正文第一段。\n"
    assert front_matter_metadata(fields) == {
        "title": "标题", "author": "甲, 乙", "published": "2024-05-08", "url": "https://e.example/x"}


def test_broken_front_matter_is_reported_not_raised() -> None:
    fields, body, ok = split_front_matter("---\ntitle: [unclosed\n---\n正文。")
    assert not ok and fields == {} and body == "正文。"


def test_language_ratios() -> None:
    assert language(TEXT)["lang"] == "zh"
    assert language("The harbour opens at nine.")["lang"] == "en"
    mixed = language("我们用 GPT-4o 做了 evaluation of summaries with long English phrases here")
    assert mixed["lang"] == "mixed" and 0 < mixed["zh_ratio"] < 1


def test_record_id_is_stable() -> None:
    assert record_id(TEXT) == record_id(TEXT) != record_id(TEXT + "。")
    assert len(record_id(TEXT)) == 24


@pytest.mark.parametrize(("value", "iso"), [
    ("2023-11-21T14:40:00+08:00", "2023-11-21T14:40:00+08:00"),
    ("2024-05-08", "2024-05-08"),
    ("2024年5月8日 10:21", "2024-05-08T10:21:00"),
    ("no date here", None),
    (None, None),
])
def test_iso_date(value: str | None, iso: str | None) -> None:
    assert iso_date(value) == iso


def _process(tmp_path: Path, name: str, data: bytes, **options: object):
    path = tmp_path / name
    path.write_bytes(data)
    return Pipeline(Options(**options)).process(InputFile(name, path, len(data)))


def test_pipeline_converts_and_segments(tmp_path: Path) -> None:
    doc = _process(tmp_path, "a.txt", "山區鐵道觀光列車試營運，首週載客破萬人次。".encode())
    assert doc.reject is None
    assert doc.text == "山区铁道观光列车试营运，首周载客破万人次。"
    assert doc.annotations["script"] == "hant" and doc.annotations["converted_share"] > 0.2
    assert "".join(doc.tokens) == doc.text.replace(" ", "")


def test_pipeline_rejects_no_text(tmp_path: Path) -> None:
    page = b"<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>"
    doc = _process(tmp_path, "nav.html", page)
    assert doc.reject and doc.reject.reason == "no_text"


def test_discovery_rejects_oversized_and_unsupported(tmp_path: Path) -> None:
    from hanflow.build import build
    from tests.helpers import read_jsonl

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "big.txt").write_text(TEXT * 100, encoding="utf-8")
    (raw / "image.png").write_bytes(b"\x89PNG\r\n")
    (raw / "ok.txt").write_text(TEXT, encoding="utf-8")
    (raw / "binary.html").write_bytes(bytes(range(256)) * 3)
    build(raw, tmp_path / "out", Options(max_bytes=1000))
    reasons = {r["source"]: r["reason"] for r in read_jsonl(tmp_path / "out", "rejects")}
    assert reasons == {"big.txt": "too_large", "image.png": "unsupported_type", "binary.html": "binary"}


def test_markdown_markup_is_removed() -> None:
    from hanflow.extract.markdown import markdown_to_text

    source = ("## 采茶\n\n明前茶讲究**一芽一叶**，见[茶园](https://e.example/t)。\n\n"
              "- 第一项\n- 第二项\n\n![图](x.png)\n")
    assert markdown_to_text(source) == "采茶\n明前茶讲究一芽一叶，见茶园。\n第一项\n第二项"
