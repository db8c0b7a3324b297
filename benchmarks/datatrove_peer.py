"""The pipeline a data engineer would write with datatrove instead of hanflow: the throughput peer.

Stage 1, per page: read the HTML file (trafilatura's own decoding), datatrove's Trafilatura
extractor, OpenCC t2s (the official `opencc` package), jieba words through datatrove's `cmn` word
tokenizer, JsonlWriter. Then datatrove's four MinHash stages (signatures with the `cmn`
tokenizer, buckets, clusters, filter) and a JsonlWriter of the kept documents.
Runs inside its own environment (see peer_env.py), never hanflow's:

    python benchmarks/datatrove_peer.py RAW_DIR OUT_DIR --workers 2

Prints one JSON line of figures. Pool workers are forked so that their CPU time is counted in
this process's children when they are joined.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import time
from pathlib import Path

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.dedup import MinhashDedupBuckets, MinhashDedupCluster, MinhashDedupFilter
from datatrove.pipeline.dedup.minhash import MinhashConfig, MinhashDedupSignature
from datatrove.pipeline.extractors import Trafilatura
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter
from datatrove.utils.typeshelper import Languages
from datatrove.utils.word_tokenizers import load_word_tokenizer

LANGUAGE = Languages.mandarin_chinese  # "cmn": spaCy's Chinese tokenizer with the jieba segmenter


def _pages(raw: Path) -> list[Path]:
    """The corpus files (hidden files such as the corpus description are not pages)."""
    return sorted(p for p in raw.rglob("*") if p.is_file() and not p.name.startswith("."))


def read_html(raw: Path):
    """A first pipeline step: every file under `raw`, shared out by rank."""

    def read(data, rank: int = 0, world_size: int = 1):
        from trafilatura.utils import decode_file

        for path in _pages(raw)[rank::world_size]:
            yield Document(text=decode_file(path.read_bytes()), id=str(path.relative_to(raw)))

    return read


class OpenCCT2S(PipelineStep):
    name = "OpenCC t2s"
    type = "✂️ - FORMAT"

    def run(self, data, rank: int = 0, world_size: int = 1):
        import opencc

        cc = opencc.OpenCC("t2s")
        for doc in data:
            doc.text = cc.convert(doc.text)
            yield doc


class JiebaWords(PipelineStep):
    name = "jieba words"
    type = "✂️ - FORMAT"

    def run(self, data, rank: int = 0, world_size: int = 1):
        tokenizer = load_word_tokenizer(LANGUAGE)
        for doc in data:
            doc.metadata["words"] = tokenizer.word_tokenize(doc.text)
            yield doc


def cpu_seconds() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _count(folder: Path) -> tuple[int, int]:
    docs = chars = 0
    for path in folder.rglob("*.jsonl*"):
        import gzip

        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                docs += 1
                chars += len(json.loads(line)["text"])
    return docs, chars


def run(raw: Path, out: Path, workers: int) -> dict:
    config = MinhashConfig()
    local = {"workers": workers, "start_method": "fork", "skip_completed": False}
    extracted, sigs, buckets, clusters = (out / n for n in ("extracted", "signatures", "buckets", "clusters"))
    stages = {
        "extract": LocalPipelineExecutor([read_html(raw), Trafilatura(favour_precision=True), OpenCCT2S(),
                                          JiebaWords(), JsonlWriter(str(extracted))],
                                         tasks=workers, logging_dir=str(out / "logs/extract"), **local),
        "signatures": LocalPipelineExecutor([JsonlReader(str(extracted)),
                                             MinhashDedupSignature(str(sigs), config=config, language=LANGUAGE)],
                                            tasks=workers, logging_dir=str(out / "logs/signatures"), **local),
        "buckets": LocalPipelineExecutor([MinhashDedupBuckets(str(sigs), str(buckets), config=config)],
                                         tasks=config.num_buckets, logging_dir=str(out / "logs/buckets"), **local),
        "clusters": LocalPipelineExecutor([MinhashDedupCluster(str(buckets), str(clusters), config=config)],
                                          tasks=1, logging_dir=str(out / "logs/clusters"), **local),
        "filter": LocalPipelineExecutor([JsonlReader(str(extracted)), MinhashDedupFilter(str(clusters)),
                                         JsonlWriter(str(out / "kept"))],
                                        tasks=workers, logging_dir=str(out / "logs/filter"), **local),
    }
    times = {}
    start, cpu = time.perf_counter(), cpu_seconds()
    for name, executor in stages.items():
        t = time.perf_counter()
        executor.run()
        times[name] = time.perf_counter() - t
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    pages = len(_pages(raw))
    extracted_docs, _ = _count(extracted)
    kept, chars = _count(out / "kept")
    return {"seconds": seconds, "cpu_s": cpu, "pages": pages,
            "bytes": sum(p.stat().st_size for p in _pages(raw)), "chars": chars,
            "stages": times, "kept": kept, "duplicates": extracted_docs - kept, "rejects": pages - extracted_docs}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    print(json.dumps(run(args.raw, args.out, args.workers)))


if __name__ == "__main__":
    main()
