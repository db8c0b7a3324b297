"""The exact-duplicate key: text with punctuation, whitespace and case folded away."""

from __future__ import annotations

import hashlib
import unicodedata


def dedup_key(text: str) -> str:
    """Hash of the text with only letters and digits left (input is already t2s-normalised)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")
    return hashlib.sha256(kept.encode("utf-8")).hexdigest()[:32]
