"""Markdown to plain paragraphs, one per line, with markup (##, **, links, images) gone."""

from __future__ import annotations

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False})
_TEXT_CHILDREN = {"text", "code_inline"}


def _inline_text(children: list) -> str:
    parts = []
    for child in children:
        if child.type in _TEXT_CHILDREN:
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def markdown_to_text(source: str) -> str:
    """Text of paragraphs, headings, list items, quotes and code blocks; image alt text is dropped."""
    lines: list[str] = []
    for token in _md.parse(source):
        if token.type == "inline":
            text = _inline_text(token.children or [])
        elif token.type in ("fence", "code_block"):
            text = token.content
        else:
            continue
        lines.extend(line.strip() for line in text.split("\n") if line.strip())
    return "\n".join(lines)
