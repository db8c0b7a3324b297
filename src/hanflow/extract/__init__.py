"""Main-text extraction: HTML or plain text in, main text and metadata out.

Heuristics live here; file handling and decoding live elsewhere (see `hanflow.steps`).
Every removed line or block is reported as `(rule_id, text)`; `RULE_IDS` lists the ids.
"""

from hanflow.extract import chrome, rules
from hanflow.extract.html import TEASER_DESCRIPTION, TEASER_RULE, extract_html
from hanflow.extract.lines import extract_text
from hanflow.extract.model import Extraction
from hanflow.extract.pagetype import PAGE_TYPES

RULE_DESCRIPTIONS: dict[str, str] = {
    **rules.RULE_DESCRIPTIONS, TEASER_RULE: TEASER_DESCRIPTION, chrome.RULE: chrome.DESCRIPTION}
"""One line per rule id: the line rules, section cuts and block rules, and the structural ones."""

RULE_IDS: tuple[str, ...] = tuple(RULE_DESCRIPTIONS)

__all__ = ["PAGE_TYPES", "RULE_DESCRIPTIONS", "RULE_IDS", "Extraction", "extract_html", "extract_text"]
