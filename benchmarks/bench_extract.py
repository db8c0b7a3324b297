"""Main-text extraction quality and speed on the html-eval set, next to two yardsticks.

Runs hanflow's `extract_html`, readability-lxml and trafilatura (both dev-only) over the same
decoded pages in the same process, scores each with the shared bag-of-token scorer and prints
mean precision/recall/F1 per language and script plus pages per second (and the ratio to
readability-lxml, measured in this run).

    python benchmarks/bench_extract.py [--data DIR] [--only hanflow] [--out scores.json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from shared_data import SHARED, load_module

from hanflow.decode import DecodeError, decode_bytes
from hanflow.extract import extract_html


def _hanflow(html: str) -> str:
    return extract_html(html).text


def _readability(html: str) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html).summary()
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "hanflow": _hanflow,
    "readability": _readability,
    "trafilatura": _trafilatura,
}


def _available(name: str) -> bool:
    """Yardsticks are dev-only dependencies; skip (with a note) any that is not installed."""
    module = {"readability": "readability", "trafilatura": "trafilatura"}.get(name)
    if module is None or importlib.util.find_spec(module) is not None:
        return True
    print(f"note: {name} is not installed (dev dependency); skipped", file=sys.stderr)
    return False


def load_pages(data: Path) -> tuple[dict[str, str], dict[str, dict]]:
    """Decoded HTML by page id (decoded once, outside the timed part) and the ground truth."""
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {}
    for pid in sorted(gold):
        raw = (data / "html" / f"{pid}.html").read_bytes()
        try:
            pages[pid] = decode_bytes(raw).text
        except DecodeError:
            pages[pid] = ""
    return pages, gold


def run(name: str, pages: dict[str, str]) -> tuple[dict[str, str], list[float]]:
    """Predictions and per-page seconds; a crash counts as an empty extraction."""
    func = EXTRACTORS[name]
    preds, times = {}, []
    for pid, html in pages.items():
        start = time.perf_counter()
        try:
            preds[pid] = func(html)
        except Exception as exc:  # noqa: BLE001 - yardsticks may fail on odd pages
            print(f"  {name} failed on {pid}: {type(exc).__name__}: {exc}", file=sys.stderr)
            preds[pid] = ""
        times.append(time.perf_counter() - start)
    return preds, times


def groups(gold: dict[str, dict]) -> dict[str, list[str]]:
    """Page ids by language, by script, and by source part (each part has its own conventions)."""
    out: dict[str, list[str]] = {"zh": [], "zh-Hans": [], "zh-Hant": [], "en": [], "all": []}
    for pid, info in gold.items():
        out["all"].append(pid)
        out.setdefault(info["lang"], []).append(pid)
        if info["lang"] == "zh" and info["script"] in ("Hans", "Hant"):
            out[f"zh-{info['script']}"].append(pid)
        out.setdefault(f"part:{pid.split('__')[0]}", []).append(pid)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "html-eval")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_extraction.py")
    parser.add_argument("--only", action="append", choices=sorted(EXTRACTORS),
                        help="run only these extractors (repeatable)")
    parser.add_argument("--out", type=Path, help="write per-page scores and predictions here")
    parser.add_argument("--worst", type=int, default=5, help="list hanflow's N worst pages")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"no evaluation set at {args.data}; nothing to measure", file=sys.stderr)
        return 2
    scorer = load_module(args.scorer)
    pages, gold = load_pages(args.data)
    gold_text = {pid: info["articleBody"] for pid, info in gold.items()}
    slices = groups(gold)
    names = [n for n in (args.only or list(EXTRACTORS)) if _available(n)]
    results = {}
    for name in names:
        preds, times = run(name, pages)
        per_page = scorer.score_corpus(gold_text, preds)
        results[name] = {"per_page": per_page, "times": times, "preds": preds}
    print_table(results, slices, scorer)
    if "hanflow" in results:
        print_worst(results["hanflow"]["per_page"], gold, args.worst)
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def print_table(results: dict, slices: dict[str, list[str]], scorer) -> None:
    base = results.get("readability")
    base_rate = len(base["times"]) / sum(base["times"]) if base else None
    header = f"{'extractor':12s} {'slice':17s} {'pages':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}"
    print(header)
    for name, res in results.items():
        for label, ids in slices.items():
            s = scorer.summarise(res["per_page"], ids)
            print(f"{name:12s} {label:17s} {s['pages']:5d} {s['precision']:6.3f} "
                  f"{s['recall']:6.3f} {s['f1']:6.3f}")
    print()
    print(f"{'extractor':12s} {'pages/s':>8s} {'median ms':>10s} {'vs readability':>15s}")
    for name, res in results.items():
        rate = len(res["times"]) / sum(res["times"])
        ratio = f"{rate / base_rate:.2f}x" if base_rate else "-"
        median = statistics.median(res["times"]) * 1000
        print(f"{name:12s} {rate:8.1f} {median:10.1f} {ratio:>15s}")


def print_worst(per_page: dict, gold: dict, n: int) -> None:
    if n <= 0:
        return
    print(f"\nhanflow's {n} worst pages:")
    for pid, row in sorted(per_page.items(), key=lambda kv: kv[1]["f1"])[:n]:
        print(f"  {row['f1']:.3f}  P={row['precision']:.3f} R={row['recall']:.3f}  "
              f"{gold[pid]['lang']}-{gold[pid]['script']}  {pid}")


if __name__ == "__main__":
    sys.exit(main())
