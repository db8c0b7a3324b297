from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Extraction:
    """What the clean step yields: main text (one paragraph per line), metadata, removals."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)  # (rule id, removed text)
    source: str | None = None  # the publisher named in a 来源/source line, if any
    page_type: str = "article"  # article | forum | listing, decided from the page itself
    profiles: list[str] = field(default_factory=list)  # platform profiles that fired, if any
