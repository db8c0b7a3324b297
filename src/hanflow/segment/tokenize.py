"""Mixed Chinese/English tokenisation: protected spans first, jieba for the Chinese runs."""

from __future__ import annotations

import re
from pathlib import Path

import jieba

_PROTECTED = re.compile(
    r"https?://[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*"
    r"|\d+(?:[.,]\d+)*%?"
)


class Segmenter:
    """Holds one jieba tokenizer; create it once per worker process."""

    def __init__(self, user_dict: Path | None = None) -> None:
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        if user_dict is not None:
            self._jieba.load_userdict(str(user_dict))

    def tokenize(self, text: str) -> list[str]:
        """Tokens of `text`; whitespace is never a token, and tokens concatenate back to the text."""
        tokens: list[str] = []
        pos = 0
        for m in _PROTECTED.finditer(text):
            tokens.extend(self._cjk(text[pos:m.start()]))
            tokens.append(m.group())
            pos = m.end()
        tokens.extend(self._cjk(text[pos:]))
        return tokens

    def _cjk(self, chunk: str) -> list[str]:
        return [t for t in self._jieba.lcut(chunk, HMM=False) if t.strip()]
