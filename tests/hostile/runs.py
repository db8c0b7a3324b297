"""A small incremental corpus with an uninterrupted reference run, and output comparison."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from hanflow.build import build

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from load_corpus import write_corpus  # noqa: E402

PAGES, BASE_PAGES, BATCH = 600, 350, 25
EDITS = 12  # committed pages edited, deleted and renamed (each) before the second run


@dataclass(frozen=True)
class Corpus:
    raw: Path  # every page, some of the committed ones edited, deleted or renamed
    base_out: Path  # output after a committed run over the first BASE_PAGES pages
    ref_out: Path  # base_out, then one uninterrupted run over `raw`
    ref_seconds: float  # how long that second run took


def _change_committed(raw: Path, committed: list[Path]) -> None:
    """Edit, delete and rename pages the first run committed, spread over its shards (every
    kind of change the second run must carry into the output)."""
    step = len(committed) // (3 * EDITS)
    picks = committed[::step][: 3 * EDITS]
    for path in picks[:EDITS]:
        path.write_bytes(path.read_bytes().replace(b"</p>", "补记：本文发布后又有读者来信补充了细节。</p>".encode(), 1)
                         + b"\n<!-- edited -->\n")
    for path in picks[EDITS : 2 * EDITS]:
        path.unlink()
    for path in picks[2 * EDITS :]:
        path.rename(path.with_name("moved-" + path.name))


def make_corpus(root: Path) -> Corpus:
    raw, part = root / "raw", root / "raw-part"
    write_corpus(raw, PAGES, seed=11, paras=(1, 1))
    committed = sorted(p for p in raw.rglob("*") if p.is_file())[:BASE_PAGES]
    for path in committed:
        (part / path.relative_to(raw)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, part / path.relative_to(raw))
    build(part, root / "base", batch_size=BATCH)
    _change_committed(raw, committed)
    shutil.copytree(root / "base", root / "ref")
    start = time.perf_counter()
    build(raw, root / "ref", batch_size=BATCH)
    return Corpus(raw, root / "base", root / "ref", time.perf_counter() - start)


RUN_FIELDS = ("run_id", "first_seen")


def without_run_fields(line: str) -> str:
    """A line with the fields that name when it was written left out (they differ between any
    two runs, however equal their work)."""
    obj = json.loads(line)
    return json.dumps({k: v for k, v in obj.items() if k not in RUN_FIELDS}, ensure_ascii=False, sort_keys=True)


def output_lines(out: Path) -> dict[str, list[str]]:
    """Every emitted line by kind, run fields left out, sorted; fails on a partial line, a
    leftover temp file or a source that appears twice."""
    lines: dict[str, list[str]] = {}
    for kind in ("corpus", "duplicates", "rejects"):
        found = []
        for f in sorted((out / kind).glob("*")) if (out / kind).exists() else []:
            assert not f.name.startswith("."), f"temporary file left in {kind}: {f.name}"
            text = f.read_text(encoding="utf-8")
            assert text.endswith("\n"), f"partial last line in {f}"
            found += [without_run_fields(line) for line in text.splitlines()]
        lines[kind] = sorted(found)
    sources = [json.loads(line)["source"] for kind in lines.values() for line in kind]
    assert len(sources) == len(set(sources)), "a source has more than one line"
    return lines


def state_rows(out: Path) -> dict[str, list[tuple]]:
    """The sources and shards tables and the dedup index, after an integrity check."""
    conn = sqlite3.connect(out / "state.sqlite")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {
            "files": conn.execute(
                "SELECT source, size, mtime_ns, sha256, kind, id, duplicate_of, shard, line FROM sources"
                " ORDER BY source").fetchall(),
            "shards": conn.execute("SELECT name, kind, lines, bytes FROM shards ORDER BY name").fetchall(),
            "index": conn.execute("SELECT source, id, key FROM dedup_docs ORDER BY source").fetchall(),
        }
    finally:
        conn.close()


def assert_same_as_reference(out: Path, corpus: Corpus) -> None:
    """Rerun to completion, then the output and state must equal the uninterrupted run's."""
    build(corpus.raw, out, batch_size=BATCH)
    assert not any((out / ".work").glob("*"))
    assert output_lines(out) == output_lines(corpus.ref_out)
    assert state_rows(out) == state_rows(corpus.ref_out)
