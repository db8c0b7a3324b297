import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from hanflow.normalize import clean_unicode, get_converter

INVISIBLE = "\u200b\u200c\u200e\u200f\u2060\ufeff\u00ad\x00\x07\x1b\x7f\x85"
FORMAT_REMOVED = {
    chr(c)
    for lo, hi in (
        (0xAD, 0xAD),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2060, 0x2064),
        (0x2066, 0x2069),
        (0xFEFF, 0xFEFF),
    )
    for c in range(lo, hi + 1)
}


def test_fullwidth_alphanumerics_fold_and_chinese_punctuation_stays():
    assert clean_unicode("ＧＰＴ－４ｏ发布于２０２４年。") == "GPT－4o发布于2024年。"
    assert clean_unicode("他说：「好！」（见附录）？；") == "他说：「好！」（见附录）？；"


def test_invisible_and_control_characters_are_removed():
    assert clean_unicode("深\u200b度\ufeff学\u00ad习\x07") == "深度学习"


def test_whitespace_collapses_and_blank_lines_go():
    assert (
        clean_unicode("  第一段\u3000\u3000内容\t here \r\n\r\n\n第二段  ")
        == "第一段 内容 here\n第二段"
    )


def test_nfc_composes():
    assert clean_unicode("cafe\u0301") == "café"


def test_emoji_zero_width_joiner_is_kept_elsewhere_removed():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_unicode(f"一家{family}人") == f"一家{family}人"
    assert clean_unicode("a\u200db") == "ab"


_NON_CJK = st.text(
    st.characters(blacklist_categories=("Cs",)).filter(
        lambda c: not ("\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or c >= "\U00020000")
    ),
    max_size=80,
)


def _documented_cleanup_only(before: str, after: str) -> bool:
    """`after` is `before` minus whitespace/invisibles, NFC-composed, full-width letters folded."""

    def core(s: str) -> str:
        s = unicodedata.normalize("NFC", s)
        return "".join(
            c
            for c in s
            if not c.isspace() and unicodedata.category(c) != "Cc" and c not in FORMAT_REMOVED
        )

    folded = core(before).translate(
        {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF5B) if chr(cp - 0xFEE0).isalnum()}
    )
    return core(after) == folded


@given(_NON_CJK)
def test_text_without_cjk_changes_only_by_the_documented_cleanup(text):
    cleaned = clean_unicode(text)
    assert get_converter("t2s").convert(text) == text
    assert get_converter("t2s").convert(cleaned) == cleaned
    assert clean_unicode(cleaned) == cleaned
    assert "  " not in cleaned and "\n\n" not in cleaned
    assert not any(c in INVISIBLE for c in cleaned)
    assert _documented_cleanup_only(text, cleaned)


@given(st.text(st.sampled_from("abcXYZ019.,;:!?-_()[]'\"@#/ "), max_size=60))
def test_plain_ascii_text_passes_through(text):
    tidy = " ".join(text.split())
    assert clean_unicode(tidy) == tidy


def _every_rule(text: str) -> str:
    """The clean-up with every rule run on every text: what the character-class gate must equal."""
    from hanflow.normalize import unicode as u

    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = u._FULLWIDTH_RUN.sub(u._fold_fullwidth, u._INVISIBLE.sub("", text))
    text = u._SPACES.sub(" ", text).replace(" \n", "\n")
    return u._AFTER_BREAK.sub("\n", text).strip(" \n")


_RULE_CHARS = st.text(
    st.sampled_from(" \t\n\r\u2028\u2029\u00a0\u3000\u2003\u200b\u200d\ufeff\x00\x1f\x7f\x85\u00ad"
                    "ab1，。中文ＡＺ０９ａｚ😀👍\ufe0fe\u0301"),
    max_size=40,
)


@given(_RULE_CHARS)
def test_rules_run_only_where_their_characters_are_and_give_the_same_text(text):
    from hanflow.normalize import unicode as u

    short = u._SHORT
    try:
        for u._SHORT in (0, short):  # every text gated by its characters; short ones by length
            assert clean_unicode(text) == _every_rule(text)
    finally:
        u._SHORT = short
