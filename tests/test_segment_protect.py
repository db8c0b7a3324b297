"""Protected spans: alphanumeric terms, ratios, times and product versions stay one token, and
no pattern starts or stops inside a run of letters and digits."""

import pytest
from typer.testing import CliRunner

from hanflow.cli import app
from hanflow.segment import Segmenter
from hanflow.segment.protect import kind_of


@pytest.fixture(scope="module")
def seg():
    return Segmenter()


@pytest.mark.parametrize(
    "term", ["5G", "4K", "3D", "MP3", "H5N1", "COVID-19", "Wi-Fi", "C919", "1080p", "R&D", "x86-64"]
)
def test_alphanumeric_terms_are_one_token(seg, term):
    assert seg.tokenize(f"新的{term}标准") == ["新", "的", term, "标准"]
    assert term in seg.tokenize(f"The {term} rollout, see {term}.")


@pytest.mark.parametrize(("text", "span", "kind"), [
    ("模型按1:100的比例", "1:100", "ratio"),
    ("主队3:2获胜", "3:2", "ratio"),
    ("会议10:30开始", "10:30", "time"),
    ("于08:15:59结束", "08:15:59", "time"),
    ("苹果发布了iPhone 15 Pro", "iPhone 15 Pro", "version"),
    ("新款iPad 11发布", "iPad 11", "version"),
    ("升级到macOS 14.2后", "macOS 14.2", "version"),
    ("华为Mate 60 Pro销量", "Mate 60 Pro", "version"),
    ("模型Llama 3.1开源", "Llama 3.1", "version"),
    ("Galaxy S24 Ultra上市", "Galaxy S24 Ultra", "version"),
])
def test_ratios_times_and_product_versions(seg, text, span, kind):
    assert span in seg.tokenize(text)
    assert kind_of(span) == kind


@pytest.mark.parametrize("text", [
    "On May 10 the board met.", "See Figure 2 and Table 3.", "Chapter 4 begins.", "Top 10 lists",
    "In 2024 Apple sold more.", "Route 66 and Apollo 11", "Page 2 of 3",
])
def test_versions_need_evidence_of_a_product(seg, text):
    assert all(" " not in token for token in seg.tokenize(text))


@pytest.mark.parametrize(("text", "tokens"), [
    ("iPhone 15x", ["iPhone", "15x"]),          # a version is followed by a boundary
    ("iPhone 15 Proxy", ["iPhone 15", "Proxy"]),  # so is a model suffix
    ("10:30:", ["10:30", ":"]),
    ("比例1:100。", ["比例", "1:100", "。"]),
    ("12345678", ["12345678"]),
    ("5Gs", ["5Gs"]),
    ("a.m.5", ["a.m.5"]),
    ("abc@example", ["abc", "@", "example"]),
    ("Call 555-1234", ["Call", "555", "-", "1234"]),
    ("3-5天", ["3", "-", "5", "天"]),
    ("气温-5度", ["气温", "-5", "度"]),
    ("https://example.com/a).", ["https://example.com/a", ")", "."]),
])
def test_every_pattern_ends_on_a_boundary(seg, text, tokens):
    assert seg.tokenize(text) == tokens


def test_the_reported_line_segments_correctly():
    line = "5G网络和4K电视，模型按1:100的比例制作，苹果发布了iPhone 15 Pro\n"
    result = CliRunner().invoke(app, ["segment"], input=line)
    assert result.exit_code == 0
    assert result.output.strip().split("  ") == [
        "5G", "网络", "和", "4K", "电视", "，", "模型", "按", "1:100", "的", "比例", "制作", "，",
        "苹果", "发布", "了", "iPhone 15 Pro",
    ]


def test_runs_of_dashes_and_dots_are_one_mark_other_punctuation_is_not(seg):
    assert seg.tokenize("等等……好——走！！") == ["等等", "……", "好", "——", "走", "！", "！"]
