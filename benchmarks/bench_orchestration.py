"""What two orchestration choices are worth: the flow against its own earlier form, side by side.

    python benchmarks/bench_orchestration.py --pages 2000 --repeat 3

- `flow-1` against `flow-1-tagged`: task runs without tags against tagged task runs (Prefect asks
  the server for tag concurrency slots before every tagged task run);
- `flow-2` against `flow-2-even`: batches that shrink towards the end of the run against three
  equal batches per worker;
- `steps`: the bare steps, the floor both flows are measured against.

Each run is a fresh child process, as in bench_throughput.py, interleaved run by run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_report import run_seconds  # noqa: E402
from bench_throughput import run_all  # noqa: E402
from make_bench_corpus import REPO, make_corpus  # noqa: E402

CONFIGS = ("flow-1", "flow-1-tagged", "flow-2", "flow-2-even", "steps")
PAIRS = (("tagged task runs / untagged, 1 worker (time)", "flow-1-tagged", "flow-1"),
         ("equal batches / shrinking batches, 2 workers (time)", "flow-2-even", "flow-2"),
         ("flow 1 worker / bare steps (time)", "flow-1", "steps"),
         ("flow 1 worker, tagged / bare steps (time)", "flow-1-tagged", "steps"),
         ("1 worker / 2 workers (time)", "flow-1", "flow-2"),
         ("1 worker / 2 workers, equal batches (time)", "flow-1", "flow-2-even"))


def table(medians: dict[str, dict]) -> list[str]:
    lines = [f"{'config':<14} {'median s':>9} {'CPU s':>7}  runs (s)"]
    for config, m in medians.items():
        runs = ", ".join(f"{s:.1f}" for s in m["all_seconds"])
        lines.append(f"{config:<14} {run_seconds(m, config):>9.2f} {m['cpu_s']:>7.1f}  {runs}")
    lines.append("")
    for label, num, den in PAIRS:
        lines.append(f"{label:<52} {run_seconds(medians[num], num) / run_seconds(medians[den], den):>6.2f}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpus = REPO / ".bench" / f"corpus-{args.pages}"
    info = make_corpus(args.pages, corpus)
    medians = run_all(list(CONFIGS), corpus, args.repeat)
    ceiling = medians.pop("_ceiling")
    print(f"{info['pages']} pages, {info['bytes'] / 1e6:.1f} MB, median of {args.repeat} run(s); "
          f"machine: 2 processes / 1 process {statistics.median(ceiling['all']):.2f}")
    print("\n".join(table(medians)))


if __name__ == "__main__":
    main()
