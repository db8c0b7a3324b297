"""Plan a run: compare the raw folder with the state, decide what to process, cut batches.

Every source is new, changed, touched (same content, new time stamp), unchanged, renamed
(the content of a deleted source under a new path) or deleted. Duplicates whose kept record
leaves the output are processed again, so that they are filed anew (one of them may become
the kept record). A file's content is hashed here only when that decides something: a known
file whose size or time stamp changed, or a new file as large as a deleted one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from hanflow.build.archives import TABLES as ARCHIVE_TABLES
from hanflow.build.archives import ArchiveChanges, expand
from hanflow.build.store import FileState, Run, SourceState, Store
from hanflow.document import KINDS
from hanflow.sources import UNLISTED, InputFile, discover, hash_within, is_member_source, suffixes
from hanflow.steps import Options


@dataclass
class Plan:
    run: Run
    batches: list[list[InputFile]]
    known: dict[str, SourceState]  # the state before this run, by source
    discovered: int
    unchanged: int
    options: Options
    touched: list[FileState] = field(default_factory=list)
    deleted: list[SourceState] = field(default_factory=list)
    renamed: list[tuple[SourceState, InputFile]] = field(default_factory=list)
    requeued: list[str] = field(default_factory=list)  # duplicates filed again
    archives: ArchiveChanges = field(default_factory=ArchiveChanges)
    dropped: int | None = None  # how many inputs `drop_inputs` forgot
    hidden: int = 0  # files and folders skipped: their names start with "."

    def first_seen(self, items: list[InputFile]) -> dict[str, str]:
        """The run that first saw each of these sources (this one for new sources)."""
        return {i.source: self.known[i.source].first_seen if i.source in self.known else self.run.run_id
                for i in items}

    @property
    def todo(self) -> int:
        return sum(map(len, self.batches)) if self.dropped is None else self.dropped

    def drop_inputs(self) -> None:
        """Forget the batches' inputs once they have run (about 0.3 KB a document that would be
        held until the run ends); `todo` still counts them, each batch is left empty."""
        if self.dropped is None:
            self.dropped = self.todo
            self.batches = [[] for _ in self.batches]


def _same_stat(prev: SourceState, item: InputFile) -> bool:
    """Same size and time stamp, and the same verdict before reading: a file read last time
    (it has a hash) and readable now, or one turned away unread last time and again now."""
    return (prev.size, prev.mtime_ns) == (item.size, item.mtime_ns) and bool(prev.sha256) == (item.reject is None)


def _content_hash(item: InputFile, max_bytes: int) -> str:
    """The file's SHA-256, or "" when it cannot be read within the limit (its batch will say why);
    for a member of an archive, the hash its archive's index holds."""
    if item.reject is not None:
        return ""
    if item.member is not None:
        return item.member.sha256
    return hash_within(item.path, max_bytes)


def _kind(source: str) -> str:
    """What a source holds, as far as renames go: a member of an archive only pairs with another."""
    return "member" if is_member_source(source) else KINDS.get(suffixes(Path(source).name)[0], "text")


@dataclass
class _Changes:
    todo: list[InputFile] = field(default_factory=list)
    touched: list[FileState] = field(default_factory=list)
    renamed: list[tuple[SourceState, InputFile]] = field(default_factory=list)
    deleted: list[SourceState] = field(default_factory=list)
    discovered: int = 0


def _compare(known: dict[str, SourceState], found: list[InputFile], max_bytes: int) -> _Changes:
    """Sort every found file into unchanged, touched, to do; what is not found was deleted,
    but for what lay in a folder that cannot be listed now (unseen is not gone: its lines stay)."""
    ch, new = _Changes(discovered=len(found)), []
    for item in found:
        prev = known.get(item.source)
        if prev is None:
            new.append(item)
        elif _same_stat(prev, item):
            continue
        elif prev.sha256 and _content_hash(item, max_bytes) == prev.sha256:
            ch.touched.append(FileState(item.source, item.size, item.mtime_ns, prev.sha256, prev.kind))
        else:
            ch.todo.append(item)
    present = {i.source for i in found}
    unseen = tuple(i.source + "/" for i in found if i.reject and i.reject[1].startswith(UNLISTED))
    deleted = [s for src, s in sorted(known.items()) if src not in present and not src.startswith(unseen)]
    ch.renamed, new_unmatched = _renames(deleted, new, max_bytes)
    moved = {old.source for old, _ in ch.renamed}
    ch.deleted = [d for d in deleted if d.source not in moved]
    ch.todo += new_unmatched
    return ch


