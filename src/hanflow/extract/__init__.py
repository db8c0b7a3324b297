"""Main-text extraction: HTML or plain text in, main text and metadata out.

Heuristics live here; file handling and decoding live elsewhere (see `hanflow.steps`).
Every removed line or block is reported as `(rule_id, text)`; `RULE_IDS` lists the ids.
"""

from hanflow.extract.html import extract_html
from hanflow.extract.lines import extract_text
from hanflow.extract.model import Extraction
from hanflow.extract.rules import RULE_DESCRIPTIONS, RULE_IDS

__all__ = ["RULE_DESCRIPTIONS", "RULE_IDS", "Extraction", "extract_html", "extract_text"]
