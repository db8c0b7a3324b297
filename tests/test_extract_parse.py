"""Parse-level hostile input: DOCTYPEs with internal subsets anywhere, huge attribute lists,
huge sibling lists; the markup pre-scan leaves ordinary markup alone."""

from __future__ import annotations

import subprocess
import sys
import time

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.extract import extract_html
from hanflow.extract.prescan import MAX_ATTRIBUTES, prescan

PARA = "<p>河道整治工程已经完成第一期，沿岸步道将在下个月向市民开放。</p>"
SUBSET = '<!DOCTYPE note [<!ENTITY % p "<!ENTITY leak \'LEAKED\'>"> %p; <!ENTITY word "SECRET">]>'


def _within(seconds: float, func, *args):
    start = time.perf_counter()
    result = func(*args)
    assert time.perf_counter() - start < seconds
    return result


@pytest.mark.parametrize("offset", [0, 5_000, 50_000])
def test_doctype_with_internal_subset_is_removed_wherever_it_starts(offset: int) -> None:
    filler = PARA * (offset // len(PARA))
    page = f"<html><body>{filler}{SUBSET}{PARA}<p>&word;结束。</p></body></html>"
    text = extract_html(page).text
    for leak in ("%p;", "]>", "ENTITY", "LEAKED", "SECRET"):
        assert leak not in text
    assert text.endswith("&word;结束。")  # the reference stays as written, never resolved


def test_several_doctypes_and_an_unclosed_subset() -> None:
    page = f"{SUBSET}<html><body>{PARA}{SUBSET}{PARA}<!DOCTYPE x [<!ENTITY a 'b'>{PARA}</body></html>"
    text = extract_html(page).text
    assert "ENTITY" not in text and "]>" not in text
    assert text.count("河道整治") >= 2


def test_doctype_text_inside_a_comment_or_script_is_not_markup() -> None:
    page = f"<html><body><script>var s = '{SUBSET}';</script><!-- {SUBSET} -->{PARA}</body></html>"
    assert prescan(page) is page


def _attributes(n: int) -> str:
    return " ".join(f'data-a{i}="{i}"' for i in range(n))


def test_one_tag_with_a_million_attributes_extracts_quickly() -> None:
    page = f"<html><body><div {_attributes(1_000_000)}>{PARA}</div></body></html>"
    result = _within(10, extract_html, page)
    assert "河道整治工程" in result.text


def test_attributes_hidden_behind_quotes_and_comments_are_still_counted() -> None:
    quoted = " ".join(f'a{i}=">"' for i in range(5_000))
    page = f"<!-- <a title=' --><div {quoted}>x</div>' <script>var q = \"<b c='\";</script><p {quoted}>y</p>"
    cut = prescan(page)
    root = lxml.html.fromstring(cut)
    assert all(len(el.attrib) <= MAX_ATTRIBUTES for el in root.iter())
    assert len(cut) < len(page) / 5


def test_a_tag_below_the_limit_is_left_alone() -> None:
    page = f"<div {_attributes(MAX_ATTRIBUTES)}>x</div>"
    assert prescan(page) is page


@pytest.mark.slow
def test_hundred_thousand_paragraph_siblings_extract_in_bounded_time_and_memory() -> None:
    code = (  # the peak RSS is reset first: a child starts with its parent's high-water mark
        "import re\n"
        "open('/proc/self/clear_refs', 'w').write('5')\n"
        "from hanflow.extract import extract_html\n"
        "page = '<html><body>' + ''.join(f'<p>第{i}段：河道整治工程完成，步道开放。</p>' "
        "for i in range(100_000)) + '</body></html>'\n"
        "text = extract_html(page).text\n"
        "peak = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)) // 1024\n"
        "print(text.count('\\n') + 1, peak)\n"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lines, rss_mb = map(int, out.stdout.split())
    assert time.perf_counter() - start < 30
    assert lines == 100_000
    assert rss_mb < 600


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' !-?[]abdipstcrxyeEOTYPNmlgh\n")), max_size=200))
def test_prescan_changes_only_what_it_must(page: str) -> None:
    out = prescan(page)  # no tag here can reach the attribute limit: only DOCTYPEs may go
    assert out is page or ("<!" in page and "[" in page and len(out) < len(page))


@pytest.mark.parametrize("opener", ["<div class='post'>", "<font color='red'>", "<ul><li>", "<q>"])
def test_a_page_deeper_than_the_parsers_limit_keeps_all_its_text(opener: str) -> None:
    """libxml2 stops building the tree at 2,048 open elements and drops the rest of the page; a
    board whose every post leaves a tag open goes past that. The page is parsed again flat."""
    posts = [f"第{i}楼：楼上说得对，我家附近的公交线路也调整过，换乘比以前方便多了。" for i in range(3000)]
    page = "<html><body>" + "".join(f"{opener}<p>{post}</p>" for post in posts) + "</body></html>"
    assert extract_html(page).text.splitlines() == posts


def test_a_frameset_pages_noframes_text_is_text_not_markup() -> None:
    """libxml2 reads a <noframes> element's content as bare text: its tags reached the record."""
    page = ('<html><head><title>档案馆</title></head><frameset cols="20%,*"><frame src="menu.htm">'
            '<frame src="home.htm"><noframes><body><p>本馆收藏地方志和老照片，开放时间为每周二至周六。</p>'
            '<p>The archive holds local gazetteers and old photographs.</p></body></noframes></frameset></html>')
    assert extract_html(page).text.splitlines() == ["本馆收藏地方志和老照片，开放时间为每周二至周六。",
                                                   "The archive holds local gazetteers and old photographs."]


@pytest.mark.parametrize("ref", ["&#1;", "&#x1F;", "&#11", "&#xFFFF;", "&#65534;", "&#x0000b;"])
def test_a_reference_to_a_control_character_is_removed_like_the_character(ref: str) -> None:
    """libxml2 turns `&#1;` into U+0001, which lxml then refuses to move when a removed
    element's tail joins its neighbour's text: the page failed. Such references go, as the raw
    characters do; the references beside them and the text around them stay."""
    page = (f"<html><body><div class='x'><noscript class='y'></noscript>{ref}<p>水位下降了&#12;三米{ref}，"
            f"码头&#x20;暂停&#10;开放&#19968;天。</p></div></body></html>")
    assert extract_html(page).text == "水位下降了 三米，码头 暂停 开放一天。"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["&#", "&#x", "&", "#", "x", "X", "0", "1", "2", "3", "5", "6", "b", "e", "f", "F",
                                 ";", "9", "水", " "]), max_size=40))
def test_references_are_scrubbed_as_the_pattern_itself_substitutes_them(parts: list[str]) -> None:
    """The scrub looks for the pattern only where "&#" stands; it must give what the pattern's
    own substitution over the whole text gives, for any run of references, near-references
    and text."""
    from hanflow.extract.parse import _BAD_REFERENCE, _referenced, _without_bad_references

    data = "".join(parts).encode()
    assert _without_bad_references(data) == _BAD_REFERENCE.sub(_referenced, data)
