"""Chains of edits: a duplicate is always within the threshold of the record it is filed under.

When B is an edited copy of A and C an edited copy of B, C may be far from A; it must then be
a record of its own (or the duplicate of another kept record it is close to), never a
duplicate of A at a similarity below the threshold.
"""

from __future__ import annotations

import random
import sqlite3

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.dedup import DEFAULT_THRESHOLD, Candidate, DedupIndex, fingerprint
from hanflow.dedup.key import dedup_key
from hanflow.dedup.minhash import signature_matrix, similarities
from tests.state.model import article


def _chain(seed: int, length: int, paras: int) -> list[str]:
    """An article, then each version with one more paragraph rewritten than the one before."""
    rng = random.Random(seed)
    current = article(seed, paras)
    versions = ["\n".join(current)]
    for step in range(1, length):
        current = list(current)
        current[rng.randrange(paras)] = article(10_000 + seed * 100 + step, 1)[0]
        versions.append("\n".join(current))
    return versions


def _cand(source: str, text: str) -> Candidate:
    return Candidate(source, dedup_key(text)[:24], len(text), None, fingerprint(text))


def _similarity(a: Candidate, b: Candidate) -> float:
    left = signature_matrix([a.fingerprint.signature])
    right = signature_matrix([b.fingerprint.signature])
    return float(similarities(left, right, np.array([a.fingerprint.n_shingles]),
                              np.array([b.fingerprint.n_shingles]))[0])


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), length=st.integers(2, 8), paras=st.integers(3, 9),
       runs=st.integers(1, 3), threshold=st.sampled_from([0.5, 0.6, DEFAULT_THRESHOLD, 0.8]))
def test_every_duplicate_is_within_the_threshold_of_its_kept_record(seed: int, length: int, paras: int,
                                                                    runs: int, threshold: float) -> None:
    cands = [_cand(f"v{i}.txt", text) for i, text in enumerate(_chain(seed, length, paras))]
    random.Random(seed).shuffle(cands)
    conn = sqlite3.connect(":memory:")
    index = DedupIndex(conn, threshold)
    kept: dict[str, Candidate] = {}
    verdicts = {}
    for part in range(runs):  # the same chain arriving over several runs
        batch = cands[part::runs]
        found = index.resolve(batch)
        index.add([c for c in batch if c.source not in found])
        kept.update({c.id: c for c in batch if c.source not in found})
        verdicts.update(found)
    by_source = {c.source: c for c in cands}
    for source, verdict in verdicts.items():
        assert verdict.duplicate_of in kept, "a duplicate names a kept record, never another duplicate"
        assert verdict.similarity >= threshold
        if verdict.method == "minhash":
            measured = _similarity(by_source[source], kept[verdict.duplicate_of])
            assert abs(measured - verdict.similarity) < 1e-9, "the similarity is to duplicate_of itself"
