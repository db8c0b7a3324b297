"""Word F1 on the SIGHAN 2005 PKU and MSR test sets (read from the shared folder, never copied)."""


import pytest

from hanflow.segment import Segmenter
from tests.helpers import SHARED, load_tool

DATA = SHARED / "data" / "sighan2005"
SCORER = SHARED / "tools" / "score_segmentation.py"

pytestmark = pytest.mark.skipif(
    not (DATA.exists() and SCORER.exists()), reason=f"SIGHAN 2005 data not found at {SHARED}"
)


@pytest.fixture(scope="module")
def seg():
    return Segmenter()


@pytest.mark.parametrize("corpus", ["pku", "msr"])
def test_f1_at_least_085(seg, corpus):
    scorer = load_tool("score_segmentation")
    gold = scorer.read_lines(str(DATA / f"{corpus}_test_gold.utf8"))
    test = ["  ".join(seg.tokenize("".join(scorer.words_of(line)))) for line in gold]
    score = scorer.score_lines(gold, test)
    assert not score.misaligned_lines
    assert score.f1 >= 0.85
