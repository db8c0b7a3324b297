"""Bytes to text: BOM, declared charset, detection, damage and mojibake."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.decode import DecodeError, decode_bytes, may_be_mojibake
from hanflow.mojibake import repair_mojibake

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


# --- double encoding: repaired only on evidence; ordinary text passes through unchanged

DIALOGUE = "A: It’s late, isn’t it?\nB: We’re fine, don’t worry.\n" * 30
MIXED = ("她说：“明天见！”——他答道：‘好的…’ The café’s “special” costs €5 – “très bon”. "
         "《城市》第3期·专题「交通」，共12页；网址 https://example.org/a?b=1 。\n") * 6

WORDS = st.sampled_from([
    "the", "city", "council", "said", "it’s", "don’t", "we’re", "café", "naïve", "résumé", "Zürich", "São Paulo",
    "市政府", "今天", "发布", "交通", "规划", "地铁", "線路", "網絡", "iPhone", "5G", "COVID-19", "2024年", "10:30",
])
PUNCT = st.sampled_from([" ", " ", "’", "‘", "“", "”", "—", "–", "…", "·", "«", "»", "、", "，", "。", "！", "？",
                         "：", "；", "（", "）", "《", "》", "「", "」", "\n", ", ", ". ", "€", "©", "®", "™", "°"])
TYPOGRAPHIC_TEXT = st.lists(st.one_of(WORDS, PUNCT), min_size=1, max_size=400).map("".join)


def test_curly_quote_dialogue_is_not_repaired() -> None:
    decoded = decode_bytes(DIALOGUE.encode("utf-8"))
    assert (decoded.text, decoded.method) == (DIALOGUE, "utf-8")


def test_dense_typographic_punctuation_is_not_repaired() -> None:
    assert decode_bytes(MIXED.encode("utf-8")).text == MIXED
    quotes = "’‘“”—–…" * 200
    assert repair_mojibake(quotes, "gb18030") is quotes


@settings(max_examples=300, deadline=None)
@given(TYPOGRAPHIC_TEXT)
def test_valid_utf8_without_mojibake_comes_back_unchanged(text: str) -> None:
    assert repair_mojibake(text, "gb18030") is text
    if text.strip():
        assert decode_bytes(text.encode("utf-8")).text == text


@pytest.mark.parametrize("wrong", ["cp1252", "latin-1"])
@pytest.mark.parametrize("text", [ARTICLE, MIXED, DIALOGUE])
def test_utf8_read_as_a_western_code_page_is_repaired(text: str, wrong: str) -> None:
    raw = text.encode("utf-8")
    mojibake = raw.decode("latin-1") if wrong == "latin-1" else "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)
    decoded = decode_bytes(mojibake.encode("utf-8"))
    assert (decoded.text, decoded.method) == (text, "utf-8+repaired")


def test_twice_double_encoded_text_is_repaired() -> None:
    once = ARTICLE.encode("utf-8").decode("latin-1")
    twice = once.encode("utf-8").decode("latin-1")
    assert decode_bytes(twice.encode("utf-8")).text == ARTICLE


def test_a_mojibake_line_among_good_ones_is_repaired_alone() -> None:
    good = "市民对新规划的反应不一，有人支持，也有人担心施工影响出行。"
    bad = "交通局表示将在下月公布详细方案。".encode().decode("latin-1")
    decoded = decode_bytes(f"{good}\n{bad}\n{good}".encode())
    assert decoded.text == f"{good}\n交通局表示将在下月公布详细方案。\n{good}"


def test_big5_read_as_latin1_is_repaired() -> None:
    raw = page(TRAD, "big5").encode("big5hkscs").decode("latin-1").encode("utf-8")
    assert TRAD in decode_bytes(raw).text


def test_accented_latin_words_in_pairs_are_not_read_as_chinese() -> None:
    text = "Ça coûte très cher. Wörterbücher für Ärzte; Łódź, Ærøskøbing, façade. " * 20
    assert repair_mojibake(text, "gb18030") is text


# --- UTF-16 without a byte-order mark

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [page(ARTICLE, None), "Plain notes, line one.\nLine two: “quoted”.\n" * 20,
                                  "第一行：交通规划。\n第二行：地铁线路。\n" * 30])
def test_utf16_without_bom_is_decoded_not_binary(text: str, codec: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == codec


def test_binary_with_nul_bytes_is_still_binary() -> None:
    data = bytes(range(256)) * 40
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert info.value.reason == "binary"


# --- implausible decodings: another candidate, or undecodable

def test_gbk_page_declared_as_big5_is_read_as_gbk() -> None:
    decoded = decode_bytes(page(ARTICLE, "big5").encode("gb18030"))
    assert decoded.encoding == "gb18030"
    assert ARTICLE in decoded.text


def test_big5_page_declared_as_gbk_is_read_as_big5() -> None:
    decoded = decode_bytes(page(TRAD, "gbk").encode("big5hkscs"))
    assert decoded.encoding == "big5hkscs"
    assert TRAD in decoded.text


def test_bytes_no_candidate_reads_plausibly_are_undecodable() -> None:
    rare = bytes(b for i in range(600) for b in (0x81 + i % 32, 0x40 + i % 63))
    for data in (rare, b'<meta charset="gbk"><p>' + rare + b"</p>"):
        with pytest.raises(DecodeError) as info:
            decode_bytes(data)
        assert info.value.reason == "undecodable"


def test_plausibility_tells_right_from_wrong_chinese_codec() -> None:
    from hanflow.plausibility import IMPLAUSIBLE, implausible_share

    assert implausible_share(ARTICLE) == 0 and implausible_share(TRAD) == 0
    assert implausible_share(ARTICLE.encode("gb18030").decode("big5hkscs", "replace")) > 2 * IMPLAUSIBLE
    assert implausible_share(TRAD.encode("big5hkscs").decode("gb18030", "replace")) > 2 * IMPLAUSIBLE


def test_an_accent_before_punctuation_beside_chinese_is_not_repaired() -> None:
    # ftfy alone reads "é€’" as the UTF-8 bytes of 递; the line's own Chinese must not vouch for it
    line = "老街新开的café€’菜单很简单"
    assert repair_mojibake(line, "gb18030") is line
    assert repair_mojibake("市政府â€™s plan", None) == "市政府’s plan"  # a quote's mojibake is still undone
    assert repair_mojibake("å¸‚æ”¿åºœ", None) == "市政府"  # and a line that is mojibake as a whole


# --- the bytes gate before repair

_GATE_PIECES = st.sampled_from([
    "市政", "府", "交通", " ", "\u00a0", "é", "Ã", "©", "«", "ß", "ü", "—", "’", "“", "€", "™", "Œ", "ł", "→",
    "café", "naïve", "\n", "abc", "。", "！", "Ê", "Ð", "Õ", "þ", "¸", "®",
    "市政".encode().decode("latin-1"), "’".encode().decode("cp1252", "replace"),
    "交通".encode().decode("cp1252", "ignore"),
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_GATE_PIECES, min_size=1, max_size=30).map("".join))
def test_text_the_gate_passes_over_is_text_repair_leaves_alone(text: str) -> None:
    """`may_be_mojibake` is only a shortcut: where it says no, repair would have changed nothing."""
    if not may_be_mojibake(text.encode("utf-8")):
        assert repair_mojibake(text, "gb18030") == text
        assert repair_mojibake(text) == text


def test_no_break_spaces_and_curly_quotes_in_chinese_are_not_looked_at() -> None:
    line = "市政府今天\u00a0“发布”了\u00a0—\u00a0新规划。Café — “Déjà vu” à la carte. "
    assert not may_be_mojibake((line * 10).encode("utf-8"))
    assert may_be_mojibake("交通局表示将在下月公布详细方案。".encode().decode("latin-1").encode())


def test_the_gate_tells_latin1_text_by_bytes_as_repair_tells_it_by_characters() -> None:
    """Every character outside Latin-1 and Windows-1252's marks, and only those, is seen in
    the bytes: the gate's test for text a Chinese legacy page's Latin-1 reading could be is
    the repair's (the text has a Windows-1252 reading)."""
    from hanflow.decode import latin1_only
    from hanflow.mojibake import _bytes_read_as_cp1252

    def readable(text: str) -> bool:
        try:
            _bytes_read_as_cp1252(text)
        except UnicodeEncodeError:
            return False
        return True

    for code in (c for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000):
        char = chr(code)
        assert latin1_only(f"a{char}b{char}".encode()) == readable(char), hex(code)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "é", "\u00a0", "ÿ", "\x81", "’", "€", "™", "Ÿ", "ž", "ā", "市",
                                 "\u2019\u2019", "\u2014", "\u2015", "\u0160", "\u0161", "\u02dc"]),
                max_size=12).map("".join))
