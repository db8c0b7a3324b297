"""Extraction of one file, as `hanflow extract` and the pipeline's Extract step see it."""

from __future__ import annotations

from pathlib import Path

from hanflow.decode import decode_bytes
from hanflow.document import KINDS
from hanflow.extract import Extraction, extract_html, extract_text
from hanflow.extract.frontmatter import front_matter_metadata, invalid_fields, split_front_matter
from hanflow.extract.markdown import markdown_to_text


def extract_decoded(text: str, kind: str) -> tuple[Extraction, bool]:
    """Main text and metadata of decoded text; front matter wins over what the body says.

    Returns the extraction and whether a front-matter block, or a value in it, was invalid.
    """
    if kind == "html":
        return extract_html(text), False
    fields, body, ok = split_front_matter(text)
    fm = front_matter_metadata(fields)
    ex = extract_text(markdown_to_text(body) if kind == "markdown" else body, title=fm.get("title"))
    for key, value in fm.items():
        if value:
            setattr(ex, key, value)
    return ex, not ok or bool(invalid_fields(fields))


def extract_file(path: Path) -> Extraction:
    decoded = decode_bytes(path.read_bytes())
    return extract_decoded(decoded.text, KINDS.get(path.suffix.lower(), "text"))[0]
