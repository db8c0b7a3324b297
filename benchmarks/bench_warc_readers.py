"""FastWARC against warcio, the two well-kept Python WARC readers: speed of a full scan with
payloads decoded (chunked, gzip, deflate), of one record read at its offset, and what each does
with damaged archives and brotli bodies.

    python benchmarks/bench_warc_readers.py --records 1000 --repeat 5

hanflow frames records itself (so that damage is found at its place and reading goes on) and
hands each record to FastWARC for its headers and body; this benchmark is why.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import random
import statistics
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import brotli
from fastwarc.warc import ArchiveIterator as FastIterator
from fastwarc.warc import WarcRecordType
from warcio.archiveiterator import ArchiveIterator as WarcioIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_bench_corpus import synthetic_page  # noqa: E402

ENCODINGS = ("", "chunked", "gzip", "deflate")


def _chunked(data: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(data[i:i + 4096]), data[i:i + 4096])
                    for i in range(0, len(data), 4096)) + b"0\r\n\r\n"


def record(url: str, body: bytes, encoding: str) -> bytes:
    headers = [("Content-Type", "text/html; charset=utf-8")]
    if encoding == "chunked":
        body, headers = _chunked(body), headers + [("Transfer-Encoding", "chunked")]
    elif encoding:
        body = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}[encoding](body)
        headers.append(("Content-Encoding", encoding))
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return buf.getvalue()


def archive(n: int) -> tuple[bytes, list[int]]:
    rng, parts, offsets, pos = random.Random(7), [], [], 0
    for i in range(n):
        parts.append(record(f"http://bench.test/{i}", synthetic_page(rng, i).encode() * 4, ENCODINGS[i % 4]))
        offsets.append(pos)
        pos += len(parts[-1])
    return b"".join(parts), offsets


def fast_scan(data: bytes) -> int:
    n = 0
    for r in FastIterator(io.BytesIO(data), record_types=WarcRecordType.response, auto_decode="all"):
        hashlib.sha256(r.reader.read()).digest()
        n += 1
    return n


def warcio_scan(data: bytes) -> int:
    n = 0
    for r in WarcioIterator(io.BytesIO(data)):
        if r.rec_type == "response":
            hashlib.sha256(r.content_stream().read()).digest()
            n += 1
    return n


def fast_one(data: bytes, offset: int) -> bytes:
    fh = io.BytesIO(data)
    fh.seek(offset)
    return next(iter(FastIterator(fh, auto_decode="all"))).reader.read()


def warcio_one(data: bytes, offset: int) -> bytes:
    fh = io.BytesIO(data)
    fh.seek(offset)
    return next(iter(WarcioIterator(fh))).content_stream().read()


def cpu_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def hostile_cases(good: list[bytes]) -> dict[str, bytes]:
    bomb = record("http://bench.test/bomb", b"<p>" + b" " * 50_000_000, "gzip")
    return {
        "brotli body": good[0] + record("http://bench.test/br", b"<p>brotli</p>" * 200, "br") + good[1],
        "last record cut short": good[0] + good[1] + good[2][: len(good[2]) // 2],
        "corrupt gzip member": good[0] + good[1][:40] + b"\xff" * 60 + good[1][100:] + good[2],
        "garbage between records": good[0] + b"not a record\r\n" * 4 + good[2],
        "bomb read to a limit": good[0] + bomb + good[1],
    }


def outcome(reader: str, data: bytes, limit: int = 1_000_000) -> str:
    """Records given, bodies short of their declared size, and how iteration ended."""
    got, short = 0, 0
    try:
        if reader == "fastwarc":
            for r in FastIterator(io.BytesIO(data), record_types=WarcRecordType.response, auto_decode="all"):
                body = r.reader.read(limit + 1)
                got += 1
                short += len(body) == 0
        else:
            for r in WarcioIterator(io.BytesIO(data)):
                if r.rec_type == "response":
                    body = r.content_stream().read(limit + 1)
                    got += 1
                    short += len(body) == 0
    except Exception as exc:  # noqa: BLE001 - what a reader raises is the finding
        return f"{got} records, then {type(exc).__name__}: {str(exc)[:40]!r}"
    return f"{got} records" + (f" ({short} with an empty body, no error)" if short else "") + ", no error"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    data, offsets = archive(args.records)
    n = args.records
    print(f"{n} gzip-member response records, {len(data) / 1e6:.1f} MB, bodies plain, chunked, gzip and deflate "
          f"in turn; CPU ms per record, median of {args.repeat}")
    picks = offsets[::10]
    rows = {"fastwarc": (lambda: fast_scan(data), lambda: [fast_one(data, o) for o in picks]),
            "warcio": (lambda: warcio_scan(data), lambda: [warcio_one(data, o) for o in picks])}
    assert fast_scan(data) == warcio_scan(data) == n
    assert all(fast_one(data, o) == warcio_one(data, o) for o in picks[:20])
    scans = {}
    for name, (scan, one) in rows.items():
        scans[name] = cpu_ms(scan, args.repeat) / n
        print(f"  {name:9s} full scan {scans[name]:.3f} ms/record   one record at its offset "
              f"{cpu_ms(one, args.repeat) / len(picks):.3f} ms/record")
    print(f"  warcio / fastwarc (full scan): {scans['warcio'] / scans['fastwarc']:.2f}x")
    good = [record(f"http://bench.test/g{i}", b"<p>good</p>" * 100, "") for i in range(3)]
    print("damaged archives and other bodies (each case: what the reader gave):")
    for case, blob in hostile_cases(good).items():
        print(f"  {case:24s} fastwarc: {outcome('fastwarc', blob)}")
        print(f"  {'':24s} warcio:   {outcome('warcio', blob)}")


if __name__ == "__main__":
    main()
