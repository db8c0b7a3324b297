"""The shared seed articles (.txt copies of portal pages) keep every article paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanflow.extract import extract_text
from hanflow.extract.frontmatter import split_front_matter
from tests.helpers import SHARED

SEEDS = SHARED / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed articles are not available")


def _seeds() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.parametrize("path", _seeds(), ids=lambda p: p.name[:3])
def test_no_article_paragraph_is_lost(path: Path) -> None:
    _, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
    result = extract_text(body)
    kept = set(result.text.splitlines())
    for line in (ln.strip() for ln in body.splitlines()):
        if len(line) >= 40 and "。" in line and not line.startswith("本文来自"):
            assert line in kept
    removed = [text for _, text in result.removed]
    assert all(len(text) < 120 for text in removed)


def test_portal_byline_becomes_metadata() -> None:
    path = next((p for p in _seeds() if p.name.startswith("001_")), None)
    if path is None:
        pytest.skip("seed 001 is not available")
    result = extract_text(split_front_matter(path.read_text(encoding="utf-8"))[1])
    assert result.published == "2023-11-22T09:30:30"
    assert result.author
    assert {"breadcrumb", "byline"} <= {rule for rule, _ in result.removed}
