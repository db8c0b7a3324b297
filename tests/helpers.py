"""Reading what a run wrote, for assertions; where the shared evaluation data lives."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load_tool(name: str) -> ModuleType:
    """Import a scorer from `shared/tools/<name>.py` (they are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, SHARED / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


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


def extraction_seconds(page: str, runs: int = 3) -> float:
    """The least CPU time of `runs` extractions of `page` (for cost-growth ratios, not limits)."""
    import time

    from hanflow.extract import extract_html

    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        extract_html(page)
        best = min(best, time.process_time() - start)
    return best
