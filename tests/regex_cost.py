"""Adversarial lines for the line regexes, and how the cost of each regex grows with the line.

Shared by tests/test_rules_linear.py (small sizes, ratio asserted) and benchmarks/bench_rules.py
(up to 1 MB lines). Every compiled pattern of the rule, line and date modules is measured, so a
pattern added later is covered without being listed here.
"""

from __future__ import annotations

import math
import re
import time

from hanflow.extract import dates, lines, rules

# Pieces that make regexes backtrack: digit runs (years, page numbers), separators, CJK, the
# labels rules look for, and characters that open or close the shapes they match.
UNITS = ("2019 ", "1 ", "12", "0", " ", " > ", ">>", "»", "|", "/", "、", "：", ":", "-", ".", "…", "增长率", "长",
         "a", "A", "ab ", "@", "a@", ".a", "©", "(c)", "来源：", "作者：", "首页", "上一页 ", "第1页", "共",
         "版权所有", "分享到", "转载", "声明：", "关注", "公众号", "follow ", "By ", "Copyright ", "http://x",
         "记者", "【", "】", "（", "）", "[", "]", "\t", "T", "+08:00", "星期一", "年", "月", "日", "北京时间",
         "Jan ", "2024-01-01 ", "10:30 ", "credit: ", "Home > ", "tags: ", "下一页", "by Jane ")
TAILS = ("", "!", "。", "x", "增长率")
_RAMP = (*range(8, 64, 4), 64, 96, 128, 256, 512, 1024)


def named_patterns() -> dict[str, re.Pattern[str]]:
    """Every regex the line filter runs: each rule's pattern, and each module-level
    pattern of the rule, line and date modules."""
    out: dict[str, re.Pattern[str]] = {}
    for i, rule in enumerate(rules.RULES):
        out[f"rule {i:02d} {rule.id}"] = rule.pattern
    for module in (rules, lines, dates):
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                out[f"{module.__name__.rsplit('.', 1)[-1]}.{name}"] = value
    return out


def adversarial(unit: str, tail: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size] + tail


def cost(pattern: re.Pattern[str], line: str, min_seconds: float = 0.004) -> float:
    """CPU seconds per `search`, repeated until `min_seconds` have passed (best of three)."""
    best = math.inf
    for _ in range(3):
        calls, start = 0, time.process_time()
        while True:
            pattern.search(line)
            calls += 1
            elapsed = time.process_time() - start
            if elapsed >= min_seconds:
                break
        best = min(best, elapsed / calls)
    return best


def worst_inputs(pattern: re.Pattern[str], size: int = 2000, keep: int = 3,
                 budget: float = 0.05) -> list[tuple[str, str]] | tuple[str, str]:
    """The (unit, tail) pairs on which one search of a `size`-character line is slowest.

    Lines grow from 8 characters in small steps (an exponential pattern's cost grows tenfold
    in a few characters); a pattern that already spends `budget` seconds on a shorter
    line backtracks catastrophically, and that (unit, tail) pair is returned alone, as a tuple."""
    timed = []
    for unit in UNITS:
        for tail in TAILS:
            for n in (*_RAMP, size):
                start = time.process_time()
                pattern.search(adversarial(unit, tail, n))
                elapsed = time.process_time() - start
                if elapsed > budget and n < size:
                    return unit, tail
            timed.append((elapsed, unit, tail))
    timed.sort(reverse=True)
    return [(unit, tail) for _, unit, tail in timed[:keep]]


def growth(pattern: re.Pattern[str], small: int, large: int) -> tuple[float, str]:
    """The largest cost ratio large/small over the worst inputs (linear: about large/small);
    infinite for a pattern that explodes before reaching `small` characters."""
    worst = worst_inputs(pattern, small)
    if isinstance(worst, tuple):
        return math.inf, f"{worst[0]!r}*n+{worst[1]!r} (explodes below {small} characters)"
    ratio_line = 0.0, ""
    for unit, tail in worst:
        ratio = cost(pattern, adversarial(unit, tail, large)) / cost(pattern, adversarial(unit, tail, small))
        ratio_line = max(ratio_line, (ratio, f"{unit!r}*n+{tail!r}"))
    return ratio_line
