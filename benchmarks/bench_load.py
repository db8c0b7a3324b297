"""Load benchmark: a synthetic corpus per size, one full build each, throughput and peak memory.

Each build runs in a fresh child process so its peak RSS is its own. The smallest size is the
baseline: memory ratios show how much peak RSS grows with the corpus (it should stay near 1,
the dedup index and per-file state being the only things that grow). On a shared machine
wall-clock throughput varies with the load; pages per CPU-second is the steadier figure.

    python benchmarks/bench_load.py --sizes 10000 30000 100000
    python benchmarks/bench_load.py --sizes 2000 --runner cli     # through `hanflow run` (Prefect)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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
import json, resource, sys
from pathlib import Path
from hanflow.build import build
m = build(Path(sys.argv[1]), Path(sys.argv[2]), full=True, batch_size=int(sys.argv[3]))
use = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"counts": m["counts"], "duration_s": m["duration_s"], "timings_s": m["timings_s"],
                  "rss_mb": use.ru_maxrss / 1024, "cpu_s": use.ru_utime + use.ru_stime}))
"""


def _run_build(raw: Path, out: Path, batch_size: int) -> dict:
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(raw), str(out), str(batch_size)],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _run_cli(raw: Path, out: Path, batch_size: int) -> dict:
    """`hanflow run` in a child; peak RSS is the largest of the children (CLI or Prefect server)."""
    hanflow = Path(sys.executable).with_name("hanflow")
    start = time.perf_counter()
    subprocess.run([str(hanflow), "run", "--raw", str(raw), "--out", str(out), "--full",
                    "--batch-size", str(batch_size)], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    manifest = json.loads(max((out / "runs").glob("*.json")).read_text())
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"counts": manifest["counts"], "duration_s": elapsed, "timings_s": manifest["timings_s"],
            "rss_mb": use.ru_maxrss / 1024, "cpu_s": use.ru_utime + use.ru_stime}


def measure(pages: int, work: Path, runner: str, batch_size: int) -> dict:
    raw, out = work / f"raw-{pages}", work / f"out-{pages}"
    if not raw.is_dir():
        t = time.perf_counter()
        size = write_corpus(raw, pages)
        print(f"  generated {pages} pages ({size / 1e6:.0f} MB) in {time.perf_counter() - t:.0f} s",
              flush=True)
    result = (_run_cli if runner == "cli" else _run_build)(raw, out, batch_size)
    shutil.rmtree(out, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="hanflow load benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--runner", choices=["build", "cli"], default="build")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--work", type=Path, default=None, help="keep generated corpora here")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="hanflow-load-"))
    work.mkdir(parents=True, exist_ok=True)
    base = None
    print(f"runner={args.runner} batch_size={args.batch_size} cpus={os.cpu_count()} work={work}")
    print(f"{'pages':>8} {'seconds':>8} {'pages/s':>8} {'cpu s':>8} {'pages/cpu-s':>11} {'peak MB':>8}"
          f" {'MB ratio':>8} {'kept':>7} {'dups':>6} {'rejects':>7}")
    for pages in sorted(args.sizes):
        r = measure(pages, work, args.runner, args.batch_size)
        base = base or r["rss_mb"]
        c = r["counts"]
        print(f"{pages:>8} {r['duration_s']:>8.1f} {pages / r['duration_s']:>8.1f} {r['cpu_s']:>8.1f}"
              f" {pages / r['cpu_s']:>11.1f} {r['rss_mb']:>8.0f} {r['rss_mb'] / base:>8.2f}"
              f" {c['kept']:>7} {c['duplicates']:>6} {c['rejects']:>7}", flush=True)
        print(f"          timings: {json.dumps(r['timings_s'])}", flush=True)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
