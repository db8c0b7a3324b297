"""Conversion correctness on OpenCC's test cases and speed of hanflow's converter.

Prints, in one run:
- cases passed per config, separately for the older line-based cases (OpenCC ver.1.1.9) and the
  current JSON cases, and the failing t2s/tw2s/hk2s JSON cases;
- MB/s of t2s conversion and of the whole normalise step (clean-up, conversion, script,
  changed share) page by page on the simplified, traditional and English main texts of the
  html-eval set: before (the plain forms in tests/normalize_reference.py, conversion through
  opencc-python-reimplemented's own code) and after (hanflow.normalize), their ratio, and whether
  both gave identical output.
Reads ../shared beside the repository; skips with a message when it is absent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

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


def timed(fn, items: list[str], repeat: int) -> tuple[list, float]:
    """Outputs of `fn` on each item and the median CPU seconds of all of them (CPU time is
    steadier than wall time on a shared machine)."""
    times, out = [], []
    for _ in range(repeat):
        start = time.process_time()
        out = [fn(item) for item in items]
        times.append(time.process_time() - start)
    return out, statistics.median(times)


def _pages_by_script() -> dict[str, list[str]]:
    pages = json.loads(PAGES.read_text(encoding="utf-8"))
    groups: dict[str, list[str]] = defaultdict(list)
    for page in pages.values():
        groups[page["script"]].append(page["articleBody"])
    return groups


def report_speed(repeat: int) -> None:
    """Before (the earlier code: opencc-python-reimplemented paragraph by paragraph, clean-up,
    script and changed share character by character) and after, page by page, same run."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from hanflow.normalize import clean_unicode, get_converter, normalize
    from tests import normalize_reference as before

    after = get_converter("t2s")
    print(f"\nhtml-eval main texts, t2s, page by page; MB/s of UTF-8 input per CPU second, median of {repeat}")
    print(f"{'text':6} {'MB':>5} {'convert before':>15} {'after':>7} {'ratio':>6}   "
          f"{'normalise before':>16} {'after':>7} {'ratio':>6}  identical")
    for script, raw in _pages_by_script().items():
        mb = sum(len(t.encode("utf-8")) for t in raw) / 1e6
        cleaned = [clean_unicode(t) for t in raw]
        conv_old, t_conv_old = timed(before.convert, cleaned, repeat)
        conv_new, t_conv_new = timed(after.convert, cleaned, repeat)
        norm_old, t_norm_old = timed(before.normalize, raw, repeat)
        norm_new, t_norm_new = timed(normalize, raw, repeat)
        same = conv_old == conv_new and norm_old == [(n.text, n.script, n.changed_share) for n in norm_new]
        print(f"{script:6} {mb:5.2f} {mb / t_conv_old:15.1f} {mb / t_conv_new:7.1f} {t_conv_old / t_conv_new:5.1f}x   "
              f"{mb / t_norm_old:16.1f} {mb / t_norm_new:7.1f} {t_norm_old / t_norm_new:5.1f}x  {same}")
    print("targets (normalise after): Hant >= 15 MB/s, Hans >= 40 MB/s")


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
