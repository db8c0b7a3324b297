"""Main-text extraction quality and speed on html-eval and html-modern, next to two yardsticks.

Runs hanflow's `extract_html`, readability-lxml and trafilatura (both dev-only) over the same
decoded pages in the same process, scores each with the shared bag-of-token scorer and prints,
for every slice (set × language × page type), mean precision/recall/F1 next to the better
yardstick; then pages per second (wall and CPU, and the ratio to readability-lxml measured in
this run), hanflow's page-type accuracy, which platform profiles fired, and the worst pages.

    python benchmarks/bench_extract.py [--data DIR ...] [--only hanflow] [--out scores.json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from shared_data import SHARED, load_module

from hanflow.decode import DecodeError, decode_bytes
from hanflow.extract import Extraction, extract_html

DEFAULT_SETS = (SHARED / "data" / "html-eval", SHARED / "data" / "html-modern")


def _readability(html: str) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html).summary()
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


EXTRACTORS: dict[str, Callable[[str], str | Extraction]] = {
    "hanflow": extract_html,
    "readability": _readability,
    "trafilatura": _trafilatura,
}
YARDSTICKS = ("readability", "trafilatura")


@dataclass
class Page:
    pid: str
    set: str
    html: str
    gold: dict


@dataclass
class Run:
    texts: dict[str, str] = field(default_factory=dict)
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    types: dict[str, str] = field(default_factory=dict)
    profiles: Counter[str] = field(default_factory=Counter)


def _available(name: str) -> bool:
    """Yardsticks are dev-only dependencies; skip (with a note) any that is not installed."""
    if name not in YARDSTICKS or importlib.util.find_spec(name) is not None:
        return True
    print(f"note: {name} is not installed (dev dependency); skipped", file=sys.stderr)
    return False


def load_pages(data: Path) -> list[Page]:
    """Decoded HTML (decoded once, outside the timed part) with its ground truth."""
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for pid in sorted(gold):
        raw = (data / "html" / f"{pid}.html").read_bytes()
        try:
            html = decode_bytes(raw).text
        except DecodeError:
            html = ""
        pages.append(Page(pid, data.name, html, gold[pid]))
    return pages


def run(name: str, pages: list[Page]) -> Run:
    """Texts and per-page seconds; a crash counts as an empty extraction."""
    func, out = EXTRACTORS[name], Run()
    for page in pages:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            result = func(page.html)
        except Exception as exc:  # noqa: BLE001 - yardsticks may fail on odd pages
            print(f"  {name} failed on {page.pid}: {type(exc).__name__}: {exc}", file=sys.stderr)
            result = ""
        out.cpu.append(time.process_time() - cpu)
        out.wall.append(time.perf_counter() - wall)
        if isinstance(result, Extraction):
            out.types[page.pid] = result.page_type
            out.profiles.update(result.profiles or ["(none)"])
            result = result.text
        out.texts[page.pid] = result
    return out


def page_type(page: Page) -> str:
    """The annotated type; html-eval's pages were all annotated as articles."""
    return page.gold.get("page_type", "article")


def slices(pages: list[Page]) -> dict[str, list[str]]:
    """Page ids by set × language × page type, and by set × language."""
    out: dict[str, list[str]] = {}
    for page in sorted(pages, key=lambda p: (p.set, p.gold["lang"], page_type(p))):
        out.setdefault(f"{page.set} {page.gold['lang']} {page_type(page)}", []).append(page.pid)
    for page in sorted(pages, key=lambda p: (p.set, p.gold["lang"])):
        out.setdefault(f"{page.set} {page.gold['lang']} (all)", []).append(page.pid)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, action="append",
                        help="an evaluation set (repeatable; default html-eval and html-modern)")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_extraction.py")
    parser.add_argument("--only", action="append", choices=sorted(EXTRACTORS),
                        help="run only these extractors (repeatable)")
    parser.add_argument("--out", type=Path, help="write per-page scores and texts here")
    parser.add_argument("--worst", type=int, default=5, help="list hanflow's N worst pages per set")
    args = parser.parse_args(argv)
    sets = [d for d in (args.data or DEFAULT_SETS) if (d / "ground-truth.json").exists()]
    if not sets:
        print("no evaluation set found (../shared/data/html-*); nothing to measure", file=sys.stderr)
        return 2
    scorer = load_module(args.scorer)
    pages = [p for d in sets for p in load_pages(d)]
    gold = {p.pid: p.gold["articleBody"] for p in pages}
    names = [n for n in (args.only or list(EXTRACTORS)) if _available(n)]
    runs = {name: run(name, pages) for name in names}
    scores = {name: scorer.score_corpus(gold, r.texts) for name, r in runs.items()}
    print_quality(scores, slices(pages), scorer)
    print_speed(runs)
    if "hanflow" in runs:
        print_types(runs["hanflow"], pages)
        print_worst(scores["hanflow"], runs["hanflow"], pages, args.worst)
        print_dates(pages)
        print_authors(pages)
    if args.out:
        dump = {name: {"per_page": scores[name], "texts": r.texts, "types": r.types}
                for name, r in runs.items()}
        args.out.write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def print_quality(scores: dict, groups: dict[str, list[str]], scorer) -> None:
    """One row per slice: each extractor's F1 (hanflow's P and R too), the better yardstick,
    and hanflow's margin over it."""
    names = list(scores)
    head = f"{'slice':28s} {'pages':>5s} "
    head += " ".join(f"{n[:11]:>11s}" if n != "hanflow" else f"{'hanflow P/R/F1':>20s}" for n in names)
    print(head + f" {'best other':>10s} {'margin':>7s}")
    for label, ids in groups.items():
        row, others = f"{label:28s} {len(ids):5d} ", []
        for name in names:
            s = scorer.summarise(scores[name], ids)
            if name == "hanflow":
                row += f" {s['precision']:.3f} {s['recall']:.3f} {s['f1']:.3f} "
            else:
                row += f"{s['f1']:11.3f} "
                others.append(s["f1"])
        if "hanflow" in scores and others:
            ours = scorer.summarise(scores["hanflow"], ids)["f1"]
            row += f"{max(others):10.3f} {ours - max(others):+7.3f}"
        print(row)
    print()


