"""HTML main text: parse once, take metadata, find the content block, then filter lines."""

from __future__ import annotations

from hanflow.extract.block import best_block, measure
from hanflow.extract.dates import find_date
from hanflow.extract.lines import META_RULES, filter_lines, lift_meta
from hanflow.extract.meta import page_metadata
from hanflow.extract.model import Extraction
from hanflow.extract.parse import parse_html, prune
from hanflow.extract.render import block_lines, clean_blocks, element_text
from hanflow.extract.rules import line_rule


def extract_html(html: str) -> Extraction:
    """Main text (one paragraph per line), metadata, and every removal with its rule id."""
    root = parse_html(html)
    if root is None:
        return Extraction(text="")
    meta = page_metadata(root)
    prune(root)
    stats = measure(root)
    blocks = best_block(root, stats)
    removed: list[tuple[str, str]] = []
    clean_blocks(blocks, stats, removed)
    result = filter_lines(block_lines(blocks), meta["title"])
    _nearby_bylines(blocks[0], result.meta)
    for key, value in result.meta.items():
        if key in meta and not meta[key]:
            meta[key] = value
    return Extraction(text="\n".join(result.kept), removed=removed + result.removed,
                      source=result.meta.get("source"), **meta)


def _nearby_bylines(block, found: dict[str, str]) -> None:
    """Bylines often sit just outside the content block: read short elements around it,
    nearest first (before the block, then after it), climbing a few levels."""
    for sibling in _around(block):
        text = element_text(sibling)
        if not text or len(text) > 200:
            continue
        if line_rule(text, edge=True) in META_RULES:
            lift_meta(found, text)
        elif "published" not in found and (date := find_date(text)) and "T" in date:
            found["published"] = date


def _around(block, levels: int = 3, width: int = 4):
    anchor = block
    for _ in range(levels):
        if anchor is None:
            return
        for preceding in (True, False):
            siblings = anchor.itersiblings(preceding=preceding)
            yield from (s for _, s in zip(range(width), siblings, strict=False)
                        if isinstance(s.tag, str))
        anchor = anchor.getparent()
