"""Undo double encoding in text that decoded cleanly as UTF-8 — only on positive evidence.

Two kinds are met on the web:

- UTF-8 read as Windows-1252 or Latin-1 and saved again (``å¸‚æ”¿`` for 市政, ``â€™`` for ’),
  once or several times. ftfy judges these: it undoes a sequence only where the result is
  clearly better text, line by line, and leaves everything else alone.
- A Chinese legacy page (GBK, Big5) read as Latin-1 and saved as UTF-8 (``ÊÐÕþ¸®`` for 市政府).
  ftfy does not undo this; it is undone here when the whole text is Latin-1 letters whose bytes
  decode strictly into plausible Chinese text (see `hanflow.plausibility`) made of words, not
  of lone characters.

Text without the signatures of either kind (curly quotes, dashes, accented Latin, any CJK text)
is returned unchanged, as the same object.
"""

from __future__ import annotations

import encodings.cp1252
import re

import ftfy
import numpy as np
from ftfy.badness import is_bad

from hanflow.plausibility import IMPLAUSIBLE, implausible_share

# The characters Windows-1252 has where Latin-1 has C1 controls (its marks: € ‚ „ … ™ and the rest).
CP1252_MARKS = bytes(range(0x80, 0xA0)).decode("cp1252", "ignore")
# A UTF-8 lead byte read as Windows-1252/Latin-1, followed by a continuation byte read the same way.
_UTF8_SIGNATURE = re.compile(f"[\xc2-\xf4][\x80-\xbf{re.escape(CP1252_MARKS)}]")
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
    uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False,
    normalization=None, explain=False,
)

_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")
_CJK_PAIR = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]{2}")
# Legacy Chinese read as Latin-1 is only undone with this many Latin-1 letters to judge by,
# and when this share of the letters stands in runs of two or more (the bytes of one character;
# Big5 and GB18030 also have characters whose second byte is ASCII).
_MIN_LEGACY = 20
_PAIRED = 0.3


def repair_mojibake(text: str, legacy: str | None = None) -> str:
    """`text` with double encoding undone; the same object when there is no evidence of it.

    Text made only of ASCII and Latin-1 letters is undone whole, layer by layer, only when each
    layer's bytes decode strictly: UTF-8 where ftfy calls the text bad, or a Chinese codec where
    the letters come in pairs. Other text with
    UTF-8 signatures goes to ftfy, which undoes the sequences it is sure of. `legacy` is the
    Chinese codec to try first (the page's declared charset), then GB18030 and Big5-HKSCS.
    """
    if text.isascii():
        return text
    signed = _UTF8_SIGNATURE.search(text) is not None
    current = text
    for _ in range(3):
        layer = _undo_whole_layer(current, legacy, signed)
        if layer is None:
            break
        current = layer
        signed = _UTF8_SIGNATURE.search(current) is not None
    if current is text and signed:  # without a signature, no line is handed to ftfy
        current = _undo_utf8_sequences(text)
    return text if current == text else current


def _undo_whole_layer(text: str, legacy: str | None, signed: bool) -> str | None:
    """One layer of double encoding undone, or None when `text` shows no evidence of one.
    `signed`: whether `text` holds a UTF-8 signature (see `_UTF8_SIGNATURE`)."""
    try:
        raw = _bytes_read_as_cp1252(text)
    except UnicodeEncodeError:  # CJK, or any character a single-byte reading cannot produce
        return None
    if signed and is_bad(text):  # a signature, and ftfy's word that it is mojibake
        try:
            decoded = raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return decoded if _reads_as_words(decoded) else None
    latin = _high_count(raw)
    if latin < _MIN_LEGACY or _paired(raw) < _PAIRED * latin:
        return None
    return _best_chinese_reading(raw, legacy)


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _high_count(raw: bytes) -> int:
    """How many bytes of `raw` are not ASCII (counted by deleting them, in C)."""
    return len(raw) - len(raw.translate(None, _HIGH_BYTES))


def _paired(raw: bytes) -> int:
    """How many of the non-ASCII bytes stand beside another one (in runs of two or more)."""
    high = np.frombuffer(raw, dtype=np.uint8) >= 0x80
    near = np.zeros_like(high)
    near[1:] |= high[:-1]
    near[:-1] |= high[1:]
    return int(np.count_nonzero(high & near))


def _collapses(raw: bytes, decoded: str) -> bool:
    """Double-byte characters: far fewer non-ASCII characters than non-ASCII bytes (Big5 and
    GBK characters whose second byte is ASCII count one each)."""
    high = _high_count(raw)
    return len(decoded) - len(decoded.encode("ascii", "ignore")) <= 0.75 * high


