from pathlib import Path

import pytest

from hanflow.segment import Segmenter, extract_keywords
from hanflow.segment.keywords import stop_words

ARTICLE = (
    "英伟达发布了新一代芯片，英伟达表示新芯片的算力比上一代提高了三倍。"
    "分析师认为，芯片供应可能仍然紧张，数据中心的需求还在增长。"
    "The chips ship in 2026, see https://example.com/news for the full report. "
    "英伟达的股价在2025年上涨了13.75%，芯片业务收入达到1.4万亿美元。"
)


@pytest.fixture(scope="module")
def seg():
    return Segmenter()


def test_keywords_are_content_words(seg):
    keywords = extract_keywords(ARTICLE, top_k=8, segmenter=seg)
    assert keywords[:2] == ["英伟达", "芯片"]
    noise = {"的", "了", "可能", "the", "https", "https://example.com/news", "2025年", "13.75%"}
    assert not noise & set(keywords)
    assert all(len(k) > 1 for k in keywords)


def test_keywords_are_deterministic_and_bounded(seg):
    assert extract_keywords(ARTICLE, top_k=3, segmenter=seg) == extract_keywords(
        ARTICLE, top_k=3, segmenter=seg
    )
    assert len(extract_keywords(ARTICLE, top_k=3, segmenter=seg)) == 3
    assert extract_keywords("", segmenter=seg) == []
    assert extract_keywords("的了吗 the of and 123", segmenter=seg) == []


def test_english_keywords_keep_their_spelling(seg):
    text = "Kubernetes 集群升级。Kubernetes 的调度器和 kubernetes 控制面。"
    assert extract_keywords(text, top_k=1, segmenter=seg) == ["Kubernetes"]


def test_keywords_default_to_the_process_segmenter(tmp_path: Path):
    user = tmp_path / "names.txt"
    user.write_text("云杉智算 10 nt\n", encoding="utf-8")
    Segmenter(user_dict=user)
    assert "云杉智算" in extract_keywords("云杉智算发布新品，云杉智算的客户很多。", top_k=3)


def test_stop_words_cover_both_languages():
    assert {"的", "了", "可能", "the", "https", "and"} <= stop_words()
