"""Hard-wrapped prose in preformatted text (mailing-list archives, plain-text messages) is
unwrapped into paragraphs, on evidence only; code and other preformatted text stay as they
are, and unwrapping never loses or reorders a word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hanflow.extract import extract_html
from hanflow.extract.wrapped import is_wrapped_prose, unwrap

QUOTED = ("The ferry timetable changes on the first of May. Will the early boat still stop at "
          "the island pier, or only at the harbour?")
PARAGRAPHS = [
    "It will stop at both until the end of June. After that the early boat runs straight to the "
    "harbour, and the island gets a later sailing at half past seven instead.",
    "The new timetable is printed in the library and at the pier office, and the council will "
    "post it on the notice board by the bus shelter this week.",
]
SIGNATURE = ["Mara Quist", "Island Residents' Association"]


def _wrap(text: str, width: int = 70, prefix: str = "") -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(prefix + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, prefix + line]


MESSAGE = "\n".join(["On Tue, Mara wrote:", *_wrap(QUOTED, prefix="> "), "",
                     *_wrap(PARAGRAPHS[0]), "", *_wrap(PARAGRAPHS[1]), "", *SIGNATURE])


def test_a_message_in_pre_is_one_line_per_paragraph() -> None:
    page = f"""<html><head><title>[Island-list] Early ferry from May</title></head><body>
    <h1>[Island-list] Early ferry from May</h1><b>Mara Quist</b><pre>{MESSAGE}</pre>
    <p><a href="/prev">Previous message</a></p></body></html>"""
    lines = extract_html(page).text.splitlines()
    assert lines == ["On Tue, Mara wrote:", f"> {QUOTED}", *PARAGRAPHS, *SIGNATURE]


def test_a_message_shown_as_preformatted_div_text_is_unwrapped_too() -> None:
    page = f"""<html><head><title>Early ferry from May</title></head><body>
    <div class="email-body">\n{MESSAGE}\n</div></body></html>"""
    assert extract_html(page).text.splitlines() == ["On Tue, Mara wrote:", f"> {QUOTED}", *PARAGRAPHS, *SIGNATURE]


def test_code_and_short_lines_are_not_wrapped_prose() -> None:
    code = "def total(rows):\n    s = 0\n    for r in rows:\n        s += r['amount']\n    return s\n"
    assert not is_wrapped_prose(code)
    assert not is_wrapped_prose("Bread\nMilk\nEggs\nButter\nApples\n")
    assert not is_wrapped_prose("id  name    price\n1   kettle  24.00\n2   toaster 31.50\n3   mug     4.20\n")
    assert is_wrapped_prose(MESSAGE)


_WORD = st.text(alphabet="abcdefghij.,?", min_size=1, max_size=9)


@given(st.lists(st.lists(_WORD, min_size=1, max_size=40), min_size=1, max_size=5), st.integers(30, 90))
def test_unwrapping_keeps_every_word_in_order(paragraphs: list[list[str]], width: int) -> None:
    text = "\n\n".join("\n".join(_wrap(" ".join(words), width)) for words in paragraphs)
    assert unwrap(text).split() == text.split()


def _nested_pre(depth: int, copies: int = 20) -> str:
    one = "<pre>1\n2\n<div>" * depth + "x = 1" + "</div></pre>" * depth
    return f"<html><body><p>{PARAGRAPHS[0]}</p>{one * copies}</body></html>"


def test_nested_preformatted_blocks_are_each_read_once() -> None:
    """Preformatted blocks nested in each other (hostile markup) are judged and listed from the
    outermost only: cost grows with the page, not with the page times its depth."""
    from tests.helpers import extraction_seconds

    # linear: about 4; reading each nested block again: about 16
    assert extraction_seconds(_nested_pre(200)) < 10 * extraction_seconds(_nested_pre(50))


def test_two_lines_are_joined_only_when_the_first_breaks_off_mid_sentence() -> None:
    """Too short to judge a width by, a message is unwrapped only on the sign a wrap leaves:
    a long line ending in mid-sentence, the next going on in lower case."""
    wrapped = "Works for us too. The island shop already stocks the new ferry\ntimetable, so nobody will miss it."
    listed = "Ferry to the island, first sailing at seven.\nBus to the station, every twenty minutes."
    assert is_wrapped_prose(wrapped) and unwrap(wrapped) == " ".join(wrapped.split("\n"))
    assert not is_wrapped_prose(listed)
    assert not is_wrapped_prose("The island shop already stocks the new ferry timetable\nBus times")


SHELL = ["rsync -a --delete photos/ backup/photos/     # mirror the folder, removing stale files",
         "tar czf archive-2024.tgz backup/photos          # then pack the mirror for the shelf",
         "sha256sum archive-2024.tgz > archive-2024.sha256"]


def test_a_short_code_block_in_pre_is_never_unwrapped() -> None:
    """Three long lower-case lines without a full stop read like a sentence broken off; code
    symbols in them say they are commands."""
    assert not is_wrapped_prose("\n".join(SHELL))


def test_pre_code_stays_verbatim() -> None:
    """<pre><code> is the markup of code: its lines are never joined, whatever they hold."""
    lines = _wrap(PARAGRAPHS[0]) + _wrap(PARAGRAPHS[1])
    page = (f"<html><body><article><p>{QUOTED}</p><pre><code>" + "\n".join(lines)
            + f"</code></pre><p>{QUOTED}</p></article></body></html>")
    assert extract_html(page).text.splitlines() == [QUOTED, *lines, QUOTED]
