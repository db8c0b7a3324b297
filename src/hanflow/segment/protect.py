"""Spans jieba must not see: URLs, e-mail, domains, dates, times, ratios, numbers, words of
alphabetic scripts and alphanumeric terms (5G, COVID-19, Wi-Fi), product names with versions
(iPhone 15 Pro).

Patterns read full-width letters, digits and joining signs as their ASCII twins (１３．７５％,
ＧＰＴ－４ｏ), but not the full-width punctuation of Chinese text (，：；), which separates. Every
pattern starts and ends on a boundary, so a match never begins or stops inside a run of
letters and digits, and every pattern runs in time linear in its input: repetitions are possessive
(they never give characters back), and the few choices left are bounded and tried only where a
run starts.

A number keeps its decimals, thousands separators, percent sign and a 万/亿 scale (3千万,
1.4万亿), but not the unit or measure word after it (年, 月, 元, 个, cm): standards disagree on
those and jieba's dictionary decides them. Product versions need positive evidence that the name
is a product: a camel-case name (iPhone, macOS), a family from `products.txt` (Windows, Llama) or a
model suffix after the number (Mate 60 Pro), so "May 10" and "Figure 2" stay two tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files

HAN_BMP = r"\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_ASTRAL = r"\U00020000-\U0003134f"
HAN = HAN_BMP + HAN_ASTRAL
_KANA = r"\u3040-\u30ff"
_ALNUM = rf"[^\W_{HAN}{_KANA}]"  # a letter or digit of an alphabetic script (not Han, not kana)
_LETTER = rf"[^\W\d_{HAN}{_KANA}]"
_START = rf"(?<!{_ALNUM})"
_STOP = rf"(?!{_ALNUM})"
_END = r"\s<>\"'\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"  # nothing of a URL after these
_TRAIL = r".,;:!?)\]"  # allowed inside a URL, not as its last character
_URL_BODY = rf"(?:[^{_END}{_TRAIL}]++|[{_TRAIL}]++(?=[^{_END}{_TRAIL}]))++"
_TLD = r"(?:com|org|net|edu|gov|io|ai|cn|tw|hk|jp|uk|de|fr|info|dev|app|co|me|tv)"
_VERSION = rf"[A-Z]?\d{{1,4}}+(?:\.\d{{1,3}}+)*+(?!{_ALNUM}|\.\d)"
_MODEL = rf"(?: (?:Pro|Max|Plus|Ultra|Mini|mini|Lite|Air|SE|Turbo|XL){_STOP})"
_CAMEL = r"(?=[A-Za-z]*?[a-z][A-Z])[A-Za-z]++"  # a lower-case letter then a capital: iPhone, macOS
_MARKS = r"[\u0300-\u036f\u20d0-\u20ff\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]"  # combining, emoji modifiers


@lru_cache(maxsize=1)
def product_families() -> tuple[str, ...]:
    text = files("hanflow.segment").joinpath("products.txt").read_text(encoding="utf-8")
    return tuple(w for w in (line.strip() for line in text.splitlines()) if w and not w.startswith("#"))


def _patterns() -> tuple[tuple[str, str], ...]:
    families = "|".join(re.escape(f) for f in sorted(product_families(), key=lambda f: (-len(f), f)))
    return (
        ("han", rf"(?:[{HAN_BMP}]++|[{HAN_ASTRAL}]++)++"),
        ("url", rf"{_START}(?:https?|ftp)://{_URL_BODY}"),
        ("email", r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9-]{1,63}+"
                  rf"(?:\.[A-Za-z0-9-]{{1,63}}+){{1,8}}+(?![A-Za-z0-9-]){_STOP}"),
        ("domain", rf"(?<![A-Za-z0-9.@-])(?:[A-Za-z0-9-]{{1,63}}+\.){{1,8}}{_TLD}(?![A-Za-z0-9-]){_STOP}"
                   rf"(?:/(?:{_URL_BODY})?+)?+"),
        ("date", rf"{_START}\d{{4}}(?:[-－]\d{{1,2}}[-－]|[/／]\d{{1,2}}[/／]|[.．]\d{{1,2}}[.．])\d{{1,2}}(?!\d)"
                 rf"(?:T\d{{1,2}}:\d{{2}}(?::\d{{2}})?+(?:\.\d++)?+(?:Z|[+-]\d{{2}}:?\d{{2}})?+(?!\d))?+{_STOP}"),
        ("time", rf"{_START}\d{{1,2}}:\d{{2}}(?::\d{{2}})?+(?!\d|[.:]\d){_STOP}"),
        ("ratio", rf"{_START}\d++(?:\.\d++)?+(?::\d++(?:\.\d++)?+)++(?![.:]\d){_STOP}"),
        ("version", rf"{_START}(?:(?:(?:{families}){_STOP}|{_CAMEL}) {_VERSION}{_MODEL}*+"
                    rf"|[A-Z][A-Za-z]*+ {_VERSION}{_MODEL}++)"),
        ("abbrev", rf"(?<![A-Za-z0-9.])(?:[A-Za-z]\.){{2,}}+{_STOP}"),
        ("word", rf"{_START}\d*+{_LETTER}(?:{_ALNUM}|{_MARKS})*+"
                 rf"(?:[-.+_&'’－．＋＿＆＇]{_ALNUM}(?:{_ALNUM}|{_MARKS})*+)*+(?:[+＋]{{2}}|[#＃])?+"),
        ("number", rf"{_START}(?:[-+－＋](?=\d))?\d++(?:,\d{{3}}(?!\d))*+(?:[.．]\d++)*+"
                   r"(?:[%‰％]|(?:[十百千]?[万亿萬億])++)?+"),
        # a run of dashes or dots (…… ——) is one mark; a character keeps its marks and emoji joins
        ("other", rf"[-－]++|[.．]++|[~～]++|…++|—++|─++|\S(?:{_MARKS}|\u200d\S)*+"),
    )


PATTERNS: tuple[tuple[str, str], ...] = _patterns()
NON_WORD = frozenset({"url", "email", "domain", "date", "time", "ratio", "number", "other"})


def build_pattern() -> re.Pattern[str]:
    """One regex, one named alternative per kind: the first that matches at a position wins."""
    return re.compile("|".join(f"(?P<{kind}>{rx})" for kind, rx in PATTERNS))


# Where a span can start (a letter or digit, a sign, or a character an e-mail address may start
# with), and the punctuation that can only be a token of its own: both only save time, the
# tokens are those of the plain alternation.
_GATE = rf"(?={_ALNUM}|[-+－＋._%])"
_PUNCT = rf"[^\w\s\-+.~…—─－＋．～_%](?!{_MARKS}|\u200d)"
# Chinese punctuation that jieba, like the patterns, returns one character a token: it can go to
# jieba with the Han run around it (fewer, longer runs to hand over).
_RUN_PUNCT = (
    "\u00b7\u2018-\u201d\u2022\u3001-\u3003\u3008-\u3011\u3014-\u301f"
    "\uff01\uff02\uff04\uff08-\uff0a\uff0c\uff1a-\uff1f\uff3b-\uff3e\uff40\uff5b-\uff5d\uff5f-\uff65"
)


def build_pairs() -> re.Pattern[str]:
    """The same alternatives with two groups for `findall`: (Han run, "") or ("", other token);
    ("", "") for whitespace. A Han run here takes in the Chinese punctuation of `_RUN_PUNCT`."""
    _, *spans, (_, other) = PATTERNS
    # a class of Basic Multilingual Plane characters only is a bitmap test for sre
    han = rf"(?:[{HAN_BMP}{_RUN_PUNCT}]++|[{HAN_ASTRAL}]++)++"
    gated = "|".join(f"(?:{rx})" for _, rx in spans)
    return re.compile(f"({han})|({_PUNCT}|{_GATE}(?:{gated})|{other})|\\s++")


_NAMED = build_pattern()


@lru_cache(maxsize=200_000)
def kind_of(token: str) -> str:
    """The kind of a token the Segmenter made; "phrase" for a multi-word name."""
    m = _NAMED.fullmatch(token)
    return m.lastgroup or "other" if m else "phrase"


def build_phrases(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """Multi-word names (from the entity list or a user dictionary), longest first; the caller
    checks that a match starts on a boundary (a lookbehind here would slow the search down)."""
    names = sorted({p for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(f"(?:{alternatives}){_STOP}")


def starts_inside_word(text: str, start: int) -> bool:
    """Whether position `start` of `text` continues a run of letters or digits."""
    return start > 0 and _ALNUM_CHAR.match(text, start - 1) is not None


_ALNUM_CHAR = re.compile(_ALNUM)
