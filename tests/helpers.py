"""Reading what a run wrote, for assertions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_jsonl(out: Path, kind: str) -> list[dict[str, Any]]:
    rows = []
    for shard in sorted((out / kind).glob("*.jsonl")):
        rows += [json.loads(line) for line in shard.read_text("utf-8").splitlines()]
    return rows


def output_bytes(out: Path) -> dict[str, bytes]:
    """Every emitted shard's bytes by relative path (manifests hold timestamps and are left out)."""
    return {p.relative_to(out).as_posix(): p.read_bytes()
            for kind in ("corpus", "duplicates", "rejects") for p in sorted((out / kind).glob("*.jsonl"))}


def sources(out: Path) -> dict[str, list[str]]:
    return {kind: [r["source"] for r in read_jsonl(out, kind)] for kind in ("corpus", "duplicates", "rejects")}
