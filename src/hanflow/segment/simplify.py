"""The text jieba looks up: traditional characters as their simplified forms, one for one.

jieba's dictionary is simplified, so traditional text is looked up through a simplified copy of
the same length; tokens are still cut from the original. The map is built from OpenCC's own
character dictionaries (the ones `opencc-python-reimplemented` ships): Taiwan and Hong Kong
variants first become OpenCC's standard traditional form (TWVariantsRev, HKVariantsRev), which
then becomes simplified (TSCharacters, first candidate). Only characters that never occur in
simplified text are mapped (the traditional-only set of `hanflow.normalize.script`): 著, 乾 or 么
are valid simplified characters and stay as they are. Phrase-level conversion is not needed: the
dictionary lookup tolerates the rare phrase where a character has another simplified form.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from hanflow.normalize.script import script_chars

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _opencc_dictionary(name: str) -> dict[str, str]:
    """Single-character entries of one OpenCC dictionary file, first candidate each."""
    spec = importlib.util.find_spec("opencc")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "dictionary" / name
    if not path.exists():
        return {}
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        first = values.split(" ")[0] if values else ""
        if len(key) == 1 and len(first) == 1:
            table.setdefault(key, first)
    return table


@lru_cache(maxsize=1)
def t2s_characters() -> dict[str, str]:
    """Traditional (and Taiwan/Hong Kong variant) character -> simplified character."""
    standard = _opencc_dictionary("TSCharacters.txt")
    variants = _opencc_dictionary("TWVariantsRev.txt") | _opencc_dictionary("HKVariantsRev.txt")
    table = dict(standard)
    for variant, base in variants.items():
        table.setdefault(variant, standard.get(base, base))
    traditional_only = script_chars()[1]
    return {k: v for k, v in table.items() if k != v and k in traditional_only}


@lru_cache(maxsize=1)
def _finders() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """Character classes of the mapped characters: one for the Basic Multilingual Plane (sre
    tests it with a bitmap, a few nanoseconds a character) and one for the rest."""
    keys = sorted(t2s_characters())
    bmp = "".join(k for k in keys if ord(k) < 0x10000)
    astral = "".join(k for k in keys if ord(k) >= 0x10000)
    return re.compile(f"[{bmp}]"), re.compile(f"[{astral}]") if astral else None


def has_traditional(text: str) -> bool:
    bmp, astral = _finders()
    if bmp.search(text):
        return True
    return astral is not None and _ASTRAL.search(text) is not None and astral.search(text) is not None


@lru_cache(maxsize=1)
def _code_table():
    """A code point -> code point array over all of Unicode (numpy: 4 MB, built once)."""
    import numpy as np

    table = np.arange(0x110000, dtype=np.uint32)
    for k, v in t2s_characters().items():
        table[ord(k)] = ord(v)
    return table


def simplify(text: str) -> str:
    """`text` with traditional characters simplified, one for one; `text` itself (the same
    object) when it has none. numpy maps the code points: `str.translate` takes ten times longer."""
    if not has_traditional(text):
        return text
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return _code_table()[codes].tobytes().decode("utf-32-le")
