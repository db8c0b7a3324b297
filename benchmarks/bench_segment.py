"""Segmentation F1 on every shared gold set, speed against jieba and rjieba, span-pattern cost.

1. Quality: word precision/recall/F1 (span matching, the shared scorer) of hanflow's Segmenter and
   of plain jieba (`jieba.lcut`, its default, HMM on) on SIGHAN 2005 PKU and MSR (news) and the
   seg-domains sets (UD GSDSimp and UD GSD traditional: Wikipedia; AMTTL: medical forum). pku-s2t
   is PKU converted to traditional characters (s2t, gold boundaries kept): a twin check, not a
   gold set of its own. Gold lines with spaces removed are the input.
2. Speed: documents of 20 consecutive lines of the simplified sets (and of the traditional set),
   segmented and given keywords as the pipeline does (tokenize + extract_keywords), against
   `jieba.lcut` and `rjieba.cut` alone on the same documents. CPU seconds per pass, passes
   interleaved; medians of `--repeat` passes and of their paired ratios. A cold hanflow pass
   starts with empty keyword and guess memories, as a new worker does; a warm pass follows one
   untimed pass over the same documents, as a worker deep into a run has seen most words.
3. Span patterns: for each pattern of `segment/protect.py` (alone and combined), the adversarial
   input (tests/span_cost.py) that costs it most, scanned at 10 kB, 100 kB and 1 MB.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from shared_data import SHARED, load_tool

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SIGHAN = SHARED / "data" / "sighan2005"
DOMAINS = SHARED / "data" / "seg-domains"
SETS = {
    "pku": (SIGHAN / "pku_test_gold.utf8", SIGHAN / "pku_training_words.utf8"),
    "msr": (SIGHAN / "msr_test_gold.utf8", SIGHAN / "msr_training_words.utf8"),
    "gsdsimp": (DOMAINS / "seg-ud-gsdsimp" / "dev.seg.txt", None),
    "gsd": (DOMAINS / "seg-ud-gsd" / "dev.seg.txt", None),
    "amttl": (DOMAINS / "seg-amttl-medical" / "dev.seg.txt", None),
}
TRADITIONAL = ("gsd", "pku-s2t")


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


def load_sets(scorer) -> dict[str, tuple[list[str], dict | None]]:
    sets = {}
    for name, (gold_path, vocab_path) in SETS.items():
        gold = scorer.read_lines(str(gold_path))
        vocab = scorer.read_vocab(str(vocab_path)) if vocab_path else None
        sets[name] = (gold, vocab)
        if name == "pku":
            sets["pku-s2t"] = (to_traditional(gold, scorer.words_of), vocab)
    return sets


def quality(scorer, sets, tools: dict[str, Callable[[str], list[str]]]) -> dict[str, dict[str, float]]:
    print(f"{'set':8} {'segmenter':20} {'P':>6} {'R':>6} {'F1':>6} {'OOV-R':>6} {'gain':>7}")
    f1: dict[str, dict[str, float]] = {}
    for name, (gold, vocab) in sets.items():
        lines = ["".join(scorer.words_of(g)) for g in gold]
        f1[name] = {}
        for tool, segment in tools.items():
            s = scorer.score_lines(gold, ["  ".join(segment(line)) for line in lines], vocab).summary()
            f1[name][tool] = s["f1"]
            oov = f"{s['oov_recall']:6.3f}" if vocab else f"{'':6}"
            gain = f1[name][tool] - f1[name]["jieba.lcut"] if tool != "jieba.lcut" else 0.0
            print(f"{name:8} {tool:20} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.4f} {oov} {gain:+7.4f}")
    return f1


def summarise_quality(f1: dict[str, dict[str, float]]) -> None:
    gains = {n: v["hanflow"] - v["jieba.lcut"] for n, v in f1.items() if n != "pku-s2t"}
    print(f"mean gain over jieba.lcut (5 gold sets): {statistics.mean(gains.values()):+.4f}; "
          f"smallest: {min(gains.values()):+.4f} ({min(gains, key=gains.get)})")
    print(f"traditional twin: gsd - gsdsimp = {f1['gsd']['hanflow'] - f1['gsdsimp']['hanflow']:+.4f}; "
          f"pku-s2t - pku = {f1['pku-s2t']['hanflow'] - f1['pku']['hanflow']:+.4f}")


def documents(scorer, sets, names) -> list[str]:
    lines = [("".join(scorer.words_of(g))) for n in names for g in sets[n][0]]
    return ["\n".join(lines[i : i + 20]) for i in range(0, len(lines), 20)]


def _over(docs: list[str], fn: Callable[[str], object]) -> Callable[[], None]:
    def run() -> None:
        for doc in docs:
            fn(doc)
    return run


def speed(docs: list[str], repeat: int, backends: list[str]) -> None:
    import jieba

    from hanflow.segment import Segmenter, extract_keywords, keywords

    def hanflow(backend: str, warm: bool = False) -> Callable[[], Callable[[], None]]:
        def prepare() -> Callable[[], None]:  # a new worker: a fresh Segmenter, no token memory
            seg = Segmenter(backend=backend)
            keywords.forget()
            run = _over(docs, lambda d: extract_keywords(d, 10, tokens=seg.tokenize(d)))
            if warm:  # a worker that has seen these documents' words once already
                run()
            return run
        return prepare

    runs = {"jieba.lcut": lambda: _over(docs, jieba.lcut), "hanflow (jieba)": hanflow("jieba"),
            "  warm": hanflow("jieba", warm=True)}
    if "rjieba" in backends:
        import rjieba

        alone = rjieba.Jieba()
        runs["rjieba.cut"] = lambda: _over(docs, lambda d: alone.cut(d, True))
        runs["hanflow (rjieba)"] = hanflow("rjieba")
        runs["  warm "] = hanflow("rjieba", warm=True)
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, prepare in runs.items():
            run = prepare()
            start = time.process_time()
            run()
            seconds[name].append(time.process_time() - start)
    chars = sum(map(len, docs))
    for name, values in seconds.items():
        print(f"  {name:18} {chars / statistics.median(values) / 1000:9,.0f} k chars/s")
    def paired(a: str, b: str) -> float:
        return statistics.median(x / y for x, y in zip(seconds[a], seconds[b], strict=True))

    print(f"  hanflow (jieba) speed / jieba.lcut: cold {paired('jieba.lcut', 'hanflow (jieba)'):.2f}, "
          f"warm {paired('jieba.lcut', '  warm'):.2f} (medians of paired passes)")
    if "rjieba.cut" in seconds:
        cold, warm = paired("hanflow (rjieba)", "rjieba.cut") - 1, paired("  warm ", "rjieba.cut") - 1
        print(f"  hanflow's own work with rjieba, in units of rjieba.cut's time: cold {cold:.2f}, warm {warm:.2f}")


def span_costs(sizes: tuple[int, ...]) -> None:
    from hanflow.segment.entities import entity_names
    from hanflow.segment.protect import PATTERNS, build_pairs, build_pattern, build_phrases
    from tests.span_cost import UNITS, growth, repeated, scan_seconds

    patterns = {kind: re.compile(rx) for kind, rx in PATTERNS}
    patterns |= {"alternation": build_pattern(), "pairs": build_pairs(),
                 "phrases": build_phrases(n for n in entity_names() if " " in n)}
    header = "".join(f"{f'{n // 1000} kB ns/char':>16}" for n in sizes)
    print(f"{'pattern':12} {'worst input':14}{header} {'growth per 10x':>15}")
    for kind, pattern in patterns.items():
        unit = max(UNITS, key=lambda u: growth(pattern, u, sizes[0], 10))
        costs = [scan_seconds(pattern, repeated(unit, n), runs=2) / n * 1e9 for n in sizes]
        steps = [costs[i + 1] / max(costs[i], 1e-3) * 10 for i in range(len(costs) - 1)]
        cells = "".join(f"{c:16.1f}" for c in costs)
        print(f"{kind:12} {unit!r:14}{cells} {max(steps):15.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-spans", action="store_true", help="skip the span-pattern cost table")
    args = parser.parse_args(argv)
    missing = [str(p) for p, _ in SETS.values() if not p.exists()]
    if missing or not (SHARED / "tools" / "score_segmentation.py").exists():
        print(f"skipped: gold sets or scorer not found under {SHARED}: {', '.join(missing)}")
        return 0
    import jieba

    from hanflow.segment import Segmenter

    jieba.setLogLevel(60)
    jieba.initialize()
    scorer = load_tool("score_segmentation")
    segmenters = {"jieba": Segmenter(backend="jieba")}
    if importlib.util.find_spec("rjieba") is not None:
        segmenters["rjieba"] = Segmenter(backend="rjieba")
    sets = load_sets(scorer)
    print("## Word F1 against plain jieba (jieba.lcut, HMM on)\n")
    f1 = quality(scorer, sets, {"jieba.lcut": jieba.lcut, "hanflow": segmenters["jieba"].tokenize})
    summarise_quality(f1)
    if "rjieba" in segmenters:
        lines = ["".join(scorer.words_of(g)) for gold, _ in sets.values() for g in gold]
        same = all(segmenters["rjieba"].tokenize(x) == segmenters["jieba"].tokenize(x) for x in lines)
        print(f"rjieba backend gives the same tokens as the jieba backend on every line: {same}")
    print(f"\n## Speed: tokens and keywords per document, CPU time, median of {args.repeat} passes\n")
    for label, names in (("simplified (pku, msr, gsdsimp, amttl)", ("pku", "msr", "gsdsimp", "amttl")),
                         ("traditional (gsd)", ("gsd",))):
        docs = documents(scorer, sets, names)
        print(f"{label}: {len(docs)} documents, {sum(map(len, docs)):,} characters")
        speed(docs, args.repeat, list(segmenters))
    if not args.no_spans:
        print("\n## Span patterns: cost per character on adversarial input\n")
        span_costs((10_000, 100_000, 1_000_000))
    return 0


if __name__ == "__main__":
    sys.exit(main())