def _renames(deleted: list[SourceState], new: list[InputFile], max_bytes: int,
             ) -> tuple[list[tuple[SourceState, InputFile]], list[InputFile]]:
    """Pair new files with deleted sources of the same content and kind (in path order)."""
    waiting: dict[tuple[str, str], list[SourceState]] = {}
    for d in deleted:
        if d.sha256:
            waiting.setdefault((d.sha256, _kind(d.source)), []).append(d)
    sizes = {d.size for d in deleted if d.sha256}
    pairs, rest = [], []
    for item in new:
        match = waiting.get((_content_hash(item, max_bytes), _kind(item.source))) if item.size in sizes else None
        if match:
            pairs.append((match.pop(0), item))
        else:
            rest.append(item)
    return pairs, rest


def _requeue(known: dict[str, SourceState], ch: _Changes, found: dict[str, InputFile]) -> list[str]:
    """Duplicates whose kept record leaves the output (deleted or changed) or is gone already
    (its own batch failed in an earlier run): they are filed again in this run. A renamed
    one is treated as deleted under its old name and new under its new one."""
    leaving = {d.source for d in ch.deleted} | {i.source for i in ch.todo}
    live = {s.id for s in known.values() if s.kind == "corpus" and s.source not in leaving}
    orphaned = {s.source for s in known.values()
                if s.kind == "duplicates" and s.duplicate_of not in live and s.source not in leaving}
    for old, item in [p for p in ch.renamed if p[0].source in orphaned]:
        ch.renamed.remove((old, item))
        ch.deleted.append(old)
        ch.todo.append(item)
    return sorted(s for s in orphaned if s in found)


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


@dataclass
class Survey:
    """What a run would take on, found without beginning one: the launcher asks it before
    Prefect starts, and the plan is cut from it."""

    discovered: int
    todo: list[InputFile]  # new, changed, and duplicates filed again, in source order
    touched: list[FileState]
    deleted: list[SourceState]
    renamed: list[tuple[SourceState, InputFile]]
    requeued: list[str]
    archives: ArchiveChanges = field(default_factory=ArchiveChanges)
    hidden: int = 0  # files and folders skipped: their names start with "."

    @property
    def unchanged(self) -> int:
        return self.discovered - len(self.todo) - len(self.touched) - len(self.renamed)

    @property
    def nothing_to_do(self) -> bool:
        return not (self.todo or self.touched or self.deleted or self.renamed
                    or self.archives.touched or self.archives.gone)


def survey(conn: sqlite3.Connection | None, known: dict[str, SourceState], raw: Path, max_bytes: int,
           ) -> Survey:
    """Every source under `raw` against `known` (the state, whose archive index is read through
    `conn`; None: no state): what changed, what to process. Archives count as their records."""
    if conn is None:
        conn = sqlite3.connect(":memory:")
        for statement in ARCHIVE_TABLES:
            conn.execute(statement)
    hidden: list[str] = []
    found, archives = expand(conn, list(discover(raw, max_bytes, hidden)), max_bytes)
    ch = _compare(known, found, max_bytes)
    by_source = {i.source: i for i in found}
    requeued = _requeue(known, ch, by_source)
    again = set(requeued)
    todo = sorted(ch.todo + [by_source[s] for s in requeued], key=InputFile.sort_key)
    touched = [t for t in ch.touched if t.source not in again]
    return Survey(ch.discovered, todo, touched, ch.deleted, ch.renamed, requeued, archives, len(hidden))


def plan(store: Store, raw: Path, options: Options, batch_size: int | None = None,
         workers: int = 1) -> Plan:
    """What this run does, in stable order and cut into batches.

    `batch_size=None` sizes batches for `workers` with `batch_sizes`.
    """
    known = store.sources()
    s = survey(store.conn, known, raw, options.max_bytes)
    sizes = fixed_sizes(len(s.todo), batch_size) if batch_size else batch_sizes(len(s.todo), workers)
    return Plan(store.begin_run(), _cut(s.todo, sizes), known, s.discovered, s.unchanged, options,
                touched=s.touched, deleted=s.deleted, renamed=s.renamed, requeued=s.requeued,
                archives=s.archives, hidden=s.hidden)
