"""Signatures held outside the candidates: a batch's file, read a few rows at a time."""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from hanflow.dedup import DedupIndex, SignatureRows, signatures
from hanflow.dedup.minhash import band_groups, band_hashes, signature_sketch, similarities, sketch_similarities
from hanflow.dedup.signatures import join_files
from tests.test_dedup_index import ARTICLE, OTHER, cand, edited


def _texts() -> list[str]:
    return [ARTICLE, edited(ARTICLE), OTHER, ARTICLE, edited(OTHER), OTHER + "\n（完）", "短", ""]


def _unsigned(cands: list) -> list:
    return [type(c)(c.source, c.id, c.n_chars, c.published, c.fingerprint.unsigned()) for c in cands]


def _files(tmp_path: Path, cands: list, cut: int) -> list[str]:
    parts = []
    for n, part in enumerate((cands[:cut], cands[cut:])):
        path = tmp_path / f"batch-{n}.sig"
        path.write_bytes(b"".join(c.fingerprint.signature for c in part))
        parts.append(str(path))
    return parts


def test_signatures_in_a_file_give_the_verdicts_of_the_fingerprints(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(signatures, "_SPAN_ROWS", 2)  # every read cut into spans of a row or two
    monkeypatch.setattr(signatures, "_GAP_ROWS", 1)
    cands = [cand(f"{n}.txt", text, None) for n, text in enumerate(_texts())]
    expected = DedupIndex(sqlite3.connect(":memory:")).resolve(cands)
    rows = join_files(_files(tmp_path, cands, 3), tmp_path / "run.sig")
    assert len(rows) == len(cands)
    assert expected and DedupIndex(sqlite3.connect(":memory:")).resolve(_unsigned(cands), (), rows) == expected


def test_kept_records_stored_from_the_file_match_later_runs_alike(tmp_path: Path) -> None:
    cands = [cand(f"{n}.txt", text) for n, text in enumerate(_texts())]
    later = [cand("new.txt", edited(ARTICLE) + "\n（完）"), cand("copy.txt", OTHER)]
    rows = join_files(_files(tmp_path, cands, 5), tmp_path / "run.sig")
    found = []
    for stored in (cands, _unsigned(cands)):
        index = DedupIndex(sqlite3.connect(":memory:"))
        kept = [k for k, c in enumerate(stored) if c.source not in index.resolve(cands)]
        index.add([stored[k] for k in kept], None if stored is cands else rows.subset(np.array(kept)))
        found.append(index.resolve(later))
    assert found[0] and found[0] == found[1]


def test_subset_and_rows_read_the_right_rows(tmp_path: Path) -> None:
    cands = [cand(f"{n}.txt", text) for n, text in enumerate(_texts())]
    rows = join_files(_files(tmp_path, cands, 4), tmp_path / "run.sig")
    view = rows.subset(np.array([6, 2, 0])).subset(np.array([2, 0]))
    assert [r.tobytes() for r in view.rows(np.array([0, 1]))] == [cands[0].fingerprint.signature,
                                                                  cands[6].fingerprint.signature]
    assert pickle.loads(pickle.dumps(cands[0].fingerprint.unsigned())).signature == b""


def test_a_file_cut_inside_a_signature_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.sig"
    path.write_bytes(cand("a.txt", ARTICLE).fingerprint.signature[:100])
    with pytest.raises(ValueError, match="whole number"):
        SignatureRows.from_file(path)
    (tmp_path / "empty.sig").write_bytes(b"")
    assert len(SignatureRows.from_file(tmp_path / "empty.sig")) == 0


def _random_file(tmp_path: Path, n: int, seed: int = 4) -> tuple[np.ndarray, Path]:
    rng = np.random.default_rng(seed)
    matrix = rng.integers(0, 2**32, size=(n, 128), dtype=np.uint64).astype("<u4")
    path = tmp_path / "random.sig"
    path.write_bytes(matrix.tobytes())
    return matrix, path


@pytest.mark.parametrize(("span", "gap"), [(8_192, 16), (7, 2), (1, 0)])
def test_rows_read_in_spans_are_the_rows_of_the_file(tmp_path: Path, monkeypatch, span: int, gap: int) -> None:
    monkeypatch.setattr(signatures, "_SPAN_ROWS", span)
    monkeypatch.setattr(signatures, "_GAP_ROWS", gap)
    matrix, path = _random_file(tmp_path, 300)
    rows = SignatureRows.from_file(path)
    rng = np.random.default_rng(9)
    for idx in (np.arange(300), rng.integers(0, 300, 50), np.array([299, 0, 0, 150]), np.zeros(0, np.int64)):
        assert (rows.rows(idx) == matrix[idx]).all()
    view = rows.subset(rng.permutation(300)[:120])
    assert (view.rows(np.arange(120)) == SignatureRows.of([r.tobytes() for r in matrix]).subset(
        view._index).rows(np.arange(120))).all()


def test_bands_of_a_view_are_the_band_hashes_of_its_rows(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(signatures, "_SPAN_ROWS", 16)  # several blocks
    matrix, path = _random_file(tmp_path, 100)
    picked = np.array([70, 3, 3, 99, 0, 45, 16, 15])
    for rows in (SignatureRows.from_file(path), SignatureRows.of([r.tobytes() for r in matrix])):
        for group in band_groups():
            expected = band_hashes(matrix, bands=group)
            assert (rows.bands(group) == expected).all()
            assert (rows.subset(picked).bands(group) == expected[picked]).all()


def test_sketches_never_judge_a_pair_less_similar_than_its_signatures(tmp_path: Path) -> None:
    rng = np.random.default_rng(11)
    base = rng.integers(0, 2**24, size=(40, 128), dtype=np.uint64).astype("<u4")
    other = base.copy()
    changed = rng.random(other.shape) < rng.random((40, 1))
    other[changed] = rng.integers(0, 2**24, changed.sum())
    sizes = np.full(40, 500)
    full = similarities(base, other, sizes, sizes)
    sketched = sketch_similarities(signature_sketch(base), signature_sketch(other), sizes, sizes)
    assert (sketched >= full).all() and (sketched > full).any() and len(set(full.tolist())) > 10
    path = tmp_path / "base.sig"
    path.write_bytes(base.tobytes())
    assert (SignatureRows.from_file(path).sketches(np.array([5, 1])) == signature_sketch(base[[5, 1]])).all()
