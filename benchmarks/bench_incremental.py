"""Cost of a scheduled run after a few edits, against the full build of the same output.

A synthetic corpus (benchmarks/load_corpus.py) is built in full once; then `--edits` files
spread over the corpus are edited (and, with `--deletes`, others deleted) and an incremental
run brings the output up to date. Each build runs in a fresh child process; CPU seconds are
the child's own (user + system), wall seconds its elapsed time. The target: the incremental
run takes under 5 % of the full build's time and rewrites at most the shards that held the
changed files.

    python benchmarks/bench_incremental.py --pages 100000 --edits 10
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from load_corpus import write_corpus  # noqa: E402

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from hanflow.build import build
start = time.perf_counter()
m = build(Path(sys.argv[1]), Path(sys.argv[2]), full=sys.argv[3] == "full", batch_size=500)
use = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"counts": m["counts"], "totals": m["totals"], "rewritten": m["shards_rewritten"],
                  "written": m["shards"], "changes": m["changes"], "wall_s": time.perf_counter() - start,
                  "cpu_s": use.ru_utime + use.ru_stime, "rss_mb": use.ru_maxrss / 1024}))
"""


def _build(raw: Path, out: Path, mode: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(raw), str(out), mode],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _holders(out: Path, sources: list[str]) -> tuple[set[str], set[str]]:
    """The shards that hold the lines of `sources`, and those shards together with the ones
    holding the duplicates of the kept records among them (which are filed again), from the state."""
    import sqlite3

    conn = sqlite3.connect(out / "state.sqlite")
    query = "SELECT shard, id, kind FROM sources WHERE source IN (SELECT value FROM json_each(?))"
    try:
        rows = conn.execute(query, (json.dumps(sources),)).fetchall()
        kept = [rid for _, rid, kind in rows if kind == "corpus"]
        members = conn.execute("SELECT shard FROM sources WHERE kind = 'duplicates' AND duplicate_of IN"
                               " (SELECT value FROM json_each(?))", (json.dumps(kept),)).fetchall()
    finally:
        conn.close()
    own = {r[0] for r in rows}
    return own, own | {r[0] for r in members}


def _change(raw: Path, edits: int, deletes: int) -> tuple[list[str], list[str]]:
    files = sorted(p for p in raw.rglob("*") if p.is_file() and not p.name.startswith("."))
    step = max(len(files) // (edits + deletes), 1)
    picked = files[::step][: edits + deletes]
    for path in picked[:edits]:
        path.write_bytes(path.read_bytes().replace(b"</p>", "编者补记：本文已更新。</p>".encode(), 1) + b"\n")
    for path in picked[edits:]:
        path.unlink()
    rel = [p.relative_to(raw).as_posix() for p in picked]
    return rel[:edits], rel[edits:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=100_000)
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--deletes", type=int, default=0)
    ap.add_argument("--work", type=Path, default=None, help="keep the generated corpus here")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="hanflow-incremental-"))
    raw, out = work / f"raw-{args.pages}", work / f"out-{args.pages}"
    if not raw.is_dir():
        size = write_corpus(raw, args.pages)
        print(f"generated {args.pages} pages ({size / 1e6:.0f} MB)", flush=True)
    shutil.rmtree(out, ignore_errors=True)
    full = _build(raw, out, "full")
    shards_before = sum(len(v) for v in full["written"].values())
    print(f"full build: {full['wall_s']:.1f} s wall, {full['cpu_s']:.1f} CPU s, {full['totals']} in "
          f"{shards_before} shards", flush=True)
    edited, deleted = _change(raw, args.edits, args.deletes)
    holders, with_members = _holders(out, edited + deleted)
    start = time.perf_counter()
    inc = _build(raw, out, "incremental")
    print(f"incremental run after {len(edited)} edits and {len(deleted)} deletions: {inc['wall_s']:.2f} s wall, "
          f"{inc['cpu_s']:.2f} CPU s ({time.perf_counter() - start:.1f} s with the child's start)")
    print(f"  counts {inc['counts']}\n  changes {inc['changes']}")
    rewritten = set(inc["rewritten"])
    share_wall, share_cpu = inc["wall_s"] / full["wall_s"], inc["cpu_s"] / full["cpu_s"]
    print(f"  shards rewritten: {len(rewritten)} of {shards_before}; the changed files' lines were in "
          f"{len(holders)}, with the duplicates of the changed kept records in {len(with_members)}")
    print(f"  incremental / full: {100 * share_wall:.2f} % wall, {100 * share_cpu:.2f} % CPU "
          f"({'holds' if max(share_wall, share_cpu) < 0.05 else 'MISSED'}: < 5 %)")
    print(f"  rewrites only the shards holding changed lines: {'holds' if rewritten <= with_members else 'MISSED'}")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
