"""Bytes to text: BOM, declared charset, detection, damage and mojibake."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.decode import DecodeError, decode_bytes, repair_mojibake

ARTICLE = "市政府今天发布了新的公共交通规划，计划在五年内新建三条地铁线路，并优化现有公交网络。" * 8
TRAD = "市政府今天發布了新的公共交通規劃，計劃在五年內新建三條地鐵線路，並優化現有公交網絡。" * 8


def page(body: str, charset: str | None) -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    meta = meta if charset else ""
    return f"<html><head>{meta}<title>交通</title></head><body><p>{body}</p></body></html>"


def test_utf8_without_declaration() -> None:
    decoded = decode_bytes(page(ARTICLE, None).encode("utf-8"))
    assert (decoded.encoding, decoded.method) == ("utf-8", "utf-8")
    assert ARTICLE in decoded.text


@pytest.mark.parametrize(("bom", "codec"), [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_bom_wins(bom: bytes, codec: str) -> None:
    decoded = decode_bytes(bom + page(ARTICLE, "gbk").encode(codec))
    assert decoded.method == "bom"
    assert ARTICLE in decoded.text


def test_declared_gbk() -> None:
    decoded = decode_bytes(page(ARTICLE, "gb2312").encode("gb18030"))
    assert (decoded.encoding, decoded.method) == ("gb18030", "declared")
    assert ARTICLE in decoded.text


def test_declared_big5() -> None:
    decoded = decode_bytes(page(TRAD, "big5").encode("big5hkscs"))
    assert decoded.method == "declared"
    assert TRAD in decoded.text


def test_damaged_gbk_keeps_its_declared_charset() -> None:
    raw = page(ARTICLE, "gbk").encode("gb18030")
    cut = raw.index("交通规划".encode("gb18030"))
    damaged = raw[:cut] + b"\xff" + raw[cut:]
    decoded = decode_bytes(damaged)
    assert (decoded.encoding, decoded.method) == ("gb18030", "declared")
    assert "五年内新建三条地铁线路" in decoded.text


def test_wrapper_encoding_attribute_is_a_declaration() -> None:
    raw = f'<text encoding="gb2312"><p>{ARTICLE}</p></text>'.encode("gb18030")
    decoded = decode_bytes(raw)
    assert decoded.method == "declared"
    assert ARTICLE in decoded.text


def test_undeclared_gbk_is_detected_as_chinese() -> None:
    decoded = decode_bytes(page(ARTICLE, None).encode("gb18030"))
    assert decoded.method == "detected"
    assert ARTICLE in decoded.text


def test_existing_replacement_characters_do_not_count_as_damage() -> None:
    decoded = decode_bytes(page("交通\ufffd规划" + ARTICLE, None).encode("utf-8"))
    assert "交通\ufffd规划" in decoded.text


def test_double_encoded_page_is_repaired() -> None:
    raw = page(ARTICLE, "gbk").encode("gb18030").decode("latin-1").encode("utf-8")
    decoded = decode_bytes(raw)
    assert decoded.method == "utf-8+repaired"
    assert ARTICLE in decoded.text


def test_latin_text_is_not_mistaken_for_mojibake() -> None:
    text = "Café crème, déjà vu, naïve façade — über Straße. " * 20
    assert repair_mojibake(text, "gb18030") is text


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"), (b" \n\t ", "empty"), (bytes(range(256)) * 20, "binary"),
])
def test_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert info.value.reason == reason


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=600))
def test_never_crashes_on_arbitrary_bytes(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data).text, str)
    except DecodeError as error:
        assert error.reason in {"empty", "binary", "undecodable"}


def test_undeclared_damaged_gbk_is_still_read_as_gbk() -> None:
    raw = page(ARTICLE, None).encode("gb18030")
    for tag in (b"<p>", b"</p>", b"</body>"):
        offset = raw.index(tag)
        raw = raw[:offset] + b"\xff\xfe" + raw[offset:]
    decoded = decode_bytes(raw)
    assert decoded.encoding == "gb18030"
    assert ARTICLE[-30:] in decoded.text


def test_declared_utf8_with_a_few_bad_bytes_stays_utf8() -> None:
    text = "<meta charset='utf-8'><p>" + "江畔市交通运输局昨天发布消息，新规将于下月起正式实施。" * 20 + "</p>"
    data = text.encode("utf-8").replace("消息".encode(), b"\xff\xfe", 1)
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and "交通运输局" in decoded.text and "\ufffd" in decoded.text
