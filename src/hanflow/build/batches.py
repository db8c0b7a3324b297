"""Process one batch of inputs through the per-document steps; stage its kept candidates."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hanflow.build.shards import write_atomic
from hanflow.build.store import FileState, FileStates
from hanflow.dedup import Candidate, fingerprint
from hanflow.dedup.candidates import Candidates
from hanflow.document import Document
from hanflow.output import Stamp, dumps, to_record, to_reject
from hanflow.sources import InputFile
from hanflow.steps import Options, Pipeline


@dataclass
class BatchResult:
    index: int
    staged: str  # path of the batch's kept-candidate records, one JSON line each
    signatures: str  # path of their MinHash signatures, a row each in the same order (`SignatureRows`)
    candidates: Candidates = field(default_factory=lambda: Candidates.of(()))  # kept, in staged order
    rejects: list[dict[str, Any]] = field(default_factory=list)
    files: FileStates = field(default_factory=FileStates)  # every input of the batch, in order
    removed: Counter[str] = field(default_factory=Counter)
    timings: Counter[str] = field(default_factory=Counter)
    scripts: Counter[str] = field(default_factory=Counter)
    langs: Counter[str] = field(default_factory=Counter)
    page_types: Counter[str] = field(default_factory=Counter)
    profiles: Counter[str] = field(default_factory=Counter)  # platform profiles that fired
    bytes_in: int = 0


def process_batch(index: int, items: list[InputFile], options: Options, staging: Path, run_id: str,
                  first_seen: dict[str, str], report: Callable[[int], None] | None = None) -> BatchResult:
    """Run the per-document steps over one batch; kept candidates are staged on disk.

    `first_seen` names the run that first saw each item. `report`, when given, hears how many
    documents of the batch are done after each one (for progress shown while the batch runs);
    an exception it raises stops the batch.
    """
    pipeline = Pipeline(options)
    name = staging / f"batch-{index:05d}"
    result = BatchResult(index, f"{name}.jsonl", f"{name}.sig")
    lines, signatures, candidates, files = [], [], [], []
    for done, (item, doc) in enumerate(zip(items, pipeline.run(items), strict=True), 1):
        if report is not None:
            report(done)
        result.bytes_in += item.size
        result.removed.update(doc.removed)
        stamp = Stamp(run_id, first_seen[item.source])
        state = FileState(doc.source, item.size, item.mtime_ns, _state_hash(item, doc), "reject")
        files.append(state)
        if doc.reject:
            result.rejects.append(to_reject(doc.source, doc.reject.reason, doc.reject.detail, doc.sha256, stamp))
            continue
        record = to_record(doc, stamp)
        lines.append(dumps(record))
        candidate, sig = _candidate(doc, record)
        candidates.append(candidate)
        signatures.append(sig)
        result.scripts[record["script"]] += 1
        result.langs[record["lang"]] += 1
        result.page_types[record["page_type"]] += 1
        result.profiles.update(doc.annotations.get("profiles") or ())
    result.timings = pipeline.timings
    result.candidates, result.files = Candidates.of(candidates), FileStates(files)
    write_atomic(Path(result.staged), "".join(f"{ln}\n" for ln in lines).encode("utf-8"))
    write_atomic(Path(result.signatures), b"".join(signatures))
    return result


def _state_hash(item: InputFile, doc: Document) -> str:
    """What the state compares next time: the file's hash, or for a member of an archive the
    hash of its record or line as stored (known at planning without reading the page)."""
    return doc.sha256 if item.member is None else item.member.sha256


def _candidate(doc: Document, record: dict[str, Any]) -> tuple[Candidate, bytes]:
    """The document's candidate, and its signature apart (it goes to the batch's signature file).

    Its publication time is interned: a run holds its candidates to the end, and many pages
    share a date."""
    fp = fingerprint(doc.text)
    published = sys.intern(record["published"]) if record["published"] else None
    return Candidate(doc.source, record["id"], record["n_chars"], published, fp.unsigned()), fp.signature
