"""The per-document steps, datatrove style: one class per step, one `run` method.

Everything here is plain Python; `hanflow.build` runs it over batches, in this process or as Prefect tasks.
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
from hanflow.document import Document
from hanflow.extract.files import extract_decoded
from hanflow.normalize import clean_unicode, get_converter, normalize
from hanflow.readers.access import Archives
from hanflow.readers.compressed import read_compressed
from hanflow.readers.entries import RecordError
from hanflow.readers.jsonl import DEFAULT_FIELDS
from hanflow.segment import Segmenter, extract_keywords
from hanflow.segment.backends import DEFAULT_BACKEND
from hanflow.sources import InputFile, file_sha256, hash_within, read_limited, suffixes
from hanflow.timeout import Budget, DocumentTimeout


@dataclass(frozen=True)
class Options:
    """What a run can be told; every field has a default that works."""

    config: str = "t2s"
    user_dict: str | None = None
    max_bytes: int = 20_000_000
    keywords: int = 10
    segmenter: str = DEFAULT_BACKEND  # rjieba where installed, else jieba: the same tokens
    dedup_threshold: float = DEFAULT_THRESHOLD
    doc_timeout: float = 120.0  # seconds one document may take; past it, a `timeout` reject (0: no limit)
    jsonl_fields: tuple[str, ...] = DEFAULT_FIELDS  # the fields of a JSON Lines export that hold the page, in order


class Read:
    """Read the bytes, never more than the size limit even if the file grew since discovery; a
    compressed file is inflated within the limit, and a record or line of an archive is read
    from its place in the archive, with what the archive says of it (URL, fetch time, charset)."""

    def __init__(self, max_bytes: int = Options.max_bytes, jsonl_fields: tuple[str, ...] = DEFAULT_FIELDS) -> None:
        self.max_bytes = max_bytes
        self.archives = Archives(max_bytes, jsonl_fields)

    def run(self, doc: Document) -> Document:
        try:
            if doc.member is not None:
                return self._member(doc)
            compression = suffixes(doc.path.name)[1]
            doc.data = (read_compressed(doc.path, compression, self.max_bytes) if compression
                        else read_limited(doc.path, self.max_bytes))
        except RecordError as exc:  # a damaged or bomb-sized compressed file
            if doc.member is None:  # its hash tells the next run it was read and is unchanged
                doc.sha256 = hash_within(doc.path, self.max_bytes)
            return doc.fail(exc.reason, exc.detail)
        except OSError as exc:
            return doc.fail("unreadable", f"cannot read the file: {exc.strerror or exc}")
        if len(doc.data) > self.max_bytes:
            doc.data = b""
            return doc.fail("too_large", f"the file grew past the limit of {self.max_bytes} bytes (--max-bytes)")
        doc.sha256 = file_sha256(doc.data)
        return doc

    def _member(self, doc: Document) -> Document:
        page = self.archives.page(doc.path, doc.member)
        doc.data, doc.kind, doc.url, doc.fetched, doc.http_charset = (
            page.data, page.kind, page.url, page.fetched, page.http_charset)
        doc.sha256 = file_sha256(doc.data)
        return doc


class Decode:
    def run(self, doc: Document) -> Document:
        try:
            decoded = decode_bytes(doc.data, http_charset=doc.http_charset)
        except DecodeError as exc:
            return doc.fail(exc.reason, exc.detail)
        except LookupError as exc:  # a declared charset naming a codec that is not a text encoding
            return doc.fail("undecodable", f"the declared charset cannot decode text: {exc}")
        # a strict UTF-8 decoding holds no surrogate (UTF-8 cannot encode one): no need to look
        text = decoded.text if decoded.method == "utf-8" else _without_surrogates(decoded.text)
        doc.text, doc.encoding, doc.data = text, decoded.encoding, b""
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
        if not any(ch.isalpha() for ch in norm.text):
            return doc.fail("no_text", "no letter or character of any language is left (only digits, "
                                       "punctuation or symbols)")
        doc.annotations.update(script=norm.script.script, converted_share=round(norm.changed_share, 4))
        doc.text = norm.text
        doc.meta = {k: self._field(k, v) for k, v in doc.meta.items()}
        return doc

    def _field(self, key: str, value: str | None) -> str | None:
        """Title and author are converted like the text; URLs and dates are only cleaned."""
        if not isinstance(value, str):
            return value
        value = clean_unicode(value)
        if key in ("title", "author"):  # `normalize(value).text`, without the script and share it also measures
            value = get_converter(self.config).convert(value)
        return value or None


def quiet_jieba() -> None:
    """jieba logs its dictionary loading at INFO on stderr; users need not see it."""
    jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=4)
def segmenter(user_dict: str | None, backend: str = DEFAULT_BACKEND) -> Segmenter:
    """One dictionary load per worker process."""
    quiet_jieba()
    return Segmenter(Path(user_dict) if user_dict else None, backend=backend)


class Segment:
    def __init__(self, options: Options) -> None:
        self.options = options

    def run(self, doc: Document) -> Document:
        doc.tokens = segmenter(self.options.user_dict, self.options.segmenter).tokenize(doc.text)
        keywords = extract_keywords(doc.text, self.options.keywords, tokens=doc.tokens)
        doc.annotations["keywords"] = keywords or _most_frequent_word(doc.tokens)
        return doc


def _most_frequent_word(tokens: list[str]) -> list[str]:
    """For a text without any content word: its most frequent word, so that `keywords` is never
    empty (an empty list in every line of a shard makes readers guess a column of nulls)."""
    words = Counter(t for t in tokens if any(ch.isalpha() for ch in t))
    return [max(words, key=lambda w: (words[w], -tokens.index(w)))] if words else []


class Annotate:
    def run(self, doc: Document) -> Document:
        doc.annotations.update(annotate.language(doc.text))
        doc.annotations["id"] = annotate.record_id(doc.text)
        return doc


class Pipeline:
    """The steps in order; `timings` sums the seconds spent in each step."""

    def __init__(self, options: Options) -> None:
        self.steps = [Read(options.max_bytes, options.jsonl_fields), Decode(), Extract(), Normalize(options.config),
                      Segment(options), Annotate()]
        self.timings: Counter[str] = Counter()
        self.doc_timeout = options.doc_timeout

    def process(self, item: InputFile) -> Document:
        """Run every step on one input; any failure becomes a reject, never an exception."""
        doc = Document(source=item.source, path=item.path, size=item.size, kind=item.kind, member=item.member)
        if item.reject:
            return doc.fail(*item.reject)
        current = ["read"]
        try:
            with Budget(self.doc_timeout):
                return self._steps(doc, current)
        except DocumentTimeout:
            doc.reject = None
            return doc.fail("timeout", f"processing took longer than {self.doc_timeout:g} s (in step {current[0]}); "
                                       "the document is left out (--doc-timeout sets the limit)")

    def _steps(self, doc: Document, current: list[str]) -> Document:
        for step in self.steps:
            name = current[0] = type(step).__name__.lower()
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
        try:
            for item in items:
                yield self.process(item)
        finally:
            self.steps[0].archives.close()


def _describe(step: str, exc: Exception) -> str:
    last = traceback.extract_tb(exc.__traceback__)[-1]
    where = f"{Path(last.filename).name}:{last.lineno}"
    return f"step {step} failed with {type(exc).__name__}: {str(exc)[:200]} ({where})"
