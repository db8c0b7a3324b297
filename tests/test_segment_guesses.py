"""jieba's HMM finds unknown words; the guesses that swallow a common one-character word go."""

import jieba
import pytest

from hanflow.segment import Segmenter
from hanflow.segment.guesses import COMMON_WORD, common_characters


@pytest.fixture(scope="module", params=["jieba", "rjieba"])
def seg(request):
    if request.param == "rjieba":
        pytest.importorskip("rjieba")
    return Segmenter(backend=request.param)


@pytest.mark.parametrize(("text", "word"), [
    ("球迷们都喜欢梅西踢球。", "梅西"),
    ("患者术后胃胀明显。", "胃胀"),
    ("张伟丽赢得了比赛。", "张伟丽"),
    ("他买了一台斐讯路由器。", "斐讯"),
])
def test_unknown_names_and_words_are_found(seg, text, word):
    assert word in seg.tokenize(text)
    assert word not in jieba.lcut(text, HMM=False)


@pytest.mark.parametrize(("text", "glued"), [
    ("记者采访了村民阿卜杜拉木和吐尔逊江。", "木和吐尔逊江"),
    ("他们都说这一年很难。", "很难"),
])
def test_guesses_holding_a_common_word_are_cut_back(seg, text, glued):
    assert glued in jieba.lcut(text)  # what the HMM alone would give
    assert glued not in seg.tokenize(text)
    assert "".join(seg.tokenize(text)) == text


def test_common_characters_are_frequent_one_character_words(seg):
    common = common_characters(seg._backend)
    assert {"的", "是", "这", "一", "人", "和"} <= common
    assert not {"梅", "胀", "讯", "斐"} & common
    assert all(seg._backend.frequency(c) >= COMMON_WORD for c in common)
