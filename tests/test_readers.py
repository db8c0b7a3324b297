"""The README's reader snippets load output built over several incremental runs, with every
reader agreeing on the columns — including shards whose records carry no metadata at all."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hanflow.build import build
from hanflow.schema import load
from tests.helpers import read_jsonl
from tests.state.model import article, page

README = Path(__file__).resolve().parents[1] / "README.md"
FIELDS = list(load("record")["properties"])

# Appended to each snippet: what it loaded, as JSON on the last line of its output.
PROBES = {
    "pandas": "print(json.dumps({'rows': len(corpus), 'columns': sorted(corpus.columns),"
              " 'published': sorted(str(t) for t in published.dropna())}))",
    "polars": "print(json.dumps({'rows': corpus.height, 'columns': sorted(corpus.columns),"
              " 'types': sorted({str(t) for t in corpus.schema.values()})}))",
    "duckdb": "print(json.dumps({'rows': sum(n for _, n in by_lang), 'langs': sorted(l for l, _ in by_lang)}))",
    "pyarrow": "print(json.dumps({'rows': corpus.num_rows, 'columns': sorted(corpus.column_names)}))",
    "datasets": "print(json.dumps({'rows': corpus.num_rows, 'columns': sorted(corpus.column_names),"
                " 'published': str(corpus.features['published'])}))",
}


def snippets() -> dict[str, str]:
    """The python blocks of the README's "Reading the corpus" part, by the library they import."""
    text = README.read_text(encoding="utf-8")
    part = text[text.index("Reading the corpus"):text.index("Outputs are byte-identical")]
    blocks = re.findall(r"```python\n(.*?)```", part, re.S)
    found = {}
    for block in blocks:
        name = next(lib for lib in PROBES if re.search(rf"^(import|from) {lib}\b", block, re.M))
        found[name] = block
    return found


def _transcript(raw: Path, name: str, seed: int) -> None:
    (raw / name).parent.mkdir(parents=True, exist_ok=True)
    (raw / name).write_text("\n".join(article(seed)), encoding="utf-8")


def _dated(raw: Path, name: str, seed: int, meta: str) -> None:
    html = page(article(seed), chrome=seed).decode().replace("</head>", f"{meta}</head>")
    (raw / name).parent.mkdir(parents=True, exist_ok=True)
    (raw / name).write_text(html, encoding="utf-8")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four runs: a transcript alone; dated pages (stated zone, no zone, date only) and front
    matter; an edit, a deletion and a rename; another transcript alone."""
    root = tmp_path_factory.mktemp("readers")
    raw, out = root / "raw", root / "processed"
    _transcript(raw, "talks/first.txt", 1)
    build(raw, out)
    _dated(raw, "news/a.html", 2, "<meta property='article:published_time' content='2024-05-01T09:30:00+08:00'>")
    _dated(raw, "news/b.html", 3, "<meta property='article:published_time' content='2024-05-02T10:00:00'>")
    _dated(raw, "news/c.html", 4, "<meta name='pubdate' content='2024-05-03'>")
    (raw / "blog").mkdir()
    (raw / "blog/d.md").write_text("---\ntitle: 笔记\ndate: 2024-05-04T08:00:00Z\n---\n\n" + "\n\n".join(article(5)),
                                   encoding="utf-8")
    build(raw, out)
    _dated(raw, "news/a.html", 6, "<meta property='article:published_time' content='2024-05-05T23:10:00-04:00'>")
    (raw / "news/c.html").unlink()
    (raw / "talks/first.txt").rename(raw / "talks/renamed.txt")
    build(raw, out)
    _transcript(raw, "talks/second.txt", 7)
    build(raw, out)
    return out


def _run(name: str, out: Path) -> dict:
    code = "import json\n" + snippets()[name] + "\n" + PROBES[name] + "\n"
    env = {**os.environ, "HF_HOME": str(out.parent / "hf"), "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=out.parent, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_readme_shows_a_snippet_for_every_reader() -> None:
    assert set(snippets()) == set(PROBES)


@pytest.mark.parametrize("name", sorted(PROBES))
def test_each_reader_loads_every_record_with_every_field(out: Path, name: str) -> None:
    records = read_jsonl(out, "corpus")
    shards = [[json.loads(x) for x in p.read_text().splitlines()] for p in sorted((out / "corpus").glob("*.jsonl"))]
    assert len(shards) >= 2 and any(all(r["published"] == r["url"] == "" for r in shard) for shard in shards)
    got = _run(name, out)
    assert got["rows"] == len(records) == 5
    if "columns" in got:
        assert got["columns"] == sorted(FIELDS)
    if name == "polars":
        assert "Null" not in " ".join(got["types"]) and "List(Null)" not in got["types"]
    if name == "datasets":
        assert got["published"].startswith("Value('string'")


def test_published_parses_to_the_right_instants(out: Path) -> None:
    """Stated offsets are kept; a time without a zone on a Chinese page is read as +08:00."""
    got = _run("pandas", out)
    assert got["published"] == sorted([
        "2024-05-02 02:00:00+00:00",  # 10:00, no zone on a Chinese page: +08:00 assumed
        "2024-05-04 08:00:00+00:00",  # Z in front matter
        "2024-05-06 03:10:00+00:00",  # edited page, -04:00 stated
    ])
    by_source = {r["source"]: r for r in read_jsonl(out, "corpus")}
    assert by_source["news/a.html"]["published_tz"] == "stated"
    assert by_source["news/b.html"]["published_tz"] == "assumed"
    assert by_source["talks/renamed.txt"]["published"] == "" == by_source["talks/renamed.txt"]["url"]
