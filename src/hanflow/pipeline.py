"""The per-document steps, datatrove style: one class per step, one `run` method.

Everything here is plain Python; `flows/` wires it into Prefect tasks over batches.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba

from hanflow import annotate
from hanflow.decode import DecodeError, decode_bytes
from hanflow.dedup import DEFAULT_THRESHOLD
from hanflow.discover import InputFile, file_sha256, read_limited
from hanflow.document import KINDS, Document
from hanflow.extract_file import extract_decoded
from hanflow.normalize import clean_unicode, normalize
from hanflow.segment import Segmenter, extract_keywords


@dataclass(frozen=True)
class Options:
    """What a run can be told; every field has a default that works."""

    config: str = "t2s"
    user_dict: str | None = None
    max_bytes: int = 20_000_000
    keywords: int = 10
    segmenter: str = "jieba"  # or "rjieba" (the `fast` extra): same tokens, several times faster
    dedup_threshold: float = DEFAULT_THRESHOLD


class Read:
    """Read the bytes, never more than the size limit even if the file grew since discovery;
    a file whose content hash is the one already processed is left alone."""

    def __init__(self, known: dict[str, str] | None = None, max_bytes: int = Options.max_bytes) -> None:
        self.known = known or {}
        self.max_bytes = max_bytes

    def run(self, doc: Document) -> Document:
        try:
            doc.data = read_limited(doc.path, self.max_bytes)
        except OSError as exc:
            return doc.fail("unreadable", f"cannot read the file: {exc.strerror or exc}")
        if len(doc.data) > self.max_bytes:
            doc.data = b""
            return doc.fail("too_large", f"the file grew past the limit of {self.max_bytes} bytes (--max-bytes)")
        doc.sha256 = file_sha256(doc.data)
        doc.unchanged = self.known.get(doc.source) == doc.sha256
        return doc


class Decode:
    def run(self, doc: Document) -> Document:
        try:
            decoded = decode_bytes(doc.data)
        except DecodeError as exc:
            return doc.fail(exc.reason, exc.detail)
        except LookupError as exc:  # a declared charset naming a codec that is not a text encoding
            return doc.fail("undecodable", f"the declared charset cannot decode text: {exc}")
        doc.text, doc.encoding, doc.data = _without_surrogates(decoded.text), decoded.encoding, b""
        return doc


def _without_surrogates(text: str) -> str:
    """Python-only codecs (unicode_escape, ...) can yield lone surrogates, which no UTF-8 output holds."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text


class Extract:
    """Main text and metadata; front matter first for text and Markdown."""

    def run(self, doc: Document) -> Document:
        ex, bad_front_matter = extract_decoded(doc.text, doc.kind)
        if bad_front_matter:
            doc.removed["front_matter_invalid"] += 1
        doc.text = ex.text
        doc.meta = {key: getattr(ex, key) for key in ("title", "author", "published", "url")}
        doc.annotations.update(page_type=ex.page_type, profiles=ex.profiles)
        doc.removed.update(rule for rule, _ in ex.removed)
        return doc


class Normalize:
    def __init__(self, config: str) -> None:
        self.config = config

    def run(self, doc: Document) -> Document:
        norm = normalize(doc.text, self.config)
        if not norm.text.strip():
            return doc.fail("no_text", "nothing is left after boilerplate removal and clean-up")
        doc.annotations.update(script=norm.script.script, converted_share=round(norm.changed_share, 4))
        doc.text = norm.text
        doc.meta = {k: self._field(k, v) for k, v in doc.meta.items()}
        return doc

    def _field(self, key: str, value: str | None) -> str | None:
        """Title and author are converted like the text; URLs and dates are only cleaned."""
        if not isinstance(value, str):
            return value
        if key in ("title", "author"):
            return normalize(value, self.config).text or None
        return clean_unicode(value) or None


def quiet_jieba() -> None:
    """jieba logs its dictionary loading at INFO on stderr; users need not see it."""
    jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=4)
def segmenter(user_dict: str | None, backend: str = "jieba") -> Segmenter:
    """One dictionary load per worker process."""
    quiet_jieba()
    return Segmenter(Path(user_dict) if user_dict else None, backend=backend)


class Segment:
    def __init__(self, options: Options) -> None:
        self.options = options

    def run(self, doc: Document) -> Document:
        spans = segmenter(self.options.user_dict, self.options.segmenter).spans(doc.text)
        doc.tokens = [doc.text[a:b] for a, b, _ in spans]
        doc.annotations["keywords"] = extract_keywords(doc.text, self.options.keywords,
                                                       segmenter=_Segmented(spans))
        return doc


class _Segmented:
    """The segmenter's answer for one text, handed to `extract_keywords` so that the text the
    tokens came from is not segmented a second time."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self._spans = spans

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        return self._spans


class Annotate:
    def run(self, doc: Document) -> Document:
        doc.annotations.update(annotate.language(doc.text))
        doc.annotations["id"] = annotate.record_id(doc.text)
        return doc


class Pipeline:
    """The steps in order; `timings` sums the seconds spent in each step."""

    def __init__(self, options: Options, known: dict[str, str] | None = None) -> None:
        self.steps = [Read(known, options.max_bytes), Decode(), Extract(), Normalize(options.config),
                      Segment(options), Annotate()]
        self.timings: Counter[str] = Counter()

    def process(self, item: InputFile) -> Document:
        """Run every step on one input; any failure becomes a reject, never an exception."""
        doc = Document(source=item.source, path=item.path, size=item.size,
                       kind=KINDS.get(item.path.suffix.lower(), "text"))
        if item.reject:
            return doc.fail(*item.reject)
        for step in self.steps:
            name = type(step).__name__.lower()
            start = time.perf_counter()
            try:
                doc = step.run(doc)
            except Exception as exc:  # noqa: BLE001 - one bad page must not stop the run
                return doc.fail("internal_error", _describe(name, exc))
            finally:
                self.timings[name] += time.perf_counter() - start
            if doc.done:
                return doc
        return doc

    def run(self, items: Iterable[InputFile]) -> Iterator[Document]:
        for item in items:
            yield self.process(item)


def _describe(step: str, exc: Exception) -> str:
    last = traceback.extract_tb(exc.__traceback__)[-1]
    where = f"{Path(last.filename).name}:{last.lineno}"
    return f"step {step} failed with {type(exc).__name__}: {str(exc)[:200]} ({where})"
