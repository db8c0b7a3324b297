from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.segment.simplify import has_traditional, simplify, t2s_characters


def test_traditional_characters_become_simplified_one_for_one():
    assert simplify("臺灣的軟體與網際網路") == "台湾的软体与网际网路"
    assert simplify("裏面") == "里面"  # a Hong Kong/Taiwan variant through OpenCC's standard form


def test_valid_simplified_characters_are_left_alone():
    text = "什么著名的乾隆皇帝，么"
    assert not has_traditional(text)
    assert simplify(text) is text


def test_characters_beyond_the_basic_plane_are_mapped_and_kept():
    astral = [k for k in t2s_characters() if ord(k) > 0xFFFF]
    text = "𠮷野家" + "".join(astral[:3])
    assert len(simplify(text)) == len(text)
    assert simplify(text).startswith("𠮷野家")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_simplify_keeps_the_length_and_every_other_character(text):
    out = simplify(text)
    assert len(out) == len(text)
    table = t2s_characters()
    assert all(o == table.get(c, c) for c, o in zip(text, out, strict=True))
