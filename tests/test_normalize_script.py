import pytest

from hanflow.normalize import changed_share, detect_script, get_converter, normalize
from hanflow.normalize.script import script_chars


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("我们认为这个问题应该尽快解决。", "hans"),
        ("我們認為這個問題應該盡快解決。", "hant"),
        ("Only English here, 2024.", "none"),
        ("中文", "none"),
        ("我们认为这个问题很重要，经济发展需要时间，报道说标题写着「臺灣」。", "hans"),
    ],
)
def test_detect_script(text, script):
    assert detect_script(text).script == script


def test_mixed_documents_get_paragraph_scripts():
    info = detect_script(
        "这是简体中文的段落，讨论经济发展。\n這是繁體中文的段落，討論經濟發展。\nEnglish."
    )
    assert info.script == "mixed"
    assert info.paragraphs == ("hans", "hant", "none")


def test_script_sets_do_not_overlap_and_know_common_characters():
    hans, hant = script_chars()
    assert hans.isdisjoint(hant)
    assert {"们", "发", "这"} <= hans and {"們", "發", "這"} <= hant
    assert not {"后", "台", "干", "的"} & (hans | hant)


def test_changed_share_counts_han_characters_changed():
    assert changed_share("這是書", "这是书") == pytest.approx(2 / 3)
    assert changed_share("abc", "abc") == 0.0
    assert changed_share("", "") == 0.0


def test_changed_share_handles_length_changing_configs():
    before = "輝達的軟體"
    after = get_converter("tw2sp").convert(before)
    assert 0.0 < changed_share(before, after) <= 1.0


def test_normalize_one_call():
    result = normalize("ＡＩ\u200b發展很快。\n第二段。", "t2s")
    assert result.text == "AI发展很快。\n第二段。"
    assert result.script.script == "hant"
    assert result.changed_share == pytest.approx(1 / 7)