def test_latin1_only_on_mixed_text(text: str) -> None:
    from hanflow.decode import latin1_only
    from hanflow.mojibake import _bytes_read_as_cp1252

    try:
        _bytes_read_as_cp1252(text)
    except UnicodeEncodeError:
        assert not latin1_only(text.encode())
    else:
        assert latin1_only(text.encode())


def _cp1252_then_latin1(text: str) -> bytes:
    """The reading the repair undoes, character by character: Windows-1252, else Latin-1."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            out += char.encode("latin-1")  # raises for a character beyond U+00FF
    return bytes(out)


def _same_reading(text: str) -> None:
    from hanflow.mojibake import _bytes_read_as_cp1252

    try:
        expected = _cp1252_then_latin1(text)
    except UnicodeEncodeError:
        with pytest.raises(UnicodeEncodeError):
            _bytes_read_as_cp1252(text)
    else:
        assert _bytes_read_as_cp1252(text) == expected


def test_the_windows_1252_table_reads_every_character_as_the_codec_does() -> None:
    """The repair's table lookup gives the bytes Windows-1252 gives, Latin-1's where it has no
    character (the C1 controls), and fails where both fail."""
    for code in range(0x2200):
        _same_reading(chr(code))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2200, exclude_categories=("Cs",)), max_size=40))
def test_the_windows_1252_table_reads_text_as_the_codec_does(text: str) -> None:
    _same_reading(text)


_SCRIPTS = st.sampled_from("ab é中文，한。ｱ\u3000")


@settings(max_examples=300, deadline=None)
@given(st.text(_SCRIPTS, max_size=30))
def test_a_repair_reads_as_words_exactly_when_its_longest_cjk_run_has_two(text: str) -> None:
    """The first-match searches decide as listing every run of CJK characters did."""
    import re

    from hanflow.mojibake import _reads_as_words

    runs = re.findall(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]+", text)
    assert _reads_as_words(text) == (not runs or max(map(len, runs)) >= 2)


@pytest.mark.parametrize(("text", "codec"), [
    ("欢迎访问本站，请先注册。" * 3, "gbk"),  # detectors call it Thai (cp874)
    ("上海今晚有雷阵雨", "gbk"),  # ... or Korean (cp949)
    ("常见问题", "gbk"),
    ("網站導覽，請先登入。", "big5"),  # ... or UTF-16 / Shift_JIS
    ("聯絡我們", "big5"),
])
def test_a_short_undeclared_chinese_text_is_read_as_chinese(text: str, codec: str) -> None:
    """A few words of GBK or Big5 with nothing declared: a detector guesses another script,
    but the Chinese reading is made of Chinese words, so it wins."""
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text


@pytest.mark.parametrize("text", ["안녕하세요, 반갑습니다", "부산 날씨는 맑음", "회의는 내일 오전입니다",
                                  "서울의 오늘 날씨는 맑고 바람이 조금 붑니다"])
def test_korean_bytes_are_not_read_as_chinese(text: str) -> None:
    """EUC-KR Hangul reads as common Han characters under GBK, but in no word order: the
    Chinese reading never wins (what the detector makes of a short Korean text is its own)."""
    data = text.encode("cp949")
    assert decode_bytes(data).text != data.decode("gb18030")


@pytest.mark.parametrize("damage", [
    lambda b: b + "湖".encode()[:2],  # the last character cut short
    lambda b: b[:90] + b"\xff" + b[90:],  # one stray byte
    lambda b: b[:90] + b"caf\xe9 " + b[90:],  # one Latin-1 letter
], ids=["cut", "stray", "latin1"])
def test_utf8_with_a_damaged_byte_is_still_utf8(damage) -> None:
    """Without a declaration (every .txt and .md file), one bad byte in UTF-8 gives one
    replacement character, not a rejected file."""
    data = damage(ARTICLE.encode("utf-8"))
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert "\ufffd" in decoded.text and ARTICLE[:30] in decoded.text and ARTICLE[-30:] in decoded.text


def test_a_declared_utf16_readable_as_ascii_means_utf8() -> None:
    """A `<meta charset=utf-16>` that can be read byte by byte is not UTF-16 (browsers take it
    for UTF-8); a GBK page that says so is then detected."""
    decoded = decode_bytes(page(ARTICLE, "utf-16").encode("gbk"))
    assert decoded.encoding == "gb18030" and ARTICLE in decoded.text
