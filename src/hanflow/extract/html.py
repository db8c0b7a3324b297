"""HTML main text: parse once, take metadata, find the content block, then filter lines."""

from __future__ import annotations

from hanflow.extract.block import best_block, measure
from hanflow.extract.lines import filter_lines
from hanflow.extract.meta import page_metadata
from hanflow.extract.model import Extraction
from hanflow.extract.parse import parse_html, prune
from hanflow.extract.render import block_lines, clean_blocks


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
    for key, value in result.meta.items():
        if key in meta and not meta[key]:
            meta[key] = value
    return Extraction(text="\n".join(result.kept), removed=removed + result.removed,
                      source=result.meta.get("source"), **meta)
