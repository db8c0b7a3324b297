"""Deduplicate synthetic ~2,000-character documents at two corpus sizes; print time and memory.

Each size runs in a fresh process so its peak resident memory is its own. Texts exist
only inside the two worker processes that fingerprint them; the deduplicating process
sees fingerprints, as in the pipeline. Every tenth document is an exact copy of an
earlier one (punctuation re-widthed), every tenth a near copy (one paragraph of about
ten replaced). A second pass over the same inputs checks that a re-run adds nothing.

    python benchmarks/bench_dedup.py                 # 20,000 and 100,000 documents
    python benchmarks/bench_dedup.py --sizes 5000 20000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from functools import cache
from multiprocessing import Pool
from pathlib import Path

from hanflow.dedup import Candidate, DedupIndex, fingerprint
from hanflow.dedup.key import dedup_key

DOC_CHARS = 2_000
PARAGRAPHS = 10


@cache
def _vocabulary() -> tuple[list[str], list[float]]:
    rng = random.Random(0)
    words = [
        "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(rng.choice((1, 2, 2, 3, 4))))
        for _ in range(8_000)
    ]
    cumulative, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1.0 / rank
        cumulative.append(total)
    return words, cumulative


def _paragraph(rng: random.Random) -> str:
    words, cumulative = _vocabulary()
    chosen = rng.choices(words, cum_weights=cumulative, k=DOC_CHARS // PARAGRAPHS // 2)
    return "，".join("".join(chosen[i : i + 6]) for i in range(0, len(chosen), 6)) + "。"


def _original(i: int) -> list[str]:
    rng = random.Random(i)
    return [_paragraph(rng) for _ in range(PARAGRAPHS)]


def planted(i: int) -> tuple[str, int]:
    """("exact"|"near"|"unique", index of the original it copies)."""
    if i % 10 == 3:
        return "exact", i - 3
    if i % 10 == 7:
        return "near", i - 2
    return "unique", i


def document(i: int) -> str:
    kind, of = planted(i)
    paras = _original(of)
    if kind == "exact":
        return "\n".join(p.replace("，", ", ").replace("。", ". ") for p in paras)
    if kind == "near":
        paras[i % PARAGRAPHS] = _paragraph(random.Random(-i))
    return "\n\n".join(paras)


def candidate(i: int) -> tuple[Candidate, float]:
    """The candidate for document i, and the CPU seconds its fingerprint took."""
    text = document(i)
    start = time.process_time()
    fp = fingerprint(text)
    spent = time.process_time() - start
    return Candidate(f"site/{i:07d}.txt", dedup_key(text), len(text), None, fp), spent


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(n: int, workers: int) -> dict:
    """Fingerprint in workers, resolve, add + commit, resolve again; timings and peak memory."""
    out: dict = {"docs": n}
    start = time.perf_counter()
    cands, cpu = [], 0.0
    with Pool(workers) as pool:
        for cand, spent in pool.imap(candidate, range(n), chunksize=500):
            cands.append(cand)
            cpu += spent
    out["generate_and_fp_s"] = time.perf_counter() - start
    out["fp_cpu_s"] = cpu
    out["rss_candidates_mb"] = _peak_mb()
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "state.sqlite")
        start = time.perf_counter()
        verdicts = DedupIndex(conn).resolve(cands)
        out["resolve_s"] = time.perf_counter() - start
        start = time.perf_counter()
        DedupIndex(conn).add([c for c in cands if c.source not in verdicts])
        conn.commit()
        out["add_commit_s"] = time.perf_counter() - start
        start = time.perf_counter()
        again = DedupIndex(conn).resolve(cands)
        out["rerun_resolve_s"] = time.perf_counter() - start
        out["index_mb"] = (Path(tmp) / "state.sqlite").stat().st_size / 2**20
        conn.close()
    out["peak_rss_mb"] = _peak_mb()
    out.update(_quality(cands, verdicts))
    out["rerun_new_kept"] = sum(c.source not in again for c in cands)
    out["three_runs_same"] = _three_runs_partition(cands) == _partition(cands, verdicts)
    return out


def _partition(cands: list[Candidate], verdicts: dict) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for c in cands:
        root = verdicts[c.source].duplicate_of if c.source in verdicts else c.id
        groups.setdefault(root, set()).add(c.source)
    return {frozenset(g) for g in groups.values()}


def _three_runs_partition(cands: list[Candidate]) -> set[frozenset[str]]:
    """Clusters when the same inputs arrive over three runs (interleaved) sharing an index."""
    conn = sqlite3.connect(":memory:")
    index = DedupIndex(conn)
    verdicts: dict = {}
    for part in range(3):
        batch = cands[part::3]
        found = index.resolve(batch)
        index.add([c for c in batch if c.source not in found])
        conn.commit()
        verdicts.update(found)
    return _partition(cands, verdicts)


def _quality(cands: list[Candidate], verdicts: dict) -> dict:
    """Planted copies found in their original's cluster, and duplicates nobody planted."""
    root = {
        int(c.source[5:12]): verdicts[c.source].duplicate_of if c.source in verdicts else c.id
        for c in cands
    }
    found = {"planted": 0, "exact": 0, "near": 0}
    for i in root:
        kind, of = planted(i)
        if kind != "unique":
            found["planted"] += 1
            found[kind] += root[i] == root[of]
    found["unexpected"] = len(verdicts) - found["exact"] - found["near"]
    return found


def fingerprint_baseline(sample: int = 1_000, repeats: int = 5) -> tuple[float, float]:
    """Median microseconds per document: exact key only, and the full fingerprint."""
    texts = [document(i) for i in range(sample)]
    times: dict[str, list[float]] = {"key": [], "fp": []}
    for _ in range(repeats):
        for name, fn in (("key", dedup_key), ("fp", fingerprint)):
            start = time.perf_counter()
            for text in texts:
                fn(text)
            times[name].append((time.perf_counter() - start) / sample * 1e6)
    return statistics.median(times["key"]), statistics.median(times["fp"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.workers)))
        return 0
    key_us, fp_us = fingerprint_baseline()
    print(
        f"per document, median of 5: exact key {key_us:.0f} us, full fingerprint {fp_us:.0f} us"
        f" ({fp_us / key_us:.1f}x the exact key alone)"
    )
    rows = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(n), "--workers", str(args.workers)]
        rows.append(json.loads(subprocess.run(cmd, check=True, capture_output=True).stdout))
        print(json.dumps(rows[-1]), flush=True)
    cols = (
        "docs",
        "generate_and_fp_s",
        "fp_cpu_s",
        "rss_candidates_mb",
        "resolve_s",
        "add_commit_s",
        "rerun_resolve_s",
        "peak_rss_mb",
        "index_mb",
        "planted",
        "exact",
        "near",
        "unexpected",
        "rerun_new_kept",
        "three_runs_same",
    )
    print(" ".join(f"{c:>15}" for c in cols))
    for row in rows:
        print(
            " ".join(
                f"{row[c]:>15.1f}" if isinstance(row[c], float) else f"{str(row[c]):>15}"
                for c in cols
            )
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(
            f"corpus x{last['docs'] / first['docs']:.1f} -> peak memory "
            f"x{last['peak_rss_mb'] / first['peak_rss_mb']:.2f}, "
            f"text held by workers x{last['docs'] / first['docs']:.1f} "
            f"({last['docs'] * DOC_CHARS * 3 / 2**20:.0f} MB of UTF-8 never in this process)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
