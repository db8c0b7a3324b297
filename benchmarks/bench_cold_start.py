"""Cold start: `hanflow run` on a 10-page folder, end to end, and where its time goes.

    python benchmarks/bench_cold_start.py --repeat 3

The whole command is timed as a user runs it; a second child process repeats the same work in
phases (imports, embedded Prefect server start, the flow itself) and stamps each one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PHASES = ("import prefect", "import prefect server", "import hanflow flow", "server start", "flow")


def phases(raw: Path, out: Path) -> dict[str, float]:
    """Seconds per phase of a cold run, in this (fresh) process."""
    stamps = [time.perf_counter()]
    import prefect  # noqa: F401

    stamps.append(time.perf_counter())
    from prefect.server.api.server import SubprocessASGIServer

    stamps.append(time.perf_counter())
    from hanflow.flow.build_corpus import build_corpus

    stamps.append(time.perf_counter())
    SubprocessASGIServer().start()
    stamps.append(time.perf_counter())
    manifest = build_corpus(raw=str(raw), out=str(out), full=True, progress=False)
    stamps.append(time.perf_counter())
    result = {name: b - a for name, a, b in zip(PHASES, stamps[:-1], stamps[1:], strict=True)}
    result["flow: dictionaries and steps"] = sum(manifest["timings_s"]["steps"].values())
    return result


def ten_pages(corpus: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for page in sorted(corpus.rglob("*.html"))[-10:]:
        shutil.copy(page, dest / page.name)
    return dest


def measure(raw: Path, tmp: Path, env: dict[str, str]) -> tuple[float, dict[str, float]]:
    hanflow = Path(sys.executable).with_name("hanflow")
    start = time.perf_counter()
    subprocess.run([str(hanflow), "run", "--raw", str(raw), "--out", str(tmp / "cli"), "--full"],
                   check=True, env=env, capture_output=True)
    wall = time.perf_counter() - start
    child = subprocess.run([sys.executable, __file__, "--child", str(raw), str(tmp / "phases")],
                           check=True, env=env, capture_output=True, text=True)
    return wall, json.loads(child.stdout.strip().splitlines()[-1])


def cold_start(corpus: Path, repeat: int, env: dict[str, str]) -> str:
    with tempfile.TemporaryDirectory(prefix="hanflow-cold-") as tmp:
        raw = ten_pages(corpus, Path(tmp) / "raw")
        runs = [measure(raw, Path(tmp), env) for _ in range(repeat)]
    walls = [w for w, _ in runs]
    lines = [f"cold start, `hanflow run` on 10 pages: median {statistics.median(walls):.1f} s "
             f"(runs {', '.join(f'{w:.1f}' for w in walls)}; target < 15 s on an idle machine)"]
    for name in runs[0][1]:
        lines.append(f"  {name:<30} {statistics.median(p[name] for _, p in runs):6.2f} s")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1] / ".bench" / "corpus-2000")
    ap.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(phases(*args.child)))
        return
    print(cold_start(args.corpus, args.repeat, dict(os.environ)))


if __name__ == "__main__":
    main()
