"""Language labels: zh, en and mixed as before; every other language named honestly."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanflow.annotate import language

SAMPLES = [tuple(ln.split("\t", 1)) for ln in (Path(__file__).parent / "data" / "lang_samples.tsv")
           .read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]


@pytest.mark.parametrize(("code", "text"), SAMPLES)
def test_language_code_of_each_sample(code: str, text: str) -> None:
    labels = language(text)
    assert labels["lang_code"] == code
    assert labels["lang"] == (code if code in ("zh", "en") else "other")


def test_japanese_with_kanji_is_not_chinese() -> None:
    text = "東京都は新しい交通計画を発表した。地下鉄三路線を新設する。" * 5
    labels = language(text)
    assert (labels["lang"], labels["lang_code"]) == ("other", "ja")


@pytest.mark.parametrize(("text", "lang"), [
    ("市政府今天发布了新的公共交通规划，计划在五年内新建三条地铁线路。", "zh"),
    ("The council met for three hours on Tuesday and heard from forty residents.", "en"),
    ("苹果发布了 iPhone 15 Pro and the new Apple Watch series today in California.", "mixed"),
])
def test_chinese_english_and_mixed_keep_their_labels(text: str, lang: str) -> None:
    assert language(text)["lang"] == lang


def test_names_and_numbers_in_english_text_stay_english() -> None:
    assert language("iPhone 15 Pro, 5G, Wi-Fi 6E and USB-C")["lang"] == "en"


def test_text_without_letters_has_no_language() -> None:
    assert language("2024 - 12 : 30 %")["lang_code"] == "und"
