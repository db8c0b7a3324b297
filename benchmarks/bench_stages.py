"""Each of hanflow's stages next to the fastest well-kept library for the same job.

On one generated corpus (500 pages by default, html-eval pages with edits), one core, one
invocation: hanflow's bare steps are timed in this process, and the libraries, on the very inputs
those steps got, in a child process in a throw-away environment (peer_env.py: the C++ OpenCC
binding cannot share a venv with opencc-python-reimplemented). CPU seconds throughout.

The two sides alternate, `--repeat` times (hanflow's steps, then the libraries), and each
stage's figure is the median of its passes: the machine's load moves both sides alike. The
libraries' decode is warm when timed (the child decodes every page once to have the HTML);
hanflow's first pass pays its decoders' one-time set-up (ftfy, charset-normalizer), which
is printed on its own.

    python benchmarks/bench_stages.py --pages 500 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_bench_corpus import REPO, make_corpus  # noqa: E402

LIMITED = ("decode", "extract", "normalize", "segment")


def hanflow_stages(corpus: Path, scratch: Path) -> tuple[dict[str, float], dict]:
    """CPU seconds per step over the corpus, in the pipeline and alone; the inputs of normalise
    and segment. `alone:<step>` is the step run over every page's input in one loop, as the
    libraries are timed: in the pipeline the other steps run between two pages' turns and take
    the caches over."""
    from bench_steps import _warm

    from hanflow.document import KINDS, Document
    from hanflow.sources import discover
    from hanflow.steps import Options, Pipeline

    pipeline = Pipeline(Options())
    _warm(pipeline, scratch)
    times: Counter[str] = Counter()
    start = time.process_time()
    items = list(discover(corpus, Options().max_bytes))
    times["discover"] += time.process_time() - start
    inputs: dict[str, list] = {"files": [str(i.path) for i in items], "extracted": [], "normalized": []}
    given: dict[str, list[Document]] = {name: [] for name in LIMITED}
    for item in items:
        doc = Document(source=item.source, path=item.path, size=item.size,
                       kind=KINDS.get(item.path.suffix.lower(), "text"))
        for step in pipeline.steps:
            name = type(step).__name__.lower()
            if name == "normalize":
                inputs["extracted"].append(doc.text)
            if name in given:
                given[name].append(_copy(doc))
            start = time.process_time()
            doc = step.run(doc)
            times[name] += time.process_time() - start
            if name == "normalize" and not doc.done:
                inputs["normalized"].append(doc.text)
            if doc.done:
                break
    for step in pipeline.steps:
        if (name := type(step).__name__.lower()) in given:
            docs = given.pop(name)
            docs.reverse()
            start = time.process_time()
            while docs:  # each result freed before the next, as the libraries' are
                step.run(docs.pop())
            times[f"alone:{name}"] = time.process_time() - start
    return dict(times), inputs


def _copy(doc: Any) -> Any:
    """The document as a step gets it, with containers of its own (steps change them)."""
    return replace(doc, meta=dict(doc.meta), annotations=dict(doc.annotations), tokens=list(doc.tokens),
                   removed=Counter(doc.removed))


def limit_stages(inputs: dict, scratch: Path) -> dict[str, float]:
    from peer_env import python

    path = scratch / "inputs.json"
    path.write_text(json.dumps(inputs, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([str(python("limits")), str(Path(__file__).with_name("stage_limits.py")), str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the library measurements failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _row(stage: str, rate, ours: float, alone: float, theirs: str, lib: float, target: str,
         ok: bool | None) -> str:
    verdict = "" if ok is None else ("holds" if ok else "MISSED")
    return (f"{stage:<10} {rate(ours):>16} {rate(alone):>16} {theirs:>44} {ours / lib:>6.1f}x {alone / lib:>6.1f}x"
            f"  {target:<28} {verdict}")


def table(ours: dict[str, float], lib: dict[str, float], inputs: dict, pages: int) -> list[str]:
    """The per-stage rows (hanflow in the pipeline and alone, the library, both ratios; the
    verdicts on the pipeline's figures) and the sums of bare steps."""
    mb_in = sum(len(t.encode("utf-8")) for t in inputs["extracted"]) / 1e6
    kchars = sum(len(t) for t in inputs["normalized"]) / 1e3
    decode_lib = min(lib["decode_detect"], lib["decode_utf8"])
    per_page, mb_s, k_s = (lambda s: f"{pages / s:.0f} pages/s"), (lambda s: f"{mb_in / s:.1f} MB/s"), \
        (lambda s: f"{kchars / s:.0f} k chars/s")
    a = {name: ours[f"alone:{name}"] for name in LIMITED}
    lines = [f"{'stage':<10} {'in the pipeline':>16} {'alone':>16} {'fastest library':>44} "
             f"{'ratio: in pipeline, alone':>14}  target",
             _row("decode", per_page, ours["decode"], a["decode"],
                  f"detect {pages / lib['decode_detect']:.0f}, UTF-8 first {pages / lib['decode_utf8']:.0f} pages/s",
                  decode_lib, "<= 2x the faster", ours["decode"] / decode_lib <= 2),
             _row("extract", per_page, ours["extract"], a["extract"],
                  f"resiliparse {pages / lib['extract_resiliparse']:.0f} (trafilatura "
                  f"{pages / lib['extract_trafilatura']:.0f}) pages/s",
                  lib["extract_resiliparse"], ">= 200 pages/s", pages / ours["extract"] >= 200),
             _row("normalise", mb_s, ours["normalize"], a["normalize"],
                  f"C++ OpenCC t2s {mb_in / lib['normalize_opencc']:.1f} MB/s",
                  lib["normalize_opencc"], "(per script: make bench-convert)", None),
             _row("segment", k_s, ours["segment"], a["segment"],
                  f"rjieba.cut {kchars / lib['segment_rjieba']:.0f} k chars/s", lib["segment_rjieba"],
                  "jieba: >= 0.9x lcut (bench-segment)", None)]
    own = sorted(k for k in ours if k not in LIMITED and not k.startswith("alone:"))
    others = sum(ours[k] for k in own)
    limit = others + decode_lib + lib["extract_resiliparse"] + lib["normalize_opencc"] + lib["segment_rjieba"]
    total, alone = others + sum(ours[k] for k in LIMITED), others + sum(a.values())
    lines.append(f"sum of bare steps {1000 * total / pages:.1f} ms/page (each step alone {1000 * alone / pages:.1f}); "
                 f"limit row {1000 * limit / pages:.1f}: {total / limit:.1f}x ({alone / limit:.1f}x), target <= 2x "
                 f"{'holds' if total / limit <= 2 else 'MISSED'}")
    lines.insert(len(lines) - 1, f"\n(the limit row: the libraries above, and hanflow's own {', '.join(own)} "
                                 "on both sides)")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3, help="passes of each side, alternating (medians)")
    args = ap.parse_args()
    corpus = REPO / ".bench" / f"corpus-{args.pages}"
    info = make_corpus(args.pages, corpus)
    passes: list[tuple[dict[str, float], dict[str, float]]] = []
    with tempfile.TemporaryDirectory(prefix="hanflow-stages-", dir=REPO / ".bench") as tmp:
        for _ in range(max(args.repeat, 1)):
            ours, inputs = hanflow_stages(corpus, Path(tmp))
            passes.append((ours, limit_stages(inputs, Path(tmp))))
    pages = len(inputs["files"])
    ours, lib = (_medians([p[side] for p in passes]) for side in (0, 1))
    print(f"per-stage limits, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {pages} pages, "
          f"{info['bytes'] / 1e6:.1f} MB, one core, CPU seconds, medians of {len(passes)} alternating passes "
          f"(libraries in a separate process, same inputs)")
    print("\n".join(table(ours, lib, inputs, pages)))
    print(f"hanflow decode, first pass: {pages / passes[0][0]['decode']:.0f} pages/s "
          f"(one-time set-up of ftfy and charset-normalizer included)")


def _medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


if __name__ == "__main__":
    main()
