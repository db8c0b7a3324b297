"""Decoding: who judges double encoding best, and what decoding costs per page.

1. Judges. Paragraphs of the repository's own sentences (tests/data/rule_precision.txt:
   Chinese, English, mixed, typographic punctuation) are damaged the ways the web damages text
   (UTF-8 read as Windows-1252 or Latin-1, once or twice; GBK or Big5 read as Latin-1; one
   damaged line among good ones) and also left clean. Each judge is scored on clean text left
   unchanged and damaged text restored exactly: hanflow's repair, ftfy's encoding fixes alone
   (fix_encoding, and fix_text line by line), and with --base REV hanflow's repair as of REV.
2. Speed. `decode_bytes` over every html-eval and html-modern page, CPU seconds per pass
   (median of --repeat passes), against `decode_bytes` as of REV (with the repair of REV) in
   the same process.

    python benchmarks/bench_decode.py [--base REV] [--repeat 5]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import ftfy
from shared_data import SHARED, module_at

from hanflow import decode
from hanflow.mojibake import _FTFY_CONFIG, repair_mojibake

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = ROOT / "tests" / "data" / "rule_precision.txt"


def paragraphs(size: int = 8) -> list[str]:
    """Paragraphs of English lines, of Chinese lines, and of both, as they stand in the file."""
    lines = [ln for ln in SENTENCES.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    english = [ln for ln in lines if not any("\u3000" <= ch <= "\u9fff" for ch in ln)]
    chinese = [ln for ln in lines if ln not in english]
    return ["\n".join(group[i:i + size]) for group in (english, chinese, lines)
            for i in range(0, len(group), size)]


def _sloppy_cp1252(raw: bytes) -> str:
    """Bytes read as Windows-1252 the way browsers do: its five holes become C1 controls."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)


def _legacy(text: str, codec: str) -> str | None:
    try:
        return text.encode(codec).decode("latin-1")
    except UnicodeEncodeError:
        return None


DAMAGE: dict[str, Callable[[str], str | None]] = {
    "utf8-as-cp1252": lambda t: _sloppy_cp1252(t.encode()),
    "utf8-as-latin1": lambda t: t.encode().decode("latin-1"),
    "utf8-twice": lambda t: _sloppy_cp1252(_sloppy_cp1252(t.encode()).encode()),
    "gbk-as-latin1": lambda t: _legacy(t, "gb18030"),
    "big5-as-latin1": lambda t: _legacy(t, "big5hkscs"),
    "one-line-of-many": lambda t: "\n".join(
        _sloppy_cp1252(ln.encode()) if i == 1 else ln for i, ln in enumerate(t.splitlines())),
}


def judges(base: ModuleType | None) -> dict[str, Callable[[str], str]]:
    out: dict[str, Callable[[str], str]] = {
        "hanflow": lambda t: repair_mojibake(t, None),
        "ftfy.fix_encoding": ftfy.fix_encoding,
        "ftfy.fix_text": lambda t: ftfy.fix_text(t, _FTFY_CONFIG),
    }
    if base is not None:
        out["hanflow@base"] = lambda t: base.repair_mojibake(t, "gb18030")
    return out


def score_judges(base: ModuleType | None) -> None:
    texts = paragraphs()
    # Dense typographic punctuation, as in transcripts and subtitles: curly apostrophes, thirty times over.
    long = ["\n".join([t.replace("'", "\u2019").replace(" - ", " \u2013 ")] * 30) for t in texts]
    cases: dict[str, list[tuple[str, str]]] = {"clean": [(t, t) for t in texts],
                                               "typographic-x30": [(t, t) for t in long]}
    for kind, damage in DAMAGE.items():
        cases[kind] = [(d, t) for t in texts if (d := damage(t)) is not None and d != t]
    print(f"{'judge':18s} " + " ".join(f"{k:>16s}" for k in cases) + f" {'ms/text':>8s}")
    for name, judge in judges(base).items():
        for pairs in cases.values():  # untimed: the first calls set up ftfy's and the repair's tables
            for damaged, _ in pairs[:3]:
                judge(damaged)
        cells, start, calls = [], time.process_time(), 0
        for pairs in cases.values():
            ok = sum(judge(damaged) == expected for damaged, expected in pairs)
            calls += len(pairs)
            cells.append(f"{ok:>4d}/{len(pairs):<4d}{ok / len(pairs):6.1%}")
        ms = (time.process_time() - start) / calls * 1000
        print(f"{name:18s} " + " ".join(f"{c:>16s}" for c in cells) + f" {ms:8.2f}")


def pages() -> list[bytes]:
    out = []
    for part in ("html-eval", "html-modern"):
        out += [p.read_bytes() for p in sorted((SHARED / "data" / part / "html").glob("*.html"))]
    return out


def _pass(func: Callable[[bytes], object], data: list[bytes]) -> float:
    start = time.process_time()
    for raw in data:
        with contextlib.suppress(ValueError):  # DecodeError of either version
            func(raw)
    return time.process_time() - start


def time_decoding(base: ModuleType | None, repeat: int) -> None:
    data = pages()
    if not data:
        print("no evaluation pages beside the repository; speed not measured")
        return
    funcs = {"hanflow": decode.decode_bytes}
    if base is not None:
        funcs["hanflow@base"] = base.decode_bytes
    runs: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(repeat):  # alternate, so that both see the same machine load
        for name, func in funcs.items():
            runs[name].append(_pass(func, data))
    print(f"\ndecode_bytes over {len(data)} pages (html-eval + html-modern), {repeat} passes, CPU seconds")
    for name, secs in runs.items():
        med = statistics.median(secs)
        print(f"  {name:14s} median {med:.3f} s  ({med / len(data) * 1000:.2f} ms/page)")
    if base is not None:
        ratios = [a / b for a, b in zip(runs["hanflow"], runs["hanflow@base"], strict=True)]
        print(f"  ratio hanflow / hanflow@base: median {statistics.median(ratios):.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", help="git revision whose decode.py is the baseline")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    base = module_at(args.base, "src/hanflow/decode.py") if args.base else None
    if base is not None:  # the repair it calls as of REV too, not today's
        base.repair_mojibake = module_at(args.base, "src/hanflow/mojibake.py").repair_mojibake
    score_judges(base)
    time_decoding(base, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
