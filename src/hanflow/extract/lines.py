"""Boilerplate line rules, shared by HTML and plain-text extraction.

Each rule has a stable id so a run can count what it removed and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hanflow.extract.dates import find_date
from hanflow.extract.model import Extraction


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: re.Pattern[str]
    max_len: int = 200


RULES: tuple[Rule, ...] = (
    Rule("breadcrumb", re.compile(r"^\s*(当前位置|當前位置|您的位置|你的位置|位置)\s*[:：]|^\s*首页\s*[>＞»]")),
    Rule("byline", re.compile(r"(更新时间|发布时间|發布時間|发表时间|时间|來源|来源|作者|编辑|編輯|责任编辑|責任編輯)\s*[:：]")),
    Rule("image_credit", re.compile(r"^\s*(图源|圖源|图片来源|圖片來源|图片|圖片)\s*[:：]|第\s*\d+\s*[张張]\s*$")),
    Rule("copyright", re.compile(r"copyright\s*©|©\s*\d{4}|版权所有|版權所有|ICP\s*备|ICP\s*證|ICP\s*证", re.I)),
    Rule("share", re.compile(r"^\s*(分享到|分享至|share\s+(this|on))\b|^\s*分享到", re.I), 80),
    Rule("related", re.compile(r"^\s*(相关阅读|相關閱讀|相关新闻|相關新聞|热门文章|熱門文章|相关教程|延伸阅读|更多阅读|related\s+(articles|posts|stories))\s*[:：]?\s*$", re.I), 40),
)

_AUTHOR = re.compile(r"(?:作者|记者|記者|by)\s*[:：]?\s*([^\s|｜,，:：]{2,20})", re.I)


def match_rule(line: str) -> str | None:
    """The id of the first boilerplate rule that `line` matches, or None."""
    for rule in RULES:
        if len(line) <= rule.max_len and rule.pattern.search(line):
            return rule.id
    return None


def filter_lines(lines: list[str]) -> tuple[list[str], list[tuple[str, str]], dict[str, str]]:
    """Drop boilerplate lines; lift author and date out of bylines."""
    kept: list[str] = []
    removed: list[tuple[str, str]] = []
    meta: dict[str, str] = {}
    for line in lines:
        rule = match_rule(line)
        if rule is None:
            kept.append(line)
            continue
        removed.append((rule, line))
        if rule == "byline":
            if "published" not in meta and (date := find_date(line)):
                meta["published"] = date
            if "author" not in meta and (m := _AUTHOR.search(line)):
                meta["author"] = m.group(1)
    return kept, removed, meta


def extract_text(text: str) -> Extraction:
    """Main text of a plain-text or Markdown body (front matter already removed)."""
    lines = [ln.strip() for ln in text.splitlines()]
    kept, removed, meta = filter_lines([ln for ln in lines if ln])
    return Extraction(text="\n".join(kept), removed=removed, **meta)
