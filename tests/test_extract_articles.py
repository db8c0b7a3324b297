"""Articles of today's publishing templates, on pages written for the tests: the class names
those templates give the article's own parts (lists, wrappers) are no evidence of chrome, and
a live blog's entries are its text."""

from __future__ import annotations

import lxml.html
import pytest

from hanflow.extract import extract_html
from tests import page_samples as S

ITEMS = ["Two new crossings near the primary school", "Wider pavements on the market street",
         "A bus lane on the bridge during rush hours"]


def _with_body(body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in S.ARTICLE_BODY)
    page = S.FEED_ARTICLE.replace(paragraphs, paragraphs.replace("</p><p>", f"</p>{body}<p>", 1))
    assert body in page
    return page


@pytest.mark.parametrize("cls", ["wp-block-list", "list-disc pl-6", "list-unstyled", "steps__list"])
def test_a_list_named_list_in_the_article_is_kept(cls: str) -> None:
    """Publishing templates name the article's lists for what they are (WordPress's block
    editor, Tailwind, Bootstrap, BEM): "list" on a list is no sign of a link list."""
    page = _with_body(f'<ul class="{cls}">{"".join(f"<li>{i}</li>" for i in ITEMS)}</ul>')
    lines = extract_html(page).text.splitlines()
    assert lines == [S.ARTICLE_BODY[0], *ITEMS, *S.ARTICLE_BODY[1:]]


def test_list_items_built_of_divs_named_list_are_kept() -> None:
    """Page builders set a bulleted list as divs named for the block ("bulleted_list-block"):
    a block without a link, named "list", is a list of the article's points."""
    items = "".join(f'<div class="block bulleted_list-block"><div class="bullet">•</div>'
                    f'<div class="leaf">{i}.</div></div>' for i in ITEMS)
    lines = [line for line in extract_html(_with_body(items)).text.splitlines() if line != "•"]
    assert lines == [S.ARTICLE_BODY[0], *(f"{i}." for i in ITEMS), *S.ARTICLE_BODY[1:]]


def test_a_list_of_links_named_list_is_still_dropped() -> None:
    links = "".join(f'<li><a href="/story/{i}">{t}</a></li>' for i, t in enumerate(ITEMS))
    page = _with_body(f'<div class="link-list"><ul>{links}</ul></div>')
    assert extract_html(page).text.splitlines() == S.ARTICLE_BODY


def test_a_container_is_no_evidence_of_the_article() -> None:
    """A layout wrapper named "container" (every CSS framework has one) does not pull the kicker
    and the reading-time line beside the article into it."""
    body = "".join(f"<p>{p}</p>" for p in S.ARTICLE_BODY)
    page = f"""<html><head><title>Council approves harbour cycle lanes</title></head><body>
    <div class="container mx-auto"><span class="kicker">Local</span>
    <div class="flex gap-2"><span>Ann Carter</span><span>·</span><span>4 min read</span></div>
    <div class="prose">{body}</div></div></body></html>"""
    assert extract_html(page).text.splitlines() == S.ARTICLE_BODY


def test_a_live_blog_is_an_article_of_its_entries() -> None:
    """Built like a thread (repeated timestamped entries with a share link), a page declaring
    itself a LiveBlogPosting is an article whose text is every entry, not comments to drop."""
    result = extract_html(S.LIVE_BLOG)
    assert result.page_type == "article"
    assert result.text.splitlines() == [S.LIVE_TITLE, *S.LIVE_ENTRIES]
    plain = S.LIVE_BLOG.replace('"LiveBlogPosting"', '"NewsArticle"')
    assert extract_html(plain).text.splitlines() != [S.LIVE_TITLE, *S.LIVE_ENTRIES]


def test_a_live_blogs_entries_led_by_linked_headlines_are_its_text() -> None:
    """Each entry leads with its own headline, a link to the entry: a story list's teaser in
    shape, but on a page that declares itself a live blog, its entries, each with its title.
    (Read as teasers, the entries were set aside and the page came out empty.)"""
    result = extract_html(S.TITLED_LIVE_BLOG)
    assert result.page_type == "article"
    expected = [line for head, text in zip(S.LIVE_HEADS, S.LIVE_ENTRIES, strict=True) for line in (head, text)]
    assert result.text.splitlines() == [S.LIVE_TITLE, *expected]


