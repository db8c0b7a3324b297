"""find_date: ISO 8601 out, the zone kept whenever the text gives one, impossible dates refused."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.extract.dates import find_date


@pytest.mark.parametrize(("text", "iso"), [
    ("2025-05-10T13:05:00.000Z", "2025-05-10T13:05:00.000+00:00"),
    ("2025-05-10T13:05:00Z", "2025-05-10T13:05:00+00:00"),
    ("2025-05-10T13:05:00.250+0530", "2025-05-10T13:05:00.250+05:30"),
    ("2025-05-10 13:05:00 -04:00", "2025-05-10T13:05:00-04:00"),
    ("Sat, 10 May 2025 13:05:00 +0800", "2025-05-10T13:05:00+08:00"),
    ("Sat, 10 May 2025 05:05:00 GMT", "2025-05-10T05:05:00+00:00"),
    ("10 May 2025", "2025-05-10"),
    ("Saturday 10th May 2025", "2025-05-10"),
    ("10 May, 2025 at 1:05 pm", "2025-05-10T13:05:00"),
    ("May 10, 2025 12:30 AM EST", "2025-05-10T00:30:00-05:00"),
    ("Updated: May 10th, 2025", "2025-05-10"),
    ("2025年5月10日 凌晨12:30", "2025-05-10T00:30:00"),
    ("2025年5月10日 中午12:30", "2025-05-10T12:30:00"),
    ("2025年5月10日 晚上8点15分", "2025-05-10T20:15:00"),
    ("2025年5月10日 上午9:05 北京时间", "2025-05-10T09:05:00+08:00"),
    ("发布时间：2025/05/10 08:00 CST", "2025-05-10T08:00:00+08:00"),
])
def test_forms_and_zones(text: str, iso: str) -> None:
    assert find_date(text) == iso
    assert dt.datetime.fromisoformat(iso) if "T" in iso else dt.date.fromisoformat(iso)


@pytest.mark.parametrize("text", ["2025-02-31", "2023-02-29", "2025年4月31日", "31 June 2025", "Feb 30, 2024",
                                  "2025-13-01", "2025-00-10", "2019 2020 2021 2022"])
def test_impossible_dates_are_not_dates(text: str) -> None:
    assert find_date(text) is None


def test_an_impossible_date_gives_way_to_the_next_valid_one() -> None:
    assert find_date("原定2025-02-31，后改为2025-03-03 10:00") == "2025-03-03T10:00:00"


def test_impossible_time_keeps_the_date() -> None:
    assert find_date("2025-05-10 25:61") == "2025-05-10"


def test_leap_day_is_a_date() -> None:
    assert find_date("2024-02-29") == "2024-02-29"


def test_the_first_date_wins_whatever_its_form() -> None:
    assert find_date("Filed 9 May 2025, updated 2025-05-10") == "2025-05-09"
    assert find_date("2025-05-10 (first published 9 May 2025)") == "2025-05-10"


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2099, 12, 31)),
       st.integers(-12 * 60, 14 * 60).map(lambda m: m - m % 15))
def test_iso_timestamps_round_trip_with_their_offset(moment: dt.datetime, minutes: int) -> None:
    aware = moment.replace(microsecond=0, tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))
    assert dt.datetime.fromisoformat(find_date(f"posted {aware.isoformat()} by x")) == aware


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.sampled_from(["{y}年{m}月{d}日", "{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}", "{d} {mon} {y}", "{mon} {d}, {y}"]))
def test_every_real_date_is_found_in_each_form(day: dt.date, form: str) -> None:
    text = form.format(y=day.year, m=day.month, d=day.day, mon=day.strftime("%B"))
    assert find_date(f"本文发布于 {text} 。") == day.isoformat()
