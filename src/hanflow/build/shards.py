"""JSONL shard files written whole or not at all: temp file, fsync, rename."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

SHARD_LINES = 10_000  # lines per shard file


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


def write_lines(path: Path, lines: list[str]) -> None:
    write_atomic(path, "".join(f"{line}\n" for line in lines).encode("utf-8"))


class ShardWriter:
    """Lines into `<dir>/<prefix>-NNNN.jsonl`, a new shard every `max_lines` lines.

    `add` returns where the line will be (`kind/name`, line number); `written` lists every
    shard flushed as (`kind/name`, lines, bytes).
    """

    def __init__(self, directory: Path, prefix: str, max_lines: int | None = None) -> None:
        self.directory, self.prefix, self.max_lines = directory, prefix, max_lines or SHARD_LINES
        self.kind = directory.name
        self.names: list[str] = []
        self.written: list[tuple[str, int, int]] = []
        self._lines: list[str] = []
        self.count = 0

    def _name(self) -> str:
        return f"{self.prefix}-{len(self.names):04d}.jsonl"

    def add(self, line: str) -> tuple[str, int]:
        if not self._lines:
            self._where = f"{self.kind}/{self._name()}"  # one string for every line of the shard
        where = (self._where, len(self._lines))
        self._lines.append(line)
        self.count += 1
        if len(self._lines) >= self.max_lines:
            self.flush()
        return where

    def flush(self) -> None:
        if not self._lines:
            return
        name = self._name()
        data = ("\n".join(self._lines) + "\n").encode("utf-8")
        write_atomic(self.directory / name, data)
        self.names.append(name)
        self.written.append((f"{self.kind}/{name}", len(self._lines), len(data)))
        self._lines = []