def print_speed(runs: dict[str, Run]) -> None:
    base = runs.get("readability")
    base_rate = len(base.cpu) / sum(base.cpu) if base else None
    print(f"{'extractor':12s} {'pages/s':>8s} {'CPU pages/s':>12s} {'median ms':>10s} "
          f"{'vs readability (CPU)':>21s}")
    for name, r in runs.items():
        rate, cpu_rate = len(r.wall) / sum(r.wall), len(r.cpu) / sum(r.cpu)
        ratio = f"{cpu_rate / base_rate:.2f}x" if base_rate else "-"
        print(f"{name:12s} {rate:8.1f} {cpu_rate:12.1f} {statistics.median(r.wall) * 1000:10.1f} "
              f"{ratio:>21s}")
    print()


def print_types(r: Run, pages: list[Page]) -> None:
    """Page-type accuracy where the set labels types; detected types everywhere; profiles."""
    for set_name in sorted({p.set for p in pages}):
        members = [p for p in pages if p.set == set_name]
        found = Counter(r.types[p.pid] for p in members)
        line = f"{set_name}: detected " + ", ".join(f"{k} {v}" for k, v in sorted(found.items()))
        if all("page_type" in p.gold for p in members):
            right = sum(r.types[p.pid] == page_type(p) for p in members)
            confusion = Counter((page_type(p), r.types[p.pid]) for p in members)
            line += (f"; page-type accuracy {right}/{len(members)} = {right / len(members):.3f} ("
                     + ", ".join(f"{g}->{d} {n}" for (g, d), n in sorted(confusion.items())) + ")")
        print(line)
    print("profiles fired: " + ", ".join(f"{k} {v}" for k, v in sorted(r.profiles.items())))
    print()


def print_worst(per_page: dict, r: Run, pages: list[Page], n: int) -> None:
    for set_name in sorted({p.set for p in pages}):
        members = sorted((p for p in pages if p.set == set_name), key=lambda p: per_page[p.pid]["f1"])
        print(f"hanflow's {n} worst pages of {set_name}:")
        for page in members[:n]:
            row = per_page[page.pid]
            print(f"  {row['f1']:.3f}  P={row['precision']:.3f} R={row['recall']:.3f}  "
                  f"{page.gold['lang']} {page_type(page)}->{r.types[page.pid]}  {page.pid}")
    print()


_DAY = re.compile(r"((?:19|20)\d\d)\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})")


def _day(value: str | None) -> str | None:
    m = _DAY.search(value or "")
    return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None


def _htmldate(html: str) -> str | None:
    """htmldate on a parsed tree: given a string that starts with "http" it would download it."""
    import htmldate
    import lxml.html

    try:
        return htmldate.find_date(lxml.html.document_fromstring(html), original_date=True,
                                  extensive_search=False)
    except Exception:  # noqa: BLE001 - a yardstick failing on a page answers nothing
        return None


def print_dates(pages: list[Page]) -> None:
    """Publish dates against the pages whose ground truth has one (day precision), next to
    htmldate (fast mode), with CPU seconds per page."""
    dated = [p for p in pages if _day(p.gold.get("date"))]
    if not dated or importlib.util.find_spec("htmldate") is None:
        return
    print(f"publish dates on {len(dated)} pages with a dated ground truth (day precision):")
    for name, func in (("hanflow", lambda h: extract_html(h).published), ("htmldate", _htmldate)):
        start, answers = time.process_time(), [(_day(func(p.html)), _day(p.gold["date"])) for p in dated]
        ms = (time.process_time() - start) / len(dated) * 1000
        given = sum(a is not None for a, _ in answers)
        right = sum(a == g for a, g in answers)
        print(f"  {name:12s} answered {given:3d}  right {right:3d}  precision {right / max(given, 1):.3f}  "
              f"recall {right / len(dated):.3f}  {ms:5.1f} CPU ms/page (hanflow: whole extraction)")
    print()


_NAME_KEY = re.compile(r"[\s、，,;；/&]+")


def _named(value: str | None) -> str:
    return _NAME_KEY.sub("", value or "").lower()


def print_authors(pages: list[Page]) -> None:
    """Authors against the pages whose ground truth names one. An answer is right when it
    names the same people, separators aside, or some of them (the first of several)."""
    named = [p for p in pages if _named(p.gold.get("author")) not in ("", "unknown")]
    if not named:
        return
    answers = [(_named(extract_html(p.html).author), _named(p.gold["author"])) for p in named]
    given = sum(bool(a) for a, _ in answers)
    right = sum(bool(a) and a in g for a, g in answers)
    print(f"authors on {len(named)} pages whose ground truth names one:")
    print(f"  hanflow      answered {given:3d}  right {right:3d}  precision {right / max(given, 1):.3f}  "
          f"recall {right / len(named):.3f}")
    print()


if __name__ == "__main__":
    sys.exit(main())
