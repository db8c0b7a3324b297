"""Conversion correctness on OpenCC's test cases and speed of hanflow's converter.

Prints, in one run:
- cases passed per config, separately for the older line-based cases (OpenCC ver.1.1.9) and the
  current JSON cases, and the failing t2s/tw2s/hk2s JSON cases;
- MB/s of `convert` (skips paragraphs that cannot change) against `convert_all` (converts every
  paragraph) on the simplified, traditional and English main texts of the html-eval set, the
  ratio of their times, and whether both gave identical output.
Reads ../shared beside the repository; skips with a message when it is absent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict

from shared_data import SHARED

CASES = SHARED / "data" / "opencc-cases"
PAGES = SHARED / "data" / "html-eval" / "ground-truth.json"
SHOW_FAILURES = ("t2s", "tw2s", "hk2s")


def legacy_cases() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((CASES / "legacy-ver.1.1.9").glob("*.in")):
        inputs = path.read_text(encoding="utf-8").splitlines()
        answers = path.with_suffix(".ans").read_text(encoding="utf-8").splitlines()
        out[path.stem] = list(zip(inputs, answers, strict=False))
    return out


def json_cases() -> dict[str, list[tuple[str, str, str]]]:
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for line in (CASES / "cases.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["source"] == "testcases.json":
            out[row["config"]].append((row["id"], row["input"], row["expected"]))
    return out


def report_cases() -> None:
    from hanflow.normalize import get_converter

    legacy, current = legacy_cases(), json_cases()
    print(f"{'config':7} {'legacy passed':>14} {'json passed':>12}")
    failures = []
    for config in sorted(set(legacy) | set(current)):
        try:
            conv = get_converter(config)
        except ValueError:
            print(f"{config:7} {'(config not available)':>27}")
            continue
        lp = sum(conv.convert(i) == a for i, a in legacy.get(config, []))
        jp = 0
        for case_id, text, expected in current.get(config, []):
            got = conv.convert(text)
            jp += got == expected
            if got != expected and config in SHOW_FAILURES:
                failures.append((config, case_id, text, expected, got))
        n_legacy, n_json = len(legacy.get(config, [])), len(current.get(config, []))
        print(f"{config:7} {lp:>6}/{n_legacy:<7} {jp:>5}/{n_json:<6}")
    print("\nfailing current cases (config, id: input | expected | got):")
    for config, case_id, text, expected, got in failures:
        print(f"  {config} {case_id}: {text} | {expected} | {got}")


def timed(fn, text: str, repeat: int) -> tuple[str, float]:
    times, out = [], ""
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn(text)
        times.append(time.perf_counter() - start)
    return out, statistics.median(times)


def report_speed(repeat: int) -> None:
    from hanflow.normalize import clean_unicode, get_converter

    pages = json.loads(PAGES.read_text(encoding="utf-8"))
    groups: dict[str, list[str]] = defaultdict(list)
    for page in pages.values():
        groups[page["script"]].append(clean_unicode(page["articleBody"]))
    conv = get_converter("t2s")
    print(f"\n{'text':6} {'MB':>6} {'skip MB/s':>10} {'all MB/s':>9} {'time ratio':>11} identical")
    for script in ("Hans", "Hant", "Latn"):
        text = "\n".join(groups[script])
        mb = len(text.encode("utf-8")) / 1e6
        fast, t_fast = timed(conv.convert, text, repeat)
        full, t_full = timed(conv.convert_all, text, repeat)
        print(
            f"{script:6} {mb:6.2f} {mb / t_fast:10.2f} {mb / t_full:9.2f} "
            f"{t_fast / t_full:10.1%} {fast == full}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not (CASES / "cases.jsonl").exists() or not PAGES.exists():
        print(f"skipped: OpenCC cases or html-eval pages not found under {SHARED}")
        return 0
    report_cases()
    report_speed(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
