"""Shingle hashes, signatures and band hashes behave as the LSH arithmetic assumes."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from hanflow.dedup.minhash import (
    BANDS,
    SHINGLE,
    band_hashes,
    shingle_hashes,
    signature,
    signature_matrix,
    similarities,
)
from tests.dedup_evalset import ARTICLES

TEXT = "".join(ARTICLES["economy-2"])


@given(st.text(alphabet="甲乙丙丁戊己庚辛abc12", max_size=60))
def test_one_hash_per_distinct_shingle(text: str) -> None:
    distinct = {text[i : i + SHINGLE] for i in range(max(1, len(text) - SHINGLE + 1))} - {""}
    assert len(shingle_hashes(text)) == len(distinct)


def _estimate(a: str, b: str) -> float:
    ha, hb = shingle_hashes(a), shingle_hashes(b)
    m = signature_matrix([signature(ha), signature(hb)])
    return float(similarities(m[:1], m[1:], np.array([len(ha)]), np.array([len(hb)]))[0])


def test_estimate_tracks_the_true_jaccard() -> None:
    cut = TEXT[: len(TEXT) * 4 // 5]
    ha, hb = set(shingle_hashes(TEXT).tolist()), set(shingle_hashes(cut).tolist())
    true = len(ha & hb) / len(ha | hb)
    assert abs(_estimate(TEXT, cut) - true) < 0.1
    assert _estimate(TEXT, TEXT) == 1.0


def test_size_ratio_caps_the_similarity_of_a_teaser() -> None:
    assert _estimate(TEXT, TEXT[: len(TEXT) // 5]) <= 0.21


def test_band_hashes_agree_exactly_where_band_rows_agree() -> None:
    m = signature_matrix([signature(shingle_hashes(TEXT)), signature(shingle_hashes(TEXT[5:]))])
    h = band_hashes(m)
    assert h.shape == (2, BANDS)
    rows_equal = (m[0].reshape(BANDS, -1) == m[1].reshape(BANDS, -1)).all(axis=1)
    assert ((h[0] == h[1]) == rows_equal).all()


def test_band_hashes_do_not_depend_on_chunking() -> None:
    rng = np.random.default_rng(3)
    m = rng.integers(0, 2**32, size=(100, 128), dtype=np.uint64).astype(np.uint32)
    assert (band_hashes(m, chunk=7) == band_hashes(m)).all()
