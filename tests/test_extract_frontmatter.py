"""Front matter of .md/.txt pages: fields, hostile YAML, and metadata mapping."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hanflow.extract import extract_text
from hanflow.extract.frontmatter import front_matter_metadata, invalid_fields, split_front_matter
from hanflow.sources import InputFile
from hanflow.steps import Options, Pipeline

POST = """---
title: "城市交通的未来"
date: 2023-11-21T14:40:00+08:00
authors: ["王小明", "Jane Doe"]
links:
  - name: 原文
    url: https://example.org/post/1
---

第一段正文，介绍城市交通面临的问题，以及近年来各地的探索和尝试。
第二段正文，讨论地铁、公交与共享出行之间的分工与协作方式。
"""


def test_front_matter_fields_map_to_metadata() -> None:
    fields, body, ok = split_front_matter(POST)
    assert ok
    assert front_matter_metadata(fields) == {
        "title": "城市交通的未来",
        "author": "王小明, Jane Doe",
        "published": "2023-11-21T14:40:00+08:00",
        "url": "https://example.org/post/1",
    }
    assert extract_text(body).text.splitlines()[0].startswith("第一段正文")


def test_chinese_date_in_front_matter_is_normalised() -> None:
    fields, _, _ = split_front_matter('---\ndate: "2024年5月8日 10:21"\n---\n正文')
    assert front_matter_metadata(fields)["published"] == "2024-05-08T10:21:00"


def test_alias_bomb_is_rejected_quickly() -> None:
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    text = "---\n" + "\n".join(levels) + "\ntitle: *a8\n---\n正文一段。"
    start = time.perf_counter()
    fields, body, ok = split_front_matter(text)
    assert time.perf_counter() - start < 5
    assert (fields, ok) == ({}, False)
    assert body.strip() == "正文一段。"


def test_non_scalar_fields_are_ignored() -> None:
    fields, _, ok = split_front_matter("---\ntitle: {a: 1}\nauthor: [[x]]\n---\n正文")
    assert ok
    assert front_matter_metadata(fields)["title"] is None
    assert front_matter_metadata(fields)["author"] is None


def test_invalid_yaml_is_reported_not_raised() -> None:
    fields, body, ok = split_front_matter("---\ntitle: [unclosed\n---\n正文")
    assert (fields, ok) == ({}, False)
    assert body == "正文"


BODY = "第一段正文，介绍城市交通面临的问题，以及近年来各地的探索和尝试。\n"


def test_impossible_date_is_dropped_not_raised() -> None:
    fields, body, ok = split_front_matter(f"---\ntitle: 交通\ndate: 2024-02-30\n---\n{BODY}")
    assert ok and body == BODY
    assert front_matter_metadata(fields) == {"title": "交通", "author": None, "published": None, "url": None}
    assert invalid_fields(fields) == ["published"]


def test_valid_timestamps_stay_iso() -> None:
    fields, _, _ = split_front_matter("---\ndate: 2024-02-29\nupdated: 2024-02-30T10:00:00Z\n---\n正文")
    assert front_matter_metadata(fields)["published"] == "2024-02-29"
    assert invalid_fields(fields) == []


@pytest.mark.parametrize("value", ["2024-02-30", "2024-13-01T10:00:00", "'not a date'", "{a: 1}", "[[1]]"])
def test_document_with_an_invalid_value_is_kept_and_the_value_counted(tmp_path: Path, value: str) -> None:
    path = tmp_path / "post.md"
    path.write_text(f"---\ntitle: 城市交通\ndate: {value}\n---\n{BODY * 3}", encoding="utf-8")
    doc = Pipeline(Options()).process(InputFile(source="post.md", path=path, size=path.stat().st_size))
    assert doc.reject is None, doc.reject
    assert doc.meta["published"] is None and doc.meta["title"] == "城市交通"
    assert doc.removed["front_matter_invalid"] == 1


def test_deeply_nested_yaml_is_invalid_front_matter_not_an_error() -> None:
    fields, body, ok = split_front_matter("---\ntitle: " + "[" * 5000 + "\n---\n正文")
    assert (fields, ok, body) == ({}, False, "正文")


HUGO_TOML = """+++
title = "山里的秋天"
date = 2024-10-03T09:15:00+08:00
authors = ["林间", "Sam Reed"]
tags = ["徒步", "摄影"]
[params]
canonical = "https://example.org/posts/autumn"
+++

周末去了城北的山里，枫叶已经红了一半，沿着溪边的小路走了三个小时。
下山的时候天色渐暗，路边的小店还开着，我们买了两碗热豆花。
"""


def test_hugo_toml_front_matter_maps_to_metadata() -> None:
    """Hugo writes front matter as TOML between `+++` lines: its fields are metadata, not text."""
    fields, body, ok = split_front_matter(HUGO_TOML)
    assert ok
    assert front_matter_metadata(fields) == {
        "title": "山里的秋天", "author": "林间, Sam Reed", "published": "2024-10-03T09:15:00+08:00", "url": None,
    }
    assert extract_text(body).text.splitlines() == HUGO_TOML.split("+++\n\n")[1].splitlines()


def test_invalid_toml_front_matter_is_reported_not_raised() -> None:
    fields, body, ok = split_front_matter('+++\ntitle = "没有结尾的引号\n+++\n正文第一段。\n')
    assert (fields, ok) == ({}, False) and body == "正文第一段。\n"
