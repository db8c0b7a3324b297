"""Boilerplate line rules: precision on article sentences, recall on boilerplate, regex cost growth.

1. Precision: every sentence of tests/data/rule_precision.txt (ordinary article sentences that
   contain the words rules look for) placed inside an article, as its first line and as its last
   line; a sentence removed anywhere is a false positive. The target is 100%.
2. Recall: every line of tests/data/rule_recall.tsv (boilerplate as pages print it) at the edge
   of an article; counted when removed, and when removed under its own rule id.
3. Cost growth: each line regex (rules, line filter, dates) on its most adversarial line of
   1 KB, 10 KB, 100 KB and 1 MB; the exponent of cost ~ length^k (1 is linear).
4. Speed (with --base REV): `line_rule` (inside and at the edge) on every text line of the
   html-eval and html-modern pages, against rules.py as of REV, alternating passes, CPU.

    python benchmarks/bench_rules.py [--max-size 1000000] [--base REV]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shared_data import SHARED, module_at  # noqa: E402

from hanflow.decode import DecodeError, decode_bytes  # noqa: E402
from hanflow.extract import rules  # noqa: E402
from hanflow.extract.lines import filter_lines  # noqa: E402
from hanflow.extract.parse import parse_html  # noqa: E402
from hanflow.extract.rules import line_rule  # noqa: E402
from tests.regex_cost import adversarial, cost, named_patterns, worst_inputs  # noqa: E402

DATA = ROOT / "tests" / "data"
BODY = [
    "市里今天召开会议，讨论明年的公共交通规划，多位代表发言，会议持续了整整三个小时。",
    "The council met for three hours on Tuesday and heard from more than forty residents.",
    "会议决定下月起征求公众意见，意见征集期为三十天，结果将在网站上公布，欢迎大家参与。",
]


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln and not ln.startswith("#")]


def precision() -> None:
    sentences = _lines("rule_precision.txt")
    removed: Counter[str] = Counter()
    for sentence in sentences:
        for lines in ([BODY[0], sentence, *BODY[1:]], [sentence, *BODY], [*BODY, sentence]):
            for rule, line in filter_lines(lines).removed:
                if line == sentence:
                    removed[rule] += 1
    kept = 3 * len(sentences) - sum(removed.values())
    print(f"precision: {len(sentences)} article sentences x 3 positions: {kept}/{3 * len(sentences)} kept "
          f"({kept / (3 * len(sentences)):.1%})" + (f"; removed by {dict(removed)}" if removed else ""))


def recall() -> None:
    rows = [ln.split("\t", 1) for ln in _lines("rule_recall.tsv")]
    per_rule: dict[str, list[int]] = {}
    for rule, line in rows:
        found = line_rule(line, edge=True)
        counts = per_rule.setdefault(rule, [0, 0, 0])
        counts[0] += 1
        counts[1] += found is not None
        counts[2] += found == rule
    total = [sum(c[i] for c in per_rule.values()) for i in range(3)]
    print(f"recall: {total[0]} boilerplate lines: {total[1]} removed ({total[1] / total[0]:.1%}), "
          f"{total[2]} under their own rule ({total[2] / total[0]:.1%})")
    for rule, (n, removed, own) in sorted(per_rule.items()):
        print(f"  {rule:13s} {removed:3d}/{n:<3d} removed, {own:3d} under {rule}")


def growth_table(max_size: int) -> None:
    sizes = [s for s in (1_000, 10_000, 100_000, 1_000_000) if s <= max_size]
    print("\ncost growth, most adversarial line per regex (CPU µs per search); exponent k of cost ~ n^k")
    print(f"{'regex':36s} " + " ".join(f"{s:>10,d}" for s in sizes) + f" {'k':>5s}  worst line")
    worst_k = 0.0
    for name, pattern in sorted(named_patterns().items()):
        worst = worst_inputs(pattern)
        if isinstance(worst, tuple):
            print(f"{name:36s} explodes on {worst[0]!r} * n + {worst[1]!r}")
            worst_k = math.inf
            continue
        unit, tail = worst[0]
        costs = [cost(pattern, adversarial(unit, tail, size), min_seconds=0.01) for size in sizes]
        k = math.log(costs[-1] / costs[0]) / math.log(sizes[-1] / sizes[0])
        worst_k = max(worst_k, k)
        print(f"{name:36s} " + " ".join(f"{c * 1e6:10.1f}" for c in costs) + f" {k:5.2f}  {unit!r}*n+{tail!r}")
    print(f"largest exponent: {worst_k:.2f} (1.00 is linear; 2.00 quadratic)")


def _page_lines() -> list[str]:
    out = []
    for part in ("html-eval", "html-modern"):
        for page in sorted((SHARED / "data" / part / "html").glob("*.html")):
            try:
                root = parse_html(decode_bytes(page.read_bytes()).text)
            except DecodeError:
                continue
            if root is not None:
                out += [ln.strip() for ln in "".join(root.itertext()).splitlines() if ln.strip()]
    return out


def time_rules(rev: str, repeat: int = 3) -> None:
    lines = _page_lines()
    if not lines:
        return
    modules = {"hanflow": rules, "hanflow@base": module_at(rev, "src/hanflow/extract/rules.py")}
    runs: dict[str, list[float]] = {name: [] for name in modules}
    for _ in range(repeat):
        for name, module in modules.items():
            start = time.process_time()
            for line in lines:
                module.line_rule(line, edge=False)
                module.line_rule(line, edge=True)
            runs[name].append(time.process_time() - start)
    print(f"\nline_rule on {len(lines):,} page lines, inside and at the edge, {repeat} passes, CPU seconds")
    for name, secs in runs.items():
        print(f"  {name:14s} median {statistics.median(secs):.2f} s")
    ratios = [a / b for a, b in zip(runs["hanflow"], runs["hanflow@base"], strict=True)]
    print(f"  ratio hanflow / hanflow@base: median {statistics.median(ratios):.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max-size", type=int, default=1_000_000)
    parser.add_argument("--base", help="git revision whose rules.py is the speed baseline")
    args = parser.parse_args(argv)
    precision()
    recall()
    growth_table(args.max_size)
    if args.base:
        time_rules(args.base)
    return 0


if __name__ == "__main__":
    sys.exit(main())
