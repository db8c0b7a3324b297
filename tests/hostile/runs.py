"""A small incremental corpus with an uninterrupted reference run, and output comparison."""

from __future__ import annotations

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


@dataclass(frozen=True)
class Corpus:
    raw: Path  # every page
    base_out: Path  # output after a committed run over the first BASE_PAGES pages
    ref_out: Path  # base_out, then one uninterrupted run over every page
    ref_seconds: float  # how long that second run took


def make_corpus(root: Path) -> Corpus:
    raw, part = root / "raw", root / "raw-part"
    write_corpus(raw, PAGES, seed=11, paras=(1, 1))
    for path in sorted(p for p in raw.rglob("*") if p.is_file())[:BASE_PAGES]:
        (part / path.relative_to(raw)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, part / path.relative_to(raw))
    build(part, root / "base", batch_size=BATCH)
    shutil.copytree(root / "base", root / "ref")
    start = time.perf_counter()
    build(raw, root / "ref", batch_size=BATCH)
    return Corpus(raw, root / "base", root / "ref", time.perf_counter() - start)


def output_lines(out: Path) -> dict[str, list[str]]:
    """Every emitted line by kind, sorted; fails on a partial line or a leftover temp file."""
    lines: dict[str, list[str]] = {}
    for kind in ("corpus", "duplicates", "rejects"):
        found = []
        for f in sorted((out / kind).glob("*")) if (out / kind).exists() else []:
            assert not f.name.startswith("."), f"temporary file left in {kind}: {f.name}"
            text = f.read_text(encoding="utf-8")
            assert text.endswith("\n"), f"partial last line in {f}"
            found += text.splitlines()
        lines[kind] = sorted(found)
    return lines


def state_rows(out: Path) -> dict[str, list[tuple]]:
    """The processed-file table and the dedup index, after an integrity check."""
    conn = sqlite3.connect(out / "state.sqlite")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {
            "files": conn.execute(
                "SELECT source, size, mtime_ns, sha256, outcome FROM files ORDER BY source").fetchall(),
            "index": conn.execute("SELECT key, id FROM dedup_exact ORDER BY key").fetchall(),
        }
    finally:
        conn.close()


def assert_same_as_reference(out: Path, corpus: Corpus) -> None:
    """Rerun to completion, then the output and state must equal the uninterrupted run's."""
    build(corpus.raw, out, batch_size=BATCH)
    assert not any((out / ".work").glob("*"))
    assert output_lines(out) == output_lines(corpus.ref_out)
    assert state_rows(out) == state_rows(corpus.ref_out)
