"""Word F1 on the SIGHAN 2005 PKU and MSR test sets (read from the shared folder, never copied)."""

import importlib.util
import sys
from pathlib import Path

import pytest

from hanflow.segment import Segmenter

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "data" / "sighan2005"
SCORER = SHARED / "tools" / "score_segmentation.py"

pytestmark = pytest.mark.skipif(
    not (DATA.exists() and SCORER.exists()), reason=f"SIGHAN 2005 data not found at {SHARED}"
)


def _scorer():
    spec = importlib.util.spec_from_file_location("score_segmentation", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seg():
    return Segmenter()


@pytest.mark.parametrize("corpus", ["pku", "msr"])
def test_f1_at_least_085(seg, corpus):
    scorer = _scorer()
    gold = scorer.read_lines(str(DATA / f"{corpus}_test_gold.utf8"))
    test = ["  ".join(seg.tokenize("".join(scorer.words_of(line)))) for line in gold]
    score = scorer.score_lines(gold, test)
    assert not score.misaligned_lines
    assert score.f1 >= 0.85
