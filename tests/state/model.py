"""A small raw folder of article families, the operations a scheduled run meets between runs,
and the comparison of an incrementally kept output with a `--full` build of the same folder.

Articles are generated from a fixed vocabulary (nothing here is taken from real pages); the
copies of an article differ only in the page around the text, so every copy is within the
threshold of every other and a family is one cluster whatever order its copies arrive in.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.hostile.runs import output_lines

_WORDS = ("城市", "公园", "河流", "老师", "学生", "研究", "数据", "模型", "天气", "春天", "图书馆", "工程师",
          "市场", "价格", "交通", "地铁", "医院", "医生", "节日", "传统", "文化", "音乐", "电影", "历史", "博物馆",
          "山区", "农民", "茶叶", "软件", "网络", "安全", "教育", "经济", "环境", "能源", "科学")
_GLUE = tuple("的了在和是也都很把对")


def article(seed: int, paras: int = 6) -> list[str]:
    """Paragraphs of a made-up Chinese article, the same for the same seed."""
    rng = random.Random(seed)
    return ["".join(rng.choice(_WORDS) + rng.choice(_GLUE) for _ in range(rng.randint(18, 30))) + "。"
            for _ in range(paras)]


def page(paras: list[str], chrome: int) -> bytes:
    """An HTML page of the article with navigation and footer that vary with `chrome`."""
    nav = "".join(f"<li><a href='/c/{chrome}/{i}'>栏目{chrome}-{i}</a></li>" for i in range(3 + chrome % 3))
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><meta charset='utf-8'><title>标题{chrome}</title></head><body><nav><ul>{nav}</ul></nav>"
            f"<div class='content'>{body}</div><footer>版权所有 示例网{chrome}</footer></body></html>").encode()


def current_sources(raw: Path) -> list[str]:
    return sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file())


def clusters(out: Path) -> set[frozenset[str]]:
    """Each kept record with its duplicates, as sets of sources."""
    lines = {k: [json.loads(x) for x in v] for k, v in output_lines(out).items()}
    by_id = {r["id"]: {r["source"]} for r in lines["corpus"]}
    for d in lines["duplicates"]:
        by_id[d["duplicate_of"]].add(d["source"])
    return {frozenset(g) for g in by_id.values()}


def assert_mirrors(out: Path, full: Path, raw: Path) -> None:
    """The incrementally kept output holds what a --full build holds: every current source once,
    the same clusters, rejects and record texts (which member of a cluster is kept may differ)."""
    mine, theirs = output_lines(out), output_lines(full)
    sources = sorted(json.loads(x)["source"] for v in mine.values() for x in v)
    assert sources == current_sources(raw)
    assert clusters(out) == clusters(full)
    assert mine["rejects"] == theirs["rejects"]
    texts = {json.loads(x)["source"]: json.loads(x)["text"] for x in theirs["corpus"]}
    for record in map(json.loads, mine["corpus"]):
        if record["source"] in texts:
            assert record["text"] == texts[record["source"]]
