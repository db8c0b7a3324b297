"""The evaluation set: pairwise quality per variant kind, and runs split over time."""

from __future__ import annotations

import pytest

from tests.dedup_evalset import ARTICLES, KINDS, build, partition, prf, run_dedup, score

DOCS = build(ARTICLES)


@pytest.fixture(scope="module")
def single_run() -> dict[str, str]:
    return run_dedup(DOCS)


def test_the_set_has_every_variant_of_every_article() -> None:
    assert len(DOCS) == len(ARTICLES) * 6
    assert {d.kind for d in DOCS} == {"base", *KINDS} - {"unrelated"}


@pytest.mark.parametrize("kind", [*KINDS, "all"])
def test_pairwise_precision_and_recall_per_kind(single_run: dict[str, str], kind: str) -> None:
    precision, recall, _ = prf(*score(DOCS, single_run)[kind])
    assert precision >= 0.99
    assert recall >= 0.95


def test_three_incremental_runs_give_the_clusters_of_one_run(single_run: dict[str, str]) -> None:
    assert partition(run_dedup(DOCS, runs=3)) == partition(single_run)


def test_each_article_and_its_copies_form_one_cluster(single_run: dict[str, str]) -> None:
    clusters = partition(single_run)
    for name in ARTICLES:
        copies = {f"{kind}/{name}.txt" for kind in ("base", "repost", "script", "edited")}
        assert copies in clusters
