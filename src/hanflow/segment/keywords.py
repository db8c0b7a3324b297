"""Top terms of a text by jieba's TF-IDF, content words only."""

from __future__ import annotations

import re

import jieba.analyse

_NUMERIC = re.compile(r"^[\d.,%]+$")


def extract_keywords(text: str, top_k: int = 10) -> list[str]:
    words = jieba.analyse.extract_tags(text, topK=top_k * 2)
    return [w for w in words if not _NUMERIC.match(w) and len(w.strip()) > 1][:top_k]