def test_a_page_whose_text_looks_like_teasers_never_comes_out_empty() -> None:
    """Updates led by linked headlines, on a page that declares no live blog, are teasers in
    shape; what is left beside them is a cookie notice, which a line rule removes. With no
    line left, the block chosen with the teasers counted is the text: the page had come out
    empty (a `no_text` reject)."""
    lines = extract_html(S.UNDECLARED_UPDATES).text.splitlines()
    wanted = [line for pair in zip(S.LIVE_ENTRIES, S.LIVE_MORE, strict=True) for line in pair]
    assert [line for line in lines if line in wanted] == wanted
    assert S.COOKIE_PARAGRAPH not in lines


@pytest.mark.parametrize("cls", ["post-author-box", "article_tags", "news-recommend", "entry-meta",
                                 "post-newsletter", "jp-relatedposts", "recommend-articles"])
def test_a_part_named_after_its_article_is_still_boilerplate(cls: str) -> None:
    """Templates prefix their parts with the block they belong to: "post-author" is the post's
    author box, not more of the post, so the article word does not cancel the boilerplate one.
    Nor does it after a word pointing to other pages: "relatedposts" lists other posts."""
    box = (f'<div class="{cls}"><p>Ann Carter covers transport and the city. Get her weekly '
           "notes in your inbox, every Friday</p></div>")
    assert extract_html(_with_body(box)).text.splitlines() == S.ARTICLE_BODY


@pytest.mark.parametrize("cls", ["review-body", "comment-content"])
def test_a_body_named_after_what_it_holds_is_not_boilerplate(cls: str) -> None:
    """A name whose boilerplate word comes first says what the block holds ("review-body" is a
    product review's text): it keeps its evidence both ways, as before."""
    body = "".join(f"<p>{p}</p>" for p in S.ARTICLE_BODY)
    page = S.FEED_ARTICLE.replace('<div class="story-body">', f'<div class="{cls}">')
    assert f'<div class="{cls}">{body}' in page
    assert extract_html(page).text.splitlines() == S.ARTICLE_BODY


ZH_BODY = ["清晨六点，老街的豆浆铺已经排起了队，老板娘一边收钱一边招呼熟客，锅里的油条翻着金黄的泡。",
           "这家铺子开了二十多年，价格只涨过两次。她说，街坊们吃惯了这个味道，换了配方就不是这家店了。",
           "今年春天，铺子旁边新开了一家连锁早餐店，可排队的人并没有少，不少年轻人专门坐地铁过来打卡。"]


def test_a_public_account_article_loses_its_credit_and_closing_lines() -> None:
    """Chinese public accounts and portals close an article with credits set without a colon
    (作者 | 某某, 编辑 某某 校对 某某), an END mark, the original title and a call to tap 在看;
    none of it is the article."""
    head = ["文 | 林小禾 图 | 网络", "（原标题：老街豆浆铺的二十年）"]
    tail = ["- END -", "作者 | 林小禾", "编辑 周周 校对 王二", "本文来源：城南旧事", "点个“在看”，让更多人看到"]
    body = "".join(f"<p>{line}</p>" for line in [*head, *ZH_BODY, *tail])
    page = f"""<html><head><title>老街豆浆铺的二十年</title></head><body>
    <div class="rich_media_content" id="js_content">{body}</div></body></html>"""
    assert extract_html(page).text.splitlines() == ZH_BODY


def test_code_in_the_article_is_never_judged_as_boilerplate() -> None:
    """Lines of a listing are code, not page furniture: a YAML key "tags:", a printed list of
    numbers or a comment heading inside <pre> neither goes nor cuts the rest of the text."""
    code = ["on:", "push:", "tags:", '- "v*"', "Comments", "print(version.parts)", "[2, 4, 0]", "Share"]
    pre = "<pre><code>" + "\n".join(code) + "</code></pre>"
    lines = extract_html(_with_body(pre)).text.splitlines()
    assert lines == [S.ARTICLE_BODY[0], *code, *S.ARTICLE_BODY[1:]]


def test_a_form_to_fill_in_is_pruned_even_around_a_paragraph() -> None:
    """Only a form of hidden inputs is a post's wrapper: a sign-up box with an e-mail field
    goes, its pitch paragraph with it."""
    box = ('<form action="/subscribe"><p>Get the morning briefing from the harbour desk in your inbox, free, '
           'every weekday.</p><input type="email" name="email"><input type="hidden" name="list" value="am">'
           "<button>Sign up</button></form>")
    assert extract_html(_with_body(box)).text.splitlines() == S.ARTICLE_BODY


