"""Signatures held outside the candidates: a batch's file, mapped and read a few rows at a time."""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from hanflow.dedup import DedupIndex, SignatureRows, signatures
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


def test_mapped_signatures_give_the_verdicts_of_the_fingerprints(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(signatures, "_RELEASE_ROWS", 2)  # pages given back after every step or two
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
        SignatureRows.mapped(path)
    (tmp_path / "empty.sig").write_bytes(b"")
    assert len(SignatureRows.mapped(tmp_path / "empty.sig")) == 0
