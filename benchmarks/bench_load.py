"""Load benchmark: a synthetic corpus per size, one full build each, throughput and peak memory.

Each build runs in a fresh child process so its peak RSS is its own. The smallest size is the
baseline: memory ratios show how much peak RSS grows with the corpus (it should stay near 1,
the dedup index and per-file state being the only things that grow). On a shared machine
wall-clock throughput varies with the load; pages per CPU-second is the steadier figure.

With the in-process runner, the peak of each phase is measured on its own (Linux: VmHWM of
/proc/self/status, reset through /proc/self/clear_refs as the phase starts); the run's peak
is the largest of them. A straight line through (pages, peak) of the measured sizes gives the
memory each document adds, and `--model` the peak it predicts for a larger build.

    python benchmarks/bench_load.py --sizes 10000 30000 100000 --model 1000000
    python benchmarks/bench_load.py --sizes 2000 --runner cli     # through `hanflow run` (Prefect)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from load_corpus import write_corpus  # noqa: E402

from hanflow.build import LocalRunner, Settings, raise_if_failed, run_phases  # noqa: E402
from hanflow.build.store import open_output  # noqa: E402
from hanflow.steps import Options  # noqa: E402

_CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from bench_load import child_build
child_build(*sys.argv[2:])
"""
_STATUS, _CLEAR = Path("/proc/self/status"), Path("/proc/self/clear_refs")


def _hwm_mb() -> float | None:
    """Peak RSS since the last reset (VmHWM), or None where /proc does not tell it."""
    try:
        text = _STATUS.read_text()
    except OSError:
        return None
    found = re.search(r"VmHWM:\s+(\d+) kB", text)
    return int(found.group(1)) / 1024 if found else None


def _reset_hwm() -> bool:
    try:
        _CLEAR.write_text("5")
    except OSError:
        return False
    return True


class PeakRunner(LocalRunner):
    """The phases in this process, noting the peak RSS of each one (MB, by phase name)."""

    def __init__(self) -> None:
        self.peaks: dict[str, float] = {}

    def _measured(self, phase: str, reset: bool) -> None:
        peak = _hwm_mb() if reset else None
        if peak is not None:
            self.peaks[phase] = max(peak, self.peaks.get(phase, 0.0))

    def call(self, phase: str, *args: Any) -> Any:
        reset = _reset_hwm()
        result = super().call(phase, *args)
        self._measured(phase, reset)
        return result

    def map(self, phase: str, calls: list[tuple]) -> Iterator[tuple[int, Any]]:
        reset = _reset_hwm()
        yield from super().map(phase, calls)
        self._measured(phase, reset)


def child_build(raw: str, out: str, batch_size: str) -> None:
    """One full build in this (fresh) process; prints its figures as one JSON line."""
    runner = PeakRunner()
    with open_output(Path(out), full=True) as store:
        m = run_phases(store, Path(raw), Options(), Settings(full=True, batch_size=int(batch_size)), runner)
    raise_if_failed(m)
    use = resource.getrusage(resource.RUSAGE_SELF)
    peak = max([*runner.peaks.values(), _hwm_mb() or 0.0]) if runner.peaks else use.ru_maxrss / 1024
    print(json.dumps({"counts": m["counts"], "duration_s": m["duration_s"], "timings_s": m["timings_s"],
                      "rss_mb": peak, "phase_mb": runner.peaks, "cpu_s": use.ru_utime + use.ru_stime}))


def _run_build(raw: Path, out: Path, batch_size: int) -> dict:
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(HERE), str(raw), str(out), str(batch_size)],
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


def _line(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Least-squares (MB per page, MB at zero pages) through (pages, MB) points."""
    mx = sum(p for p, _ in points) / len(points)
    my = sum(m for _, m in points) / len(points)
    slope = sum((p - mx) * (m - my) for p, m in points) / sum((p - mx) ** 2 for p, _ in points)
    return slope, my - slope * mx


def print_model(measured: list[tuple[int, dict]], pages: int) -> None:
    """Per-page growth of the run's peak (and of each phase's), and the peak it predicts at `pages`."""
    series = {"run": [(n, r["rss_mb"]) for n, r in measured]}
    for phase in measured[0][1].get("phase_mb", {}):
        series[phase] = [(n, r["phase_mb"][phase]) for n, r in measured if phase in r.get("phase_mb", {})]
    print(f"model from {', '.join(str(n) for n, _ in measured)} pages (least squares):")
    for name, points in series.items():
        slope, base = _line(points)
        print(f"  {name:>12} peak: {slope * 1024:6.2f} KB/page over {base:5.0f} MB"
              f" -> {base + slope * pages:7.0f} MB at {pages} pages")


def main() -> None:
    parser = argparse.ArgumentParser(description="hanflow load benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--runner", choices=["build", "cli"], default="build")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--work", type=Path, default=None, help="keep generated corpora here")
    parser.add_argument("--model", type=int, default=None, metavar="PAGES",
                        help="print the memory per page and the peak modeled for a build of PAGES pages")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="hanflow-load-"))
    work.mkdir(parents=True, exist_ok=True)
    base, measured = None, []
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
        if r.get("phase_mb"):
            print("          phase peaks MB: " + " ".join(f"{k}={v:.0f}" for k, v in r["phase_mb"].items()),
                  flush=True)
        measured.append((pages, r))
    if args.model and len(measured) >= 2:
        print_model(measured, args.model)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
