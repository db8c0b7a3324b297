"""Main-text extraction: HTML or plain text in, main text and metadata out.

Heuristics live here; file handling and decoding live elsewhere (see `hanflow.pipeline`).
"""

from hanflow.extract.html import extract_html
from hanflow.extract.lines import extract_text
from hanflow.extract.model import Extraction

__all__ = ["Extraction", "extract_html", "extract_text"]