def _reads_as_words(fixed: str) -> bool:
    """A repair that yields CJK only as lone characters between Latin ones (``café”«`` read as
    ``caf锫``) undid punctuation that happened to follow an accent, not mojibake. Two searches
    that stop at their first match, the second from the first CJK character: listing every run
    cost more than the rest of the repair."""
    first = _CJK.search(fixed)
    return first is None or _CJK_PAIR.search(fixed, first.start()) is not None


def _cp1252_or_latin1() -> np.ndarray:
    """The byte of each code point in Windows-1252 (-1 where it has none), and Latin-1's byte
    for the C1 controls it lacks (U+0080–U+009F, which a page read as Latin-1 shows): a table
    lookup over the text's code points, in C. An error handler would run in Python for each
    such character."""
    decoding = encodings.cp1252.decoding_table
    table = np.full(max(map(ord, decoding.replace("\ufffe", ""))) + 1, -1, dtype=np.int16)
    for byte, char in enumerate(decoding):
        if char != "\ufffe":
            table[ord(char)] = byte
    c1 = np.arange(0x80, 0xA0)
    table[c1] = np.where(table[c1] < 0, c1, table[c1])
    return table


_CP1252_OR_LATIN1 = _cp1252_or_latin1()


def _bytes_read_as_cp1252(text: str) -> bytes:
    """The bytes that, read as Windows-1252 (Latin-1 where it has no character), gave `text`;
    UnicodeEncodeError for a character that neither holds. The codec decides most texts (it
    stops at the first Chinese character); the table, those holding C1 controls."""
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError as err:
        if ord(text[err.start]) > 0xFF:
            raise
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)  # not empty: the codec failed
    if int(codes.max()) >= len(_CP1252_OR_LATIN1):
        raise UnicodeEncodeError("cp1252", text, 0, len(text), "a character beyond Windows-1252")
    found = _CP1252_OR_LATIN1[codes]
    if int(found.min()) < 0:
        raise UnicodeEncodeError("cp1252", text, 0, len(text), "a character Windows-1252 lacks")
    return found.astype(np.uint8).tobytes()


def _best_chinese_reading(raw: bytes, legacy: str | None) -> str | None:
    """The strict Chinese decoding of `raw` with the fewest implausible characters, if one is
    plausible enough. Accented Latin text either fails strict decoding or reads as lone rare
    characters; twice the implausibility a charset choice allows is tolerated, for pages that
    lost bytes before they were saved."""
    readings = []
    for codec in dict.fromkeys(c for c in (legacy, "gb18030", "big5hkscs") if c and _is_cjk_codec(c)):
        try:
            candidate = raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if _collapses(raw, candidate) and _reads_as_words(candidate):
            readings.append((implausible_share(candidate), candidate))
    if not readings:
        return None
    share, best = min(readings, key=lambda r: r[0])
    return best if share <= 2 * IMPLAUSIBLE else None


def _undo_utf8_sequences(text: str) -> str:
    """ftfy on each line that shows a UTF-8 signature; other lines are not looked at."""
    spans: dict[int, int] = {}
    last = -1
    for m in _UTF8_SIGNATURE.finditer(text):
        if m.start() < last:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        last = spans[start] = len(text) if end < 0 else end
    if not spans:
        return text
    out, last = [], 0
    for start, end in spans.items():
        line = text[start:end]
        fixed = ftfy.fix_text(line, _FTFY_CONFIG)
        out += [text[last:start], fixed if _made_words(fixed, line) else line]
        last = end
    out.append(text[last:])
    return "".join(out)


def _made_words(fixed: str, line: str) -> bool:
    """`_reads_as_words` for a line's repair, which may make Chinese characters only in a line
    that holds none of its own. A line written in Chinese is never mojibake as a whole, and
    which characters of it the repair made cannot be told apart from its own: an accent before
    punctuation (``老街café€’菜单``) reads to ftfy as the bytes of one character (``caf递菜单``).
    Repairs that make no Chinese character (curly quotes, accents) are judged as before."""
    if len(_CJK.findall(fixed)) > len(_CJK.findall(line)) and _CJK.search(line):
        return False
    return _reads_as_words(fixed)


def _is_cjk_codec(codec: str) -> bool:
    return codec.replace("_", "").replace("-", "").lower().startswith(("gb", "big5", "cp936", "cp950", "hz"))
