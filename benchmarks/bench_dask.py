"""Speed-up of the Dask runner with 2 local workers over 1 worker, on a generated corpus.

    .venv/bin/python benchmarks/bench_dask.py [--docs 1200] [--repeats 3]

Each measurement is a whole `build_corpus` flow run into a fresh output folder, Dask
LocalCluster start-up included (what a user waits for). Runs alternate 1 and 2 workers so
that load from other processes hits both alike; the script prints medians and their ratio,
and checks that both runners wrote the same bytes. As the ceiling to compare with, it also
times the batch step alone in a plain process pool of 1 and 2 (warm) processes: no Prefect,
no Dask, so that ratio is what the machine's free cores allow at the moment.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")

SUBJECTS = ["市政府", "港务局", "图书馆", "合作社", "铁路公司", "气象台", "博物馆", "农业站", "大学", "医院"]
VERBS = ["宣布", "计划", "开始", "完成", "讨论", "推迟", "扩大", "调整", "公布", "启动"]
OBJECTS = ["夜间公交线路", "老城区改造工程", "新的借阅规则", "春季播种计划", "跨江大桥检修",
           "暴雨预警系统", "青少年科学展览", "社区诊所服务", "河道清理行动", "旧仓库改建方案"]
TAILS = ["，居民对此反应积极。", "，预计明年春天完成。", "，具体细节将在下周公布。",
         "，相关部门表示会继续听取意见。", "，第一阶段已经顺利结束。"]


def _paragraph(rng: random.Random) -> str:
    return "".join(f"{rng.choice(SUBJECTS)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}{rng.choice(TAILS)}"
                   for _ in range(rng.randint(4, 9)))


def make_corpus(root: Path, docs: int, seed: int = 7) -> None:
    """`docs` HTML pages of distinct generated Chinese news text, 1-3 kB of text each."""
    rng = random.Random(seed)
    for i in range(docs):
        body = "".join(f"<p>{_paragraph(rng)}</p>" for _ in range(rng.randint(3, 6)))
        page = (f"<html><head><meta charset='utf-8'><title>地方新闻 第{i}期</title></head>"
                f"<body><article><h1>地方新闻 第{i}期</h1>{body}</article></body></html>")
        path = root / f"site-{i % 7}" / f"page-{i:05d}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")


def timed_run(raw: Path, out: Path, workers: int) -> tuple[float, dict[Path, bytes]]:
    from hanflow.flow.build_corpus import build_corpus, task_runner

    shutil.rmtree(out, ignore_errors=True)
    flow = build_corpus.with_options(task_runner=task_runner(workers, "dask"))
    start = time.perf_counter()
    flow(raw=str(raw), out=str(out), workers=workers, runner="dask", progress=False)
    elapsed = time.perf_counter() - start
    shards = {p.relative_to(out): p.read_bytes() for k in ("corpus", "duplicates", "rejects")
              for p in sorted((out / k).glob("*.jsonl"))}
    return elapsed, shards


def _batch_time(job: tuple[int, list, str]) -> float:
    from hanflow.build import process_batch
    from hanflow.steps import Options

    index, items, staging = job
    start = time.perf_counter()
    process_batch(index, items, Options(), Path(staging), {})
    return time.perf_counter() - start


def pool_run(raw: Path, staging: Path, workers: int) -> float:
    """The batch step alone, three batches per worker, in warm worker processes."""
    from concurrent.futures import ProcessPoolExecutor

    from hanflow.sources import discover

    items = list(discover(raw, 10**9))
    jobs = [(i, items[i::workers * 3], str(staging)) for i in range(workers * 3)]
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_batch_time, [(900 + i, items[:5], str(staging)) for i in range(workers)]))
        start = time.perf_counter()
        list(pool.map(_batch_time, jobs))
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1200)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    from prefect.testing.utilities import prefect_test_harness

    with tempfile.TemporaryDirectory() as tmp, prefect_test_harness(server_startup_timeout=90):
        raw = Path(tmp) / "raw"
        make_corpus(raw, args.docs)
        times: dict[str, list[float]] = {"dask-1": [], "dask-2": [], "pool-1": [], "pool-2": []}
        outputs: dict[int, dict[Path, bytes]] = {}
        (Path(tmp) / "pool").mkdir()
        for _ in range(args.repeats):
            for workers in (1, 2):
                elapsed, outputs[workers] = timed_run(raw, Path(tmp) / f"out-{workers}", workers)
                times[f"dask-{workers}"].append(elapsed)
                times[f"pool-{workers}"].append(pool_run(raw, Path(tmp) / "pool", workers))
                print(f"{workers} worker(s): dask flow {elapsed:.1f} s, "
                      f"plain pool {times[f'pool-{workers}'][-1]:.1f} s", flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"\n{args.docs} documents, {args.repeats} runs each, os.cpu_count()={os.cpu_count()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"dask flow  : 1 worker {med['dask-1']:.1f} s, 2 workers {med['dask-2']:.1f} s, "
          f"speed-up {med['dask-1'] / med['dask-2']:.2f}x")
    print(f"plain pool : 1 process {med['pool-1']:.1f} s, 2 processes {med['pool-2']:.1f} s, "
          f"speed-up {med['pool-1'] / med['pool-2']:.2f}x (the ceiling)")
    print(f"same output: {outputs[1] == outputs[2]}")


if __name__ == "__main__":
    main()
