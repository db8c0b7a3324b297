"""Platform profiles: what a platform's pages need that no generic signal gives.

Each profile is data: how the platform's pages are recognised (`markers`, strings in the
raw page) and where it keeps what the page does not show (`date`: a script variable with the
publish time, as Unix seconds or written out). Generic signals go first; a profile only
fills a field they left empty, and the profiles that fired are counted per run.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from hanflow.extract.dates import find_date


@dataclass(frozen=True)
class Profile:
    name: str
    markers: tuple[str, ...]  # any of these strings in the raw page (plain search: cheap)
    date: re.Pattern[str] | None = None  # group 1: Unix seconds or a written date
    zone: dt.timezone = dt.UTC  # the zone Unix seconds are shown in


PROFILES: tuple[Profile, ...] = (
    # WeChat public-account articles: the visible publish time is filled in by a script from
    # `var ct = "<unix seconds>"`; the saved page has only the variable.
    Profile("wechat", ('id="js_content"', 'class="rich_media_content'),
            date=re.compile(r'\bvar\s+ct\s*=\s*"(\d{9,11})"'),
            zone=dt.timezone(dt.timedelta(hours=8))),
)


def matching(html: str) -> list[Profile]:
    """The profiles whose marker the page carries."""
    return [p for p in PROFILES if any(marker in html for marker in p.markers)]


def profile_date(profile: Profile, html: str) -> str | None:
    """The publish date the profile reads from the page, ISO 8601."""
    if profile.date is None or (m := profile.date.search(html)) is None:
        return None
    value = m.group(1)
    if value.isdigit():
        stamp = dt.datetime.fromtimestamp(int(value), profile.zone)
        return stamp.replace(microsecond=0).isoformat()
    return find_date(value)
