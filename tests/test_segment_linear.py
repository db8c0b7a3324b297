"""Every span pattern runs in time linear in its input.

Each pattern (alone, and in the alternations the Segmenter runs) scans adversarial strings
(`span_cost.UNITS` repeated) of two lengths, SMALL and 8 * SMALL; the cost must grow about 8
times, not 64 (quadratic) or more. `make bench-segment` follows the same inputs up to 1 MB.
Ratios of the same process's CPU time, the best of a few runs, so a busy machine does not decide.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.segment import Segmenter
from hanflow.segment.entities import entity_names
from hanflow.segment.protect import PATTERNS, build_pairs, build_pattern, build_phrases
from tests.span_cost import UNITS, growth

SMALL = 6_000
GROWTH = 8
LIMIT = 3 * GROWTH  # linear with noise stays far below; quadratic is 64, exponential never ends


def _growth(pattern: re.Pattern[str], unit: str) -> float:
    return growth(pattern, unit, SMALL, GROWTH)


def _compiled() -> dict[str, re.Pattern[str]]:
    patterns = {kind: re.compile(rx) for kind, rx in PATTERNS}
    patterns["alternation"] = build_pattern()
    patterns["pairs"] = build_pairs()
    phrases = build_phrases(name for name in entity_names() if " " in name)
    assert phrases is not None
    patterns["phrases"] = phrases
    return patterns


@pytest.mark.parametrize(("name", "pattern"), sorted(_compiled().items()))
def test_pattern_cost_grows_linearly(name, pattern):
    slow = {unit: round(g, 1) for unit in UNITS if (g := _growth(pattern, unit)) > LIMIT}
    assert not slow, f"{name}: cost grows more than linearly on {slow}"


def test_the_reported_inputs_segment():
    # a 200,000-letter run took minutes with the old version pattern; the cost test above bounds it
    seg = Segmenter()
    letters = "x" * 200_000
    assert seg.tokenize(letters) == [letters]
    header = " ".join(str(year) for year in range(2010, 2025)) + " 增长率"
    assert seg.tokenize(header) == [str(year) for year in range(2010, 2025)] + ["增长率"]


_PIECES = st.sampled_from(["1", "9", "20", "2019", ".", ",", ":", "-", "/", "%", " ", "中", "年", "万", "a", "Z",
                           "iPhone", "Pro", "@", "http://", "…", "—", "'", "#", "+"])


@settings(max_examples=40, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12).map("".join))
def test_fuzz_repeated_units_cost_linear_time(unit):
    pattern = build_pairs()
    assert _growth(pattern, unit) <= LIMIT, unit
