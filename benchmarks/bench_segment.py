"""Segmentation F1 and speed on SIGHAN 2005 PKU and MSR: hanflow's Segmenter against jieba.lcut.

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
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "data" / "sighan2005"
SCORER = SHARED / "tools" / "score_segmentation.py"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_segmentation", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


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
    scorer = load_scorer()
    tools = {"hanflow Segmenter": seg.tokenize, "jieba.lcut (HMM on)": jieba.lcut}
    print(f"{'corpus':6} {'segmenter':22} {'P':>6} {'R':>6} {'F1':>6} {'OOV-R':>6} {'chars/s':>9}")
    for corpus in ("pku", "msr"):
        gold = scorer.read_lines(str(DATA / f"{corpus}_test_gold.utf8"))
        vocab = scorer.read_vocab(str(DATA / f"{corpus}_training_words.utf8"))
        lines = ["".join(scorer.words_of(g)) for g in gold]
        speeds = {}
        for name, fn in tools.items():
            out, speeds[name] = run(fn, lines, args.repeat)
            s = scorer.score_lines(gold, out, vocab).summary()
            print(
                f"{corpus:6} {name:22} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                f"{s['oov_recall']:6.3f} {speeds[name]:9,.0f}"
            )
        ratio = speeds["hanflow Segmenter"] / speeds["jieba.lcut (HMM on)"]
        print(f"{corpus:6} speed ratio hanflow/jieba.lcut: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
