"""The exact key and the fingerprint: what folds together, what stays apart, what is portable."""

from __future__ import annotations

import pickle
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

import opencc
from hypothesis import given
from hypothesis import strategies as st

from hanflow.dedup import fingerprint
from hanflow.dedup.key import dedup_key, normalise

SIMPLIFIED = "台风过后，沿海渔港恢复了往日的忙碌：渔船陆续出海，码头上又响起了吆喝声。"


def test_punctuation_width_and_whitespace_fold_to_one_key() -> None:
    half = "台风过后,沿海渔港恢复了往日的忙碌:渔船陆续出海,码头上又响起了吆喝声."
    spaced = "台风过后 ，沿海渔港\n恢复了往日的忙碌：\t渔船陆续出海，\u3000码头上又响起了吆喝声。"
    assert dedup_key(half) == dedup_key(spaced) == dedup_key(SIMPLIFIED)


def test_traditional_repost_is_an_exact_duplicate_after_t2s() -> None:
    traditional = opencc.OpenCC("s2t").convert(SIMPLIFIED)
    assert traditional != SIMPLIFIED
    assert dedup_key(opencc.OpenCC("t2s").convert(traditional)) == dedup_key(SIMPLIFIED)


def test_different_words_give_different_keys() -> None:
    assert dedup_key(SIMPLIFIED) != dedup_key(SIMPLIFIED.replace("渔船", "货船"))
    assert dedup_key("价格12元") != dedup_key("价格21元")


def test_normalise_keeps_letters_and_digits_casefolded() -> None:
    assert normalise("Ｈｅｌｌｏ， World！ ２０２５年") == "helloworld2025年"


@given(st.text(), st.lists(st.sampled_from(" \n\t\u3000，。、,.!！?？“”\"'（）()"), max_size=8))
def test_key_ignores_inserted_punctuation_and_whitespace(text: str, noise: list[str]) -> None:
    noisy = "".join(noise) + text + "".join(reversed(noise))
    assert dedup_key(noisy) == dedup_key(text)


@given(st.text())
def test_fingerprint_never_fails_and_round_trips_through_pickle(text: str) -> None:
    fp = fingerprint(text)
    assert pickle.loads(pickle.dumps(fp)) == fp
    assert len(fp.signature) == 512


def test_fingerprint_is_small() -> None:
    assert len(pickle.dumps(fingerprint(SIMPLIFIED * 40))) < 800


def test_fingerprint_is_identical_in_a_fresh_worker_process() -> None:
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        remote = pool.submit(fingerprint, SIMPLIFIED).result()
    assert remote == fingerprint(SIMPLIFIED)


_SAMPLE_ALPHABET = st.sampled_from(
    list("台风过后渔港恢复忙碌abcXYZ019")
    + [chr(c) for c in range(0xFF01, 0xFF5F)]
    + list(" \n\t\u3000，。、；：？！“”‘’（）《》【】…—·,.;:?!\"'()[]-_~@#%&*+=<>/\\|")
)


@given(st.text(alphabet=_SAMPLE_ALPHABET))
def test_normalise_matches_its_definition(text: str) -> None:
    folded = unicodedata.normalize("NFKC", text).casefold()
    assert normalise(text) == "".join(ch for ch in folded if ch.isalnum())


def test_lone_surrogates_and_control_characters_do_not_break_fingerprints() -> None:
    hostile = "台风\ud800过后\x00\u202e渔港\udfff"
    assert fingerprint(hostile).key == dedup_key("台风过后渔港")
    assert normalise(hostile) == "台风过后渔港"
