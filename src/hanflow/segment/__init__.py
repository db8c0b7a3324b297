"""Bilingual segmentation and keywords.

The names below are imported on first use, so that reading `hanflow.segment.backends` (the
command line's defaults) does not load the segmenter's patterns and word lists.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hanflow.segment.keywords import extract_keywords
    from hanflow.segment.tokenize import Segmenter, latest_segmenter

__all__ = ["Segmenter", "extract_keywords", "latest_segmenter"]
_HOMES = {"Segmenter": "tokenize", "latest_segmenter": "tokenize", "extract_keywords": "keywords"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"hanflow.segment.{_HOMES[name]}"), name)