def test_a_notice_keeps_its_attachment_and_issuing_office() -> None:
    """A government notice ends with its attachment (a link) and the office that issued it,
    whose name the title holds: both are the document's text, not a link list or the title."""
    title = "城南区教育局关于调整中小学暑假起止时间的通知"
    body = ["各街道、各中小学：", *ZH_BODY]
    tail = ['附件：<a href="/files/2024-7.pdf">2024年暑假安排表</a>', "城南区教育局"]
    html = "".join(f"<p>{line}</p>" for line in [*body, *tail])
    page = f"""<html><head><title>{title}_城南区人民政府</title></head><body>
    <h1>{title}</h1><div class="article-content">{html}</div></body></html>"""
    assert extract_html(page).text.splitlines() == [*body, "附件：2024年暑假安排表", "城南区教育局"]


def test_a_code_blocks_line_numbers_are_no_text() -> None:
    """Blogs number code lines in a list inside the <pre> (which the parser sets after it) or in
    a table cell beside it; the numbers go, the code and a list of numbers in the text stay."""
    code = ["total = 0", "for row in rows:", "total += row"]
    gutter = "".join(f"<li>{i}</li>" for i in range(1, 4))
    listed = f'<pre><code>{chr(10).join(code)}</code><ul class="pre-numbering">{gutter}</ul></pre>'
    table = (f'<table class="highlighttable"><tr><td class="linenos"><pre>1\n2\n3</pre></td>'
             f'<td class="code"><pre>{chr(10).join(code)}</pre></td></tr></table>')
    numbers = "<ol><li>1</li><li>2</li><li>3</li></ol>"
    for block in (listed, table):
        lines = extract_html(_with_body(block + numbers)).text.splitlines()
        assert lines == [S.ARTICLE_BODY[0], *code, "1", "2", "3", *S.ARTICLE_BODY[1:]]


SIGNUP = ('<div class="nl-box"><p class="nl-name">The Harbour Briefing</p><p>Local news in your '
          'inbox, every weekday at seven.</p><form><input type="email" placeholder="Email address">'
          "<button>Sign up</button></form><p>By signing up you accept our terms.</p></div>")


def test_a_sign_up_box_goes_with_its_name_pitch_and_terms() -> None:
    assert extract_html(_with_body(SIGNUP)).text.splitlines() == S.ARTICLE_BODY


@pytest.mark.parametrize("brief", [
    ["The library reopens on Monday. Its new hours run to eight in the evening.",
     "The reading room keeps its old layout. The cafe moves to the ground floor."],
    ["The library reopens on Monday with longer opening hours on weekdays.",
     "The reading room keeps its old layout, and the cafe moves downstairs.",
     "A new children's corner opens in the spring, next to the story room."],
])
def test_a_short_article_around_a_sign_up_form_keeps_its_paragraphs(brief: list[str]) -> None:
    """The box holds at most two sentences (a pitch and its terms): a brief of short paragraphs
    with the form between them keeps all of them."""
    form = '<form><input type="email"><button>Sign up</button></form>'
    page = f"""<html><head><title>Library reopens</title></head><body><div class="story">
    <p>{brief[0]}</p>{form}{"".join(f"<p>{p}</p>" for p in brief[1:])}</div></body></html>"""
    assert extract_html(page).text.splitlines() == brief


def test_a_quotes_source_line_is_a_line_of_its_own() -> None:
    """Boards open a quoted post with a <cite> ("Ann wrote:") inside the blockquote: it is the
    quotation's own line, while a <cite> naming a work in a sentence stays in the sentence."""
    from hanflow.extract.parse import parse_html
    from hanflow.extract.render import block_lines

    root = parse_html("<html><body><div><blockquote><cite>(03-02-2024) ann_grows wrote:</cite>Put them under a "
                      "lamp for fourteen hours a day.</blockquote><p>As <cite>The Garden Weekly</cite> put it, light "
                      "matters most.</p></div></body></html>")
    assert block_lines([root.find(".//div")]) == [
        "(03-02-2024) ann_grows wrote:", "Put them under a lamp for fourteen hours a day.",
        "As The Garden Weekly put it, light matters most."]


