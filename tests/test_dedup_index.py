"""Resolving duplicates within a run and across runs, and what the index keeps on disk."""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.columns import StringChain, StringPick, Strings
from hanflow.dedup import Candidate, DedupIndex, Fingerprint, SignatureRows, Verdict, fingerprint, keep_order
from hanflow.dedup.candidates import Candidates, keep_ordering
from hanflow.dedup.key import dedup_key
from hanflow.dedup.tables import SchemeMismatch
from tests.dedup_evalset import ARTICLES

ARTICLE = "\n".join(ARTICLES["transport-1"])
OTHER = "\n".join(ARTICLES["transport-2"])


def cand(source: str, text: str, published: str | None = None) -> Candidate:
    return Candidate(source, dedup_key(text), len(text), published, fingerprint(text))


def edited(text: str) -> str:
    paras = text.split("\n")
    return "\n".join(
        [*paras[:3], "本报记者在现场看到，首班列车上坐满了前来体验的市民。", *paras[4:]]
    )


def kept_ids(verdicts: dict[str, Verdict], cands: list[Candidate]) -> list[str]:
    return [c.id for c in cands if c.source not in verdicts]


def test_exact_copies_keep_longest_then_earliest_then_smallest_path() -> None:
    longer = ARTICLE + "\n（完）"
    cands = [
        cand("b/x.txt", ARTICLE, "2025-03-02"),
        cand("a/x.txt", ARTICLE, "2025-03-02"),
        cand("c/x.txt", ARTICLE, "2025-03-01"),
        cand("d/x.txt", ARTICLE.replace("，", ",")),
    ]
    verdicts = DedupIndex(sqlite3.connect(":memory:")).resolve(cands)
    assert set(verdicts) == {"a/x.txt", "b/x.txt", "d/x.txt"}
    assert {v.method for v in verdicts.values()} == {"exact"}
    with_longer = DedupIndex(sqlite3.connect(":memory:")).resolve([*cands, cand("z.txt", longer)])
    assert "z.txt" not in with_longer
    assert with_longer["c/x.txt"] == Verdict(
        dedup_key(longer), pytest.approx(0.99, abs=0.02), "minhash"
    )


def test_edited_copy_is_a_near_duplicate_of_the_kept_article() -> None:
    cands = [cand("portal.txt", ARTICLE), cand("blog.txt", edited(ARTICLE))]
    verdicts = DedupIndex(sqlite3.connect(":memory:")).resolve(cands)
    assert list(verdicts) == ["blog.txt"]
    assert verdicts["blog.txt"].duplicate_of == dedup_key(ARTICLE)
    assert verdicts["blog.txt"].method == "minhash"
    assert 0.7 <= verdicts["blog.txt"].similarity < 1.0


