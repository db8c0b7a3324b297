"""The normalised text dedup works on, and the exact-duplicate key derived from it."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NOT_ALNUM = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Letters and digits only (str.isalnum), NFKC-folded and casefolded.

    NFKC maps full-width forms to half-width, so dropping every character that is not
    alphanumeric folds punctuation of either width and all whitespace alike.
    The input is expected to be t2s-converted already, which makes a traditional
    repost of a simplified article normalise to the same string.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NOT_ALNUM.sub("", folded)


def dedup_key(text: str) -> str:
    """Hash of the normalised text: equal keys mean the same words in the same order."""
    return key_of_normalised(normalise(text))


def key_of_normalised(norm: str) -> str:
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]
