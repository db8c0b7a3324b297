"""Which characters can make OpenCC change a paragraph.

OpenCC replaces dictionary keys by their values; a key whose value equals the key changes
nothing. A paragraph that contains no character of the set below contains no key that changes
anything, so it comes out unchanged and need not be converted (the tests check this against
converting everything).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# Every CJK ideograph and compatibility ideograph: the safe answer when the dictionaries are not
# readable (the C++ binding keeps them in a binary format).
_ANY_HAN = re.compile(
    r"[\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
)


def _dictionaries(cc: object) -> Iterator[dict[str, str]]:
    """The dictionaries opencc-python-reimplemented applies, as (max, min, dict) groups."""
    for group in getattr(cc, "_dict_chain_data", None) or ():
        for entry in group:
            yield entry[2]


def _changing_entries(dictionaries: Iterable[dict[str, str]]) -> Iterator[tuple[str, str]]:
    for table in dictionaries:
        for key, value in table.items():
            first = value.split(" ")[0]
            if first != key:
                yield key, first


def changing_chars(dictionaries: Iterable[dict[str, str]], known: Iterable[str] = ()) -> set[str]:
    """Characters at least one of which occurs in every text that a dictionary can change.

    A key can only match where all its characters occur, so one character per key suffices:
    one already chosen if the key has it, else the first that the entry rewrites.
    """
    entries = list(_changing_entries(dictionaries))
    chars = set(known) | {key for key, _ in entries if len(key) == 1}
    for key, value in entries:
        if chars.isdisjoint(key):
            differing = [k for k, v in zip(key, value, strict=False) if k != v]
            chars.add(differing[0] if differing else key[0])
    return chars


class Gate:
    """Tells whether a text may change: it holds a character of `chars` (or any Han character)."""

    def __init__(self, chars: frozenset[str] | None) -> None:
        self.chars = chars

    def may_change(self, text: str) -> bool:
        if self.chars is None:
            return _ANY_HAN.search(text) is not None
        return not self.chars.isdisjoint(text)


def gate_for(cc: object, corrections: dict[str, str]) -> Gate:
    """The gate for converter `cc` followed by `corrections`.

    Without readable dictionaries (the C++ binding) every text with a Han character may change.
    """
    chars = changing_chars(_dictionaries(cc))
    if not chars:
        return Gate(None)
    return Gate(frozenset(changing_chars([corrections], known=chars)))
