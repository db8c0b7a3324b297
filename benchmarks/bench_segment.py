"""Segmentation F1 and speed on SIGHAN 2005 PKU and MSR: hanflow's Segmenter against jieba.lcut.

A third row set, pku-s2t, is PKU converted to traditional characters (s2t, gold boundaries kept):
a check of segmenting traditional text, not a gold set of its own.
Reads the test sets from ../shared beside the repository and prints, per corpus, word
precision/recall/F1 (span matching, the shared scorer) and median characters per second over
`--repeat` runs. Gold lines with spaces removed are the input (the raw MSR test file misplaces
a few quotes across lines).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable

from shared_data import SHARED, load_tool

DATA = SHARED / "data" / "sighan2005"
SCORER = SHARED / "tools" / "score_segmentation.py"


def run(
    segment: Callable[[str], list[str]], lines: list[str], repeat: int
) -> tuple[list[str], float]:
    chars = sum(len(line) for line in lines)
    times = []
    out: list[str] = []
    for _ in range(repeat):
        start = time.perf_counter()
        out = ["  ".join(segment(line)) for line in lines]
        times.append(time.perf_counter() - start)
    return out, chars / statistics.median(times)


def to_traditional(gold: list[str], words_of) -> list[str]:
    """Gold lines converted with s2t (one character for one), keeping the word boundaries."""
    from hanflow.normalize import get_converter

    s2t = get_converter("s2t")
    out = []
    for line in gold:
        words = words_of(line)
        text = s2t.convert("".join(words))
        if len(text) != sum(map(len, words)):
            text = "".join(words)
        cuts, pos = [], 0
        for w in words:
            cuts.append(text[pos : pos + len(w)])
            pos += len(w)
        out.append("  ".join(cuts))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not (DATA / "pku_test_gold.utf8").exists() or not SCORER.exists():
        print(f"skipped: SIGHAN 2005 data or scorer not found under {SHARED}")
        return 0
    import jieba

    from hanflow.segment import Segmenter

    jieba.setLogLevel(60)
    jieba.initialize()
    seg = Segmenter()
    scorer = load_tool("score_segmentation")
    tools = {"hanflow Segmenter": seg.tokenize, "jieba.lcut (HMM on)": jieba.lcut}
    if importlib.util.find_spec("rjieba") is not None:
        tools["hanflow rjieba backend"] = Segmenter(backend="rjieba").tokenize
    print(f"{'corpus':6} {'segmenter':24} {'P':>6} {'R':>6} {'F1':>6} {'OOV-R':>6} {'chars/s':>9}")
    for corpus in ("pku", "msr", "pku-s2t"):
        name = corpus.split("-")[0]
        gold = scorer.read_lines(str(DATA / f"{name}_test_gold.utf8"))
        vocab = scorer.read_vocab(str(DATA / f"{name}_training_words.utf8"))
        if corpus.endswith("s2t"):
            gold = to_traditional(gold, scorer.words_of)
        lines = ["".join(scorer.words_of(g)) for g in gold]
        speeds, outputs = {}, {}
        for name, fn in tools.items():
            out, speeds[name] = run(fn, lines, args.repeat)
            s = scorer.score_lines(gold, out, vocab).summary()
            outputs[name] = out
            print(
                f"{corpus:6} {name:24} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                f"{s['oov_recall']:6.3f} {speeds[name]:9,.0f}"
            )
        ratio = speeds["hanflow Segmenter"] / speeds["jieba.lcut (HMM on)"]
        print(f"{corpus:6} speed ratio hanflow/jieba.lcut: {ratio:.2f}")
        if "hanflow rjieba backend" in outputs:
            same = outputs["hanflow rjieba backend"] == outputs["hanflow Segmenter"]
            print(f"{corpus:6} rjieba backend gives the same tokens as jieba: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
