"""Publish dates in the forms Chinese and English pages write them, to ISO 8601."""

from __future__ import annotations

import re

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?:星期.|周.|週.)?[\s,，T]*(?:(?P<ap>上午|下午|晚上|凌晨|早上|中午)\s*)?"
    r"(?P<H>\d{1,2})\s*[:：时時点點]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?)?"
    r"(?P<tz>\s*(?:Z\b|[+-]\d{2}:?\d{2}\b|(?:GMT|UTC)\s*\+\s*0?8\b|HKT\b))?"
)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_EN_DATE = re.compile(
    r"\b(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d>\d{1,2}),?\s+"
    r"(?P<y>(?:19|20)\d{2})\b", re.I)
_BEIJING = re.compile(r"北京时间|北京時間|台北时间|台北時間|香港时间|香港時間|"
                      r"\bHKT\b|\bCST\b|GMT\s*\+\s*0?8|UTC\s*\+\s*0?8")


def _zone(tz: str, text: str) -> str:
    tz = tz.strip().upper()
    if tz == "Z":
        return "+00:00"
    if tz.startswith(("+", "-")):
        return tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"
    if tz or _BEIJING.search(text):
        return "+08:00"
    return ""


def _hour(hour: int, ampm: str | None) -> int:
    if ampm in ("下午", "晚上") and hour < 12:
        return hour + 12
    return hour


def find_date(text: str) -> str | None:
    """The first date in `text` as ISO 8601; +08:00 only when the text names that zone."""
    m = _DATE.search(text)
    if not m:
        e = _EN_DATE.search(text)
        if not e:
            return None
        y, mo, d = int(e["y"]), _MONTHS[e["mon"].lower()[:3]], int(e["d"])
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= d <= 31 else None
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    out = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["H"] is not None and _hour(int(m["H"]), m["ap"]) < 24 and int(m["M"]) < 60:
        out += f"T{_hour(int(m['H']), m['ap']):02d}:{m['M']}:{m['S'] or '00'}"
        out += _zone(m["tz"] or "", text)
    return out
