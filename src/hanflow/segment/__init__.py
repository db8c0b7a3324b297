"""Bilingual segmentation and keywords."""

from hanflow.segment.keywords import extract_keywords
from hanflow.segment.tokenize import Segmenter

__all__ = ["Segmenter", "extract_keywords"]
