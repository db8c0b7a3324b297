"""Damaged archives of every shape: indexing and reading never raise anything but a reject."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hanflow.readers.entries import RecordError
from hanflow.readers.jsonl import index_jsonl, page_of, read_line
from hanflow.readers.warc import index_warc, read_page
from tests.archives import Capture, other_record, record_bytes
from tests.state.model import article, page

_CAPS = [Capture(f"http://x.test/{i}", page(article(i), i), encoding=("", "gzip", "br")[i % 3], chunked=i == 1)
         for i in range(3)]
ARCHIVES = {gz: b"".join([other_record("warcinfo", gz)] + [r for c in _CAPS for r in record_bytes(c, gz)])
            for gz in (True, False)}
EXPORT = b"".join(b'{"url": "u%d", "html": "%s"}\n' % (i, page(article(i), i).replace(b'"', b"'")) for i in range(3))


def _damage(data: bytes, cut: int, flips: list[tuple[int, int]], junk: tuple[int, bytes]) -> bytes:
    damaged = bytearray(data[: max(1, len(data) - cut)])
    for pos, value in flips:
        damaged[pos % len(damaged)] = value
    at, garbage = junk
    return bytes(damaged[: at % len(damaged)] + garbage + damaged[at % len(damaged):])


_DAMAGE = dict(cut=st.integers(0, 3000), flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)),
                                                        max_size=4),
               junk=st.tuples(st.integers(0, 10**6), st.binary(max_size=40)))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gz=st.booleans(), **_DAMAGE)
def test_a_damaged_warc_gives_records_or_rejects(gz: bool, cut: int, flips: list[tuple[int, int]],
                                                 junk: tuple[int, bytes]) -> None:
    data = _damage(ARCHIVES[gz], cut, flips, junk)
    index = index_warc(io.BytesIO(data), gz, 1_000_000)
    keys = [e.key for e in index.entries]
    for entry in index.entries:
        assert entry.span.start <= len(data)
        if entry.reject is None:
            try:
                read_page(io.BytesIO(data), gz, entry.span, 1_000_000)
            except RecordError as exc:
                assert exc.reason in ("corrupt_record", "truncated_record", "too_large")
    assert len(keys) <= 8


@settings(max_examples=60, deadline=None)
@given(gz=st.booleans(), **_DAMAGE)
def test_a_damaged_export_gives_lines_or_rejects(gz: bool, cut: int, flips: list[tuple[int, int]],
                                                 junk: tuple[int, bytes]) -> None:
    import gzip

    data = _damage(gzip.compress(EXPORT) if gz else EXPORT, cut, flips, junk)
    for entry in index_jsonl(io.BytesIO(data), gz, 1_000_000).entries:
        if entry.reject is None:
            try:
                page_of(read_line(io.BytesIO(data), gz, entry.span), ("html", "text"), 1_000_000)
            except RecordError as exc:
                assert exc.reason in ("bad_json_line", "corrupt_record", "truncated_record", "too_large")