APPEAL = ('<div class="box"><h3>Keep the harbour desk going</h3><p>Our reporting on the council is paid for by'
          ' readers like you. A pound a week keeps it free for everyone.</p><a href="/{target}">Chip in</a></div>')


@pytest.mark.parametrize("target", ["support", "membership/join", "newsletters?ref=inline", "donate"])
def test_a_box_asking_for_money_or_a_sign_up_is_dropped(target: str) -> None:
    """A heading, a pitch of a sentence or two, and a button to the publisher's subscription,
    membership, newsletter or donation page: an appeal, not the article (no form in it)."""
    lines = extract_html(_with_body(APPEAL.format(target=target))).text.splitlines()
    assert lines == S.ARTICLE_BODY


def test_a_box_of_the_article_linking_elsewhere_is_kept() -> None:
    """The same shape with a link to an ordinary page is a fact box of the article."""
    box = APPEAL.format(target="council/budget-2024")
    lines = extract_html(_with_body(box)).text.splitlines()
    assert "Keep the harbour desk going" in lines and len(lines) > len(S.ARTICLE_BODY)


LONG_APPEAL = (
    '<div class="epic"><h2>The harbour desk is paid for by its readers</h2>'
    "<p>Every week our two reporters sit through council meetings, planning hearings and court sessions that nobody "
    "else covers, and write up what was decided and what it will cost the town.</p>"
    "<p>We keep every story free to read, because we think the people affected by those decisions should not have to "
    "pay to learn about them. That only works while enough readers chip in.</p>"
    "<p><strong>If you can, please consider supporting us with a few pounds a month. It takes a minute to set "
    "up.</strong></p>"
    '<div class="buttons"><a href="https://support.example.org/uk/contribute?ref=epic">Support the harbour desk</a>'
    "<span>We accept cards and bank transfers</span></div></div>")


def test_a_long_appeal_that_asks_in_so_many_words_with_a_button_is_dropped() -> None:
    """A reader-funded site's appeal of several paragraphs: a heading, a pitch that asks
    ("please consider supporting us") and a button to the contribution page, set apart from
    the paragraphs."""
    lines = extract_html(_with_body(LONG_APPEAL)).text.splitlines()
    assert lines == S.ARTICLE_BODY


def test_a_section_about_a_fundraiser_that_links_its_donation_page_in_a_sentence_is_kept() -> None:
    """The same shape, but the link to the donation page is a word of a paragraph: a section of
    the article, which may well say "support us" in a quotation."""
    section = LONG_APPEAL.replace('<div class="buttons">', "<p>The appeal's own page is at ").replace(
        "<span>We accept cards and bank transfers</span></div></div>", ".</p></div>")
    lines = extract_html(_with_body(section)).text.splitlines()
    assert "The harbour desk is paid for by its readers" in lines and len(lines) > len(S.ARTICLE_BODY)


_VARIANT = ('<div class="hidden pitch-b"><h2>Local news needs local readers</h2>'
            + "".join(f"<p>Version {n} of the pitch: the desk counts on readers to fund what it does, and every "
                      "month we ask again, because the council's budget talks, the school board's votes and the "
                      "harbour's dredging plans take days of work to report properly.</p>" for n in range(4))
            + '<p><a href="/support">Back the desk</a></p></div>')


def test_an_appeals_wordings_hidden_by_class_do_not_count_towards_its_size() -> None:
    """A box that tries an appeal out in several wordings, all but one hidden by a CSS class:
    the reader sees one appeal of a few paragraphs, and that is what is judged. Counted with
    the hidden wordings, the box was too long to be an appeal and stayed in the text."""
    box = LONG_APPEAL.replace("</h2>", "</h2>" + _VARIANT * 2, 1)
    assert len("".join(lxml.html.fromstring(box).text_content().split())) > 1500
    lines = extract_html(_with_body(box)).text.splitlines()
    assert lines == S.ARTICLE_BODY


