"""Hostile and broken inputs written into a temporary raw folder, with what each must become.

Every case names the outcome it must end in: "record", or a reject reason code. Cases whose
outcome legitimately depends on heuristics accept several. Secrets planted outside the raw
folder carry a canary string that must never appear in any output.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

CANARY = "CANARY-7f3c-must-never-leak"

ZH_HANS = "今天上午，城市图书馆举办了一场关于河流保护的讲座，许多学生和老师参加了活动。"
ZH_HANT = "今天上午，城市圖書館舉辦了一場關於河流保護的講座，許多學生和老師參加了活動。"
EN = "The river museum opened a new hall for spring festivals, and families came early to see it."


@dataclass(frozen=True)
class Case:
    name: str  # file name under raw/
    outcomes: frozenset[str]  # "record" or reject reasons it may end as
    must_contain: str | None = None  # a phrase the record text must keep (after t2s conversion)


def _case(name: str, *outcomes: str, must_contain: str | None = None) -> Case:
    return Case(name, frozenset(outcomes), must_contain)


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>示例</title></head><body><div>{body}</div></body></html>"


def _paras(n: int = 3) -> str:
    return "".join(f"<p>{ZH_HANS}{EN}</p>" for _ in range(n))


def _write(root: Path, name: str, data: bytes | str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def _encodings(root: Path) -> list[Case]:
    _write(root, "gbk-undeclared.html", _page(f"<p>{ZH_HANS}</p>" * 4).encode("gbk"))
    _write(root, "big5-undeclared.txt", ("\n".join([ZH_HANT] * 4)).encode("big5"))
    _write(root, "utf16-bom.html", _page(_paras()).encode("utf-16"))
    _write(root, "utf16be-bom.txt", b"\xfe\xff" + (ZH_HANS * 3).encode("utf-16-be"))
    invalid = _page(_paras()).encode("utf-8").replace(EN[:10].encode(), b"\xff\xfe\xc3(\x80", 1)
    _write(root, "utf8-declared-invalid.html", invalid.replace(b"<head>", b"<head><meta charset='utf-8'>"))
    mojibake = _page(_paras()).encode("utf-8").decode("latin-1").encode("utf-8")
    _write(root, "mojibake.html", mojibake)
    _write(root, "bogus-charset.html", _page(_paras(), "<meta charset='x-no-such-charset'>").encode("gb18030"))
    _write(root, "codec-charset.html", _page(_paras(), "<meta charset='base64'>").encode("gb18030"))
    escape = _page(f"<p>\\ud800 {ZH_HANS}</p>", "<meta charset='unicode_escape'>").encode("utf-8") + b"\xff"
    _write(root, "escape-charset.html", escape)
    return [
        _case("gbk-undeclared.html", "record", must_contain=ZH_HANS[:12]),
        _case("big5-undeclared.txt", "record", must_contain=ZH_HANS[:12]),
        _case("utf16-bom.html", "record", must_contain=ZH_HANS[:12]),
        _case("utf16be-bom.txt", "record", must_contain=ZH_HANS[:12]),
        _case("utf8-declared-invalid.html", "record", must_contain=ZH_HANS[:12]),
        _case("mojibake.html", "record", must_contain=ZH_HANS[:12]),
        _case("bogus-charset.html", "record", must_contain=ZH_HANS[:12]),
        _case("codec-charset.html", "record", "undecodable"),
        _case("escape-charset.html", "record", "undecodable", "no_text"),
    ]


def _empty_and_binary(root: Path) -> list[Case]:
    rng = random.Random(3)
    _write(root, "empty.html", b"")
    _write(root, "whitespace.txt", " \n\t\r\n\u3000\n".encode())
    _write(root, "binary.html", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4096)))
    _write(root, "nul-heavy.txt", b"\x00" * 1000 + ZH_HANS.encode() * 20)
    _write(root, "utf16-no-bom.txt", (EN * 20).encode("utf-16-le"))
    _write(root, "nul-sparse.txt", (ZH_HANS * 40).encode() + b"\x00" + (EN * 5).encode())
    _write(root, "scripts-only.html", "<html><head><script>var a = '今天';</script><style>p{}</style>"
           "</head><body><script>document.write('x')</script><noscript></noscript></body></html>")
    return [
        _case("empty.html", "empty"), _case("whitespace.txt", "empty", "no_text"),
        _case("binary.html", "binary", "undecodable"), _case("nul-heavy.txt", "binary"),
        _case("utf16-no-bom.txt", "binary", "record"),
        _case("nul-sparse.txt", "record", must_contain=ZH_HANS[:12]),
        _case("scripts-only.html", "no_text"),
    ]


def _broken_markup(root: Path) -> list[Case]:
    _write(root, "truncated.html", _page(_paras())[:-60] + "<p>未完<a href=\"http://exa")
    depth = 200_000
    _write(root, "deep-nesting.html", "<html><body>" + "<div>" * depth + f"<p>{ZH_HANS}</p>"
           + "</div>" * depth + "</body></html>")
    _write(root, "long-line.txt", (ZH_HANS + EN) * (1_000_000 // len((ZH_HANS + EN).encode())))
    _write(root, "front-matter-broken.md", f"---\ntitle: [unclosed\nauthor: {{x\n---\n\n{ZH_HANS}\n")
    _write(root, "front-matter-unterminated.md", f"---\ntitle: 示例\n\n{ZH_HANS}\n")
    _write(root, "front-matter-only.md", "---\ntitle: 只有标题\n---\n")
    return [
        _case("truncated.html", "record", must_contain=ZH_HANS[:12]),
        _case("deep-nesting.html", "record", "no_text"),
        _case("long-line.txt", "record", must_contain=ZH_HANS[:12]),
        _case("front-matter-broken.md", "record", must_contain=ZH_HANS[:12]),
        _case("front-matter-unterminated.md", "record", must_contain=ZH_HANS[:12]),
        _case("front-matter-only.md", "no_text"),
    ]


def _entities(root: Path, secret: Path, url: str) -> list[Case]:
    doctype = (f'<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY file SYSTEM "file://{secret}">\n'
               f'<!ENTITY net SYSTEM "{url}/entity">\n<!ENTITY % remote SYSTEM "{url}/dtd">\n%remote;\n]>\n')
    body = f"<p>{ZH_HANS}</p><p>&file;</p><p>&net;</p><img src=\"{url}/img.png\"/>"
    _write(root, "xxe.xhtml", doctype + f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>')
    _write(root, "xxe.html", doctype + _page(body))
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">\n' for i in range(1, 10))
    bomb = f'<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY l0 "lol">\n{lol}]>\n'
    _write(root, "entity-bomb.xhtml", bomb + f"<html><body><p>{ZH_HANS}</p><p>&l9;</p></body></html>")
    _write(root, "external-dtd.html", f'<!DOCTYPE html SYSTEM "{url}/dtd">' + _page(f"<p>{ZH_HANS}</p>"))
    return [_case(n, "record", must_contain=ZH_HANS[:12])
            for n in ("xxe.xhtml", "xxe.html", "entity-bomb.xhtml", "external-dtd.html")]


def _names(root: Path) -> list[Case]:
    names = ["name with spaces.html", "中文文件名.html", "-leading-dash.html", "--help.md",
             "sub dir/第二篇 文章.txt", "quote'and\"double.html", "tab\there.txt"]
    for i, name in enumerate(names):
        text = f"{ZH_HANS}\n{EN} {i}\n"
        _write(root, name, _page(f"<p>{ZH_HANS}</p><p>{EN} {i}</p>") if name.endswith(".html") else text)
    return [_case(n, "record", must_contain=ZH_HANS[:12]) for n in names]


def _links(root: Path, outside: Path) -> list[Case]:
    (root / "outside-file.html").symlink_to(outside / "secret.html")
    (root / "outside-dir").symlink_to(outside, target_is_directory=True)
    (root / "outside-relative.html").symlink_to(Path("..") / outside.name / "secret.html")
    (root / "self-loop.html").symlink_to("self-loop.html")
    (root / "loop-a.html").symlink_to("loop-b.html")
    (root / "loop-b.html").symlink_to("loop-a.html")
    (root / "dangling.html").symlink_to("no-such-file.html")
    (root / "links").mkdir()
    (root / "links" / "up").symlink_to("..", target_is_directory=True)
    _write(root, "real.html", _page(f"<p>{EN} real</p>"))
    (root / "inside-alias.html").symlink_to("real.html")
    os.mkfifo(root / "pipe.html")
    return [
        _case("outside-file.html", "symlink_outside"), _case("outside-dir", "symlink_outside"),
        _case("outside-relative.html", "symlink_outside"),
        _case("self-loop.html", "symlink_outside"), _case("loop-a.html", "symlink_outside"),
        _case("loop-b.html", "symlink_outside"), _case("dangling.html", "symlink_outside", "unreadable"),
        _case("links/up", "unsupported_type"), _case("real.html", "record"),
        _case("inside-alias.html", "record"), _case("pipe.html", "unsupported_type"),
    ]


def write_outside(outside: Path) -> Path:
    """Secrets beside the raw folder that no output may ever contain."""
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.html").write_text(_page(f"<p>{CANARY} {ZH_HANS}</p>"))
    (outside / "secret.txt").write_text(f"{CANARY}\n")
    return outside / "secret.txt"


def write_hostile(raw: Path, outside: Path, url: str) -> dict[str, Case]:
    """Write every hostile case under `raw`; `url` is a local server no page may reach."""
    secret = write_outside(outside)
    raw.mkdir(parents=True, exist_ok=True)
    cases = (_encodings(raw) + _empty_and_binary(raw) + _broken_markup(raw)
             + _entities(raw, secret, url) + _names(raw) + _links(raw, outside))
    return {c.name: c for c in cases}


def write_oversized(raw: Path, size: int) -> Case:
    """One file of `size` bytes on a single line, to be turned away by the size limit."""
    _write(raw, "ten-mb-line.txt", (EN + " ") * (size // (len(EN) + 1) + 1))
    return _case("ten-mb-line.txt", "too_large")
