"""Word F1 on the shared gold sets (read from the shared folder, never copied): SIGHAN 2005
PKU/MSR news, UD Chinese-GSD Wikipedia in simplified and traditional script, AMTTL medical forum.

hanflow must not lose to plain jieba (jieba.lcut, HMM on) on any of them, gain on average, and
segment traditional text as well as its simplified twin."""

import jieba
import pytest

from hanflow.segment import Segmenter
from tests.helpers import SHARED, load_tool

SETS = {
    "pku": (SHARED / "data" / "sighan2005" / "pku_test_gold.utf8"),
    "msr": (SHARED / "data" / "sighan2005" / "msr_test_gold.utf8"),
    "gsdsimp": (SHARED / "data" / "seg-domains" / "seg-ud-gsdsimp" / "dev.seg.txt"),
    "gsd": (SHARED / "data" / "seg-domains" / "seg-ud-gsd" / "dev.seg.txt"),
    "amttl": (SHARED / "data" / "seg-domains" / "seg-amttl-medical" / "dev.seg.txt"),
}

pytestmark = pytest.mark.skipif(
    not all(path.exists() for path in SETS.values()), reason=f"segmentation gold sets not found under {SHARED}"
)


@pytest.fixture(scope="module")
def scores():
    scorer = load_tool("score_segmentation")
    try:
        seg = Segmenter(backend="rjieba")  # the same tokens as the jieba backend, faster
    except ValueError:
        seg = Segmenter()
    out = {}
    for name, path in SETS.items():
        gold = scorer.read_lines(str(path))
        lines = ["".join(scorer.words_of(g)) for g in gold]
        ours = scorer.score_lines(gold, ["  ".join(seg.tokenize(line)) for line in lines])
        plain = scorer.score_lines(gold, ["  ".join(jieba.lcut(line)) for line in lines])
        assert not ours.misaligned_lines
        out[name] = (ours.f1, plain.f1)
    return out


@pytest.mark.parametrize("name", list(SETS))
def test_never_below_plain_jieba(scores, name):
    ours, plain = scores[name]
    assert ours >= plain, f"{name}: {ours:.4f} < jieba {plain:.4f}"


def test_mean_gain_over_plain_jieba(scores):
    gains = [ours - plain for ours, plain in scores.values()]
    assert sum(gains) / len(gains) >= 0.02


def test_traditional_as_good_as_its_simplified_twin(scores):
    assert abs(scores["gsd"][0] - scores["gsdsimp"][0]) <= 0.01