def test_a_box_that_asks_only_in_a_hidden_wording_is_judged_by_what_shows() -> None:
    """The asking words and the button only in a hidden wording: what the reader sees is a
    section about the desk, which stays."""
    shown = LONG_APPEAL.replace("please consider supporting us with a few pounds a month", "write to us").replace(
        'href="https://support.example.org/uk/contribute?ref=epic"', 'href="/about/harbour-desk"')
    box = shown.replace("</h2>", "</h2>" + _VARIANT.replace("Version", "Please consider supporting us: version"), 1)
    lines = extract_html(_with_body(box)).text.splitlines()
    assert "The harbour desk is paid for by its readers" in lines and len(lines) > len(S.ARTICLE_BODY)
    assert not any("Version" in line or "version" in line for line in lines)


RELEASE = [
    "Harbour Ferries today announced a new electric boat for the island route, entering service in June.",
    "The boat carries 180 passengers and charges at the pier in the twelve minutes between sailings.",
    "Crossings will take the same time as today, and fares stay as they are for the rest of the year.",
    "The company expects the boat to cut the route's fuel costs by two thirds over its first five years.",
]
TAIL = ["Forward-Looking Statements",
        "This release contains statements about future events that involve risks and uncertainties.",
        "Media Contact:", "Ines Calder, press@harbour-ferries.example, +1 555 0100"]


def test_a_press_release_loses_its_closing_matter() -> None:
    """From a heading of the legal notice or the contacts on, in the second half of the text,
    a press release says nothing of its news."""
    body = "".join(f"<p>{p}</p>" for p in [*RELEASE, *TAIL])
    page = f"<html><head><title>New electric ferry</title></head><body><article>{body}</article></body></html>"
    assert extract_html(page).text.splitlines() == RELEASE


def test_an_article_mentioning_contacts_keeps_its_text() -> None:
    """A heading of that kind in the first half, or a sentence naming it, is the article's."""
    lines = [TAIL[2], *RELEASE, "Analysts said the forward-looking statements in the release were cautious."]
    page = ("<html><head><title>New electric ferry</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in lines) + "</article></body></html>")
    assert extract_html(page).text.splitlines() == lines


_MARKET = ["The council voted on Tuesday to turn the old tram depot into a covered market, after years of argument.",
           "Not everyone is pleased. Residents behind the depot worry about delivery vans early in the morning.",
           "The council said deliveries would be limited to the hours after seven, with a bay on the ring road."]


def _market(quote: str) -> str:
    return f"""<html><head><title>Depot to become a market</title></head><body><article>
<h1>Depot to become a market</h1><div class="story-body"><p>{_MARKET[0]}</p><p>{_MARKET[1]}</p>
<blockquote class="pull">{quote}</blockquote><p>{_MARKET[2]}</p></div></article></body></html>"""


def test_a_pull_quote_that_the_text_says_again_is_dropped() -> None:
    result = extract_html(_market("<p>Residents behind the depot worry about delivery vans</p>"))
    assert result.text.splitlines() == _MARKET
    assert ("pull_quote", "Residents behind the depot worry about delivery vans") in result.removed


def test_a_quotation_said_once_is_kept() -> None:
    """A quotation the article does not repeat is its text, whatever its class."""
    said = "We will keep the brick halls and the iron roof, and the stalls will open at seven."
    assert extract_html(_market(f"<p>{said}</p>")).text.splitlines() == [*_MARKET[:2], said, _MARKET[2]]


def test_the_pull_quote_rule_is_described() -> None:
    from hanflow.extract import RULE_DESCRIPTIONS

    assert "pull quote" in RULE_DESCRIPTIONS["pull_quote"]


_BLOG = ["Last week I moved my seedlings from the windowsill to a shelf under a small lamp, and the change was quick.",
         "Within five days the stems were thicker and the leaves darker. I keep the lamp on for fourteen hours a day.",
         "Next I want to try a fan, which several growers say makes the stems tougher still."]


def _blog_page(comments: int = 30) -> str:
    """A post, then a box named "comments" of `comments` headings and paragraphs (one each)."""
    items = "".join(
        f'<h4><a href="#c{i}">#</a> re: Seedlings under a lamp <span>2024-05-0{i % 9 + 1} 1{i % 10}:00</span> '
        f'<a href="/u/{i}">reader{i}</a></h4><p>Thanks for this, reader {i} here: my tomatoes were just as thin '
        "until I tried a lamp, and now they stand up on their own.</p>" for i in range(comments))
    post = "".join(f"<p>{p}</p>" for p in _BLOG)
    return f"""<html><head><title>Seedlings under a lamp - Windowsill Notes</title></head><body>
<div class="nav"><a href="/">Windowsill Notes</a> <a href="/archive">Archive</a></div>
<div class="post"><h2><a href="/2024/05/lamp">Seedlings under a lamp</a></h2>{post}
<p class="postfoot">posted 2024-05-01 09:00</p></div>
<div id="comments"><h3>What readers said</h3>{items}</div></body></html>"""


def test_a_comment_section_that_outweighs_the_post_is_not_the_article() -> None:
    """An old blog engine sets each comment as a heading and a paragraph straight in a box named
    "comments", under a heading no rule knows; thirty of them hold more text than the post.
    Paragraphs in a box whose name says boilerplate credit it no score, so the post stays the
    article (before, the comments were taken with it)."""
    assert extract_html(_blog_page()).text.splitlines() == _BLOG


_AUTHOR_LD = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council approves harbour '
              'cycle lanes", "author": [{"@type": "Person", "name": "Ann Carter"}]}</script>')


