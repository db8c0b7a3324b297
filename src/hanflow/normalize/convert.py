"""Traditional-to-simplified conversion behind a small interface.

Two packages provide the module `opencc` with the same `OpenCC(config).convert(text)` API:
`opencc-python-reimplemented` (pure Python, the default dependency) and the official C++ binding
`opencc` (current dictionaries). Install exactly one; this module works with either.

With opencc-python-reimplemented, its dictionaries are compiled once per process into whole-text
operations that give the package's own output many times faster (`longest_match`). With the C++
binding, its `convert` is called on each paragraph that holds a Chinese character.
URLs, e-mail addresses, `code spans` and fenced code blocks are never converted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import groupby
from typing import Protocol

import numpy as np

from hanflow.normalize.codepoints import any_in, char_set, code_points
from hanflow.normalize.corrections import Corrections, corrections_for
from hanflow.normalize.longest_match import Chain, compile_chain
from hanflow.normalize.triggers import gate_for

CONFIGS = (
    "t2s",
    "tw2s",
    "hk2s",
    "tw2sp",
    "hk2sp",
    "s2t",
    "s2tw",
    "s2hk",
    "s2twp",
    "t2tw",
    "t2hk",
    "tw2t",
    "hk2t",
    "t2jp",
    "jp2t",
)  # the C++ binding has all; opencc-python-reimplemented lacks hk2sp s2hkp tw2t hk2t t2jp jp2t

_PROTECTED = re.compile(
    r"`[^`\n]+`"
    r"|(?:https?|ftp)://[^\s<>\"'，。！？、；：「」（）《》【】]+"
    r"|www\.[^\s<>\"'，。！？、；：「」（）《》【】]+"
    r"|[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}",
    re.ASCII,
)


_FENCE = re.compile(r"\s{0,3}(```|~~~)")


def _outside_fences(text: str) -> Iterator[tuple[str, bool]]:
    """Each line with whether it lies outside fenced code blocks (``` or ~~~ lines)."""
    fence: str | None = None
    for line in text.split("\n"):
        m = _FENCE.match(line)
        if m and (fence is None or m.group(1) == fence):
            fence = m.group(1) if fence is None else None
            yield line, False
        else:
            yield line, fence is None


# Every protected span holds one of these; lines without any need no protected-span search.
_HINT = re.compile(r"`|@|://|www\.")


def _protected(text: str) -> Iterator[re.Match[str]]:
    """`_PROTECTED.finditer(text)`, searched only on lines that hold a hint (no span crosses a line)."""
    pos = 0
    while (hint := _HINT.search(text, pos)) is not None:
        start = text.rfind("\n", 0, hint.start()) + 1
        end = text.find("\n", hint.end())
        end = len(text) if end == -1 else end
        yield from _PROTECTED.finditer(text, start, end)
        pos = end


def _convert_unprotected(text: str, convert: Callable[[str], str]) -> str:
    """`convert` applied to the text between protected spans."""
    out: list[str] = []
    pos = 0
    for m in _protected(text):
        out += (convert(text[pos : m.start()]), m.group())
        pos = m.end()
    out.append(convert(text[pos:]))
    return "".join(out)


class Converter(Protocol):
    def convert(self, text: str) -> str: ...


def _load_opencc(config: str):
    import opencc

    for name in (config, f"{config}.json"):  # some C++ binding versions want the file name
        try:
            return opencc.OpenCC(name)
        except Exception:  # noqa: BLE001 - both packages raise different errors
            continue
    raise ValueError(f"OpenCC config {config!r} is not available in the installed opencc package")


def _piece_converter(cc: object) -> tuple[Callable, Callable] | None:
    """(split, convert one piece) of opencc-python-reimplemented; None for other backends."""
    split_re = getattr(cc, "split_chars_re", None)
    convert_piece = getattr(cc, "_convert", None)
    chain = getattr(cc, "_dict_chain_data", None)
    if split_re is None or convert_piece is None or chain is None:
        return None
    return split_re.split, lambda piece: convert_piece(piece, chain)


class OpenCCConverter:
    """OpenCC conversion of everything but protected spans and fenced code, then corrections.

    `compiled=False` keeps the earlier way, paragraph by paragraph through the package's own
    code, skipping what cannot change: the baseline the benchmark measures against, and the way
    the C++ binding (whose dictionaries cannot be compiled here) is used.
    """

    def __init__(self, config: str = "t2s", *, compiled: bool = True) -> None:
        if config not in CONFIGS:
            raise ValueError(
                f"unknown OpenCC config {config!r}; choose one of {', '.join(CONFIGS)}"
            )
        self.config = config
        self._cc = _load_opencc(config)
        self._corrections: Corrections = corrections_for(config)
        self._chain: Chain | None = compile_chain(self._cc) if compiled else None
        self._gate = gate_for(self._cc, self._corrections.table)
        self._pieces = _piece_converter(self._cc)
        chars = self._gate.chars
        self._may_change = None if self._chain is None or chars is None else char_set(chars)

    @property
    def compiled(self) -> bool:
        return self._chain is not None

    def convert(self, text: str, codes: np.ndarray | None = None) -> str:
        """Converted text; identical to `convert_all` but spends time only where it matters.
        `codes` may pass `code_points(text)` when the caller has it already."""
        if self._chain is None:
            return "\n".join(
                self._convert_paragraph(p) if convert and self._gate.may_change(p) else p
                for p, convert in _outside_fences(text)
            )
        codes = code_points(text) if codes is None else codes
        if not text or (self._may_change is not None and not any_in(self._may_change, codes)):
            return text  # no character that a key or correction could change (see triggers)
        if "```" not in text and "~~~" not in text:
            if _HINT.search(text) is None:  # one chunk: the code points are at hand
                return self._corrections.apply(self._chain.convert(text, codes))
            return _convert_unprotected(text, self._convert_compiled)
        return "\n".join(
            _convert_unprotected("\n".join(lines), self._convert_compiled) if convert else "\n".join(lines)
            for convert, lines in (
                (key, [line for line, _ in run]) for key, run in groupby(_outside_fences(text), key=lambda x: x[1])
            )
        )

    def convert_all(self, text: str) -> str:
        """Convert every paragraph with the package's own `convert`: the reference `convert` is
        measured and tested against."""
        return "\n".join(
            self._convert_paragraph(p, gated=False) if convert else p
            for p, convert in _outside_fences(text)
        )

    def _convert_compiled(self, chunk: str) -> str:
        return self._corrections.apply(self._chain.convert(chunk)) if chunk else chunk

    def _convert_paragraph(self, paragraph: str, gated: bool = True) -> str:
        return _convert_unprotected(paragraph, self._convert_plain if gated else self._convert_ungated)

    def _convert_plain(self, chunk: str) -> str:
        """Convert `chunk`, sentence piece by piece where the backend splits text the same way.

        opencc-python-reimplemented converts the pieces between its separators independently,
        so converting only the pieces that may change gives the same output.
        """
        if not chunk or self._pieces is None:
            return self._convert_ungated(chunk)
        split, convert_piece = self._pieces
        pieces = split(chunk)
        for i in range(0, len(pieces), 2):
            if self._gate.may_change(pieces[i]):
                pieces[i] = self._corrections.apply(convert_piece(pieces[i]))
        return "".join(pieces)

    def _convert_ungated(self, chunk: str) -> str:
        return self._corrections.apply(self._cc.convert(chunk)) if chunk else chunk


@lru_cache(maxsize=16)
def get_converter(config: str = "t2s") -> OpenCCConverter:
    """One converter per config and process: loading the dictionaries is the slow part."""
    return OpenCCConverter(config)
