"""A synthetic scraped corpus for load and kill tests: mixed scripts, boilerplate, near duplicates.

Pages are written one at a time (nothing is held in memory) from a fixed seed, so the same
arguments always produce the same bytes. About `dup_share` of the pages are near copies of an
earlier page: the same article with different boilerplate, spacing or punctuation around it.

    python benchmarks/load_corpus.py OUT_DIR --pages 100000
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path


def _words(text: str) -> list[str]:
    return text.split()


_HANS = _words("我们 今天 城市 公园 河流 老师 学生 研究 数据 模型 天气 春天 图书馆 工程师 市场 "
         "价格 交通 地铁 医院 医生 节日 传统 文化 音乐 电影 历史 博物馆 山区 农民 茶叶 "
         "软件 网络 安全 教育 经济 发展 环境 保护 能源 科学 实验 结果 报告 会议 计划 项目")
_HANT = _words("我們 今天 城市 公園 河流 老師 學生 研究 數據 模型 天氣 春天 圖書館 工程師 市場 "
         "價格 交通 地鐵 醫院 醫生 節日 傳統 文化 音樂 電影 歷史 博物館 山區 農民 茶葉 "
         "軟體 網絡 安全 教育 經濟 發展 環境 保護 能源 科學 實驗 結果 報告 會議 計劃 項目")
_GLUE = _words("的 了 在 和 是 也 都 很 把 对 从 向")
_EN = _words("river city park teacher student research data model weather spring library engineer "
       "market price traffic subway hospital doctor festival tradition culture music film history "
       "museum mountain farmer tea software network safety education economy growth energy "
       "science experiment result report meeting plan project quietly often new old")
_NAV = ["首页 > 新闻 > 正文", "当前位置：首页 > 科技", "分享到：微博 微信", "相关阅读",
        "Copyright © 2024 Example News", "版权所有 京ICP备00000000号", "Share this article"]


def _zh_sentence(rng: random.Random, words: list[str]) -> str:
    picked = [rng.choice(words) + (rng.choice(_GLUE) if rng.random() < 0.4 else "")
              for _ in range(rng.randint(6, 14))]
    return "".join(picked) + rng.choice("。！？；")


def _en_sentence(rng: random.Random) -> str:
    words = [rng.choice(_EN) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def _article(rng: random.Random, lang: str, paras: tuple[int, int]) -> tuple[str, list[str]]:
    """A title and paragraphs in one language: simplified, traditional or English."""
    count = rng.randint(*paras)
    if lang == "en":
        title = " ".join(rng.choice(_EN) for _ in range(5)).title()
        return title, [" ".join(_en_sentence(rng) for _ in range(rng.randint(2, 5))) for _ in range(count)]
    words = _HANT if lang == "hant" else _HANS
    title = "".join(rng.choice(words) for _ in range(4))
    return title, ["".join(_zh_sentence(rng, words) for _ in range(rng.randint(2, 5))) for _ in range(count)]


def _html(title: str, paras: list[str], rng: random.Random, n: int) -> str:
    nav = "".join(f"<li><a href='/c/{i}'>{rng.choice(_NAV)}</a></li>" for i in range(rng.randint(3, 8)))
    body = "".join(f"<p>{p}</p>" for p in paras)
    date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title} | 示例网</title>"
            f"<meta name='article:published_time' content='{date}'>"
            f"<link rel='canonical' href='https://example.org/a/{n}.html'></head><body>"
            f"<nav><ul>{nav}</ul></nav><div class='main'><h1>{title}</h1>"
            f"<p>来源：示例网 作者：编辑{n % 97}</p>{body}</div>"
            f"<footer><p>{rng.choice(_NAV)}</p><script>var x={n};</script></footer></body></html>")


def _markdown(title: str, paras: list[str], n: int) -> str:
    return f"---\ntitle: \"{title}\"\ndate: 2024-03-{n % 28 + 1:02d}\n---\n\n" + "\n\n".join(paras) + "\n"


def _near_copy(paras: list[str], rng: random.Random) -> list[str]:
    """The same article with spacing and punctuation changed: a duplicate after normalisation."""
    edits = [lambda p: p.replace("。", "．"), lambda p: "  " + p + " ", lambda p: p.replace(".", " ."),
             lambda p: p.replace("，", ",")]
    return [rng.choice(edits)(p) for p in paras]


def pages(count: int, seed: int = 7, dup_share: float = 0.1, paras: tuple[int, int] = (3, 8),
          ) -> Iterator[tuple[str, str]]:
    """(relative path, text) of every page in order; near duplicates reuse a recent article.

    `paras` bounds the paragraphs per article (small pages make fast test corpora)."""
    rng = random.Random(seed)
    recent: list[tuple[str, list[str]]] = []
    for n in range(count):
        if recent and rng.random() < dup_share:
            title, body = rng.choice(recent)
            body = _near_copy(body, rng)
        else:
            title, body = _article(rng, rng.choices(["hans", "hant", "en"], [6, 2, 2])[0], paras)
            recent = (recent + [(title, body)])[-50:]
        folder = f"site-{n % 7}/{n // 1000:03d}"
        if rng.random() < 0.15:
            yield f"{folder}/post-{n:06d}.md", _markdown(title, body, n)
        else:
            yield f"{folder}/page-{n:06d}.html", _html(title, body, rng, n)


def write_corpus(root: Path, count: int, seed: int = 7, dup_share: float = 0.1,
                 paras: tuple[int, int] = (3, 8)) -> int:
    """Write the pages under `root`; returns the number of bytes written."""
    total = 0
    for rel, text in pages(count, seed, dup_share, paras):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    size = write_corpus(args.out, args.pages, args.seed)
    print(f"{args.pages} pages, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
