"""Boxes a skip link passes over (an inline newsletter promotion, an advertisement) are not
the text; a link that skips *to* the content drops nothing."""

from __future__ import annotations

from hanflow.extract import extract_html

STORY = [
    "The ferry across the estuary will run every half hour from next month, the harbour board said on Monday.",
    "Extra crossings were added after a survey found that most passengers waited longer than the journey took.",
    "Fares stay the same, and the first boat of the day leaves at six, an hour earlier than it does now.",
    "The board said it would review the timetable again in the autumn, once it had counted the summer traffic.",
]
PROMO = ["Sign up to Harbour Weekly", "Free weekly newsletter",
         "The week's news from the coast, the good, the bad and the surprising, in your inbox every Friday."]


def _page(inline: str, top: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in STORY[:2]) + inline + "".join(f"<p>{p}</p>" for p in STORY[2:])
    return f"""<html><head><title>Ferry to run every half hour | Coast News</title></head><body>{top}
<main id="maincontent"><article><h1>Ferry to run every half hour</h1>
<div class="article-body">{body}</div></article></main>
<footer>Coast News</footer></body></html>"""


NEWSLETTER = ('<figure class="x1"><a href="#EmailSignup-skip-link-3">skip past newsletter promotion</a>'
              f'<div class="card"><p>{PROMO[0]}</p><span>{PROMO[1]}</span><p>{PROMO[2]}</p>'
              '<iframe title="Sign up" src="/email/form/3"></iframe></div>'
              '<div id="EmailSignup-skip-link-3" role="note">after newsletter promotion</div></figure>')
# The same promotion with the skip link and its anchor set among the text's paragraphs, the
# promotion's figure between them.
BESIDE = ('<a href="#EmailSignup-skip-link-4">skip past newsletter promotion</a>'
          f'<figure class="x1"><div class="card"><p>{PROMO[0]}</p><span>{PROMO[1]}</span><p>{PROMO[2]}</p>'
          '<iframe title="Sign up" src="/email/form/4"></iframe></div></figure>'
          '<div id="EmailSignup-skip-link-4" role="note">after newsletter promotion</div>')
ADVERT = ('<div class="ad-wrapper"><a href="#after-ad-mid1">Skip Advertisement</a><div class="ad">'
          f'<p>{PROMO[2]}</p></div></div><div id="after-ad-mid1"></div>')


def test_a_box_a_skip_link_passes_over_is_not_the_text() -> None:
    for inline in (NEWSLETTER, BESIDE, ADVERT):
        result = extract_html(_page(inline))
        assert result.text.splitlines() == STORY


def test_a_link_that_skips_to_the_content_drops_nothing() -> None:
    top = '<div class="skip"><a href="#maincontent">Skip to main content</a></div><nav><a href="/">Home</a></nav>'
    result = extract_html(_page(f"<p>{PROMO[2]}</p>", top=top))
    assert result.text.splitlines() == [*STORY[:2], PROMO[2], *STORY[2:]]


def test_a_skip_link_whose_anchor_comes_before_it_or_is_missing_drops_nothing() -> None:
    before = ('<div class="box"><span id="back-3"></span><p>' + PROMO[2] + '</p>'
              '<a href="#back-3">skip back to the start of the box</a></div>')
    missing = '<div class="box"><a href="#nowhere">skip past this box</a><p>' + PROMO[2] + '</p></div>'
    for inline in (before, missing):
        assert PROMO[2] in extract_html(_page(inline)).text
