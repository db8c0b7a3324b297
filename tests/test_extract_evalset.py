"""Every page of the shared evaluation set decodes and extracts without crashing."""

from __future__ import annotations

import pytest

from hanflow.decode import decode_bytes
from hanflow.extract import RULE_IDS, extract_html
from tests.helpers import SHARED

PAGES = SHARED / "data" / "html-eval" / "html"


@pytest.mark.skipif(not PAGES.is_dir(), reason="shared evaluation pages are not available")
def test_every_page_extracts() -> None:
    paths = sorted(PAGES.glob("*.html"))
    assert paths
    empty = []
    for path in paths:
        result = extract_html(decode_bytes(path.read_bytes()).text)
        assert all(rule in RULE_IDS for rule, _ in result.removed), path.name
        assert "\n\n" not in result.text, path.name
        if not result.text.strip():
            empty.append(path.name)
    assert not empty
