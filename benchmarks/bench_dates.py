"""Publish dates: hanflow's `find_date` against dateparser and htmldate.

1. Strings: date forms written for this benchmark (Chinese, English, ISO 8601 with Z and
   milliseconds, RFC 2822, impossible dates that must be refused), parsed by `find_date`,
   `dateparser.parse` and `dateparser.search.search_dates`; a result counts when it names the
   same moment at the precision written and keeps the offset exactly when the text gives one.
2. Pages: html-eval pages whose ground truth carries a date (the immortal-autumn part), the
   date hanflow's extraction reports against `htmldate.find_date` (fast and extensive search):
   same day, and same minute where the truth gives a time; milliseconds per page.
3. Cost per line: `find_date` and `dateparser.search.search_dates` on lines of the pages
   (the extractor runs the date parser on every byline and on lines near the content block).

    python benchmarks/bench_dates.py [--lines 2000]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import random
import re
import statistics
import sys
import time
import warnings
from collections.abc import Callable

from shared_data import SHARED

from hanflow.decode import DecodeError, decode_bytes
from hanflow.extract import extract_html
from hanflow.extract.dates import find_date

CASES: list[tuple[str, str | None]] = [
    ("2025-05-10T13:05:00.000Z", "2025-05-10T13:05:00+00:00"),
    ("2025-05-10T13:05:00+08:00", "2025-05-10T13:05:00+08:00"),
    ("Sat, 10 May 2025 13:05:00 +0800", "2025-05-10T13:05:00+08:00"),
    ("Sat, 10 May 2025 05:05:00 GMT", "2025-05-10T05:05:00+00:00"),
    ("10 May 2025", "2025-05-10"),
    ("May 10, 2025", "2025-05-10"),
    ("Monday, November 18, 2019", "2019-11-18"),
    ("Nov. 20, 2019 5:52 AM EST", "2019-11-20T05:52:00-05:00"),
    ("Published 10 May 2025 at 1:05 pm", "2025-05-10T13:05:00"),
    ("2024年5月8日 10:21", "2024-05-08T10:21:00"),
    ("2024年5月8日 下午3时05分", "2024-05-08T15:05:00"),
    ("2025年5月10日 凌晨12:30", "2025-05-10T00:30:00"),
    ("北京时间2024年5月8日10:21", "2024-05-08T10:21:00+08:00"),
    ("更新时间:2023-11-22 09:30:30作者:newsdesk", "2023-11-22T09:30:30"),
    ("发布时间：2023/1/2", "2023-01-02"),
    ("2012年01月11日 HKT 21:43", "2012-01-11T21:43:00+08:00"),
    ("来源：晨报 2022-03-04 10:15 已有12人阅读", "2022-03-04T10:15:00"),
    ("2025-02-31", None),
    ("2025年4月31日", None),
    ("Feb 30, 2024", None),
    ("2019 2020 2021 2022 2023 2024 增长率", None),
    ("第3页 共12页", None),
]


def _canonical(value: str | dt.datetime | None, expected: str) -> str | None:
    """A result at the precision of `expected`: date only, or time with offset or without."""
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value) if "T" in value else dt.datetime.fromisoformat(value + "T00:00")
    if "T" not in expected:
        return value.date().isoformat()
    return value.replace(microsecond=0).isoformat()


def _dateparser_parse(text: str) -> dt.datetime | None:
    import dateparser

    return dateparser.parse(text, settings={"STRICT_PARSING": False})


def _dateparser_search(text: str) -> dt.datetime | None:
    from dateparser.search import search_dates

    found = search_dates(text, languages=["zh", "en"])
    return found[0][1] if found else None


PARSERS: dict[str, Callable[[str], object]] = {
    "hanflow find_date": find_date,
    "dateparser.parse": _dateparser_parse,
    "dateparser.search": _dateparser_search,
}


def score_strings() -> None:
    print(f"{'parser':20s} {'correct':>9s} {'refused ok':>11s} {'ms/string':>10s}")
    for name, parse in PARSERS.items():
        good = refused = 0
        start = time.process_time()
        for text, expected in CASES:
            try:
                got = parse(text)
            except Exception:  # noqa: BLE001 - a parser failing on a string counts as no date
                got = None
            if expected is None:
                refused += got is None
            else:
                good += _canonical(got, expected) == _canonical(expected, expected)
        ms = (time.process_time() - start) / len(CASES) * 1000
        dated = sum(e is not None for _, e in CASES)
        print(f"{name:20s} {good:4d}/{dated:<4d} {refused:5d}/{len(CASES) - dated:<5d} {ms:10.3f}")


def _gold_pages() -> list[tuple[str, str, str]]:
    data = SHARED / "data" / "html-eval"
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for pid, info in sorted(gold.items()):
        truth = (info.get("date") or "").strip()
        if not re.match(r"\d{4}-\d{1,2}-\d{1,2}", truth):
            continue
        try:
            out.append((pid, decode_bytes((data / "html" / f"{pid}.html").read_bytes()).text, truth))
        except DecodeError:
            continue
    return out


def _truth(truth: str) -> tuple[str, str | None]:
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?", truth)
    day = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    return day, (f"{day}T{int(m[4]):02d}:{m[5]}" if m[4] else None)


def _htmldate(extensive: bool) -> Callable[[str], str | None]:
    def run(html: str) -> str | None:
        import htmldate

        return htmldate.find_date(html, extensive_search=extensive, original_date=True,
                                  outputformat="%Y-%m-%dT%H:%M")
    return run


def score_pages() -> None:
    pages = _gold_pages()
    if not pages:
        print("\nno html-eval pages with a date in their ground truth beside the repository")
        return
    finders = {"hanflow extract": lambda html: extract_html(html).published,
               "htmldate (fast)": _htmldate(False), "htmldate (extensive)": _htmldate(True)}
    print(f"\npages whose ground truth has a date: {len(pages)} "
          f"({sum(_truth(t)[1] is not None for *_, t in pages)} with a time)")
    print(f"{'finder':22s} {'same day':>9s} {'same minute':>12s} {'ms/page':>8s}")
    for name, finder in finders.items():
        day_ok = minute_ok = timed = 0
        start = time.process_time()
        for _, html, truth in pages:
            day, minute = _truth(truth)
            try:
                got = finder(html) or ""
            except Exception:  # noqa: BLE001
                got = ""
            day_ok += got[:10] == day
            if minute:
                timed += 1
                minute_ok += got[:16] == minute
        ms = (time.process_time() - start) / len(pages) * 1000
        print(f"{name:22s} {day_ok:4d}/{len(pages):<4d} {minute_ok:6d}/{timed:<5d} {ms:8.2f}")


def time_lines(count: int) -> None:
    pages = _gold_pages()
    lines = [ln.strip() for _, html, _ in pages for ln in re.sub(r"<[^>]+>", "\n", html).splitlines()]
    lines = [ln for ln in lines if 4 <= len(ln) <= 200]
    random.Random(0).shuffle(lines)
    lines = lines[:count]
    if not lines:
        return
    print(f"\ncost per line, {len(lines)} lines of those pages (4-200 characters), CPU")
    for name in ("hanflow find_date", "dateparser.search"):
        parse, runs = PARSERS[name], []
        for _ in range(3 if name.startswith("hanflow") else 1):
            start = time.process_time()
            for line in lines:
                with contextlib.suppress(Exception):
                    parse(line)
            runs.append((time.process_time() - start) / len(lines) * 1e6)
        print(f"  {name:20s} {statistics.median(runs):10.1f} µs/line")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=2000)
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    score_strings()
    score_pages()
    time_lines(args.lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
