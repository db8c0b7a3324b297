"""Publish dates in the forms Chinese and English pages write them, to ISO 8601.

`find_date` returns the first valid date in a string: ``YYYY-MM-DD`` when only a date is
written, ``YYYY-MM-DDTHH:MM:SS[.fff]`` when a time is, followed by the UTC offset whenever the
text gives one (``Z``, ``+0800``, ``GMT``, ``EST``, 北京时间 …; ``CST`` and ``HKT`` are read as
+08:00, the zones Chinese pages mean by them). A value without an offset is the page's local
time, zone unknown. Impossible dates (2025-02-31) and times (25:10) are not dates.

Forms read: ISO 8601 and its Chinese variants (2025-05-10 13:05, 2025年5月10日 下午1点05分,
2025/5/10), English month names in either order (May 10, 2025; 10 May 2025; Saturday, 10th
May 2025 1:05 pm), and RFC 2822 (Sat, 10 May 2025 13:05:00 +0800). The patterns are bounded
and run in time linear in the text (tests/test_rules_linear.py).
"""

from __future__ import annotations

import datetime as dt
import re

_TIME = (r"(?:(?P<ap>上午|下午|晚上|凌晨|早上|中午)\s*+)?(?P<H>\d{1,2})\s*+[:：时時点點]\s*+(?P<M>\d{2})"
         r"(?:\s*+[:：分]\s*+(?P<S>\d{2})(?P<frac>\.\d{1,9})?)?\s*+(?P<ampm>[ap]\.?m\.?(?![a-z]))?")
_ZONE = (r"(?P<tz>\s*+(?:Z(?![a-z])|[+-]\d{2}:?\d{2}(?!\d)|(?:GMT|UTC|UT)(?:\s*+[+-]\s*+\d{1,2}(?::?\d{2})?)?"
         r"(?![a-z])|(?:HKT|CST|JST|KST|EST|EDT|CDT|MST|MDT|PST|PDT)(?![a-z])))?")
_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*+[-/.年]\s*+(?P<m>\d{1,2})\s*+[-/.月]\s*+(?P<d>\d{1,2})(?!\d)\s*+日?"
    r"(?:\s*+(?:星期.|周.|週.)?[\s,，T]*+(?:(?P<tz0>HKT|GMT|UTC)\s*+)?" + _TIME + r")?" + _ZONE, re.I)
_MONTH_ABBREVIATIONS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
# An English month's name, abbreviated or not ("Mar", "Mar.", "March").
MONTH = rf"(?:{_MONTH_ABBREVIATIONS})[a-z]*+\.?"
_MONTH_NAMES = rf"(?P<mon>{_MONTH_ABBREVIATIONS})[a-z]*+\.?"
_EN_TIME = (r"(?:[\s,]++(?:at\s++)?(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?P<frac>\.\d{1,9})?)?"
            r"\s*+(?P<ampm>[ap]\.?m\.?(?![a-z]))?)?")
_EN_DATE = re.compile(
    r"\b(?:" + _MONTH_NAMES + r"\s++(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s++(?P<y>(?:19|20)\d{2})|"
    r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s++(?:of\s++)?(?P<mon2>" + _MONTH_ABBREVIATIONS + ")"
    r"[a-z]*+\.?,?\s++(?P<y2>(?:19|20)\d{2}))(?!\d)" + _EN_TIME + _ZONE, re.I)
# A day written with a month's name, the year optional ("Feb 11, 2024", "3 March"): as post
# chrome shows when a post was written (no groups; `find_date` reads it with the year).
MONTH_DAY = (rf"\b{MONTH}\s++\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s++(?:19|20)\d{{2}})?|"
             rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s++{MONTH}(?:,?\s++(?:19|20)\d{{2}})?")
_MONTHS = {m: i for i, m in enumerate(_MONTH_ABBREVIATIONS.split("|"), 1)}
_BEIJING = re.compile(r"北京时间|北京時間|台北时间|台北時間|香港时间|香港時間")
_NAMED_ZONES = {"Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "HKT": 480, "CST": 480, "JST": 540, "KST": 540,
                "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420}


def find_date(text: str) -> str | None:
    """The first valid date in `text` as ISO 8601 (see the module docstring for the forms)."""
    found = [m for m in (_first_valid(_DATE, text), _first_valid(_EN_DATE, text)) if m is not None]
    if not found:
        return None
    return min(found)[1]


def _first_valid(pattern: re.Pattern[str], text: str) -> tuple[int, str] | None:
    for m in pattern.finditer(text):
        iso = _iso(m, text)
        if iso is not None:
            return m.start(), iso
    return None


def _iso(m: re.Match[str], text: str) -> str | None:
    groups = m.groupdict()
    year = groups.get("y") or groups.get("y2")
    month = groups.get("m") or _MONTHS.get((groups.get("mon") or groups.get("mon2") or "").lower()[:3])
    day = groups.get("d") or groups.get("d2")
    try:
        date = dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None
    if groups.get("H") is None:
        return date.isoformat()
    clock = _clock(groups)
    if clock is None:
        return date.isoformat()
    return f"{date.isoformat()}T{clock}{_offset(groups.get('tz') or groups.get('tz0'), text)}"


def _clock(groups: dict[str, str | None]) -> str | None:
    hour, minute, second = int(groups["H"] or 0), int(groups["M"] or 0), int(groups["S"] or 0)
    hour = _hour(hour, groups.get("ap"), (groups.get("ampm") or "").replace(".", "").lower())
    if hour is None or minute > 59 or second > 59:
        return None
    return f"{hour:02d}:{minute:02d}:{second:02d}{groups.get('frac') or ''}"


def _hour(hour: int, chinese: str | None, english: str) -> int | None:
    """24-hour clock from 上午/下午/凌晨… or am/pm; None for an hour that cannot be."""
    if chinese in ("下午", "晚上") and hour < 12 or english == "pm" and hour < 12:
        hour += 12
    elif (chinese in ("凌晨", "上午", "早上") or english == "am") and hour == 12:
        hour = 0
    if english and not 1 <= int(hour % 12 or 12) <= 12:
        return None
    return hour if hour < 24 else None


def _offset(tz: str | None, text: str) -> str:
    """``+HH:MM`` for the zone the text names; empty when it names none."""
    tz = (tz or "").strip().upper().replace(" ", "")
    if not tz:
        return "+08:00" if _BEIJING.search(text) else ""
    m = re.fullmatch(r"(?:GMT|UTC|UT)?([+-])(\d{1,2}):?(\d{2})?", tz)
    if m:
        minutes = int(m[2]) * 60 + int(m[3] or 0)
        sign = m[1]
    else:
        total = _NAMED_ZONES.get(tz)
        if total is None:
            return ""
        sign, minutes = ("-" if total < 0 else "+"), abs(total)
    if minutes > 14 * 60:
        return ""
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
