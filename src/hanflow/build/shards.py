"""JSONL shard files written whole or not at all: temp file, fsync, rename."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so a reader sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_json(path: Path, obj: Any) -> None:
    write_atomic(path, (json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode())


class ShardWriter:
    """Lines into `<dir>/<prefix>-NNNN.jsonl`, a new shard every `max_lines` lines."""

    def __init__(self, directory: Path, prefix: str, max_lines: int = 10_000) -> None:
        self.directory, self.prefix, self.max_lines = directory, prefix, max_lines
        self.names: list[str] = []
        self._lines: list[str] = []
        self.count = 0

    def add(self, line: str) -> None:
        self._lines.append(line)
        self.count += 1
        if len(self._lines) >= self.max_lines:
            self.flush()

    def flush(self) -> None:
        if not self._lines:
            return
        name = f"{self.prefix}-{len(self.names):04d}.jsonl"
        write_atomic(self.directory / name, ("\n".join(self._lines) + "\n").encode("utf-8"))
        self.names.append(name)
        self._lines = []
