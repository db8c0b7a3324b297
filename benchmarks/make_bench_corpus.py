"""Build a reproducible benchmark corpus: real evaluation pages with small edits, plus synthetic pages.

Real pages come from the shared evaluation set (`../shared/data/html-eval/html` next to the
repository); each copy gets a few seeded edits so most copies differ a little (near duplicates)
and some are byte-identical (exact duplicates). Synthetic pages are built from a small word list
with navigation and footer boilerplate, in simplified, traditional and mixed Chinese/English.

    python benchmarks/make_bench_corpus.py --pages 20000 --out .bench/corpus-20000
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_HTML = REPO.parent / "shared" / "data" / "html-eval" / "html"
SEED = 20260101
SYNTHETIC_SHARE = 0.1
EXACT_COPY_SHARE = 0.1

_TEXTS = {
    "hans": ("我们 今天 发展 经济 城市 学习 问题 国家 技术 数据 市场 企业 研究 报告 政府 教育 环境 文化 "
             "网络 服务 平台 计划 项目 社会 历史 科学 时间 工作 生活 人民 银行 医疗 交通 农业 能源"),
    "hant": ("我們 今天 發展 經濟 城市 學習 問題 國家 技術 數據 市場 企業 研究 報告 政府 教育 環境 文化 "
             "網絡 服務 平臺 計劃 項目 社會 歷史 科學 時間 工作 生活 人民 銀行 醫療 交通 農業 能源"),
    "en": ("the data market city report river school energy network bank model system project study "
           "people time work life policy growth science history transport farm health"),
}
_WORDS = {kind: text.split() for kind, text in _TEXTS.items()}
_NAV = ("首页 新闻 财经 科技 体育 娱乐 登录 注册", "Home News Business Tech Sports Login")
_FOOTER = ("版权所有 © 2024 示例网 保留所有权利 京ICP备00000000号",
           "Copyright © 2024 Example Media. All rights reserved.")


def _sentence(rng: random.Random, words: list[str], latin: bool) -> str:
    picked = rng.choices(words, k=rng.randint(6, 16))
    if latin:
        return " ".join(picked).capitalize() + "."
    return "".join(picked) + rng.choice("，。；！？") + "".join(rng.choices(words, k=4)) + "。"


def synthetic_page(rng: random.Random, n: int) -> str:
    """One HTML page with boilerplate around a few paragraphs of generated text."""
    kind = rng.choice(("hans", "hans", "hant", "mixed", "en"))
    words = _WORDS["hans" if kind == "mixed" else kind]
    latin = kind == "en"
    paras = []
    for _ in range(rng.randint(4, 14)):
        text = " ".join(_sentence(rng, words, latin) for _ in range(rng.randint(2, 6)))
        if kind == "mixed" and rng.random() < 0.5:
            text += " " + _sentence(rng, _WORDS["en"], True)
        paras.append(f"<p>{text}</p>")
    nav, footer = _NAV[latin], _FOOTER[latin]
    title = _sentence(rng, words, latin)[:30]
    links = "".join(f'<li><a href="/c/{i}">{w}</a></li>' for i, w in enumerate(nav.split()))
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | 示例网</title>'
            f'<meta name="author" content="作者{n % 97}"><meta property="article:published_time" '
            f'content="2024-{1 + n % 12:02d}-{1 + n % 28:02d}"></head><body><nav><ul>{links}</ul></nav>'
            f'<div class="main"><h1>{title}</h1><article>{"".join(paras)}</article></div>'
            f'<div class="related"><a href="/a/{n + 1}">{_sentence(rng, words, latin)}</a></div>'
            f"<footer>{footer}</footer></body></html>")


_CLOSE = re.compile(rb"</p>|</div>|<br\s*/?>", re.IGNORECASE)


def edited_copy(data: bytes, rng: random.Random) -> bytes:
    """A copy with a few ASCII tokens inserted before closing tags (safe in every ASCII-compatible
    encoding); some copies are left byte-identical."""
    if rng.random() < EXACT_COPY_SHARE:
        return data
    spots = [m.start() for m in _CLOSE.finditer(data)] or [len(data)]
    chosen = sorted(rng.sample(spots, k=min(len(spots), rng.randint(1, 3))), reverse=True)
    for pos in chosen:
        data = data[:pos] + f" ref {rng.randint(0, 99999)}".encode("ascii") + data[pos:]
    return data


def make_corpus(pages: int, out: Path, seed: int = SEED) -> dict:
    """Write `pages` files under `out` (skipped when a finished corpus of that size is there)."""
    stamp = out / ".corpus.json"
    if stamp.is_file() and json.loads(stamp.read_text()).get("pages") == pages:
        return json.loads(stamp.read_text())
    sources = sorted(SHARED_HTML.glob("*.html")) if SHARED_HTML.is_dir() else []
    if not sources:
        print(f"note: {SHARED_HTML} is absent; the corpus is synthetic pages only", file=sys.stderr)
    rng = random.Random(seed)
    n_synth = pages if not sources else int(pages * SYNTHETIC_SHARE)
    originals = [p.read_bytes() for p in sources]
    total = 0
    for i in range(pages):
        sub, data = ("synthetic", synthetic_page(rng, i).encode("utf-8")) if i < n_synth else \
            ("real", edited_copy(originals[i % len(originals)], rng))
        path = out / sub / f"{i // 1000:03d}" / f"{i:06d}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
    info = {"pages": pages, "bytes": total, "synthetic": n_synth, "real": pages - n_synth, "seed": seed}
    stamp.write_text(json.dumps(info))
    return info


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=20000)
    ap.add_argument("--out", type=Path, default=None, help="default: .bench/corpus-PAGES")
    args = ap.parse_args()
    info = make_corpus(args.pages, args.out or REPO / ".bench" / f"corpus-{args.pages}")
    print(json.dumps(info))


if __name__ == "__main__":
    main()
