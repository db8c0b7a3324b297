"""Traditional-to-simplified conversion behind a small interface.

Two packages provide the module `opencc` with the same `OpenCC(config).convert(text)` API:
`opencc-python-reimplemented` (pure Python, the default dependency) and the official C++ binding
`opencc` (much faster, current dictionaries). Install exactly one; this module works with either.

Conversion time is spent only where something can change: a paragraph that contains no character
of a dictionary key whose value differs from it cannot change, so it is passed through.
URLs, e-mail addresses and code spans are never converted.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from hanflow.normalize.corrections import Corrections, corrections_for
from hanflow.normalize.triggers import trigger_pattern

CONFIGS = (
    "t2s", "tw2s", "hk2s", "tw2sp", "hk2sp",
    "s2t", "s2tw", "s2hk", "s2twp", "t2tw", "t2hk", "tw2t", "hk2t", "t2jp", "jp2t",
)

_PROTECTED = re.compile(
    r"`[^`\n]+`"
    r"|(?:https?|ftp)://[^\s<>\"'，。！？、；：「」（）《》【】]+"
    r"|www\.[^\s<>\"'，。！？、；：「」（）《》【】]+"
    r"|[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
    re.ASCII,
)


class Converter(Protocol):
    def convert(self, text: str) -> str: ...


def _load_opencc(config: str):
    import opencc

    try:
        return opencc.OpenCC(config)
    except Exception:  # the C++ binding of some versions wants the file name
        return opencc.OpenCC(f"{config}.json")


class OpenCCConverter:
    """OpenCC conversion paragraph by paragraph, skipping paragraphs that cannot change."""

    def __init__(self, config: str = "t2s") -> None:
        if config not in CONFIGS:
            raise ValueError(f"unknown OpenCC config {config!r}; choose one of {', '.join(CONFIGS)}")
        self.config = config
        self._cc = _load_opencc(config)
        self._corrections: Corrections = corrections_for(config)
        self._trigger = trigger_pattern(self._cc, self._corrections.keys())

    def convert(self, text: str) -> str:
        """Converted text; identical to `convert_all` but spends time only where it matters."""
        return "\n".join(
            self._convert_paragraph(p) if self._trigger.search(p) else p for p in text.split("\n")
        )

    def convert_all(self, text: str) -> str:
        """Convert every paragraph; the reference `convert` is measured and tested against."""
        return "\n".join(self._convert_paragraph(p) for p in text.split("\n"))

    def _convert_paragraph(self, paragraph: str) -> str:
        out: list[str] = []
        pos = 0
        for m in _PROTECTED.finditer(paragraph):
            out.append(self._convert_plain(paragraph[pos:m.start()]))
            out.append(m.group())
            pos = m.end()
        out.append(self._convert_plain(paragraph[pos:]))
        return "".join(out)

    def _convert_plain(self, chunk: str) -> str:
        if not chunk:
            return chunk
        return self._corrections.apply(self._cc.convert(chunk))


@lru_cache(maxsize=16)
def get_converter(config: str = "t2s") -> OpenCCConverter:
    """One converter per config and process: loading the dictionaries is the slow part."""
    return OpenCCConverter(config)
