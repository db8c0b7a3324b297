"""The fast normalise step gives the output of the plain one, byte for byte.

Compiled conversion against opencc-python-reimplemented's own `convert` for every config that
package has; the whole converter and the whole step against the reference forms in
`tests/normalize_reference.py`; on generated text built to make dictionary keys overlap, and on
the shared evaluation sets.
"""

from __future__ import annotations

import json
from functools import cache

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hanflow.normalize import CONFIGS, clean_unicode, detect_script, get_converter, normalize
from hanflow.normalize.convert import OpenCCConverter
from hanflow.normalize.longest_match import compile_chain
from hanflow.normalize.text import changed_share
from tests import normalize_reference as ref
from tests.helpers import SHARED


def _available(config: str) -> bool:
    try:
        OpenCCConverter(config, compiled=False)
    except ValueError:
        return False
    return True


PACKAGE_CONFIGS = [c for c in CONFIGS if _available(c)]
SEPARATORS = list(" \n\t-,.?!*　，。、；：？！…“”‘’『』「」—（）《》〈〉～．／［］【】")
PROTECTED = ["https://zh.example.tw/臺灣", "`變數`", "\n```\n", "\n~~~\n", "寫信@example.com.tw", "www.例子.tw"]


@cache
def _keys(config: str) -> tuple[list[str], list[str]]:
    """Keys of the config's dictionaries and pieces of its longer keys (which make occurrences
    overlap when put side by side)."""
    cc = opencc.OpenCC(config)
    keys = sorted({k for group in cc._dict_chain_data for _, _, table in group for k in table})
    pieces = sorted({k[:i] for k in keys if len(k) > 2 for i in range(1, len(k))}
                    | {k[i:] for k in keys if len(k) > 2 for i in range(1, len(k))})
    return keys, pieces or keys


def _text(config: str, extra: list[str] = ()) -> st.SearchStrategy[str]:
    keys, pieces = _keys(config)
    part = st.one_of(st.sampled_from(keys), st.sampled_from(pieces), st.sampled_from(SEPARATORS + list(extra)),
                     st.characters(blacklist_categories=("Cs",)), st.sampled_from("\ud800\u200dＡ１"))
    return st.lists(part, max_size=24).map("".join)


@pytest.mark.parametrize("config", PACKAGE_CONFIGS)
def test_compiled_chain_equals_the_package_on_generated_text(config):
    cc = opencc.OpenCC(config)
    chain = compile_chain(cc)
    assert chain is not None

    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_text(config))
    def check(text):
        assert chain.convert(text) == cc.convert(text)

    check()


@pytest.mark.parametrize("config", PACKAGE_CONFIGS)
def test_converter_equals_the_earlier_one_with_protected_spans_and_fences(config):
    new, old = get_converter(config), OpenCCConverter(config, compiled=False)
    assert new.compiled and not old.compiled

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_text(config, PROTECTED))
    def check(text):
        assert new.convert(text) == old.convert(text) == new.convert_all(text)

    check()


def test_chain_holds_the_overlap_rule():
    """Of overlapping keys the longer one wins even when it starts later; among equally long
    ones the leftmost: a key is applied as a whole or not at all."""
    cc = opencc.OpenCC("s2t")
    chain = compile_chain(cc)
    phrases = cc._dict_chain_data[0][0][2]
    long_keys = [k for k in phrases if len(k) == 4][:200]
    for key in long_keys:
        for text in (key[0] + key, key[:-1], key[1:] + key):  # overlaps, and keys cut by the end
            assert chain.convert(text) == cc.convert(text)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list(" \t\n\r\u3000\u00a0\u2028\u2029\u200d\u200b\ufeff\x00\x1f\x85ａＺ０９中文aZ9"
                                    "\U0001f468\U0001f469\ufe0f\u2600e\u0301\ud800")), max_size=40)
       | st.text(max_size=60))
def test_clean_unicode_equals_the_plain_rules(text):
    assert clean_unicode(text) == ref.clean_unicode(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text("t2s") | _text("s2t"))
def test_script_and_changed_share_equal_the_plain_forms(text):
    assert detect_script(text) == ref.detect_script(text)
    for config in ("t2s", "tw2sp", "s2twp"):
        converted = get_converter(config).convert(text)
        assert changed_share(text, converted) == ref.changed_share(text, converted)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text("t2s", PROTECTED))
def test_normalize_equals_the_plain_step(text):
    got = normalize(text)
    assert (got.text, got.script, got.changed_share) == ref.normalize(text)


def _shared(path: str):
    full = SHARED / "data" / path
    if not full.exists():
        pytest.skip(f"shared data not found at {full}")
    return full


def _pages() -> list[str]:
    pages = json.loads(_shared("html-eval/ground-truth.json").read_text(encoding="utf-8"))
    return [p["articleBody"] for p in pages.values()]


def test_whole_step_equals_the_plain_step_on_every_html_eval_page():
    for page in _pages():
        got = normalize(page)
        assert (got.text, got.script, got.changed_share) == ref.normalize(page)


@pytest.mark.parametrize("config", PACKAGE_CONFIGS)
def test_every_config_equals_the_earlier_converter_on_shared_text(config):
    cases = [json.loads(line)["input"]
             for line in _shared("opencc-cases/cases.jsonl").read_text(encoding="utf-8").splitlines()]
    legacy = [line for path in sorted(_shared("opencc-cases/legacy-ver.1.1.9").glob("*.in"))
              for line in path.read_text(encoding="utf-8").splitlines()]
    gsd = _shared("seg-domains/seg-ud-gsd/dev.raw.txt").read_text(encoding="utf-8")
    # the earlier converter is slow on simplified input to s2t and its kin: a tenth of the pages
    pages = "\n".join(clean_unicode(p) for p in _pages()[:: 10 if config.startswith("s2") else 1])
    new, old = get_converter(config), OpenCCConverter(config, compiled=False)
    assert [new.convert(t) for t in cases + legacy] == [old.convert(t) for t in cases + legacy]
    assert new.convert(gsd) == old.convert(gsd)
    assert new.convert(pages) == old.convert(pages)


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["pku_test_gold.utf8", "msr_test_gold.utf8"])
def test_s2t_equals_the_earlier_converter_on_sighan(corpus):
    text = _shared(f"sighan2005/{corpus}").read_text(encoding="utf-8").replace("  ", "")
    assert get_converter("s2t").convert(text) == OpenCCConverter("s2t", compiled=False).convert(text)
