"""Throughput benchmark: hanflow's flow (1 and 2 workers, default options and the jieba
segmenter), the naive reference script, the datatrove pipeline peer, and each of hanflow's steps
alone, over one generated corpus.

    python benchmarks/bench_throughput.py --pages 20000 --repeat 3
    python benchmarks/bench_throughput.py --pages 2000 --repeat 1      # quick look

Every measurement runs in its own child process (peak RSS is read from /proc for the child and
each of its descendants); the configurations are interleaved run by run so that load on a shared
machine hits them alike. Medians of the repeats are printed, then the ratios that the targets
are stated in. See docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_measure import CONFIGS, run_child  # noqa: E402
from make_bench_corpus import REPO, make_corpus  # noqa: E402

PREFECT_ENV = {"PREFECT_HOME": str(REPO / ".bench" / "prefect"),
               "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING",
               "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90"}


PEER = "datatrove"
ALL_CONFIGS = (*CONFIGS, PEER)
# (label, hanflow config, how, target as text, predicate) against the datatrove peer
PEER_RATIOS = (("hanflow 2 workers / datatrove peer, 2 workers (CPU s)", "flow-2", "cpu", ">= 3", lambda r: r >= 3),
               ("hanflow 2 workers / datatrove peer (pages/s)", "flow-2", "rate", "(info)", lambda r: True),
               ("hanflow jieba, 2 workers / datatrove peer (CPU s)", "jieba-2", "cpu", "(info)", lambda r: True))


def run_peer(corpus: Path, out: Path, workers: int = 2) -> dict:
    """The datatrove pipeline (benchmarks/datatrove_peer.py) in its own environment."""
    from bench_measure import cpu_seconds
    from peer_env import python

    exe = python(PEER)
    cpu = cpu_seconds()
    done = subprocess.run([str(exe), str(Path(__file__).with_name("datatrove_peer.py")), str(corpus), str(out),
                           "--workers", str(workers)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the datatrove peer failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["cpu_s"] = cpu_seconds() - cpu  # the peer and its forked workers, all joined
    return {"config": PEER, "options": {}, **result}


def peer_lines(medians: dict[str, dict]) -> list[str]:
    """hanflow against the datatrove peer: CPU seconds are the steadier figure on a shared machine."""
    peer = medians.get(PEER)
    if peer is None:
        return []
    lines = ["", "against the datatrove pipeline peer"]
    for label, config, how, target, ok in PEER_RATIOS:
        if config not in medians:
            continue
        m = medians[config]
        ratio = peer["cpu_s"] / m["cpu_s"] if how == "cpu" else (m["pages"] / m["seconds"]) / (
            peer["pages"] / peer["seconds"])
        lines.append(f"{label:<52} {ratio:>6.2f}   target {target:<8} {'holds' if ok(ratio) else 'MISSED'}")
    return lines


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = []
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                kids += [int(x) for x in task.read_text().split()]
            except OSError:
                continue
        found += kids
        todo += kids
    return found


def _role(pid: int) -> str | None:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    if "resource_tracker" in cmd:
        return None
    return "worker" if "spawn_main" in cmd or "forkserver" in cmd else "server"


def _hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class RssWatch:
    """Polls the peak RSS (VmHWM) of a process and its descendants, by role, until stopped."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, {"main": 0, "worker": 0, "server": 0}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        while not self._stop.wait(0.1):
            self.peak["main"] = max(self.peak["main"], _hwm_kb(self.pid))
            for kid in _descendants(self.pid):
                role = _role(kid)
                if role:
                    self.peak[role] = max(self.peak[role], _hwm_kb(kid))

    def stop(self) -> dict[str, float]:
        self._stop.set()
        self._thread.join()
        return {k: round(v / 1024, 1) for k, v in self.peak.items()}


