"""hanflow's steps alone, as plain function calls over the benchmark pages: the floor of each step.

No Prefect, no batches, no staging: discover the files, run each per-document step on each page
(the time of each call is added to its step), turn kept documents into JSON lines written to one
file, and decide duplicates with an in-memory index. Dictionaries are loaded before the clock starts.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench_measure import cpu_seconds, memory_index, timed, variant_options

from hanflow.build import batches
from hanflow.dedup.signatures import SignatureRows
from hanflow.document import KINDS, Document
from hanflow.output import Stamp, dumps, to_record
from hanflow.sources import discover
from hanflow.steps import Options, Pipeline

WARM_UP = "<html><body><p>今天的天氣很好，我們去公園散步。The weather is fine today.</p></body></html>"


def _options(kind: str) -> Options:
    names = {f.name for f in dataclasses.fields(Options)}
    return Options(**variant_options(kind, names.__contains__))


def _warm(pipeline: Pipeline, tmp: Path) -> None:
    page = tmp / "warm-up.html"
    page.write_text(WARM_UP, encoding="utf-8")
    pipeline.process(next(discover(tmp, 1_000_000)))
    page.unlink()


def _steps(pipeline: Pipeline, item: Any, times: Counter[str]) -> Document:
    doc = Document(source=item.source, path=item.path, size=item.size,
                   kind=KINDS.get(item.path.suffix.lower(), "text"))
    for step in pipeline.steps:
        doc = timed(times, type(step).__name__.lower(), step.run, doc)
        if doc.done:
            break
    return doc


def run_steps(corpus: Path, out: Path, kind: str = "flow") -> dict[str, Any]:
    options = _options(kind)
    pipeline = Pipeline(options)
    out.mkdir(parents=True, exist_ok=True)
    _warm(pipeline, out)
    times: Counter[str] = Counter()
    start, cpu = time.perf_counter(), cpu_seconds()
    items = timed(times, "discover", lambda: list(discover(corpus, options.max_bytes)))
    candidates, signatures, size, rejects = [], [], 0, 0
    stamp = Stamp("run-00001", "run-00001")
    with open(out / "steps.jsonl", "w", encoding="utf-8") as fh:
        for item in items:
            size += item.size
            doc = _steps(pipeline, item, times)
            if doc.reject:
                rejects += 1
                continue
            record = timed(times, "write", to_record, doc, stamp)
            timed(times, "write", fh.write, dumps(record) + "\n")
            candidate, signature = timed(times, "dedup", batches._candidate, doc, record)
            candidates.append(candidate)
            signatures.append(signature)
    verdicts = timed(times, "dedup", memory_index().resolve, candidates, (), SignatureRows.of(signatures))
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    chars = sum(c.n_chars for c in candidates if c.source not in verdicts)
    return {"seconds": seconds, "cpu_s": cpu, "pages": len(items), "bytes": size, "chars": chars,
            "stages": dict(times), "kept": len(candidates) - len(verdicts), "duplicates": len(verdicts),
            "rejects": rejects, "options": variant_options(kind, lambda name: True)}
