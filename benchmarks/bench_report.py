"""The tables the throughput benchmark prints: rates, peak memory, time per stage, ratios."""

from __future__ import annotations

import time

STAGE_ORDER = ("discover", "plan", "read", "decode", "extract", "normalize", "segment", "annotate",
               "dedup", "write", "emit", "total")

# (label, numerator config, denominator config, how, target as text, predicate)
# The defaults are hanflow's fast options (rjieba); the jieba rows are the pure-Python segmenter.
RATIOS = (
    ("hanflow 2 workers / naive (pages/s)", "flow-2", "naive", "rate", ">= 4", lambda r: r >= 4),
    ("hanflow jieba, 2 workers / naive (pages/s)", "jieba-2", "naive", "rate", ">= 1.5", lambda r: r >= 1.5),
    ("2 workers / 1 worker (pages/s)", "flow-2", "flow-1", "rate", ">= 1.7", lambda r: r >= 1.7),
    ("2 workers / 1 worker, jieba (pages/s)", "jieba-2", "jieba-1", "rate", ">= 1.7", lambda r: r >= 1.7),
    ("full flow 1 worker / sum of bare steps (time)", "flow-1", "steps", "time", "<= 1.15", lambda r: r <= 1.15),
    ("full flow 1 worker / bare steps, jieba (time)", "jieba-1", "steps-jieba", "time", "<= 1.15",
     lambda r: r <= 1.15),
    ("full flow 1 worker / bare steps (CPU time)", "flow-1", "steps", "cpu", "<= 1.15", lambda r: r <= 1.15),
    ("full flow 1 worker / bare steps, jieba (CPU time)", "jieba-1", "steps-jieba", "cpu", "<= 1.15",
     lambda r: r <= 1.15),
    ("hanflow 1 worker / naive (pages per CPU second)", "flow-1", "naive", "cpu-rate", "(info)", lambda r: True),
    ("hanflow jieba 1 worker / naive (pages per CPU s)", "jieba-1", "naive", "cpu-rate", "(info)", lambda r: True),
)


def run_seconds(m: dict, config: str) -> float:
    """Seconds of a run; for the bare steps, the sum of the steps' own times."""
    return sum(m["stages"].values()) if config.startswith("steps") else m["seconds"]


def rates_table(medians: dict[str, dict]) -> list[str]:
    lines = [f"{'config':<11} {'pages':>6} {'median s':>9} {'pages/s':>8} {'MB/s':>6} {'kchar/s':>8} "
             f"{'CPU s':>8} {'RSS main':>8} {'RSS wkr':>8} {'kept':>6} {'dups':>6}  runs (s)"]
    for config, m in medians.items():
        t = run_seconds(m, config)
        rss = m["rss_mb"]
        lines.append(
            f"{config:<11} {m['pages']:>6} {t:>9.2f} {m['pages'] / t:>8.1f} {m['bytes'] / 1e6 / t:>6.2f} "
            f"{m['chars'] / 1e3 / t:>8.1f} {m['cpu_s']:>8.1f} {rss['main']:>8.0f} "
            f"{rss['worker'] or float('nan'):>8.0f} "
            f"{m['kept']:>6} {m['duplicates']:>6}  {', '.join(f'{s:.1f}' for s in m['all_seconds'])}")
    return lines


def stages_table(medians: dict[str, dict]) -> list[str]:
    present = {k for m in medians.values() for k in m["stages"]}
    stages = [s for s in STAGE_ORDER if s in present] + sorted(present - set(STAGE_ORDER))
    lines = [f"{'config':<11} " + " ".join(f"{s[:9]:>9}" for s in stages)]
    for config, m in medians.items():
        lines.append(f"{config:<11} " + " ".join(
            f"{m['stages'][s]:>9.2f}" if s in m["stages"] else f"{'':>9}" for s in stages))
    return lines


def _ratio(how: str, a: dict, num: str, b: dict, den: str) -> float:
    if how == "rate":
        return (a["pages"] / run_seconds(a, num)) / (b["pages"] / run_seconds(b, den))
    if how == "time":
        return run_seconds(a, num) / run_seconds(b, den)
    if how == "cpu":
        return a["cpu_s"] / b["cpu_s"]
    return (a["pages"] / a["cpu_s"]) / (b["pages"] / b["cpu_s"])


def ratio_lines(medians: dict[str, dict]) -> list[str]:
    lines = []
    for label, num, den, how, target, ok in RATIOS:
        if num not in medians or den not in medians:
            continue
        a, b = medians[num], medians[den]
        ratio = _ratio(how, a, num, b, den)
        lines.append(f"{label:<48} {ratio:>6.2f}   target {target:<8} {'holds' if ok(ratio) else 'MISSED'}")
    return lines


def report(medians: dict[str, dict], corpus: dict, repeat: int, ceiling: dict | None = None) -> str:
    options = {c.split("-")[0] if not c.startswith("steps") else c: m.get("options") or "defaults"
               for c, m in medians.items()}
    head = [f"hanflow throughput, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {corpus['pages']} pages, "
            f"{corpus['bytes'] / 1e6:.1f} MB of raw HTML, median of {repeat} run(s)",
            "options: " + "; ".join(f"{c}: {o}" for c, o in options.items()), ""]
    notes = ["", "flow rows: wall time of the flow call, embedded Prefect server already started; "
             "their stage times are summed over workers.",
             "steps rows: the sum of the bare steps' own times. RSS in MB: main process, largest worker process.",
             "CPU s: user+system time of the run's process and its worker processes (not the Prefect server)."]
    machine = [] if ceiling is None else [
        f"{'machine: 2 processes / 1 process, pure-Python loop':<48} {ceiling['ratio']:>6.2f}   "
        f"(the most 2 workers can gain right now; runs {', '.join(f'{c:.2f}' for c in ceiling['all'])})"]
    return "\n".join(head + rates_table(medians) + ["", "seconds per stage"] + stages_table(medians)
                     + ["", "ratios"] + ratio_lines(medians) + machine + notes)
