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
        "09:30",
        "1.4万亿美元",
        "2032年",
        "13.75%",
        "GPT-4o",
        "S-1",
        "M365",
        "Windows 11",
        "OpenAI Group PBC",
    ],
)
def test_protected_spans_stay_whole(seg, kept):
    assert kept in seg.tokenize(f"据报道，{kept}是今天的话题。")


def test_english_splits_on_spaces_and_punctuation(seg):
    assert seg.tokenize("我们用 Python and Rust, 还有 C++。") == [
        "我们",
        "用",
        "Python",
        "and",
        "Rust",
        ",",
        "还有",
        "C++",
        "。",
    ]


def test_fullwidth_letters_match_but_keep_their_characters(seg):
    assert seg.tokenize("ＧＰＴ－４ｏ模型涨了１３．７５％") == [
        "ＧＰＴ－４ｏ",
        "模型",
        "涨",
        "了",
        "１３．７５％",
    ]


def test_traditional_text_is_segmented_through_its_conversion(seg):
    tokens = seg.tokenize("微軟公司發佈了新的人工智慧模型，臺灣的用戶可以下載。")
    assert tokens == [
        "微軟公司",
        "發佈",
        "了",
        "新",
        "的",
        "人工智慧",
        "模型",
        "，",
        "臺灣",
        "的",
        "用戶",
        "可以",
        "下載",
        "。",
    ]


def test_user_dictionary_adds_words_and_multi_word_names(tmp_path):
    user = tmp_path / "names.txt"
    user.write_text("云杉智算 10 nt\nNorthwind Traders Inc 5\n", encoding="utf-8")
    seg = Segmenter(user_dict=user)
    assert "云杉智算" in seg.tokenize("云杉智算今天发布了新品")
    assert "Northwind Traders Inc" in seg.tokenize("合作方是Northwind Traders Inc。")


def test_dictionary_lines_parse_like_jieba():
    assert parse_dict_line("云杉智算 10 nt") == ("云杉智算", 10, "nt")
    assert parse_dict_line("Northwind Traders Inc 5") == ("Northwind Traders Inc", 5, None)
    assert parse_dict_line("词语") == ("词语", None, None)


# Only multi-word names ("Windows 11", "OpenAI Group PBC") hold a space inside one token.
_MIXED = st.text(
    st.sampled_from(
        list("我们的模型發佈了在年月日万亿美元。，！ \t\n\u3000abcXYZ019.%-@:/ＡＢ１２")
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_tokens_concatenate_to_the_text_minus_whitespace(seg, text):
    tokens = seg.tokenize(text)
    assert re.sub(r"\s", "", "".join(tokens)) == re.sub(r"\s", "", text)
    assert all(t and t == t.strip() for t in tokens)
    spaced = [kind for start, end, kind in seg.spans(text) if re.search(r"\s", text[start:end])]
    assert set(spaced) <= {"phrase", "version"}
