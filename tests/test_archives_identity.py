"""The same pages as loose files, in one WARC.gz and in a JSON Lines export give the same output,
apart from `source`, `url` and `fetched`."""

from __future__ import annotations

import json
from pathlib import Path

from hanflow.build import build
from tests.archives import Capture, write_jsonl, write_warc
from tests.state.model import article, page

RUN_FIELDS = ("source", "url", "fetched")


def _pages() -> list[tuple[str, bytes]]:
    """Nine pages (so that names, record IDs and line numbers sort alike): articles, a copy of one,
    an edited copy, a plain text, a page that is only boilerplate."""
    pages = [(f"p{i}.html", page(article(40 + i), chrome=i)) for i in range(1, 6)]
    pages.append(("p6.html", pages[0][1]))  # an exact copy
    edited = article(41)
    pages.append(("p7.html", page([*edited[:-1], edited[-1] + "记者补充：活动持续到月底。"], chrome=7)))
    pages.append(("p8.txt", "\n\n".join(article(48)).encode("utf-8")))
    pages.append(("p9.html", b"<html><body><nav><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a></nav></body></html>"))
    return pages


def _lines(out: Path, name_of: dict[str, str]) -> dict[str, tuple[str, dict]]:
    found = {}
    for kind in ("corpus", "duplicates", "rejects"):
        for shard in sorted((out / kind).glob("*.jsonl")):
            for line in map(json.loads, shard.read_text(encoding="utf-8").splitlines()):
                name = name_of.get(line["source"], line["source"])
                found[name] = (kind, {k: v for k, v in line.items() if k not in RUN_FIELDS})
    return found


def test_loose_files_a_warc_and_an_export_give_the_same_lines(tmp_path: Path) -> None:
    pages = _pages()
    loose = tmp_path / "loose"
    loose.mkdir()
    for name, data in pages:
        (loose / name).write_bytes(data)
    caps = [Capture(f"http://x.test/{name}", data, record_id=f"<urn:uuid:00000000-0000-4000-8000-{i:012x}>",
                    content_type="text/plain" if name.endswith(".txt") else "text/html",
                    encoding="gzip" if i % 2 else "", chunked=i % 3 == 0)
            for i, (name, data) in enumerate(pages)]
    write_warc(tmp_path / "warc" / "crawl.warc.gz", caps)
    write_jsonl(tmp_path / "jsonl" / "export.jsonl.gz",
                [{"url": f"http://x.test/{name}", ("text" if name.endswith(".txt") else "html"): data.decode()}
                 for name, data in pages])
    names = {f"crawl.warc.gz#{cap.record_id}": name for cap, (name, _) in zip(caps, pages, strict=True)}
    names.update({f"export.jsonl.gz#{n}": name for n, (name, _) in enumerate(pages, 1)})
    results = {}
    for layout in ("loose", "warc", "jsonl"):
        build(tmp_path / layout, tmp_path / f"out-{layout}", batch_size=4)
        results[layout] = _lines(tmp_path / f"out-{layout}", names)
    assert sorted(results["loose"]) == sorted(name for name, _ in pages)
    kinds = sorted(kind for kind, _ in results["loose"].values())
    assert kinds == ["corpus"] * 6 + ["duplicates"] * 2 + ["rejects"]
    assert results["warc"] == results["loose"]
    assert results["jsonl"] == results["loose"]
    for layout, fetched in (("loose", {""}), ("warc", {"2026-11-03T10:15:30.000+00:00"}), ("jsonl", {""})):
        corpus = [json.loads(x) for p in sorted((tmp_path / f"out-{layout}" / "corpus").glob("*.jsonl"))
                  for x in p.read_text(encoding="utf-8").splitlines()]
        assert {r["fetched"] for r in corpus} == fetched
        assert all(r["url"].startswith("http://x.test/") for r in corpus) == (layout != "loose")
