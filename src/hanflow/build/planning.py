"""Plan a run: which inputs are new or changed, cut into batches."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from hanflow.build.store import FileState, Run, Store
from hanflow.sources import InputFile, discover
from hanflow.steps import Options


@dataclass
class Plan:
    run: Run
    batches: list[list[InputFile]]
    known_sha: dict[str, str]
    discovered: int
    unchanged: int
    options: Options

    def known_for(self, items: list[InputFile]) -> dict[str, str]:
        """The content hashes earlier runs saw for these inputs."""
        return {i.source: self.known_sha[i.source] for i in items if i.source in self.known_sha}


@dataclass(frozen=True)
class Survey:
    """What a run would take on, found without starting one."""

    discovered: int
    unchanged: int
    todo: list[InputFile]

    @property
    def nothing_to_do(self) -> bool:
        return not self.todo


def survey(known: Mapping[str, FileState], raw: Path, max_bytes: int) -> Survey:
    """The inputs under `raw` that are new or changed against `known` (what earlier runs
    processed), in stable order; unchanged ones are only counted. Reads no file's content."""
    todo, unchanged, discovered = [], 0, 0
    for item in discover(raw, max_bytes):
        discovered += 1
        if _unchanged(known.get(item.source), item):
            unchanged += 1
            continue
        todo.append(item)
    return Survey(discovered, unchanged, todo)


def _unchanged(prev: FileState | None, item: InputFile) -> bool:
    """Same size and time stamp, and the same verdict before reading: a file read last time
    (it has a hash) and readable now, or one turned away unread last time and again now."""
    if prev is None or (prev.size, prev.mtime_ns) != (item.size, item.mtime_ns):
        return False
    return bool(prev.sha256) == (item.reject is None)


MIN_BATCH, MAX_BATCH, BATCHES_PER_WORKER, TAIL_SHARE = 20, 1000, 3, 8


def batch_sizes(n_files: int, workers: int) -> list[int]:
    """How many documents each batch of a run takes, in the order they are handed out.

    Each task run costs the orchestrator far more than a document does, so a run is tens of
    batches whatever its size, and batches stay small enough to hold in memory. One worker
    gets about three equal batches. Several workers get shrinking batches (guided
    scheduling: each takes a share of what is left), so that the last ones are short and no
    worker idles long while another finishes a big batch; the smallest is about
    1/(TAIL_SHARE × workers) of the run, and at most a quarter of the largest.
    """
    workers = max(workers, 1)
    if workers == 1:
        return fixed_sizes(n_files, equal_batch_size(n_files, BATCHES_PER_WORKER))
    floor = max(MIN_BATCH, min(MAX_BATCH // 4, -(-n_files // (TAIL_SHARE * workers))))
    sizes, left = [], n_files
    while left > 0:
        size = min(left, max(floor, min(MAX_BATCH, -(-left // (2 * workers)))))
        sizes.append(size)
        left -= size
    return sizes


def equal_batch_size(n_files: int, batches: int) -> int:
    """The size that cuts `n_files` into about `batches` equal batches, within the bounds."""
    return max(MIN_BATCH, min(MAX_BATCH, -(-n_files // max(batches, 1))))


def fixed_sizes(n_files: int, size: int) -> list[int]:
    """Batches of `size` documents, the last one holding what is left."""
    return [min(size, n_files - i) for i in range(0, n_files, size)]


def _cut(todo: list[InputFile], sizes: list[int]) -> list[list[InputFile]]:
    starts = accumulate(sizes, initial=0)
    return [todo[a:a + n] for a, n in zip(starts, sizes, strict=False)]


def plan(store: Store, raw: Path, options: Options, batch_size: int | None = None,
         workers: int = 1) -> Plan:
    """New or changed inputs in stable order, cut into batches; unchanged ones are skipped.

    `batch_size=None` sizes batches for `workers` with `batch_sizes`.
    """
    known = store.known_files()
    found = survey(known, raw, options.max_bytes)
    todo = found.todo
    sizes = fixed_sizes(len(todo), batch_size) if batch_size else batch_sizes(len(todo), workers)
    batches = _cut(todo, sizes)
    known_sha = {s: f.sha256 for s, f in known.items() if f.sha256}
    return Plan(store.begin_run(), batches, known_sha, found.discovered, found.unchanged, options)
