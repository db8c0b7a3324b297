"""Find the inputs under the raw folder, never leaving it."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from hanflow.document import KINDS
from hanflow.readers.spans import Span

COMPRESSIONS = (".gz", ".bz2", ".zst", ".xz")
# Archive and export files: each record or line inside is a source of its own ("crawl.warc.gz#<id>").
ARCHIVES = {".warc": "warc", ".warc.gz": "warc", ".jsonl": "jsonl", ".jsonl.gz": "jsonl",
            ".ndjson": "jsonl", ".ndjson.gz": "jsonl"}


def spell(name: str) -> str:
    """A path as it appears in `source`: names that are valid UTF-8 as they are, a backslash as
    two, and every byte that is not UTF-8 as `\\xNN` (Python reads such bytes of a POSIX name
    as lone surrogates, which neither JSON nor SQLite can store). A "#" after an archive's name
    (`export.jsonl#2` as a loose file's name) as `\\#`, so that the file's source is never that
    of a line of the archive. `unspell` reverses it."""
    if "\\" in name or _SURROGATE.search(name):
        name = _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", name.replace("\\", "\\\\"))
    return name.replace("#", "\\#") if "#" in name and is_member_source(name) else name


def unspell(source: str) -> str:
    """The path `spell` was given (with lone surrogates for the bytes that are not UTF-8)."""
    return _SPELLED.sub(_unspelled, source)


def _unspelled(m: re.Match[str]) -> str:
    return m.group()[1] if m.group() in ("\\\\", "\\#") else chr(0xDC00 + int(m.group()[2:], 16))


_SURROGATE = re.compile("[\udc80-\udcff]")
_SPELLED = re.compile(r"\\\\|\\#|\\x[89a-f][0-9a-f]")


def suffixes(name: str) -> tuple[str, str]:
    """(the suffix that says what a file holds, its compression suffix or ""), lower-case:
    `a.HTML.gz` -> (".html", ".gz"), `crawl.warc.gz` -> (".warc.gz", ""), `a.md` -> (".md", "")."""
    lower = name.lower()
    for archive in sorted(ARCHIVES, key=len, reverse=True):
        if lower.endswith(archive) and len(lower) > len(archive):
            return archive, ""
    stem, dot, ext = lower.rpartition(".")
    if dot and stem and f".{ext}" in COMPRESSIONS:
        inner = stem.rpartition(".")
        return (f".{inner[2]}" if inner[1] and inner[0] else "", f".{ext}")
    return (f".{ext}" if dot and stem else ""), ""


def is_member_source(source: str) -> bool:
    """Whether a source names a record or line of an archive (`crawl.warc.gz#...`)."""
    return any(suffixes(source[:i])[0] in ARCHIVES for i, ch in enumerate(source) if ch == "#")


@dataclass(frozen=True)
class Member:
    """Where one record or line of an archive lies, so that a batch reads it without the rest."""

    archive: str  # the archive's source
    container: str  # "warc" | "jsonl"
    gz: bool  # the archive is gzip-compressed
    span: Span
    sha256: str  # of the record or line as stored ("" for bytes that hold no readable record)


@dataclass(frozen=True, slots=True, init=False)
class InputFile:
    """One input of a run. Where it lies is held as a string and `path` makes the Path when
    asked: a run holds every input until it ends, and a Path with the parts it caches costs
    about 500 bytes more than its string."""

    source: str
    location: str  # the file's path, as a string
    size: int
    mtime_ns: int = 0
    reject: tuple[str, str] | None = None  # (reason, detail) decided before reading
    member: Member | None = None  # set for a record or line of an archive (`path` is the archive)

    def __init__(self, source: str, path: str | os.PathLike[str], size: int, mtime_ns: int = 0,
                 reject: tuple[str, str] | None = None, member: Member | None = None) -> None:
        for name, value in (("source", source), ("location", os.fspath(path)), ("size", size),
                            ("mtime_ns", mtime_ns), ("reject", reject), ("member", member)):
            object.__setattr__(self, name, value)

    @property
    def path(self) -> Path:
        return Path(self.location)

    @property
    def kind(self) -> str:
        """html, text or markdown as the name says (a record's own kind is found when it is read)."""
        return KINDS.get(suffixes(self.path.name)[0], "text") if self.member is None else "html"

    @property
    def container(self) -> str | None:
        """warc or jsonl for an archive file (not one of its members), else None."""
        return ARCHIVES.get(suffixes(self.path.name)[0]) if self.member is None else None

    def sort_key(self) -> tuple[str, int, int]:
        """Sources in name order, and an archive's members in file order (so that a batch reads
        one stretch of each archive)."""
        if self.member is None:
            return self.source, -1, -1
        return self.member.archive, self.member.span.start, self.member.span.skip


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):
        return False


def _classify(path: Path, root: Path, max_bytes: int) -> tuple[int, int, tuple[str, str] | None]:
    if path.is_symlink() and not _inside(path, root):
        return 0, 0, ("symlink_outside", f"{spell(path.name)} links outside the raw folder, loops or dangles")
    kind, _ = suffixes(path.name)
    if kind not in KINDS and kind not in ARCHIVES:
        return 0, 0, ("unsupported_type", f"extension {path.suffix or '(none)'!r} is not read")
    try:
        st = path.stat()
    except OSError as exc:
        return 0, 0, ("unreadable", f"cannot stat the file: {exc.strerror}")
    if st.st_size > max_bytes and kind not in ARCHIVES:
        return st.st_size, st.st_mtime_ns, (
            "too_large", f"{st.st_size} bytes is over the limit of {max_bytes} (--max-bytes)")
    return st.st_size, st.st_mtime_ns, None


UNLISTED = "cannot list the folder"  # how a folder's reject begins its detail (see `discover`)


def discover(raw_dir: Path, max_bytes: int, hidden: list[str] | None = None) -> Iterator[InputFile]:
    """Every regular file below `raw_dir` in a stable order; directory links are not followed.

    Names that start with "." (files and folders: .DS_Store, .git, an editor's swap file) are
    not inputs: they are skipped, and listed in `hidden` when it is given. A folder that cannot
    be listed is one input, rejected as unreadable, so that its files are not lost unsaid; when
    `raw_dir` itself cannot be, the OSError is raised (no run may take it for an empty folder).
    """
    root = raw_dir.resolve()
    unlisted: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted.append, followlinks=False):
        base = Path(dirpath)
        if hidden is not None:
            hidden += [(base / n).relative_to(root).as_posix() for n in dirnames + filenames if n.startswith(".")]
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        links = [d for d in dirnames if (base / d).is_symlink()]  # read as files: their targets are checked
        for name in sorted([f for f in filenames if not f.startswith(".")] + links):
            path = base / name
            size, mtime, reject = _classify(path, root, max_bytes)
            if reject is None and not path.is_file():
                reject = ("unsupported_type", "not a regular file")
            target = path.resolve() if reject is None and path.is_symlink() else path
            yield InputFile(spell(path.relative_to(root).as_posix()), target, size, mtime, reject)
    for exc in unlisted:
        folder = Path(exc.filename)
        if folder == root:
            raise exc
        yield InputFile(spell(folder.relative_to(root).as_posix()), folder, 0, 0,
                        ("unreadable", f"{UNLISTED}: {exc.strerror or exc}"))


def open_regular(path: Path) -> BinaryIO:
    """The regular file at `path`, open for reading (the caller closes it; `with` does).

    A link swapped in since discovery is not followed (links inside the raw folder were resolved
    when found), and a pipe or device is never read from: both raise OSError.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    fh = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        fh.close()
        raise OSError(errno.EINVAL, "not a regular file")
    return fh


def read_limited(path: Path, limit: int) -> bytes:
    """At most `limit + 1` bytes of the regular file at `path` (see `open_regular`)."""
    with open_regular(path) as fh:
        return fh.read(limit + 1)


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hash_within(path: Path, limit: int) -> str:
    """The SHA-256 of the file's bytes on disk, or "" when it cannot be read within `limit`."""
    try:
        data = read_limited(path, limit)
    except OSError:
        return ""
    return file_sha256(data) if len(data) <= limit else ""
