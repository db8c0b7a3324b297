import math
import re
from collections import Counter
from pathlib import Path

import pytest

from hanflow.segment import Segmenter, extract_keywords, keywords
from hanflow.segment.keywords import stop_words
from hanflow.segment.weights import IDF_AT_FREQUENCY_1, IDF_PER_DECADE, idf_table

ARTICLE = (
    "英伟达发布了新一代芯片，英伟达表示新芯片的算力比上一代提高了三倍。"
    "分析师认为，芯片供应可能仍然紧张，数据中心的需求还在增长。"
    "The chips ship in 2026, see https://example.com/news for the full report. "
    "英伟达的股价在2025年上涨了13.75%，芯片业务收入达到1.4万亿美元。"
)

# Chinese-majority records that quote times, places and figures in English, as wire copy does
CHINESE_MAJORITY = [
    "当地时间周二上午10:30 a.m.，市议会就旧港区改造方案举行听证，居民代表对噪音和交通提出质疑。"
    "The council said the plan is not final. 改造预计耗资三亿元，工期三年，港区仓库将改为社区图书馆。",
    "暴雨导致地铁停运两天，U.S. Embassy 发出提醒。市民说 it's the worst flooding in years，"
    "排水系统的改造被再次提上日程，防汛部门承认排水管网老化严重。",
    "这家面包店的老板凌晨四点开工，每天烤三百个菠萝包，周末 sold out 是常事。"
    "老板说面包店的秘诀是黄油和耐心，菠萝包的酥皮要现做，烤箱每天清洗两次。",
]
ENGLISH_RECORD = (
    "The harbour authority approved the dredging plan on Tuesday at 9 a.m. after a long hearing. "
    "Residents said the dredging would bring noise to the shore for 3 months, and the authority "
    "promised quieter dredging barges. It's the third dredging plan in 10 years; the 1st failed "
    "for lack of funds and the 2nd because of the 100km pipeline it needed."
)
FRAGMENT = re.compile(r"^(?:[a-z]{1,2}|[a-z]\.[a-z]|.*[’']s?|\d.*)$", re.IGNORECASE)


@pytest.fixture(scope="module")
def seg():
    return Segmenter()


def test_keywords_are_content_words(seg):
    keywords = extract_keywords(ARTICLE, top_k=8, segmenter=seg)
    assert keywords[:2] == ["英伟达", "芯片"]
    noise = {"的", "了", "可能", "the", "https", "https://example.com/news", "2025", "13.75%", "三倍"}
    assert not noise & set(keywords)
    assert all(len(k) > 1 for k in keywords)


@pytest.mark.parametrize("text", CHINESE_MAJORITY)
def test_chinese_majority_records_get_chinese_content_words(seg, text):
    keywords = extract_keywords(text, top_k=6, segmenter=seg)
    assert len(keywords) == 6
    assert not [k for k in keywords if FRAGMENT.match(k)]
    assert sum(bool(re.fullmatch(r"[\u4e00-\u9fff]+", k)) for k in keywords) >= 5
    assert not set(keywords) & stop_words()


def test_english_records_get_english_content_words(seg):
    keywords = extract_keywords(ENGLISH_RECORD, top_k=5, segmenter=seg)
    assert keywords[0] == "dredging"
    assert "authority" in keywords
    assert not [k for k in keywords if FRAGMENT.match(k) or k.lower() in stop_words()]


def test_numbers_of_either_language_are_never_keywords(seg):
    text = "三天后，第一批100km管道和30mg药品到货，2nd shipment 在十月。" * 3
    keywords = extract_keywords(text, top_k=10, segmenter=seg)
    assert {"管道", "药品", "shipment"} <= set(keywords)
    assert not {"三天", "第一", "100km", "30mg", "2nd", "十月", "三"} & set(keywords)


