"""The rjieba backend is offered only because it gives exactly jieba's tokens; check that here."""


import pytest

from hanflow.segment import Segmenter
from tests.helpers import SHARED

pytest.importorskip("rjieba")

SIGHAN = SHARED / "data" / "sighan2005"
DOMAINS = SHARED / "data" / "seg-domains"
SEEDS = SHARED / "seeds"

SENTENCES = [
    "英伟达和微软在2025年宣布合作，萨提亚·纳德拉表示人工智能会改变软件开发。",
    "研究人员用大语言模型处理自然语言，准确率提高到93.5%。",
    "臺灣的半導體產業在全球供應鏈中佔有重要地位。",
    "OpenAI Group PBC 的估值达到1.4万亿美元，GPT-4o 已在 Windows 11 上线。",
    "模 模 糊糊 的 天气，iPhone 15 Pro 的价格是5,999元 ，记者采访了村民阿卜杜拉木和吐尔逊江。",
]


@pytest.fixture(scope="module")
def pair():
    return Segmenter(backend="jieba"), Segmenter(backend="rjieba")


def test_same_tokens_on_sample_sentences(pair):
    jieba_seg, rust_seg = pair
    assert [rust_seg.tokenize(s) for s in SENTENCES] == [jieba_seg.tokenize(s) for s in SENTENCES]


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="unknown segmenter backend"):
        Segmenter(backend="nope")


@pytest.mark.skipif(not SIGHAN.exists(), reason=f"SIGHAN 2005 data not found at {SHARED}")
def test_same_tokens_on_sighan_and_seeds(pair):
    jieba_seg, rust_seg = pair
    lines = []
    for path in [SIGHAN / "pku_test_gold.utf8", SIGHAN / "msr_test_gold.utf8", *sorted(DOMAINS.glob("*/dev.raw.txt"))]:
        text = path.read_text(encoding="utf-8-sig")
        lines += ["".join(line.split()) for line in text.splitlines()]
    for seed in sorted(SEEDS.glob("*.txt")):
        lines += seed.read_text(encoding="utf-8").splitlines()
    differing = [line for line in lines if rust_seg.tokenize(line) != jieba_seg.tokenize(line)]
    assert differing == []
    documents = ["\n".join(lines[i : i + 20]) for i in range(0, len(lines), 400)]
    assert [rust_seg.tokenize(d) for d in documents] == [jieba_seg.tokenize(d) for d in documents]
