"""A WARC captured by GNU Wget (`wget --warc-file`) from a local server, with a gzip-encoded,
a chunked and a Big5 response among ordinary pages; skipped where wget is not installed."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from hanflow.build import build
from tests.helpers import read_jsonl
from tests.state.model import article, page

WGET = shutil.which("wget")
pytestmark = pytest.mark.skipif(WGET is None, reason="GNU Wget is not installed (apt-get install wget)")

BIG5 = ("<html><head><title>圖書館</title></head><body><article>" +
        "".join(f"<p>{p}</p>" for p in ("臺北市立圖書館的資訊工程師今天說明了新的網路服務。" * 3,
                                         "讀者可以在網站上預約書籍，也可以查詢開放時間與活動。" * 3)) +
        "</article></body></html>").encode("big5")


class _Site(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    pages = {
        "/plain.html": (page(article(1), 1), {}),
        "/gzip.html": (page(article(2), 2), {"Content-Encoding": "gzip"}),
        "/chunked.html": (page(article(3), 3), {"Transfer-Encoding": "chunked"}),
        "/big5.html": (BIG5, {"Content-Type": "text/html; charset=big5"}),
        "/notes.txt": ("\n\n".join(article(4)).encode("utf-8"), {"Content-Type": "text/plain; charset=utf-8"}),
        "/logo.png": (b"\x89PNG\r\n\x1a\n" + bytes(64), {"Content-Type": "image/png"}),
    }

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        body, headers = self.pages.get(self.path, (b"<html><body>not here</body></html>", {}))
        self.send_response(200 if self.path in self.pages else 404)
        headers = {"Content-Type": "text/html; charset=utf-8", **headers}
        if headers.get("Content-Encoding") == "gzip":
            body = gzip.compress(body)
        for name, value in headers.items():
            self.send_header(name, value)
        if headers.get("Transfer-Encoding") == "chunked":
            self.end_headers()
            for i in range(0, len(body), 500):
                piece = body[i:i + 500]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_wget_capture_reads_as_its_pages(site: str, tmp_path: Path) -> None:
    raw, out, downloads = tmp_path / "raw", tmp_path / "out", tmp_path / "downloads"
    raw.mkdir()
    urls = [f"{site}{p}" for p in [*_Site.pages, "/missing.html"]]
    (tmp_path / "urls.txt").write_text("\n".join(urls) + "\n")
    subprocess.run([WGET, "--quiet", "--tries=1", "--timeout=10", "-e", "robots=off", "-P", str(downloads),
                    "--warc-file", str(raw / "capture"), "-i", str(tmp_path / "urls.txt")],
                   check=False, timeout=120)
    assert (raw / "capture.warc.gz").is_file()
    manifest = build(raw, out)
    corpus = {r["url"].rsplit("/", 1)[1]: r for r in read_jsonl(out, "corpus")}
    assert set(corpus) == {"plain.html", "gzip.html", "chunked.html", "big5.html", "notes.txt"}
    for name, seed in (("plain.html", 1), ("gzip.html", 2), ("chunked.html", 3), ("notes.txt", 4)):
        assert article(seed)[0][:15] in corpus[name]["text"], name
    assert corpus["big5.html"]["encoding"] == "big5hkscs" and "资讯工程师" in corpus["big5.html"]["text"]
    assert all(r["fetched"].endswith("+00:00") and r["source"].startswith("capture.warc.gz#<urn:")
               for r in corpus.values())
    skipped = manifest["skipped_records"]
    assert skipped["request"] == len(urls) and skipped["response_not_2xx"] == 1
    assert skipped["response_not_page"] == 1 and skipped["warcinfo"] == 1
    assert not read_jsonl(out, "rejects")
