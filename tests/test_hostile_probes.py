"""Inputs that used to hang, wedge or lose a run: each inside an ordinary 10-file run.

Every probe is written here (nothing is taken from real pages). The run must complete in the
time an ordinary run takes, and every input must end in exactly one line.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from hanflow.build import build
from tests.hostile.runs import output_lines
from tests.state.model import article, page

ORDINARY = 9
BUDGET_S = 60  # an ordinary 10-file run takes a few seconds; a hang would take hours


def _years_header(raw: Path) -> None:
    rows = "".join(f"<tr><td>{'　'.join(str(y) for y in range(2010, 2025))} 增长率</td></tr>" for _ in range(3))
    (raw / "table.html").write_text(f"<html><body><p>{article(1)[0]}</p><table>{rows}</table>"
                                    f"<p>2019 2020 2021 2022 2023 2024 增长率</p></body></html>", encoding="utf-8")


def _long_letter_run(raw: Path) -> None:
    (raw / "letters.txt").write_text("开头一句话。" + "a" * 200_000 + "\n结尾一句话。\n", encoding="utf-8")


def _many_attributes(raw: Path) -> None:
    attrs = " ".join(f"a{i}" for i in range(1_000_000))  # 7.9 MB: under the size limit, so it is parsed
    (raw / "attributes.html").write_text(f"<html><body><div {attrs}><p>{article(2)[0]}</p></div></body></html>",
                                         encoding="utf-8")


def _many_siblings(raw: Path) -> None:
    (raw / "siblings.html").write_text("<html><body>" + "<p>短句。</p>" * 100_000 + "</body></html>",
                                       encoding="utf-8")


def _late_doctype(raw: Path) -> None:
    filler = "<!-- " + "x" * 5000 + " -->"
    subset = '<!DOCTYPE html [<!ENTITY % p "<!ENTITY secret \'leaked entity text\'>"> %p;]>'
    (raw / "doctype.html").write_text(f"<html>{filler}{subset}<body><p>{article(3)[0]}</p><p>&secret;</p>"
                                      "</body></html>", encoding="utf-8")


def _bad_front_matter_date(raw: Path) -> None:
    (raw / "post.md").write_text("---\ntitle: 日期有误的文章\ndate: 2024-02-30\n---\n\n" + "\n\n".join(article(4)),
                                 encoding="utf-8")


def _name_not_utf8(raw: Path) -> None:
    with open(os.fsencode(raw) + b"/" + "旧档案".encode("gbk") + b".txt", "wb") as fh:
        fh.write("\n".join(article(5)).encode("utf-8"))


def _charset_that_lies(raw: Path) -> None:
    text = "".join(article(6))
    html = f"<html><head><meta charset='big5'></head><body><p>{text}</p></body></html>"
    (raw / "liar.html").write_bytes(html.encode("gbk"))


def _form_feed_after_menu(raw: Path) -> None:
    first, second = article(7)[:2]
    (raw / "formfeed.html").write_text(f"<html><body><nav>目录</nav>\f<p>{first}</p>"
                                       f"<div hidden>x</div>\uffff<p>{second}</p></body></html>", encoding="utf-8")


def _json_ld_deep(raw: Path) -> None:
    author, data = "[" * 995 + '"x"' + "]" * 995, "[" * 5000 + "]" * 5000
    ld = f'{{"@type": "Article", "author": {author}, "data": {data}}}'
    (raw / "deep-ld.html").write_text(f'<html><head><script type="application/ld+json">{ld}</script></head>'
                                      f"<body><p>{article(8)[0]}</p></body></html>", encoding="utf-8")


def _script_links(raw: Path) -> None:
    """A javascript: canonical address, and a link no URL parser reads beside a board's title."""
    (raw / "links.html").write_text(
        '<html><head><title>旧城改造进展 - 城建论坛</title><link rel="canonical" href="javascript:alert(1)"></head>'
        '<body><h1>城建论坛</h1><a href="http://[nonsense/">旧城改造进展</a>'
        f"<p>{article(9)[0]}</p></body></html>", encoding="utf-8")


def _utf8_cut_short(raw: Path) -> None:
    (raw / "cut.txt").write_bytes("\n".join(article(10)).encode("utf-8") + "湖".encode()[:2])


def _short_gbk(raw: Path) -> None:
    (raw / "short.txt").write_bytes("欢迎访问本站，请先注册。".encode("gbk"))


PROBES: dict[str, Callable[[Path], None]] = {
    "years-header": _years_header,
    "200k-letter-run": _long_letter_run,
    "million-attributes": _many_attributes,
    "100k-siblings": _many_siblings,
    "doctype-after-4kb": _late_doctype,
    "front-matter-2024-02-30": _bad_front_matter_date,
    "name-not-utf8": _name_not_utf8,
    "charset-lies-gbk-big5": _charset_that_lies,
    "form-feed-after-menu": _form_feed_after_menu,
    "json-ld-5000-deep": _json_ld_deep,
    "script-links": _script_links,
    "utf8-last-character-cut": _utf8_cut_short,
    "short-gbk-undeclared": _short_gbk,
}


@pytest.mark.parametrize("name", sorted(PROBES))
def test_a_ten_file_run_with_the_probe_completes_and_accounts_for_every_input(tmp_path: Path, name: str) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(ORDINARY):
        (raw / f"ordinary-{i}.html").write_bytes(page(article(100 + i), chrome=i))
    PROBES[name](raw)
    start = time.monotonic()
    manifest = build(raw, tmp_path / "out")
    assert time.monotonic() - start < BUDGET_S
    lines = output_lines(tmp_path / "out")
    assert sum(map(len, lines.values())) == ORDINARY + 1 == manifest["counts"]["discovered"]
    assert manifest["rejects_by_reason"] == {}, "every probe is a readable page: a record, not a reject"
    joined = "\n".join(x for v in lines.values() for x in v)
    assert "leaked entity text" not in joined and "%p;" not in joined
    if name == "charset-lies-gbk-big5":
        liar = next(x for x in lines["corpus"] if '"liar.html"' in x)
        assert article(6)[0][:20] in liar
    assert "javascript:" not in joined
    if name == "short-gbk-undeclared":
        assert "欢迎访问本站" in joined
