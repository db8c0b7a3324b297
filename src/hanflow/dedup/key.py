"""The normalised text dedup works on, and the exact-duplicate key derived from it."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache

_NOT_ALNUM = re.compile(r"[\W_]+")


@cache
def _droppable() -> re.Pattern[str]:
    """BMP characters that are not alphanumeric and whose NFKC form has none either.

    Removing them before NFKC leaves typical Chinese text already normalised, which
    CPython detects with a quick check instead of running the full (slow) algorithm.
    """
    drop = [
        cp
        for cp in range(0x10000)
        if not (0xD800 <= cp < 0xE000 or chr(cp).isalnum() or unicodedata.combining(chr(cp)))
        and not any(ch.isalnum() for ch in unicodedata.normalize("NFKC", chr(cp)))
    ]
    spans: list[list[int]] = []
    for cp in drop:
        if spans and spans[-1][1] == cp - 1:
            spans[-1][1] = cp
        else:
            spans.append([cp, cp])
    body = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in spans)
    return re.compile(f"[{body}]+")


def normalise(text: str) -> str:
    """Letters and digits only (str.isalnum), NFKC-folded and casefolded.

    NFKC maps full-width forms to half-width, so dropping every character that is not
    alphanumeric folds punctuation of either width and all whitespace alike.
    The input is expected to be t2s-converted already, which makes a traditional
    repost of a simplified article normalise to the same string.
    """
    folded = unicodedata.normalize("NFKC", _droppable().sub("", text)).casefold()
    return _NOT_ALNUM.sub("", folded)


def dedup_key(text: str) -> str:
    """Hash of the normalised text: equal keys mean the same words in the same order."""
    return key_of_normalised(normalise(text))


def key_of_normalised(norm: str) -> str:
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]
