import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.normalize import clean_unicode, get_converter
from hanflow.normalize.corrections import load_table
from tests.helpers import SHARED

CASES = SHARED / "data" / "opencc-cases"
needs_shared = pytest.mark.skipif(not CASES.exists(), reason=f"shared data not found at {SHARED}")


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("他的心情很沈重", "他的心情很沉重"),
        ("沈浸在音樂裡", "沉浸在音乐里"),
        ("大家拚命工作", "大家拼命工作"),
        ("他逕自離開了", "他径自离开了"),
        ("街角的店舖", "街角的店铺"),
        ("慰藉受傷的心", "慰藉受伤的心"),
    ],
)
def test_corrections_fix_dictionary_errors(traditional, simplified):
    assert get_converter("t2s").convert(traditional) == simplified


@pytest.mark.parametrize("config", ["tw2s", "hk2s"])
def test_regional_configs_do_not_turn_tai_into_its_old_form(config):
    assert get_converter(config).convert("抬頭看天") == "抬头看天"
    assert get_converter(config).convert("這麼多") == "这么多"


@pytest.mark.parametrize(
    ("reposted", "right"),
    [
        ("控製成本", "控制成本"),
        ("這方麵的問題", "这方面的问题"),
        ("矽穀的公司", "硅谷的公司"),
        ("回複郵件", "回复邮件"),
        ("一隻小貓", "一只小猫"),
    ],
)
def test_machine_conversion_artefacts_come_out_right(reposted, right):
    assert get_converter("t2s").convert(reposted) == right


def test_default_does_not_localise_vocabulary():
    text = "建立核心團隊"
    assert get_converter("t2s").convert(text) == "建立核心团队"
    assert get_converter("tw2sp").convert(text) != "建立核心团队"


def test_urls_emails_and_code_pass_through():
    text = "見 https://zh.wikipedia.org/wiki/臺灣 與 `變數名稱` 或寫信到 臺灣@example.com.tw 說明"
    out = get_converter("t2s").convert(text)
    assert "https://zh.wikipedia.org/wiki/臺灣" in out
    assert "`變數名稱`" in out
    assert out.startswith("见 ") and out.endswith(" 说明")


def test_fenced_code_blocks_pass_through():
    text = "說明如下：\n```python\nprint('繁體')\n```\n結束"
    assert get_converter("t2s").convert(text) == "说明如下：\n```python\nprint('繁體')\n```\n结束"


def test_unknown_config_is_refused():
    with pytest.raises(ValueError, match="unknown OpenCC config"):
        get_converter("x2y")


def test_corrections_keep_length():
    assert all(len(k) == len(v) for k, v in load_table().items())


_TEXT = st.text(
    st.sampled_from(list("這是測試软件發展后後於于乾干沈重拚命臺灣台湾簡體简体，。 abc1\n`~")),
    max_size=60,
)


@settings(max_examples=300)
@given(_TEXT)
def test_skipping_unchanged_text_gives_the_same_output(text):
    for config in ("t2s", "tw2s", "hk2s", "tw2sp"):
        conv = get_converter(config)
        assert conv.convert(text) == conv.convert_all(text)


def _pages() -> list[str]:
    path = SHARED / "data" / "html-eval" / "ground-truth.json"
    if not path.exists():
        pytest.skip(f"html-eval data not found at {path}")
    pages = json.loads(path.read_text(encoding="utf-8"))
    return [clean_unicode(p["articleBody"]) for p in pages.values() if p["lang"] == "zh"]


def test_skipping_matches_converting_everything_on_real_pages():
    conv = get_converter("t2s")
    text = "\n".join(_pages())
    assert conv.convert(text) == conv.convert_all(text)


@needs_shared
@pytest.mark.parametrize("config", ["t2s", "tw2s", "hk2s"])
def test_legacy_opencc_cases_pass(config):
    folder = CASES / "legacy-ver.1.1.9"
    inputs = (folder / f"{config}.in").read_text(encoding="utf-8").splitlines()
    answers = (folder / f"{config}.ans").read_text(encoding="utf-8").splitlines()
    conv = get_converter(config)
    assert inputs and [conv.convert(line) for line in inputs] == answers
