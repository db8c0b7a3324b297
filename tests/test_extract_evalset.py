"""Every page of the shared evaluation sets decodes and extracts without crashing."""

from __future__ import annotations

import pytest

from hanflow.decode import decode_bytes
from hanflow.extract import PAGE_TYPES, RULE_IDS, extract_html
from tests.helpers import SHARED

SETS = [SHARED / "data" / name / "html" for name in ("html-eval", "html-modern")]


@pytest.mark.parametrize("pages", SETS, ids=lambda p: p.parent.name)
def test_every_page_extracts(pages) -> None:
    if not pages.is_dir():
        pytest.skip("shared evaluation pages are not available")
    paths = sorted(pages.glob("*.html"))
    assert paths
    empty = []
    for path in paths:
        result = extract_html(decode_bytes(path.read_bytes()).text)
        assert all(rule in RULE_IDS for rule, _ in result.removed), path.name
        assert "\n\n" not in result.text, path.name
        assert result.page_type in PAGE_TYPES, path.name
        if not result.text.strip():
            empty.append(path.name)
    assert not empty
