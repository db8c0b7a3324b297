"""Adversarial inputs for the span patterns and the cost of scanning them (tests and benchmark).

A careless pattern scans ahead again and again on long runs of what it accepts followed by what
makes it fail; each unit below, repeated, builds such a run.
"""

from __future__ import annotations

import re
import time

UNITS = [
    "a", "A", "aA", "Ab", "iPhone", "1", "1.", "1:", "1,", "1-", "-1", "1a", "a1", "a-", "a.", "a@", "a@a.",
    "a.a", "http://", "http://a.", ".", "-", "…", "—", "万", "1万", "十", "2019 ", "2019-", "12:3", "1:100:",
    "Windows 1 ", "iPhone 15 ", "Ab 1 Pro ", "May 10 ", "a.b.", "A.", "C++", "C#", "x'", "x’", "e\u0301",
    "\u200d", "👍\u200d", " ", "a ", "中1", "中a", "，", "ａ", "１．", "Hong ", "OpenAI Group ",
]


def repeated(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def scan_seconds(pattern: re.Pattern[str], text: str, runs: int = 3) -> float:
    """CPU seconds of one finditer pass over `text`, the best of `runs`."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        for _ in pattern.finditer(text):
            pass
        best = min(best, time.process_time() - start)
    return best


def growth(pattern: re.Pattern[str], unit: str, small: int, factor: int) -> float:
    """How many times longer a scan of `factor` times the text takes."""
    big = scan_seconds(pattern, repeated(unit, small * factor))
    return big / max(scan_seconds(pattern, repeated(unit, small)), 1e-4)
