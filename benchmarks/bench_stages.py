"""Each of hanflow's stages next to the fastest well-kept library for the same job.

On one generated corpus (500 pages by default, html-eval pages with edits), one core, one
invocation: hanflow's bare steps are timed in this process, and the libraries, on the very inputs
those steps got, in a child process in a throw-away environment (peer_env.py: the C++ OpenCC
binding cannot share a venv with opencc-python-reimplemented). CPU seconds throughout.

    python benchmarks/bench_stages.py --pages 500
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_bench_corpus import REPO, make_corpus  # noqa: E402

LIMITED = ("decode", "extract", "normalize", "segment")


def hanflow_stages(corpus: Path, scratch: Path) -> tuple[dict[str, float], dict]:
    """CPU seconds per step over the corpus, and the inputs of normalise and segment."""
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
    for item in items:
        doc = Document(source=item.source, path=item.path, size=item.size,
                       kind=KINDS.get(item.path.suffix.lower(), "text"))
        for step in pipeline.steps:
            name = type(step).__name__.lower()
            if name == "normalize":
                inputs["extracted"].append(doc.text)
            start = time.process_time()
            doc = step.run(doc)
            times[name] += time.process_time() - start
            if name == "normalize" and not doc.done:
                inputs["normalized"].append(doc.text)
            if doc.done:
                break
    return dict(times), inputs


def limit_stages(inputs: dict, scratch: Path) -> dict[str, float]:
    from peer_env import python

    path = scratch / "inputs.json"
    path.write_text(json.dumps(inputs, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([str(python("limits")), str(Path(__file__).with_name("stage_limits.py")), str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the library measurements failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _row(stage: str, ours: str, theirs: str, ratio: float, target: str, ok: bool | None) -> str:
    verdict = "" if ok is None else ("holds" if ok else "MISSED")
    return f"{stage:<10} {ours:>22} {theirs:>44} {ratio:>7.1f}x  {target:<28} {verdict}"


def table(ours: dict[str, float], lib: dict[str, float], inputs: dict, pages: int) -> list[str]:
    mb_in = sum(len(t.encode("utf-8")) for t in inputs["extracted"]) / 1e6
    kchars = sum(len(t) for t in inputs["normalized"]) / 1e3
    decode_lib = min(lib["decode_detect"], lib["decode_utf8"])
    lines = [f"{'stage':<10} {'hanflow':>22} {'fastest library':>44} {'ratio':>8}  target",
             _row("decode", f"{pages / ours['decode']:.0f} pages/s",
                  f"detect {pages / lib['decode_detect']:.0f}, UTF-8 first {pages / lib['decode_utf8']:.0f} pages/s",
                  ours["decode"] / decode_lib, "<= 2x the faster", ours["decode"] / decode_lib <= 2),
             _row("extract", f"{pages / ours['extract']:.0f} pages/s",
                  f"resiliparse {pages / lib['extract_resiliparse']:.0f} (trafilatura "
                  f"{pages / lib['extract_trafilatura']:.0f}) pages/s",
                  ours["extract"] / lib["extract_resiliparse"], ">= 200 pages/s", pages / ours["extract"] >= 200),
             _row("normalise", f"{mb_in / ours['normalize']:.1f} MB/s",
                  f"C++ OpenCC t2s {mb_in / lib['normalize_opencc']:.1f} MB/s",
                  ours["normalize"] / lib["normalize_opencc"], "(per script: make bench-convert)", None),
             _row("segment", f"{kchars / ours['segment']:.0f} k chars/s",
                  f"rjieba.cut {kchars / lib['segment_rjieba']:.0f} k chars/s",
                  ours["segment"] / lib["segment_rjieba"], "jieba: >= 0.9x lcut (bench-segment)", None)]
    others = sum(v for k, v in ours.items() if k not in LIMITED)
    limit = others + decode_lib + lib["extract_resiliparse"] + lib["normalize_opencc"] + lib["segment_rjieba"]
    total = sum(ours.values())
    lines += ["", f"sum of bare steps {1000 * total / pages:.1f} ms/page; limit row {1000 * limit / pages:.1f} ms/page "
              f"(the libraries above, hanflow's own {', '.join(sorted(k for k in ours if k not in LIMITED))} on both "
              f"sides): {total / limit:.1f}x, target <= 2x {'holds' if total / limit <= 2 else 'MISSED'}"]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=500)
    args = ap.parse_args()
    corpus = REPO / ".bench" / f"corpus-{args.pages}"
    info = make_corpus(args.pages, corpus)
    with tempfile.TemporaryDirectory(prefix="hanflow-stages-", dir=REPO / ".bench") as tmp:
        ours, inputs = hanflow_stages(corpus, Path(tmp))
        lib = limit_stages(inputs, Path(tmp))
    pages = len(inputs["files"])
    print(f"per-stage limits, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {pages} pages, "
          f"{info['bytes'] / 1e6:.1f} MB, one core, CPU seconds (libraries in a separate process, same inputs)")
    print("\n".join(table(ours, lib, inputs, pages)))


if __name__ == "__main__":
    main()
