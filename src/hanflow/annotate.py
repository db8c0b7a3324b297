"""Language and size annotations of a cleaned, simplified text."""

from __future__ import annotations

import hashlib
import unicodedata


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def language(text: str) -> dict[str, object]:
    """`zh`, `en` or `mixed`, from the shares of Han and Latin letters among all letters."""
    han = latin = 0
    for ch in text:
        if _is_han(ch):
            han += 1
        elif ch.isascii() and ch.isalpha() or unicodedata.category(ch) == "Ll":
            latin += 1
    letters = han + latin or 1
    zh_ratio, latin_ratio = round(han / letters, 4), round(latin / letters, 4)
    lang = "zh" if zh_ratio >= 0.6 else "en" if zh_ratio <= 0.05 else "mixed"
    return {"lang": lang, "zh_ratio": zh_ratio, "latin_ratio": latin_ratio}


def record_id(text: str) -> str:
    """Stable id of a record: the same normalised text gets the same id in every run."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
