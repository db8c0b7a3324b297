"""Language and size annotations of a cleaned, simplified text.

`lang` is what the corpus is about: ``zh``, ``en``, ``mixed`` (both, neither below 5% of the
letters) or ``other``; `lang_code` is the ISO 639-1 code of the main language, for every
language (``ja``, ``ko``, ``ru``, ``fr`` …). Scripts decide where they can: kana among Han
characters is Japanese (never Chinese), Hangul is Korean. Text in a script shared by several
languages (Latin, Cyrillic, Arabic …) goes to py3langid, whose model ships inside its wheel;
Latin text is English unless py3langid is confident it is another language.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_LETTER = re.compile(r"[^\W\d_]")
# Japanese writes kana between its kanji: this share of kana among Han and kana is Japanese.
_KANA_SHARE = 0.1
# py3langid must be this sure before Latin text is called a language other than English.
_CONFIDENT = 0.9
_SAMPLE = 1000
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# English function words; other Latin-script languages rarely reach a tenth of their words with them.
_ENGLISH = re.compile(r"\b(?:the|and|of|to|is|was|that|with|for|are|this|have|from|it|by)\b", re.I)


def language(text: str) -> dict[str, object]:
    """`lang`, `lang_code`, and the shares of Han and Latin letters among all letters."""
    sample = text[:200_000]
    han, kana = len(_HAN.findall(sample)), len(_KANA.findall(sample))
    hangul, latin = len(_HANGUL.findall(sample)), len(_LATIN.findall(sample))
    letters = max(len(_LETTER.findall(sample)), han + latin, 1)
    zh_ratio, latin_ratio = round(han / letters, 4), round(latin / letters, 4)
    if not _LETTER.search(sample):  # digits and symbols only: no language to name
        return {"lang": "other", "lang_code": "und", "zh_ratio": zh_ratio, "latin_ratio": latin_ratio}
    code = _script_language(han, kana, hangul, letters)
    if code is None and han + latin >= 0.8 * letters:
        lang = "zh" if zh_ratio >= 0.6 else "en" if zh_ratio <= 0.05 else "mixed"
        code = "zh" if han >= latin else _latin_language(text)
        if lang == "en" and code != "en":
            lang = "other"
    else:
        code = code or _identify(text) or "und"
        lang = "other"
    return {"lang": lang, "lang_code": code, "zh_ratio": zh_ratio, "latin_ratio": latin_ratio}


def _script_language(han: int, kana: int, hangul: int, letters: int) -> str | None:
    if kana >= 10 and kana >= _KANA_SHARE * (han + kana):
        return "ja"
    if hangul >= 0.3 * letters:
        return "ko"
    return None


def _latin_language(text: str) -> str:
    sample = _latin_sample(text)
    words = len(_WORD.findall(sample))
    if words and len(_ENGLISH.findall(sample)) >= max(5, 0.1 * words):  # plainly English: no model needed
        return "en"
    code, probability = _identifier().classify(sample)
    return code if probability >= _CONFIDENT and code not in ("zh", "ja", "ko") else "en"


def _identify(text: str) -> str | None:
    code, _ = _identifier().classify(_letters_sample(text))
    return code


def _latin_sample(text: str) -> str:
    """Up to 1,000 characters of the Latin-script part (CJK runs out of the way)."""
    return _HAN.sub(" ", text[: _SAMPLE * 4])[:_SAMPLE]


def _letters_sample(text: str) -> str:
    return text[:_SAMPLE]


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    """py3langid's model with normalised probabilities, loaded once per process (~0.7 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def record_id(text: str) -> str:
    """Stable id of a record: the same normalised text gets the same id in every run."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
