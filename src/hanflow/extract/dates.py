"""Publish dates in the forms Chinese and English pages write them, to ISO 8601."""

from __future__ import annotations

import re

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:[\sT]*(?P<H>\d{1,2})[:：时](?P<M>\d{2})(?:[:：分](?P<S>\d{2}))?)?"
    r"(?P<tz>\s*(?:Z|[+-]\d{2}:?\d{2}))?"
)


def find_date(text: str) -> str | None:
    """The first date in `text` as ISO 8601, with a time zone only when the text gives one."""
    m = _DATE.search(text)
    if not m:
        return None
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    out = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["H"] is not None and int(m["H"]) < 24:
        out += f"T{int(m['H']):02d}:{m['M']}:{m['S'] or '00'}"
        tz = (m["tz"] or "").strip()
        if tz == "Z":
            out += "+00:00"
        elif tz:
            out += tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"
    return out
