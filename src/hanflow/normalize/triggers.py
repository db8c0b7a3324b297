"""Which characters can make OpenCC change a paragraph.

OpenCC replaces dictionary keys by their values. A key whose value equals the key changes
nothing; any other key has at least one position where key and value differ. So a paragraph
without any such character (for length-preserving entries) or any character of such a key
(otherwise) comes out unchanged, and need not be converted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# Every CJK ideograph and compatibility ideograph: the safe answer when the dictionaries are not
# readable (the C++ binding keeps them in a binary format).
_ANY_HAN = r"[\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"


def _dictionaries(cc: object) -> Iterator[dict[str, str]]:
    """The dictionaries opencc-python-reimplemented applies, as (max, min, dict) groups."""
    for group in getattr(cc, "_dict_chain_data", None) or ():
        for entry in group:
            yield entry[2]


def changing_chars(dictionaries: Iterable[dict[str, str]]) -> set[str]:
    chars: set[str] = set()
    for table in dictionaries:
        for key, value in table.items():
            first = value.split(" ")[0]
            if first == key:
                continue
            if len(first) == len(key):
                chars.update(k for k, v in zip(key, first, strict=True) if k != v)
            else:
                chars.update(key)
    return chars


def trigger_pattern(cc: object, extra_keys: Iterable[str]) -> re.Pattern[str]:
    """A regex that finds a character able to change under `cc` or the corrections."""
    chars = changing_chars(_dictionaries(cc))
    if not chars:
        return re.compile(_ANY_HAN)
    for key in extra_keys:
        chars.update(key)
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")