def test_a_corpus_report_of_chinese_records_is_not_led_by_english_fragments(seg):
    records = CHINESE_MAJORITY * 3 + [ENGLISH_RECORD]
    counts = Counter(k for text in records for k in extract_keywords(text, 10, segmenter=seg))
    top = [k for k, _ in counts.most_common(10)]
    assert all(re.fullmatch(r"[\u4e00-\u9fff]+", k) for k in top[:5]), top


def test_keywords_are_deterministic_and_bounded(seg):
    assert extract_keywords(ARTICLE, top_k=3, segmenter=seg) == extract_keywords(
        ARTICLE, top_k=3, segmenter=seg
    )
    assert len(extract_keywords(ARTICLE, top_k=3, segmenter=seg)) == 3
    assert extract_keywords("", segmenter=seg) == []
    assert extract_keywords("的了吗 the of and 123", segmenter=seg) == []
    assert extract_keywords(ARTICLE, top_k=0, segmenter=seg) == []


def test_tokens_given_are_used_as_they_are(seg):
    tokens = seg.tokenize(ARTICLE)
    assert extract_keywords(ARTICLE, top_k=5, tokens=tokens) == extract_keywords(ARTICLE, top_k=5, segmenter=seg)


def test_english_keywords_keep_their_first_spelling_and_merge_cases(seg):
    text = "Kubernetes 集群升级。Kubernetes 的调度器和 kubernetes 控制面，WeWork’s 方案。"
    assert extract_keywords(text, top_k=1, segmenter=seg) == ["Kubernetes"]
    assert "WeWork’s" in extract_keywords(text, top_k=5, segmenter=seg)


def test_a_lower_case_spelling_written_first_is_the_one_returned():
    tokens = ["kubernetes", "集群", "Kubernetes", "KUBERNETES", "升级", "Kubernetes"]
    assert extract_keywords("", top_k=1, tokens=tokens) == ["kubernetes"]
    assert extract_keywords("", top_k=1, tokens=tokens[1:]) == ["Kubernetes"]


def test_words_learnt_together_get_the_weights_of_one_at_a_time():
    tokens = {"芯片", "英伟达", "的", "可能", "三天", "第一", "二〇二五", "十月", "中", "𠀀𠀁", "中\n国",
              "集群\n的", "dredging", "Kubernetes", "U.S.", "100km", "de", "DE", "13.75%", "——"}
    known = keywords._Known()
    known.learn(set(tokens))
    for token in tokens:
        entry = known.entry(token)
        assert known.weights[token] == (0.0 if entry is None else entry[1]), token
        assert known.keys.get(token, token) == (token if entry is None else entry[0]), token


def test_keywords_default_to_the_process_segmenter(tmp_path: Path):
    user = tmp_path / "names.txt"
    user.write_text("云杉智算 10 nt\n", encoding="utf-8")
    Segmenter(user_dict=user)
    assert "云杉智算" in extract_keywords("云杉智算发布新品，云杉智算的客户很多。", top_k=3)


def test_stop_words_cover_both_languages():
    assert {"的", "了", "可能", "the", "https", "and", "a.m.", "it's", "million"} <= stop_words()


@pytest.mark.slow
def test_english_weights_follow_the_chinese_frequency_line():
    """The constants in `weights` are the fit they claim: median IDF per decade of frequency."""
    wordfreq = pytest.importorskip("wordfreq")
    chinese = wordfreq.get_frequency_dict("zh", wordlist="large")
    idf, _ = idf_table()
    decades: dict[int, list[float]] = {}
    for word, value in idf.items():
        f = chinese.get(word)
        if f and 1e-8 <= f < 1e-3:
            decades.setdefault(int(-math.log10(f)), []).append(value)
    for decade, values in decades.items():
        values.sort()
        fitted = IDF_AT_FREQUENCY_1 + IDF_PER_DECADE * (decade + 0.5)
        assert abs(values[len(values) // 2] - fitted) < 0.4, decade
