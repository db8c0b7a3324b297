"""Entity names hanflow ships: added to jieba, multi-word ones protected before jieba."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from hanflow.segment.backends import Backend


@lru_cache(maxsize=1)
def entity_names() -> tuple[str, ...]:
    text = files("hanflow.segment").joinpath("entities.txt").read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def load_entities(tokenizer: Backend) -> list[str]:
    """Add single-word names to `tokenizer`; return the names with spaces."""
    phrases = []
    for name in entity_names():
        if " " in name:
            phrases.append(name)
        else:
            tokenizer.add_word(name, None, None)
    return phrases
