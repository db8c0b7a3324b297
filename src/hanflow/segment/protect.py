"""Spans jieba must not see: URLs, e-mail, domains, dates, times, numbers with units, English.

Patterns run on a copy of the text with full-width ASCII folded to half-width (one character
for one, so offsets stay valid); tokens are then cut from the original text. Repetitions that
could scan ahead without matching (e-mail parts, domain labels) are bounded, so hostile input
costs linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

_STOP_BEFORE_VERSION = (
    r"(?!(?:The|A|An|In|On|At|Of|And|Or|For|To|By|From|With|Page|Chapter|Top|No)\b)"
)
_NAME = r"[A-Z][A-Za-z]*[a-z][A-Za-z]*"
_END = r"\s<>\"'\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_TLD = r"(?:com|org|net|edu|gov|io|ai|cn|tw|hk|jp|uk|de|fr|info|dev|app|co|me|tv)"
_MAGNITUDE = r"[十百千万亿兆]*"
_UNIT = (
    r"(?:%|‰|年代|周年|世纪|年|个月|月份|月|日|号|小时|时|分钟|分|秒|岁"
    r"|万亿|亿元|万元|美元|欧元|日元|英镑|港元|港币|元)"
)

PATTERNS: tuple[tuple[str, str], ...] = (
    ("url", rf"(?:https?|ftp)://[^{_END}]+(?<![.,;:!?)\]])"),
    ("email", r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}"),
    (
        "domain",
        rf"(?:[A-Za-z0-9-]{{1,63}}\.){{1,8}}{_TLD}(?![A-Za-z0-9-])(?:/[^{_END}]*(?<![.,;:!?)\]]))?",
    ),
    ("date", r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?"),
    ("time", r"\d{1,2}:\d{2}(?::\d{2})?(?:[AaPp][Mm])?"),
    ("version", rf"{_STOP_BEFORE_VERSION}{_NAME} \d{{1,2}}(?:\.\d+)*(?![0-9A-Za-z]|[.,]\d)"),
    ("number", rf"[-+]?\d+(?:,\d{{3}})*(?:\.\d+)?(?:{_MAGNITUDE}{_UNIT}|[十百千万亿兆]+)?"),
    ("word", r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:[-.+_'’][A-Za-z0-9]+)*(?:\+\+|#)?"),
)
NON_WORD = frozenset({"url", "email", "domain", "date", "time", "number"})


def build_pattern(phrases: Iterable[str] = ()) -> re.Pattern[str]:
    """One regex with a named group per kind; `phrases` (multi-word names) are tried first."""
    parts = []
    names = sorted({p for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if names:
        parts.append("(?P<phrase>" + "|".join(re.escape(n) for n in names) + r")(?![A-Za-z0-9])")
    parts.extend(f"(?P<{kind}>{rx})" for kind, rx in PATTERNS)
    return re.compile("|".join(parts))
