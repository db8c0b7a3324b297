import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.segment import Segmenter
from hanflow.segment.tokenize import parse_dict_line


@pytest.fixture(scope="module")
def seg():
    return Segmenter()


@pytest.mark.parametrize(
    "kept",
    [
        "https://example.com/a/b?x=1",
        "team@example.org",
        "example.com.cn",
        "2025-03-14",
        "2025-03-14T09:30:00Z",
        "09:30",
        "1.4万亿",
        "3千万",
        "13.75%",
        "1,250,000",
        "GPT-4o",
        "S-1",
        "M365",
        "C++",
        "C#",
        "Windows 11",
        "OpenAI Group PBC",
        "U.S.",
    ],
)
def test_protected_spans_stay_whole(seg, kept):
    assert kept in seg.tokenize(f"据报道，{kept}是今天的话题。")


def test_units_and_measure_words_are_left_to_the_dictionary(seg):
    # standards disagree on 2032年 / 2032 年; the number stays whole, the unit is jieba's word
    assert seg.tokenize("2032年，收入1.4万亿美元，3千米外有3个站") == [
        "2032", "年", "，", "收入", "1.4万亿", "美元", "，", "3", "千米", "外", "有", "3", "个", "站",
    ]


def test_english_splits_on_spaces_and_punctuation(seg):
    assert seg.tokenize("我们用 Python and Rust, 还有 C++。") == [
        "我们", "用", "Python", "and", "Rust", ",", "还有", "C++", "。",
    ]


def test_words_of_other_alphabets_and_accents_stay_whole(seg):
    assert seg.tokenize("Café 在 São Paulo，Москва 和 서울시") == [
        "Café", "在", "São", "Paulo", "，", "Москва", "和", "서울시",
    ]


def test_a_character_keeps_its_combining_marks_and_emoji_joins(seg):
    assert seg.tokenize("好👍🏽 👩‍💻 e\u0301") == ["好", "👍🏽", "👩‍💻", "e\u0301"]


def test_fullwidth_letters_match_but_keep_their_characters(seg):
    assert seg.tokenize("ＧＰＴ－４ｏ模型涨了１３．７５％") == ["ＧＰＴ－４ｏ", "模型", "涨", "了", "１３．７５％"]


def test_fullwidth_chinese_punctuation_separates(seg):
    # "，" and "：" are Chinese punctuation, not a thousands separator or a ratio
    assert seg.tokenize("男，47岁，比分：3：2") == ["男", "，", "47", "岁", "，", "比分", "：", "3", "：", "2"]


def test_traditional_text_is_segmented_through_its_simplified_twin(seg):
    traditional = seg.tokenize("微軟公司發佈了新的人工智慧模型，臺灣的用戶可以下載。")
    simplified = seg.tokenize("微软公司发布了新的人工智慧模型，台湾的用户可以下载。")
    assert [len(t) for t in traditional] == [len(t) for t in simplified]
    assert "".join(traditional) == "微軟公司發佈了新的人工智慧模型，臺灣的用戶可以下載。"
    assert "用戶" in traditional and "下載" in traditional


def test_user_dictionary_adds_words_and_multi_word_names(tmp_path):
    user = tmp_path / "names.txt"
    user.write_text("云杉智算 10 nt\nNorthwind Traders Inc 5\n", encoding="utf-8")
    seg = Segmenter(user_dict=user)
    assert "云杉智算" in seg.tokenize("云杉智算今天发布了新品")
    assert "Northwind Traders Inc" in seg.tokenize("合作方是Northwind Traders Inc。")
    assert "Northwind Traders Inc" not in seg.tokenize("XNorthwind Traders Inc")


def test_dictionary_lines_parse_like_jieba():
    assert parse_dict_line("云杉智算 10 nt") == ("云杉智算", 10, "nt")
    assert parse_dict_line("Northwind Traders Inc 5") == ("Northwind Traders Inc", 5, None)
    assert parse_dict_line("词语") == ("词语", None, None)


def test_spans_give_offsets_and_kinds(seg):
    text = "苹果 发布了 iPhone 15 Pro，售价5,999元 https://example.com"
    spans = seg.spans(text)
    assert [text[a:b] for a, b, _ in spans] == seg.tokenize(text)
    kinds = {text[a:b]: kind for a, b, kind in spans}
    assert kinds["iPhone 15 Pro"] == "version" and kinds["5,999"] == "number"
    assert kinds["https://example.com"] == "url" and kinds["苹果"] == "han"


# Only multi-word names ("Windows 11", "OpenAI Group PBC") hold a space inside one token.
_MIXED = st.lists(
    st.sampled_from(
        list("我们的模型發佈了在年月日万亿美元。，！ \t\n\u3000abcXYZ019.%-@:/ＡＢ１２…—’'#+")
        + ["http://", "www.", ".com", "iPhone ", "May ", " Pro", "\u0301", "\u200d", "👍"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_tokens_concatenate_to_the_text_minus_whitespace(seg, text):
    tokens = seg.tokenize(text)
    assert re.sub(r"\s", "", "".join(tokens)) == re.sub(r"\s", "", text)
    assert all(t and t == t.strip() for t in tokens)
    spans = seg.spans(text)
    assert [text[a:b] for a, b, _ in spans] == tokens
    assert all(not text[b:c].strip() for (_, b, _), (c, _, _) in zip(spans, spans[1:], strict=False))
    spaced = [kind for start, end, kind in spans if re.search(r"\s", text[start:end])]
    assert set(spaced) <= {"phrase", "version"}
