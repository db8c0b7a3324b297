"""Traditional-to-simplified conversion behind a small interface.

`opencc-python-reimplemented` and the C++ `opencc` binding both install the module `opencc`
with the same `OpenCC(config).convert(text)` API, so either one serves here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

CONFIGS = ("t2s", "tw2s", "hk2s", "tw2sp", "s2t", "s2tw", "s2hk", "s2twp", "t2tw", "t2hk")


class Converter(Protocol):
    def convert(self, text: str) -> str: ...


class OpenCCConverter:
    """OpenCC conversion of a whole text, paragraph by paragraph."""

    def __init__(self, config: str = "t2s") -> None:
        import opencc

        if config not in CONFIGS:
            raise ValueError(f"unknown OpenCC config {config!r}; choose one of {', '.join(CONFIGS)}")
        self.config = config
        self._cc = opencc.OpenCC(config)

    def convert(self, text: str) -> str:
        return "\n".join(self._cc.convert(line) for line in text.split("\n"))


@lru_cache(maxsize=8)
def get_converter(config: str = "t2s") -> Converter:
    """One converter per config and process: loading the dictionaries is the slow part."""
    return OpenCCConverter(config)
