"""Real archives for tests, written with warcio (the reference WARC writer), and JSON Lines
exports; the pages are generated (tests.state.model), never taken from real sites."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import brotli
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass
class Capture:
    """One fetched page: what the server sent, and how."""

    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    encoding: str = ""  # Content-Encoding: gzip | deflate | br | ""
    chunked: bool = False
    status: str = "200 OK"
    date: str = "2026-11-03T10:15:30Z"
    extra_headers: list[tuple[str, str]] = field(default_factory=list)
    record_id: str = ""  # the response's WARC-Record-ID (warcio makes one up when "")


def _chunked(data: bytes, size: int = 700) -> bytes:
    pieces = [data[i:i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


_ENCODERS = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress, "": lambda b: b}


def http_body(capture: Capture) -> tuple[bytes, list[tuple[str, str]]]:
    """The body as it travelled, and the headers that say so."""
    body = _ENCODERS[capture.encoding](capture.body)
    headers = [("Content-Type", capture.content_type)] if capture.content_type else []
    if capture.encoding:
        headers.append(("Content-Encoding", capture.encoding))
    if capture.chunked:
        body = _chunked(body)
        headers.append(("Transfer-Encoding", "chunked"))
    else:
        headers.append(("Content-Length", str(len(body))))
    return body, headers + capture.extra_headers


def record_bytes(capture: Capture, gz: bool = True, request: bool = True) -> list[bytes]:
    """The WARC records of one capture (request, then response), each as written on its own."""
    out = []
    for kind in (["request"] if request else []) + ["response"]:
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=gz)
        if kind == "request":
            http = StatusAndHeaders(f"GET {capture.url} HTTP/1.1", [("Host", "example.test")], is_http_request=True)
            payload = b""
        else:
            payload, headers = http_body(capture)
            http = StatusAndHeaders(capture.status, headers, protocol="HTTP/1.1")
        ids = {"WARC-Date": capture.date}
        if kind == "response" and capture.record_id:
            ids["WARC-Record-ID"] = capture.record_id
        record = writer.create_warc_record(capture.url, kind, payload=io.BytesIO(payload), http_headers=http,
                                           warc_headers_dict=ids)
        writer.write_record(record)
        out.append(buf.getvalue())
    return out


def other_record(kind: str, gz: bool = True, url: str = "http://example.test/") -> bytes:
    """A metadata, revisit or warcinfo record (never a document)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    if kind == "warcinfo":
        record = writer.create_warcinfo_record("crawl.warc.gz", {"software": "tests"})
    elif kind == "revisit":
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_revisit_record(url, "sha1:AAAA", url, "2026-11-01T00:00:00Z", http_headers=http)
    else:
        record = writer.create_warc_record(url, kind, payload=io.BytesIO(b"outlink: http://example.test/a\n"),
                                           warc_content_type="application/warc-fields")
    writer.write_record(record)
    return buf.getvalue()


def write_warc(path: Path, captures: Iterable[Capture], gz: bool | None = None, extra: Iterable[bytes] = ()) -> Path:
    """A WARC (gzip member per record when the name ends .gz): a warcinfo record, each capture's
    request and response, then `extra` records."""
    gz = path.name.endswith(".gz") if gz is None else gz
    path.parent.mkdir(parents=True, exist_ok=True)
    parts = [other_record("warcinfo", gz)]
    for capture in captures:
        parts += record_bytes(capture, gz)
    path.write_bytes(b"".join(parts + list(extra)))
    return path


def write_jsonl(path: Path, rows: Iterable[dict], gz: bool | None = None) -> Path:
    data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
    gz = path.name.endswith(".gz") if gz is None else gz
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data, mtime=0) if gz else data)
    return path
