"""Bilingual segmentation and keywords."""

from hanflow.segment.keywords import extract_keywords
from hanflow.segment.tokenize import Segmenter, latest_segmenter

__all__ = ["Segmenter", "extract_keywords", "latest_segmenter"]
