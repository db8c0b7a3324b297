"""The script a user would write instead of hanflow: the baseline of the throughput benchmark.

For each page, in one process and without Prefect: trafilatura's extract, OpenCC t2s,
jieba.lcut, a datasketch MinHash inserted into a MinHashLSH, one JSON line out.

    python benchmarks/naive_reference.py RAW_DIR OUT.jsonl
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

import jieba
import opencc
import trafilatura
from datasketch import MinHash, MinHashLSH


def shingles(text: str, k: int = 5) -> set[str]:
    return {text[i:i + k] for i in range(max(1, len(text) - k + 1))}


def run(raw: Path, out: Path) -> dict:
    jieba.setLogLevel(logging.WARNING)
    cc = opencc.OpenCC("t2s")
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    counts = {"pages": 0, "kept": 0, "duplicates": 0, "empty": 0, "bytes": 0, "chars": 0}
    start = time.perf_counter()
    with open(out, "w", encoding="utf-8") as fh:
        for path in sorted(raw.rglob("*.html")):
            data = path.read_bytes()
            counts["pages"] += 1
            counts["bytes"] += len(data)
            text = trafilatura.extract(data)
            if not text:
                counts["empty"] += 1
                continue
            text = cc.convert(text)
            tokens = jieba.lcut(text)
            mh = MinHash(num_perm=128)
            mh.update_batch([sh.encode("utf-8") for sh in shingles(text)])
            key = path.relative_to(raw).as_posix()
            if lsh.query(mh):
                counts["duplicates"] += 1
                continue
            lsh.insert(key, mh)
            counts["kept"] += 1
            counts["chars"] += len(text)
            fh.write(json.dumps({"source": key, "text": text, "tokens": tokens}, ensure_ascii=False) + "\n")
    counts["seconds"] = round(time.perf_counter() - start, 3)
    return counts


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]), Path(sys.argv[2]))))
