"""A small table of fixes for errors the OpenCC dictionaries make on ordinary text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

TO_SIMPLIFIED = frozenset({"t2s", "tw2s", "hk2s", "tw2sp", "hk2sp"})


@dataclass(frozen=True)
class Corrections:
    table: dict[str, str]
    pattern: re.Pattern[str] | None

    def apply(self, converted: str) -> str:
        if self.pattern is None:
            return converted
        return self.pattern.sub(lambda m: self.table[m.group()], converted)


@lru_cache(maxsize=1)
def load_table() -> dict[str, str]:
    """The corrections shipped with hanflow: wrong output -> right output."""
    text = files("hanflow.normalize").joinpath("corrections.tsv").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            wrong, right = line.split("\t")
            table[wrong] = right
    return table


def corrections_for(config: str) -> Corrections:
    """Corrections for conversions to simplified Chinese; none for the other directions."""
    if config not in TO_SIMPLIFIED:
        return Corrections({}, None)
    table = load_table()
    ordered = sorted(table, key=lambda k: (-len(k), k))
    return Corrections(table, re.compile("|".join(map(re.escape, ordered))))
