"""Reading archives: the same pages as loose files, one WARC.gz, a JSON Lines export (plain and
gzip), each through a whole build in its own process; CPU seconds, the reading share, and the
identity of the outputs apart from `source`, `url` and `fetched`.

    python benchmarks/bench_archives.py --pages 2000 --repeat 3

Pages are the benchmark corpus (make_bench_corpus.py) that is valid UTF-8 (a JSON Lines export
holds text, so a page in another encoding could not come out of one byte for byte). Record IDs
and line numbers are laid out so that the sources of the four layouts sort in the same order:
the keep rule of duplicate clusters breaks ties by source, and the comparison is of reading,
not of that rule.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from make_bench_corpus import make_corpus  # noqa: E402

LAYOUTS = ("loose", "warc.gz", "jsonl", "jsonl.gz")
RUN_FIELDS = ("source", "url", "fetched")  # what may differ; everything else must be equal


def _pages(corpus: Path) -> list[bytes]:
    pages = []
    for path in sorted(corpus.rglob("*.html")):
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        pages.append(data)
    return pages


def _name(rank: int) -> str:
    return f"p{rank:06d}.html"


def write_layouts(pages: list[bytes], root: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    n = len(pages)
    (root / "loose").mkdir(parents=True, exist_ok=True)
    for rank, data in enumerate(pages):
        (root / "loose" / _name(rank)).write_bytes(data)
    (root / "warc.gz").mkdir(exist_ok=True)
    with open(root / "warc.gz" / "crawl.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for rank, data in enumerate(pages):
            url = f"http://bench.test/{_name(rank)}"
            ids = {"WARC-Date": "2026-11-03T10:00:00Z"}
            req = StatusAndHeaders(f"GET /{_name(rank)} HTTP/1.1", [("Host", "bench.test")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req,
                                                          warc_headers_dict=dict(ids)))
            ids["WARC-Record-ID"] = f"<urn:uuid:00000000-0000-4000-8000-{rank:012x}>"
            resp = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(data)))],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(data),
                                                          http_headers=resp, warc_headers_dict=ids))
    # line n holds the page whose rank is the rank of "export.jsonl#n" among the line sources
    order = sorted(range(1, n + 1), key=str)
    rank_of_line = {line: rank for rank, line in enumerate(order)}
    lines = "".join(json.dumps({"url": f"http://bench.test/{_name(rank_of_line[i])}",
                                "html": pages[rank_of_line[i]].decode("utf-8")}, ensure_ascii=False) + "\n"
                    for i in range(1, n + 1)).encode("utf-8")
    for layout, data in (("jsonl", lines), ("jsonl.gz", gzip.compress(lines, mtime=0))):
        (root / layout).mkdir(exist_ok=True)
        (root / layout / f"export.{layout}").write_bytes(data)


def child(raw: Path, out: Path) -> dict:
    from bench_measure import cpu_seconds

    from hanflow.build import build

    start_cpu, start = cpu_seconds(), time.perf_counter()
    manifest = build(raw, out, full=True)
    return {"cpu_s": cpu_seconds() - start_cpu, "wall_s": time.perf_counter() - start,
            "plan_s": manifest["timings_s"]["plan"], "read_s": manifest["timings_s"]["steps"].get("read", 0.0),
            "steps_s": sum(manifest["timings_s"]["steps"].values()), "counts": manifest["counts"]}


def read_only(raw: Path) -> float:
    """CPU seconds to find every document (indexing archives) and read each one's page, and no
    more: what the layout costs before decoding."""
    import sqlite3

    from hanflow.build.archives import TABLES, expand
    from hanflow.build.planning import batch_sizes
    from hanflow.document import Document
    from hanflow.sources import InputFile, discover
    from hanflow.steps import Options, Read

    conn = sqlite3.connect(":memory:")
    for statement in TABLES:
        conn.execute(statement)
    limit = Options().max_bytes
    start = time.process_time()
    found, _ = expand(conn, list(discover(raw, limit)), limit)
    found.sort(key=InputFile.sort_key)
    for size in batch_sizes(len(found), 1):  # batch by batch, as the build reads them
        read, batch, found = Read(limit), found[:size], found[size:]
        for item in batch:
            read.run(Document(source=item.source, path=item.path, size=item.size, kind=item.kind, member=item.member))
        read.archives.close()
    return time.process_time() - start


def _canonical(line: dict) -> str:
    return line["url"].rsplit("/", 1)[1] if line.get("url", "").startswith("http://bench.test/") else line["source"]


def identity(root: Path) -> dict[str, dict[str, int]]:
    """Per layout against the loose files: pages whose line is identical apart from RUN_FIELDS."""
    def lines(out: Path) -> dict[str, tuple[str, dict]]:
        found = {}
        for kind in ("corpus", "duplicates", "rejects"):
            for shard in sorted((out / kind).glob("*.jsonl")):
                for raw_line in shard.read_text(encoding="utf-8").splitlines():
                    line = json.loads(raw_line)
                    found[_canonical(line)] = (kind, {k: v for k, v in line.items() if k not in RUN_FIELDS})
        return found

    reference = lines(root / "out-loose")
    result = {}
    for layout in LAYOUTS[1:]:
        mine = lines(root / f"out-{layout}")
        same = sum(1 for k, v in reference.items() if mine.get(k) == v)
        result[layout] = {"pages": len(reference), "identical": same, "different": len(reference) - same,
                          "extra": len(set(mine) - set(reference))}
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    root = REPO / ".bench" / f"archives-{args.pages}"
    pages = _pages(root / "corpus" if (root / "corpus").is_dir() else (make_corpus(args.pages, root / "corpus"),
                                                                       root / "corpus")[1])
    write_layouts(pages, root)
    runs: dict[str, list[dict]] = {layout: [] for layout in LAYOUTS}
    for r in range(args.repeat):
        for layout in LAYOUTS[r % len(LAYOUTS):] + LAYOUTS[:r % len(LAYOUTS)]:
            command = [sys.executable, __file__, "--child", str(root / layout), str(root / f"out-{layout}")]
            done = subprocess.run(command, check=True, capture_output=True, text=True)
            runs[layout].append(json.loads(done.stdout.splitlines()[-1]))
    reading: dict[str, list[float]] = {layout: [] for layout in LAYOUTS}
    for layout in LAYOUTS:  # a first pass to import and warm what reading needs
        read_only(root / layout)
    for _ in range(3 * args.repeat):
        for layout in LAYOUTS:
            reading[layout].append(read_only(root / layout))
    print(report(runs, reading, len(pages), args.repeat, identity(root)))


def report(runs: dict[str, list[dict]], reading: dict[str, list[float]], pages: int, repeat: int,
           same: dict) -> str:
    keys = ("cpu_s", "wall_s", "plan_s", "read_s", "steps_s")
    med = {layout: {k: statistics.median(r[k] for r in rs) for k in keys} for layout, rs in runs.items()}
    for layout, times in reading.items():
        med[layout]["read_cpu_s"] = statistics.median(times)
    base = med["loose"]
    out = [f"{pages} pages (valid UTF-8 pages of the benchmark corpus), one build per layout and repeat, "
           f"{repeat} repeats, medians; one process, one worker. Reading CPU s: finding every document "
           f"(indexing archives) and reading its page batch by batch, nothing else, median of {3 * repeat} "
           "interleaved passes",
           f"{'layout':10s} {'CPU s':>7s} {'wall s':>7s} {'plan s':>7s} {'read s':>7s} {'reading CPU s':>13s}  "
           f"{'CPU / loose':>11s}  {'reading share':>13s}  identical lines"]
    for layout in LAYOUTS:
        m = med[layout]
        ratio = statistics.median(a["cpu_s"] / b["cpu_s"] for a, b in zip(runs[layout], runs["loose"], strict=True))
        share = m["read_cpu_s"] / m["cpu_s"]
        ident = "reference" if layout == "loose" else f"{same[layout]['identical']}/{same[layout]['pages']}" + (
            f" (+{same[layout]['extra']} extra)" if same[layout]["extra"] else "")
        out.append(f"{layout:10s} {m['cpu_s']:7.2f} {m['wall_s']:7.2f} {m['plan_s']:7.3f} {m['read_s']:7.3f} "
                   f"{m['read_cpu_s']:13.3f}  {ratio:11.3f}  {share:12.1%}  {ident}")
    extra = {layout: (med[layout]["read_cpu_s"] - base["read_cpu_s"]) / base["cpu_s"] for layout in LAYOUTS[1:]}
    out.append("reading overhead over loose files (reading CPU s beyond the loose files', as a share of the loose "
               "build's CPU s): " + ", ".join(f"{k} {v:+.1%}" for k, v in extra.items()) + "   target < 5 %")
    out.append("(whole-build CPU ratios move by ±20 % from one build to the next on a shared machine; the reading "
               "CPU, measured alone and interleaved, is the steady figure)")
    return "\n".join(out)


if __name__ == "__main__":
    main()
