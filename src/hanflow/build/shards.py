"""JSONL shard files written whole or not at all: temp file, fsync, rename."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

SHARD_LINES = 10_000  # lines per shard file


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[BinaryIO]:
    """A temporary file beside `path`, fsynced and renamed over `path` when the block ends."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb", buffering=1 << 20) as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so a reader sees the old file or the new one, never half of one."""
    with _replacing(path) as fh:
        fh.write(data)


def write_json(path: Path, obj: Any) -> None:
    write_atomic(path, (json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode())


def write_lines(path: Path, lines: Iterable[str]) -> None:
    """One line per string, as `write_atomic` writes, taken from `lines` as they come (a run's
    change feed is never held whole)."""
    with _replacing(path) as fh:
        for line in lines:
            fh.write(f"{line}\n".encode())


class ShardWriter:
    """Lines into `<dir>/<prefix>-NNNN.jsonl`, a new shard every `max_lines` lines.

    Lines stream into a temporary file that is fsynced and renamed into place when the shard
    is full or flushed, so memory does not grow with the shard. `add` returns where the line
    will be (`kind/name`, line number); `written` lists every shard flushed as (`kind/name`,
    lines, bytes).
    """

    def __init__(self, directory: Path, prefix: str, max_lines: int | None = None) -> None:
        self.directory, self.prefix, self.max_lines = directory, prefix, max_lines or SHARD_LINES
        self.kind = directory.name
        self.names: list[str] = []
        self.written: list[tuple[str, int, int]] = []
        self.count = 0
        self._fh: BinaryIO | None = None
        self._lines = self._bytes = 0

    def _name(self) -> str:
        return f"{self.prefix}-{len(self.names):04d}.jsonl"

    def add(self, line: str) -> tuple[str, int]:
        if self._fh is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.directory / f".{self._name()}.tmp", "wb")  # noqa: SIM115 - closed in flush
            self._where = f"{self.kind}/{self._name()}"  # one string for every line of the shard
        where = (self._where, self._lines)
        data = (line + "\n").encode("utf-8")
        self._fh.write(data)
        self._lines += 1
        self._bytes += len(data)
        self.count += 1
        if self._lines >= self.max_lines:
            self.flush()
        return where

    def flush(self) -> None:
        if self._fh is None:
            return
        name, fh = self._name(), self._fh
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        self._fh = None
        os.replace(self.directory / f".{name}.tmp", self.directory / name)
        self.names.append(name)
        self.written.append((f"{self.kind}/{name}", self._lines, self._bytes))
        self._lines = self._bytes = 0
