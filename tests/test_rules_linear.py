"""Every line regex runs in time linear in the line: no input makes a run hang.

A table header of years (`2019 2020 2021 2022 2023 2024 增长率`) once made the pagination and
breadcrumb rules backtrack exponentially. Costs are compared as ratios between two lengths of
the same adversarial line, never as absolute times.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.extract.dates import find_date
from hanflow.extract.lines import filter_lines
from hanflow.extract.rules import RULE_IDS, line_rule
from tests.regex_cost import growth, named_patterns

PATTERNS = named_patterns()
SMALL, LARGE = 2_000, 16_000  # linear: cost ratio about 8; quadratic: about 64


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_cost_grows_linearly(name: str) -> None:
    ratio, line = growth(PATTERNS[name], SMALL, LARGE)
    assert ratio < 3 * LARGE / SMALL, f"{name}: cost x{ratio:.1f} for x{LARGE // SMALL} length on {line}"


@pytest.mark.parametrize("years", [6, 15, 40])
def test_table_header_of_years_is_quick_and_kept(years: int) -> None:
    line = " ".join(str(2010 + i) for i in range(years)) + " 增长率"
    start = time.process_time()
    assert line_rule(line, edge=True) is None
    assert time.process_time() - start < 0.5


DIGITS = st.integers(0, 99999).map(str)
SEPARATORS = st.sampled_from([" ", "  ", ">", " > ", "»", "|", "/", "、", "：", ":", "-", ".", "…", "·", "\t",
                              "【", "】", "(", "）", "@", "©"])
CJK = st.text(st.sampled_from("增长率年月日页第共首上下一篇来源作者记者版权所有分享关注声明转载时间北京"),
              min_size=1, max_size=4)
LINES = st.lists(st.one_of(DIGITS, SEPARATORS, CJK), min_size=1, max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_rules_on_digit_runs_separators_and_cjk_are_quick(line: str) -> None:
    start = time.process_time()
    for edge in (False, True):
        assert line_rule(line, edge=edge) in (None, *RULE_IDS)
    find_date(line)
    filter_lines([line, line])
    assert time.process_time() - start < 0.25, f"slow line: {line!r}"
