"""Rules remove a line only when it is boilerplate: the precision and recall sets.

tests/data/rule_precision.txt holds ordinary article sentences that mention ©, 声明, 版权, 关注,
share, follow … (none may be removed, wherever it stands); tests/data/rule_recall.tsv holds
boilerplate lines as pages print them, with the rule that must remove each.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hanflow.extract import extract_text
from hanflow.extract.lines import filter_lines
from hanflow.extract.rules import line_rule

DATA = Path(__file__).parent / "data"
BODY = [
    "市里今天召开会议，讨论明年的公共交通规划，多位代表发言，会议持续了整整三个小时。",
    "The council met for three hours on Tuesday and heard from more than forty residents.",
    "会议决定下月起征求公众意见，意见征集期为三十天，结果将在网站上公布，欢迎大家参与。",
]


def _lines(name: str) -> list[str]:
    return [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]


SENTENCES = _lines("rule_precision.txt")
BOILERPLATE = [tuple(ln.split("\t", 1)) for ln in _lines("rule_recall.tsv")]


def test_the_sets_are_large_enough() -> None:
    assert len(SENTENCES) >= 300
    assert sum(any("\u4e00" <= ch <= "\u9fff" for ch in s) for s in SENTENCES) >= 150
    assert len({rule for rule, _ in BOILERPLATE}) >= 14


@pytest.mark.parametrize("sentence", SENTENCES)
def test_article_sentence_is_kept_inside_and_at_either_edge(sentence: str) -> None:
    for lines in ([BODY[0], sentence, *BODY[1:]], [sentence, *BODY], [*BODY, sentence]):
        assert filter_lines(lines).kept == lines
    assert line_rule(sentence, edge=True) is None


@pytest.mark.parametrize(("rule", "line"), BOILERPLATE)
def test_boilerplate_line_is_removed_under_its_rule(rule: str, line: str) -> None:
    assert line_rule(line, edge=True) == rule
    assert line not in filter_lines([*BODY, line]).kept


def test_copyright_reproduction() -> None:
    assert line_rule("The © symbol was added in 1909 under US copyright law.", edge=False) is None
    text = "\n".join([*BODY, "The © symbol was added in 1909 under US copyright law.", "© 2024 Example Media"])
    assert extract_text(text).text.splitlines() == [*BODY, "The © symbol was added in 1909 under US copyright law."]
