"""Shingle hashes, signatures and band hashes behave as the LSH arithmetic assumes."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from hanflow.dedup.cluster import band_edges, unique_edges, verified_edges
from hanflow.dedup.minhash import (
    BANDS,
    SHINGLE,
    band_groups,
    band_hashes,
    shingle_hashes,
    signature,
    signature_matrix,
    signature_sketch,
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


def test_band_hashes_of_a_group_are_those_columns_of_all_bands() -> None:
    rng = np.random.default_rng(5)
    m = rng.integers(0, 2**32, size=(50, 128), dtype=np.uint64).astype(np.uint32)
    whole = band_hashes(m)
    groups = band_groups(3)
    assert [b for g in groups for b in g] == list(range(BANDS))
    for g in groups:
        assert (band_hashes(m, chunk=7, bands=g) == whole[:, g.start : g.stop]).all()


def test_edges_found_a_band_group_at_a_time_are_those_of_all_bands() -> None:
    rng = np.random.default_rng(6)
    base = rng.integers(0, 2**32, size=(12, 128), dtype=np.uint64).astype(np.uint32)
    m = base[rng.integers(0, 12, size=60)].copy()
    m[rng.random(m.shape) < 0.2] = 7  # near copies: most bands still agree, some do not
    sizes = np.full(len(m), 100, dtype=np.int64)
    expected = verified_edges(band_hashes(m), lambda idx: m[idx], sizes, 0.5)
    found = unique_edges([band_edges(band_hashes(m, bands=g), lambda idx: m[idx], sizes, 0.5)
                          for g in band_groups(5)], len(m))
    assert len(expected[0]) > 0
    assert (found[0] == expected[0]).all() and (found[1] == expected[1]).all()


def _counting(m: np.ndarray, read: list[int]):
    def rows(idx: np.ndarray) -> np.ndarray:
        read.append(len(idx))
        return m[idx]
    return rows


def test_edges_found_through_sketches_are_those_found_without() -> None:
    rng = np.random.default_rng(8)
    base = rng.integers(0, 2**32, size=(15, 128), dtype=np.uint64).astype(np.uint32)
    m = base[rng.integers(0, 15, size=80)].copy()
    m[rng.random(m.shape) < rng.random((80, 1)) * 0.6] = 9
    sizes = rng.integers(80, 120, size=80)
    sketch = signature_sketch(m)
    for threshold in (0.5, 0.7, 0.9):
        plain_read, sketched_read = [], []
        plain = band_edges(band_hashes(m), _counting(m, plain_read), sizes, threshold)
        sketched = band_edges(band_hashes(m), _counting(m, sketched_read), sizes, threshold,
                              lambda idx: sketch[idx])
        assert len(plain[0]) > 0
        assert (plain[0] == sketched[0]).all() and (plain[1] == sketched[1]).all()
        assert sum(sketched_read) < sum(plain_read)  # pairs ruled out by their sketches are not read