def test_teaser_half_and_same_topic_article_are_not_duplicates() -> None:
    paras = ARTICLE.split("\n")
    cands = [
        cand("full.txt", ARTICLE),
        cand("teaser.txt", ARTICLE[: len(ARTICLE) // 5]),
        cand("half.txt", "\n".join(paras[: len(paras) // 2])),
        cand("other.txt", OTHER),
    ]
    assert DedupIndex(sqlite3.connect(":memory:")).resolve(cands) == {}


def test_threshold_is_configurable() -> None:
    cands = [cand("portal.txt", ARTICLE), cand("blog.txt", edited(ARTICLE))]
    assert DedupIndex(sqlite3.connect(":memory:"), threshold=0.99).resolve(cands) == {}
    with pytest.raises(ValueError):
        DedupIndex(sqlite3.connect(":memory:"), threshold=0)


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(6)))
def test_verdicts_do_not_depend_on_input_order(order: list[int]) -> None:
    texts = [ARTICLE, edited(ARTICLE), ARTICLE.replace("。", "."), OTHER, OTHER + "\n（完）", ""]
    cands = [cand(f"s{i}.txt", t) for i, t in enumerate(texts)]
    baseline = DedupIndex(sqlite3.connect(":memory:")).resolve(cands)
    shuffled = DedupIndex(sqlite3.connect(":memory:")).resolve([cands[i] for i in order])
    assert shuffled == baseline


def test_later_run_points_at_the_record_emitted_earlier() -> None:
    conn = sqlite3.connect(":memory:")
    first = [cand("old.txt", edited(ARTICLE))]
    index = DedupIndex(conn)
    assert index.resolve(first) == {}
    index.add(first)
    conn.commit()
    later = [
        cand("new.txt", ARTICLE + "\n本文转载自城市新闻网。"),
        cand("exact.txt", edited(ARTICLE)),
    ]
    verdicts = DedupIndex(conn).resolve(later)
    assert verdicts["new.txt"].duplicate_of == first[0].id
    assert verdicts["new.txt"].method == "minhash"
    assert verdicts["exact.txt"] == Verdict(first[0].id, 1.0, "exact")


def test_rerun_on_the_same_inputs_adds_nothing() -> None:
    conn = sqlite3.connect(":memory:")
    cands = [cand(f"{name}.txt", "\n".join(paras)) for name, paras in ARTICLES.items()]
    cands.append(cand("copy.txt", edited("\n".join(ARTICLES["sport-1"]))))
    index = DedupIndex(conn)
    first = index.resolve(cands)
    index.add([c for c in cands if c.source not in first])
    conn.commit()
    counts = [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in _TABLES]
    again = index.resolve(cands)
    assert set(again) == {c.source for c in cands}
    assert {v.duplicate_of for v in again.values()} == set(kept_ids(first, cands))
    assert {s: again[s] for s in first} == first
    assert [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in _TABLES] == counts


_TABLES = ("dedup_docs", "dedup_bands")


def test_add_leaves_committing_to_the_caller(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    conn = sqlite3.connect(path)
    index = DedupIndex(conn)
    conn.commit()
    index.add([cand("a.txt", ARTICLE)])
    assert conn.in_transaction
    conn.close()  # a killed run: nothing committed
    reopened = sqlite3.connect(path)
    assert DedupIndex(reopened).resolve([cand("a.txt", ARTICLE)]) == {}
    assert reopened.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_index_from_another_signature_scheme_is_refused() -> None:
    conn = sqlite3.connect(":memory:")
    DedupIndex(conn)
    conn.execute("UPDATE dedup_meta SET value = 'old-scheme' WHERE name = 'scheme'")
    with pytest.raises(SchemeMismatch):
        DedupIndex(conn)


def test_empty_and_tiny_inputs() -> None:
    index = DedupIndex(sqlite3.connect(":memory:"))
    assert index.resolve([]) == {}
    cands = [cand("e1.txt", ""), cand("e2.txt", "。。"), cand("t1.txt", "好"), cand("t2.txt", "坏")]
    verdicts = index.resolve(cands)
    assert verdicts == {"e1.txt": Verdict(dedup_key(""), 1.0, "exact")}
    index.add([c for c in cands if c.source not in verdicts])
    assert set(index.resolve(cands)) == {c.source for c in cands}


@given(st.lists(st.tuples(st.sampled_from(["b.txt", "a/b.txt", "a.txt", "c", "b/a.txt", "ä.txt"]),
                          st.integers(1, 4), st.sampled_from([None, "", "2024-01-02", "2023-12-31", "9999"])),
                max_size=12, unique_by=lambda t: t[0]))
def test_keep_ordering_sorts_as_the_keep_order_key(rows: list[tuple[str, int, str | None]]) -> None:
    cands = [Candidate(source, source, n_chars, published, fingerprint("")) for source, n_chars, published in rows]
    assert keep_ordering(cands).tolist() == sorted(range(len(cands)), key=lambda k: keep_order(cands[k]))


_TEXT = st.text(alphabet="abcf019/._-é中文\x00", max_size=8)


@given(st.lists(st.tuples(_TEXT, _TEXT, st.integers(0, 10**12), st.one_of(st.none(), _TEXT), _TEXT,
                          st.integers(0, 10**6)), max_size=10),
       st.integers(0, 10))
def test_candidate_columns_give_back_the_candidates(rows: list[tuple], cut: int) -> None:
    cands = [Candidate(s, i, n, p, Fingerprint(k, b"", m)) for s, i, n, p, k, m in rows]
    columns = Candidates.of(cands)
    assert list(columns) == cands and [columns[k] for k in range(len(cands))] == cands
    assert list(pickle.loads(pickle.dumps(columns))) == cands
    chained = Candidates.chain([Candidates.of(cands[:cut]), Candidates.of([]), Candidates.of(cands[cut:])])
    assert list(chained) == cands and list(chained.keys) == [c.fingerprint.key for c in cands]
    picked = list(range(len(cands)))[::-2]
    assert list(chained.take(np.array(picked, dtype=np.int64))) == [cands[k] for k in picked]
    assert keep_ordering(chained).tolist() == keep_ordering(cands).tolist()


def test_strings_read_back_as_written() -> None:
    for values in ([], ["ab", "cd", "ef"], ["", "中文", "a", ""], ["x" * 40, "é"], ["0a9f", "ff"], ["0A"],
                   ["0a", "0 a"], [""], ["00" * 32, "e3b0c442" * 8]):
        packed = Strings(values)
        assert list(packed) == values and [packed[k] for k in range(len(values))] == values
        with pytest.raises(IndexError):
            packed[len(values)]
    chain = StringChain([Strings(["a"]), Strings([]), Strings(["b", "cc"])])
    assert list(chain) == ["a", "b", "cc"] and chain[2] == "cc" and len(chain) == 3
    assert list(StringPick(chain, np.array([2, 0, 2]))) == ["cc", "a", "cc"]
    assert len(Strings(["ab12" * 8] * 10)._blob) == 160  # hex digits packed as the bytes they spell


def test_verdicts_on_columns_are_those_on_the_candidates() -> None:
    texts = [ARTICLE, edited(ARTICLE), OTHER, ARTICLE, edited(OTHER), "短", ""]
    cands = [cand(f"{n}.txt", text) for n, text in enumerate(texts)]
    signatures = SignatureRows.of([c.fingerprint.signature for c in cands])
    expected = DedupIndex(sqlite3.connect(":memory:")).resolve(cands)
    columns = Candidates.chain([Candidates.of(cands[:3]), Candidates.of(cands[3:])])
    assert expected and DedupIndex(sqlite3.connect(":memory:")).resolve(columns, (), signatures) == expected
    with pytest.raises(ValueError, match="no signatures"):
        DedupIndex(sqlite3.connect(":memory:")).resolve(columns)
    index = DedupIndex(sqlite3.connect(":memory:"))
    kept = np.array([k for k, c in enumerate(cands) if c.source not in expected])
    index.add(columns.take(kept), signatures.subset(kept))
    assert index.resolve([cand("later.txt", ARTICLE)]) == {"later.txt": Verdict(cands[0].id, 1.0, "exact")}
