"""The fastest well-kept library for each of hanflow's stages, timed on the inputs hanflow's own
stages got: run by bench_stages.py inside the `limits` environment (peer_env.py).

    python benchmarks/stage_limits.py INPUTS.json      # prints one JSON line of CPU seconds
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def timed(fn, items) -> float:
    start = time.process_time()
    for item in items:
        fn(item)
    return time.process_time() - start


def main() -> None:
    import opencc
    import rjieba
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    inputs = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    data = [Path(p).read_bytes() for p in inputs["files"]]

    def detect(raw: bytes) -> str:
        return bytes_to_str(raw, detect_encoding(raw))

    def utf8_first(raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return detect(raw)

    html = [detect(raw) for raw in data]
    cc = opencc.OpenCC("t2s")
    rjieba.cut("预热")
    result = {
        "decode_detect": timed(detect, data),
        "decode_utf8": timed(utf8_first, data),
        "extract_resiliparse": timed(lambda h: extract_plain_text(HTMLTree.parse(h), main_content=True), html),
        "extract_trafilatura": timed(trafilatura.extract, html),
        "normalize_opencc": timed(cc.convert, inputs["extracted"]),
        "segment_rjieba": timed(rjieba.cut, inputs["normalized"]),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
