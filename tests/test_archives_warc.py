"""WARC and WARC.gz inputs: every HTML or text response is a document with its URL, fetch time and
HTTP charset; other records are counted; damaged archives end as rejects and the run completes."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import jsonschema
import pytest

from hanflow.build import build
from hanflow.decode import decode_bytes
from hanflow.readers.warc import target_uri
from hanflow.schema import load
from hanflow.steps import Options
from tests.archives import Capture, other_record, record_bytes, write_warc
from tests.helpers import output_bytes, read_jsonl
from tests.state.model import article, page


def _captures(n: int, start: int = 0) -> list[Capture]:
    return [Capture(f"http://news.example.test/a/{i}.html", page(article(i), chrome=i))
            for i in range(start, start + n)]


def _lines(out: Path) -> dict[str, dict]:
    return {r["source"]: r for kind in ("corpus", "duplicates", "rejects") for r in read_jsonl(out, kind)}


def _valid(out: Path) -> None:
    for kind, schema in (("corpus", "record"), ("duplicates", "duplicate"), ("rejects", "reject")):
        for row in read_jsonl(out, kind):
            jsonschema.validate(row, load(schema))


def test_each_response_is_a_document_with_its_url_and_fetch_time(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    caps = _captures(3)
    caps[1].date = "2026-11-03T10:15:30.25Z"
    write_warc(raw / "crawl" / "2026-11.warc.gz", caps,
               extra=[other_record("metadata"), other_record("revisit")])
    manifest = build(raw, out)
    corpus = read_jsonl(out, "corpus")
    assert len(corpus) == 3 and not read_jsonl(out, "rejects")
    assert all(r["source"].startswith("crawl/2026-11.warc.gz#<urn:uuid:") for r in corpus)
    assert sorted(r["url"] for r in corpus) == sorted(c.url for c in caps)
    assert sorted(r["fetched"] for r in corpus) == ["2026-11-03T10:15:30.000+00:00", "2026-11-03T10:15:30.000+00:00",
                                                    "2026-11-03T10:15:30.250+00:00"]
    assert manifest["skipped_records"] == {"metadata": 1, "request": 3, "revisit": 1, "warcinfo": 1}
    assert manifest["archives"] == {"indexed": 1, "touched": 0, "unchanged": 0, "removed": 0}
    _valid(out)


@pytest.mark.parametrize("encoding,chunked", [("", True), ("gzip", False), ("deflate", False), ("br", False),
                                              ("gzip", True)])
def test_encoded_and_chunked_bodies_give_the_page_itself(tmp_path: Path, encoding: str, chunked: bool) -> None:
    body = page(article(7), chrome=1)
    write_warc(tmp_path / "plain" / "a.warc.gz", [Capture("http://x.test/p", body)])
    write_warc(tmp_path / "coded" / "a.warc.gz", [Capture("http://x.test/p", body, encoding=encoding, chunked=chunked)])
    build(tmp_path / "plain", tmp_path / "out-plain")
    build(tmp_path / "coded", tmp_path / "out-coded")
    plain, coded = read_jsonl(tmp_path / "out-plain", "corpus"), read_jsonl(tmp_path / "out-coded", "corpus")
    assert len(coded) == 1 and "".join(article(7)[:1])[:20] in coded[0]["text"]
    same = ("id", "text", "tokens", "title", "encoding", "source_sha256")
    assert {k: coded[0][k] for k in same} == {k: plain[0][k] for k in same}


def test_only_2xx_html_and_text_responses_are_documents(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    text = "\n\n".join(article(3)).encode("utf-8")
    caps = [Capture("http://x.test/ok", page(article(1), 0)),
            Capture("http://x.test/plain.txt", text, content_type="text/plain; charset=utf-8"),
            Capture("http://x.test/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png"),
            Capture("http://x.test/gone", page(article(2), 0), status="404 Not Found"),
            Capture("http://x.test/moved", b"<a href='/ok'>moved</a>", status="301 Moved Permanently")]
    write_warc(raw / "c.warc", caps)
    manifest = build(raw, out)
    corpus = read_jsonl(out, "corpus")
    assert sorted(r["url"] for r in corpus) == ["http://x.test/ok", "http://x.test/plain.txt"]
    assert manifest["skipped_records"] == {"request": 5, "response_not_2xx": 2, "response_not_page": 1,
                                           "warcinfo": 1}
    assert manifest["counts"]["discovered"] == 2


def test_an_archive_without_pages_is_one_reject(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_warc(raw / "none.warc.gz", [Capture("http://x.test/i.png", b"\x89PNG" + bytes(50), content_type="image/png")])
    (raw / "empty.warc.gz").write_bytes(b"")
    build(raw, out)
    lines = _lines(out)
    assert lines["none.warc.gz"]["reason"] == "no_documents"
    assert "1 response_not_page" in lines["none.warc.gz"]["detail"]
    assert lines["empty.warc.gz"]["reason"] == "empty"
    assert len(lines) == 2


def test_the_http_charset_comes_after_the_bom_and_before_the_page(tmp_path: Path) -> None:
    big5 = ("<html><head><meta charset='gb2312'></head><body><p>臺灣的資訊工程師在圖書館裡討論網路安全。</p>"
            "</body></html>")
    data = big5.encode("big5")
    assert decode_bytes(data, http_charset="big5").encoding == "big5hkscs"  # the superset, as for a page's own
    assert "資訊工程師" in decode_bytes(data, http_charset='"Big5"').text
    assert decode_bytes(b"\xef\xbb\xbf" + "文字".encode(), http_charset="gbk").encoding == "utf-8"
    assert decode_bytes(data, http_charset="no-such-charset") == decode_bytes(data)  # as if there were none
    raw = tmp_path / "raw"
    write_warc(raw / "a.warc.gz", [Capture("http://x.test/tw", data, content_type="text/html; charset=big5")])
    build(raw, tmp_path / "out")
    (record,) = read_jsonl(tmp_path / "out", "corpus")
    assert record["encoding"] == "big5hkscs" and "资讯工程师" in record["text"]


@pytest.mark.parametrize("meta", ["<meta charset='gbk'>", ""])
@pytest.mark.parametrize("header", ["ISO-8859-1", "iso8859-1", "us-ascii", "windows-1252"])
def test_a_server_default_latin1_header_does_not_turn_a_gbk_page_to_mojibake(tmp_path: Path, meta: str,
                                                                              header: str) -> None:
    """Servers name ISO-8859-1 (HTTP/1.1's default) for pages they know nothing of; a GBK page
    would decode under it as Windows-1252 without one error, so the page itself decides."""
    html = (f"<html><head>{meta}</head><body>" + "".join(f"<p>{p}</p>" for p in article(5)) +
            "</body></html>").encode("gbk")
    raw = tmp_path / "raw"
    write_warc(raw / "a.warc.gz", [Capture("http://x.test/gbk", html, content_type=f"text/html; charset={header}")])
    build(raw, tmp_path / "out")
    (record,) = read_jsonl(tmp_path / "out", "corpus")
    assert article(5)[0][:12] in record["text"] and record["encoding"] == "gb18030"


def _hostile(raw: Path) -> dict[str, bytes]:
    good = [b"".join(record_bytes(c)) for c in _captures(4)]
    request, response = record_bytes(_captures(1, 9)[0])
    bomb = Capture("http://x.test/bomb", b"<html><body>" + b" " * 3_000_000 + b"</body></html>", encoding="gzip")
    cases = {
        "truncated.warc.gz": good[0] + good[1] + good[2][: len(good[2]) - 200],
        "corrupt-member.warc.gz": good[0] + request + response[:60] + b"\xa5" * 120 + response[180:] + good[2],
        "garbage.warc.gz": good[0] + b"this is not a record\r\n" * 5 + good[3],
        "bomb.warc.gz": good[0] + b"".join(record_bytes(bomb)) + good[1],
    }
    plain = [b"".join(record_bytes(c, gz=False)) for c in _captures(2)]
    head, _, rest = plain[1].partition(b"\r\n\r\n")
    lying = b"\r\n".join(ln if not ln.startswith(b"Content-Length") else b"Content-Length: 99999"
                         for ln in head.split(b"\r\n"))
    cases["longer-than-file.warc"] = plain[0] + b"".join(record_bytes(_captures(1, 5)[0], gz=False)) + \
        lying + b"\r\n\r\n" + rest
    for name, data in cases.items():
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).write_bytes(data)
    return cases


def test_damaged_archives_end_as_rejects_and_the_rest_is_read(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    _hostile(raw)
    manifest = build(raw, out, Options(max_bytes=1_000_000))
    by_archive: dict[str, list[tuple[str, str]]] = {}
    for source, line in sorted(_lines(out).items()):
        by_archive.setdefault(source.split("#")[0], []).append(line.get("reason", "kept"))
    assert sorted(by_archive["truncated.warc.gz"]) == ["kept", "kept", "truncated_record"]
    assert sorted(by_archive["corrupt-member.warc.gz"]) == ["corrupt_record", "kept", "kept"]
    assert sorted(by_archive["garbage.warc.gz"]) == ["corrupt_record", "kept", "kept"]
    assert sorted(by_archive["bomb.warc.gz"]) == ["kept", "kept", "too_large"]
    assert sorted(by_archive["longer-than-file.warc"]) == ["kept", "kept", "truncated_record"]
    assert manifest["counts"]["failed"] == 0 and "internal_error" not in manifest["rejects_by_reason"]
    _valid(out)
    again = build(raw, out, Options(max_bytes=1_000_000))
    assert again["counts"]["processed"] == 0 and again["archives"]["unchanged"] == 5


def test_one_archive_spreads_over_batches_with_the_same_output(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write_warc(raw / "big.warc.gz", _captures(9))
    whole = build(raw, tmp_path / "one")
    cut = build(raw, tmp_path / "cut", batch_size=2)
    assert whole["inputs"]["batches"] == 1 and cut["inputs"]["batches"] == 5
    assert output_bytes(tmp_path / "one") == output_bytes(tmp_path / "cut")


def test_a_warc_gzipped_whole_or_not_compressed_reads_the_same(tmp_path: Path) -> None:
    caps = _captures(5)
    plain = write_warc(tmp_path / "a" / "c.warc", caps)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "c.warc.gz").write_bytes(gzip.compress(plain.read_bytes()))  # one gzip stream
    write_warc(tmp_path / "d" / "c.warc.gz", caps)  # a gzip member per record
    texts = []
    for name in ("a", "b", "d"):
        build(tmp_path / name, tmp_path / f"out-{name}", batch_size=2)
        texts.append(sorted((r["url"], r["text"]) for r in read_jsonl(tmp_path / f"out-{name}", "corpus")))
    assert len(texts[0]) == 5 and texts[0] == texts[1] == texts[2]


def test_a_record_id_used_twice_is_still_two_sources(tmp_path: Path) -> None:
    one = b"".join(record_bytes(_captures(1)[0], request=False))
    other = b"".join(record_bytes(_captures(1, 3)[0], request=False))
    rid = one.split(b"WARC-Record-ID: ")[1].split(b"\r\n")[0] if b"WARC-Record-ID" in one else None
    assert rid is None  # gzip members: rebuild them plain to rewrite the id
    one = b"".join(record_bytes(_captures(1)[0], gz=False, request=False))
    other = b"".join(record_bytes(_captures(1, 3)[0], gz=False, request=False))
    rid = one.split(b"WARC-Record-ID: ")[1].split(b"\r\n")[0]
    old = other.split(b"WARC-Record-ID: ")[1].split(b"\r\n")[0]
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "twice.warc").write_bytes(one + other.replace(old, rid))
    build(raw, tmp_path / "out")
    sources = sorted(_lines(tmp_path / "out"))
    assert len(sources) == 2 and sources[0] == f"twice.warc#{rid.decode()}" and sources[1].startswith(sources[0] + "@")


def test_a_target_uri_in_angle_brackets_is_the_uri() -> None:
    assert target_uri("<http://x.test/a?b=1>") == "http://x.test/a?b=1" == target_uri(" http://x.test/a?b=1 ")
    assert target_uri(None) == ""


def test_manifest_is_json_serialisable(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write_warc(raw / "a.warc.gz", _captures(1))
    json.dumps(build(raw, tmp_path / "out"))


def test_a_latin1_page_under_a_latin1_header_still_reads(tmp_path: Path) -> None:
    paras = ["The café on the corner serves crème brûlée and a naïve rosé to every visitor who asks."] * 6
    html = ("<html><body>" + "".join(f"<p>{p}</p>" for p in paras) + "</body></html>").encode("cp1252")
    raw = tmp_path / "raw"
    write_warc(raw / "a.warc.gz", [Capture("http://x.test/fr", html, content_type="text/html; charset=ISO-8859-1")])
    build(raw, tmp_path / "out")
    (record,) = read_jsonl(tmp_path / "out", "corpus")
    assert "crème brûlée" in record["text"]


def test_a_latin1_page_with_chance_double_byte_pairs_keeps_its_header(tmp_path: Path) -> None:
    """`Zürich` and `crème` are valid GBK pairs byte for byte; a few of them are no Chinese page."""
    paras = ["Die Zürcher Bäckerei verkauft crème fraîche an jedem Werktag, sagt der Inhaber."] * 3
    html = ("<html><body>" + "".join(f"<p>{p}</p>" for p in paras) + "</body></html>").encode("cp1252")
    assert decode_bytes(html, http_charset="ISO-8859-1").text.count("Zürcher") == 3


def test_records_without_blank_lines_between_them_still_read(tmp_path: Path) -> None:
    plain = [b"".join(record_bytes(c, gz=False, request=False)) for c in _captures(3)]
    assert all(p.endswith(b"\r\n\r\n") for p in plain)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "tight.warc").write_bytes(b"".join(p[:-4] for p in plain))
    build(raw, tmp_path / "out")
    assert len(read_jsonl(tmp_path / "out", "corpus")) == 3


def test_a_record_cut_short_is_named_by_its_record_id(tmp_path: Path) -> None:
    request, response = record_bytes(_captures(1)[0], gz=False)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "cut.warc").write_bytes(request + response[:-500])
    build(raw, tmp_path / "out")
    (reject,) = read_jsonl(tmp_path / "out", "rejects")
    record_id = response.split(b"WARC-Record-ID: ")[1].split(b"\r\n")[0].decode()
    assert reject["source"] == f"cut.warc#{record_id}" and reject["reason"] == "truncated_record"