def measure(config: str, corpus: Path, scratch: Path) -> dict:
    """One run of one configuration in a fresh child process."""
    out = scratch / config
    cmd = [sys.executable, __file__, "--child", config, "--corpus", str(corpus), "--out", str(out)]
    env = {**os.environ, **PREFECT_ENV, "PYTHONPATH": str(REPO / "benchmarks")}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    watch = RssWatch(proc.pid)
    stdout, stderr = proc.communicate()
    rss = watch.stop()
    if proc.returncode != 0:
        raise RuntimeError(f"{config} failed ({proc.returncode}):\n{stderr[-3000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["rss_mb"] = rss
    return result


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def parallel_ceiling(n: int = 15_000_000) -> float:
    """How much faster two processes finish two equal pure-Python loops than one process runs
    one of them: 2.0 on two idle cores, nearer 1.0 when other jobs hold a core."""
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        pool.map(_spin, [1000, 1000])
        start = time.perf_counter()
        pool.apply(_spin, (n,))
        one = time.perf_counter() - start
        start = time.perf_counter()
        pool.map(_spin, [n, n])
        two = time.perf_counter() - start
    return 2 * one / two


def median_run(runs: list[dict]) -> dict:
    """The run with the median time, with every figure replaced by its median over the runs."""
    runs = sorted(runs, key=lambda r: r["seconds"])
    mid = dict(runs[len(runs) // 2])
    mid["seconds"] = statistics.median(r["seconds"] for r in runs)
    mid["cpu_s"] = statistics.median(r["cpu_s"] for r in runs)
    mid["all_seconds"] = [r["seconds"] for r in runs]
    for key in ("stages", "rss_mb"):
        mid[key] = {k: statistics.median(r[key].get(k, 0.0) for r in runs) for k in runs[0][key]}
    return mid


def run_all(configs: list[str], corpus: Path, repeat: int) -> dict[str, dict]:
    runs: dict[str, list[dict]] = {c: [] for c in configs}
    ceilings = []
    with tempfile.TemporaryDirectory(prefix="hanflow-bench-", dir=REPO / ".bench") as tmp:
        for i in range(repeat):
            ceilings.append(parallel_ceiling())
            for config in configs:
                start = time.perf_counter()
                runs[config].append(measure(config, corpus, Path(tmp)))
                print(f"  run {i + 1}/{repeat} {config:<14} {runs[config][-1]['seconds']:8.2f} s "
                      f"(child {time.perf_counter() - start:.1f} s)", file=sys.stderr, flush=True)
    medians = {c: median_run(r) for c, r in runs.items()}
    medians["_ceiling"] = {"ratio": statistics.median(ceilings), "all": ceilings}
    return medians


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--configs", default=",".join(ALL_CONFIGS), help=f"comma-separated, of: {', '.join(ALL_CONFIGS)}")
    ap.add_argument("--json", type=Path, help="also write the medians here")
    ap.add_argument("--no-cold-start", action="store_true", help="skip the 10-page cold-start runs")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        if args.child == PEER:
            print(json.dumps(run_peer(args.corpus, args.out)))
        else:
            print(json.dumps(run_child(args.child, args.corpus, args.out)))
        return
    from bench_cold_start import cold_start
    from bench_report import report

    corpus = REPO / ".bench" / f"corpus-{args.pages}"
    info = make_corpus(args.pages, corpus)
    print(f"corpus {corpus.relative_to(REPO)}: {info['pages']} pages, {info['bytes'] / 1e6:.1f} MB "
          f"({info['real']} edited real, {info['synthetic']} synthetic)", file=sys.stderr)
    medians = run_all(args.configs.split(","), corpus, args.repeat)
    ceiling = medians.pop("_ceiling")
    print(report(medians, info, args.repeat, ceiling))
    print("\n".join(peer_lines(medians)))
    if not args.no_cold_start:
        print("\n" + cold_start(corpus, args.repeat, {**os.environ, **PREFECT_ENV}))
    if args.json:
        args.json.write_text(json.dumps({"corpus": info, "medians": medians}, indent=2))


if __name__ == "__main__":
    main()