def _byline_box_page(box: str, author_ld: str = _AUTHOR_LD) -> str:
    page = S.FEED_ARTICLE.replace('<div class="byline">By Ann Carter · 14 May 2024</div>', "")
    page = page.replace("</head>", f"{author_ld}</head>").replace('<div class="story-body">',
                                                                  f'<div class="story-body">{box}')
    assert box in page
    return page


BYLINE_BOX = ('<div data-testid="byline"><div><time datetime="2024-05-14T07:00:00Z">14 May 2024</time></div>'
              '<div><button aria-label="Share"><svg></svg><span>Share</span></button></div>'
              '<div data-testid="contributors"><span>Ann Carter</span><div><span>Harbour Times, Westport</span>'
              '</div></div></div>')


def test_a_byline_box_in_the_story_goes_when_the_page_names_its_author() -> None:
    """A byline set inside the story's container as a box of short lines (its time, the
    reporter's name, the desk, a share button), none saying "by": the name the page's metadata
    gives as author is the evidence that the box is the byline, not the story's first lines."""
    result = extract_html(_byline_box_page(BYLINE_BOX))
    assert result.text.splitlines() == S.ARTICLE_BODY
    assert result.author == "Ann Carter"
    assert ("byline", "14 May 2024 Ann Carter Harbour Times, Westport") in result.removed


@pytest.mark.parametrize("box", [
    # no name the metadata gives: nothing says the box is a byline
    BYLINE_BOX.replace("Ann Carter", "Harbour desk"),
    # the name, but in a box that says something: an opening paragraph with its time
    '<div class="lead"><time datetime="2024-05-14">Tuesday</time><p>Ann Carter, who chairs the transport '
    'committee, called the vote a turning point for the harbour.</p></div>',
])
def test_a_box_with_a_time_but_no_byline_evidence_stays(box: str) -> None:
    lines = extract_html(_byline_box_page(box)).text.splitlines()
    assert lines[-len(S.ARTICLE_BODY):] == S.ARTICLE_BODY
    assert len(lines) > len(S.ARTICLE_BODY)


def test_note_markers_go_and_other_superscripts_stay() -> None:
    """A wiki's reference marker (a superscript "[1]", linked to the notes or not) points to a
    note and says nothing; a power or an ordinal in a superscript is part of the sentence."""
    marked = ('<p>The bridge was finished in 1932<sup class="reference" id="cite_ref-1"><a href="#cite_note-1">'
              '[1]</a></sup> and widened twice<sup>[a]</sup><sup>[ 12 ]</sup>, most recently in 2019.</p>'
              '<p>Its main span, built in the 20<sup>th</sup> century, is the 2<sup>nd</sup> longest here.</p>')
    lines = extract_html(_with_body(marked)).text.splitlines()
    assert lines[1:3] == ["The bridge was finished in 1932 and widened twice, most recently in 2019.",
                          "Its main span, built in the 20th century, is the 2nd longest here."]


def _named_body(cls: str, paragraphs: list[str]) -> str:
    side = ('<div class="side-rail"><h3>Most read</h3><p>Ferry timetable changes for the summer season.</p>'
            '<p>Market hall reopens after repairs.</p></div>')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<html><head><title>Council approves harbour cycle lanes | Harbour Times</title></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav><h1>Council approves harbour cycle lanes</h1>
