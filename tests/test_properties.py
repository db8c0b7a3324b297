"""Property tests: arbitrary bytes and arbitrary HTML never raise, and what is emitted is clean.

Clean means: it encodes to UTF-8 (no lone surrogates) and holds no control characters
(Unicode category Cc) other than the newline that separates paragraphs.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hanflow.decode import DecodeError, decode_bytes
from hanflow.extract.files import extract_decoded
from hanflow.normalize import clean_unicode, detect_script, get_converter
from hanflow.output import Stamp, dumps, to_record
from hanflow.reasons import REASONS
from hanflow.sources import InputFile
from hanflow.steps import Options, Pipeline, segmenter

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ANY_CHAR = st.characters(codec="utf-8")  # every encodable code point: controls, NUL, private use
TEXT = st.text(ANY_CHAR, max_size=300)
CJK = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=20)


def clean(value: str) -> bool:
    value.encode("utf-8")
    return all(ch == "\n" or unicodedata.category(ch) != "Cc" for ch in value)


def _entity(cp: int) -> str:
    return f"&#{cp};"


_TAGS = ["div", "p", "span", "a", "script", "style", "title", "table", "td", "li", "br", "nav",
         "article", "h1", "pre", "noscript", "template", "svg", "math", "iframe", "html", "body", "head"]
_LEAF = st.one_of(
    TEXT.map(lambda t: t.replace("<", "&lt;")),
    CJK,
    st.integers(0, 0x10FFFF).map(_entity),
    st.sampled_from(["&amp;", "&nbsp;", "&lol;", "&#xD800;", "&#xDFFF;", "&#0;", "&#x85;", "<!-- c -->",
                     "<![CDATA[x]]>", "<meta charset='utf-8'>", "<meta charset='x-bogus'>", "<?xml version='1.0'?>",
                     "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", "&e;", "</div>", "<p", "\x00"]),
)


def _element(children: st.SearchStrategy[list[str]]) -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from(_TAGS), st.text(max_size=10), children, st.booleans()).map(
        lambda t: f"<{t[0]} class=\"{t[1]}\">{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else ""))


HTML = st.recursive(_LEAF, lambda inner: _element(st.lists(inner, max_size=4)), max_leaves=30)


@SETTINGS
@given(st.binary(max_size=2000))
def test_decode_raises_only_its_own_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        assert exc.reason in REASONS
        return
    decoded.text.encode("utf-8")


@SETTINGS
@given(HTML)
def test_html_extraction_never_raises(html: str) -> None:
    ex, _ = extract_decoded(html, "html")
    assert isinstance(ex.text, str)


@SETTINGS
@given(TEXT, st.sampled_from(["text", "markdown"]))
def test_text_extraction_never_raises(text: str, kind: str) -> None:
    ex, _ = extract_decoded(text, kind)
    assert isinstance(ex.text, str)


@SETTINGS
@given(TEXT)
def test_clean_unicode_output_is_clean(text: str) -> None:
    cleaned = clean_unicode(text)
    assert clean(cleaned)
    assert clean_unicode(cleaned) == cleaned


@SETTINGS
@given(st.text(max_size=300))
def test_script_detection_and_conversion_never_raise(text: str) -> None:
    assert detect_script(text).script in ("hans", "hant", "mixed", "none")
    assert isinstance(get_converter("t2s").convert(text), str)


@SETTINGS
@given(st.text(max_size=300).map(clean_unicode))
def test_segmenter_keeps_every_non_space_character(text: str) -> None:
    tokens = segmenter(None).tokenize(text)
    assert all(tok and not tok.isspace() and clean(tok) for tok in tokens)
    assert "".join(tokens) == "".join(ch for ch in text if not ch.isspace())


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Options())


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


def _process(pipeline: Pipeline, folder: Path, name: str, data: bytes) -> dict:
    path = folder / name
    path.write_bytes(data)
    doc = pipeline.process(InputFile(name, path, len(data)))
    if doc.reject:
        return {"reason": doc.reject.reason, "detail": doc.reject.detail}
    return json.loads(dumps(to_record(doc, Stamp("run-00001", "run-00001"))).encode("utf-8"))


def _assert_clean_outcome(outcome: dict) -> None:
    if "reason" in outcome:
        assert outcome["reason"] in REASONS and outcome["reason"] != "internal_error", outcome["detail"]
        return
    for key in ("text", "title", "author", "url", "published"):
        assert outcome[key] is None or clean(outcome[key]), key
    assert outcome["text"].strip()
    assert all(clean(tok) and tok.strip() for tok in outcome["tokens"])


TEXTISH_BYTES = st.tuples(TEXT, st.sampled_from(["utf-8", "utf-16-le", "gb18030", "big5", "cp1252"])).map(
    lambda t: t[0].encode(t[1], errors="surrogatepass" if t[1] == "utf-8" else "replace"))


@SETTINGS
@given(data=st.one_of(st.binary(max_size=3000), TEXTISH_BYTES), name=st.sampled_from(["a.html", "a.txt", "a.md"]))
def test_pipeline_on_arbitrary_bytes(pipeline: Pipeline, scratch: Path, data: bytes, name: str) -> None:
    _assert_clean_outcome(_process(pipeline, scratch, name, data))


@SETTINGS
@given(html=HTML, encoding=st.sampled_from(["utf-8", "utf-16", "gb18030", "big5", "latin-1"]))
def test_pipeline_on_arbitrary_html(pipeline: Pipeline, scratch: Path, html: str, encoding: str) -> None:
    data = html.encode(encoding, errors="replace")
    _assert_clean_outcome(_process(pipeline, scratch, "a.html", data))


@pytest.mark.parametrize("html", ["\ud800", "<div>\udfff text</div>"])
def test_html_extraction_with_lone_surrogates(html: str) -> None:
    assert clean(extract_decoded(html, "html")[0].text)


def test_clean_unicode_drops_lone_surrogates() -> None:
    assert clean(clean_unicode("a\ud800b"))


@pytest.mark.parametrize("charset", ["base64", "unicode_escape", "rot13", "zlib"])
def test_decode_ignores_declared_non_web_codecs(charset: str) -> None:
    data = f"<meta charset='{charset}'><p>\\ud800 text</p>".encode() + b"\xff"
    try:
        decoded = decode_bytes(data)
    except DecodeError:
        return
    assert clean(decoded.text)