<div class="article-content-wrap"><div class="{cls}" id="result">{body}</div></div>{side}
<div class="copytext"><p>版权声明：本文为作者原创，转载请联系作者。</p></div></body></html>"""


def test_an_article_body_named_by_a_short_boilerplate_part_is_still_the_body() -> None:
    """"side" names an editor's preview pane here ("editor-preview-side"), not a sidebar: a box
    named so only by a short part of a name that holds three paragraphs of prose of its own is
    the body. Before, the page came out as its copyright line alone."""
    assert extract_html(_named_body("editor-preview-side", S.ARTICLE_BODY)).text.splitlines() == S.ARTICLE_BODY


@pytest.mark.parametrize("cls", ["sidebar", "comments-box"])
def test_a_box_named_by_a_boilerplate_word_is_no_body_however_much_it_holds(cls: str) -> None:
    """A whole boilerplate word ("sidebar", "comments") stays evidence, paragraphs or not."""
    page = _named_body(cls, S.ARTICLE_BODY).replace(
        '<div class="side-rail">', f'<div class="story-body">{"".join(f"<p>{p}</p>" for p in S.ARTICLE_BODY[:2])}'
        '</div><div class="side-rail">')
    assert extract_html(page).text.splitlines() == S.ARTICLE_BODY[:2]


def test_a_list_of_sources_each_led_by_a_caret_link_is_no_thread() -> None:
    """A "^" link back to a citation's mark names nobody: the sources under an article are
    no posts with authors, and the page is the article."""
    result = extract_html(S.cited_article())
    assert result.page_type == "article"
    assert all(p[:20] in result.text for p in S.CITED_BODY)


def test_a_faq_the_page_declares_is_text_whatever_its_box_is_called() -> None:
    """The FAQ's box and entries are named as a widget, which is boilerplate by name; the
    page lists the same questions in FAQPage JSON-LD, which says they are its text."""
    lines = extract_html(S.declared_faq()).text.splitlines()
    assert [line for line in lines if line in {t for qa in S.FAQ for t in qa}] == [t for qa in S.FAQ for t in qa]


def test_a_faq_box_named_as_boilerplate_goes_when_the_page_declares_no_faq() -> None:
    """Without the declaration the name is all there is to go on: the box goes as before."""
    text = extract_html(S.declared_faq(declared=False)).text
    assert S.FAQ_BODY[0] in text and S.FAQ[0][0] not in text


def test_an_articles_footnotes_are_its_text() -> None:
    """Notes under a post are the author's text: "footnote" names no page footer."""
    text = extract_html(S.footnoted_article()).text
    assert all(line in text for line in [*S.NOTES_BODY, *S.NOTES])
    assert "Subscribe" not in text


def test_a_wiki_entrys_infobox_and_navbox_are_no_part_of_its_text() -> None:
    """A wiki's infobox (a table of facts beside the lead) and navbox (links to entries on the
    same subject) are named for what they are: the entry's text is its lead and sections."""
    text = extract_html(S.wiki_article()).text
    assert text.splitlines() == S.WIKI_BODY


def test_a_docs_pages_sections_are_its_text_not_a_thread() -> None:
    """A docs generator writes the page's sections as bare <section>s, each led by its
    heading, with lists that link to the API reference: sections of one text, not posts
    whose paragraphs are bodies and whose linked lists are chrome."""
    result = extract_html(S.doc_sections())
    assert result.page_type == "article"
    lines = result.text.splitlines()
    for heading, before, notes, after in S.DOC_SECTIONS:
        slug = heading.lower().replace(" ", "-")
        assert [heading, before, *(f"{n} See {slug[:4]}." for n in notes), after] == \
            lines[lines.index(heading):lines.index(after) + 1]


def test_a_framework_mark_on_every_component_names_no_group() -> None:
    """Semantic UI starts every component's classes with `ui`: the page's columns are no
    group of posts for sharing it, so the post is an article and its comments are not text."""
    result = extract_html(S.semantic_ui_article())
    assert result.page_type == "article"
    assert result.text.splitlines() == S.SUI_BODY


def test_a_body_named_for_subscribers_is_the_body_and_the_call_to_subscribe_is_not() -> None:
    """"subscriber" names whom the text is for, not a call to subscribe: the story's boxes
    are its text; the box asking the reader to subscribe still goes."""
    text = extract_html(S.subscriber_article()).text
    assert text.splitlines() == S.SUB_BODY
