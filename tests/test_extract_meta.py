"""Metadata helpers: dates to ISO 8601 and headline suffixes."""

from __future__ import annotations

import pytest

from hanflow.extract import extract_html
from hanflow.extract.dates import find_date
from hanflow.extract.meta import strip_title_suffix


@pytest.mark.parametrize(("text", "iso"), [
    ("2024年5月8日 10:21", "2024-05-08T10:21:00"),
    ("更新时间:2023-11-22 09:30:30作者:someone", "2023-11-22T09:30:30"),
    ("2023/1/2", "2023-01-02"),
    ("2024-05-08T10:21:00+08:00", "2024-05-08T10:21:00+08:00"),
    ("2024-05-08T02:21:00Z", "2024-05-08T02:21:00+00:00"),
    ("北京时间2024年5月8日10:21", "2024-05-08T10:21:00+08:00"),
    ("2012-01-11 HKT 21:43", "2012-01-11T21:43:00+08:00"),
    ("2012年01月11日 HKT 21:43", "2012-01-11T21:43:00+08:00"),
    ("2024年5月8日 下午3时05分", "2024-05-08T15:05:00"),
    ("Published May 8, 2024", "2024-05-08"),
    ("2024-13-45", None),
    ("没有日期", None),
])
def test_find_date(text: str, iso: str | None) -> None:
    assert find_date(text) == iso


@pytest.mark.parametrize(("title", "clean"), [
    ("市交通规划公布_本地频道_某某新闻网", "市交通规划公布"),
    ("Rail plan unveiled | Example Times", "Rail plan unveiled"),
    ("Rail plan unveiled - Example Times", "Rail plan unveiled"),
    ("没有后缀的标题", "没有后缀的标题"),
    ("iPhone 16 评测_数码频道", "iPhone 16 评测"),
    ("Loader ignores MAX_OPEN_FILES on restart · Issue #77 · acme/loader", "Loader ignores MAX_OPEN_FILES on restart"),
    ("Setting PYTHON_PATH for cron jobs _ Dev Notes", "Setting PYTHON_PATH for cron jobs"),
    # a board's breadcrumb of a title; a single slash is the headline's own
    ("Wi-Fi drops after suspend since 6.7 / Networking / Lakeside Linux Forums", "Wi-Fi drops after suspend since 6.7"),
    ("Buy / sell: which market day suits growers", "Buy / sell: which market day suits growers"),
])
def test_strip_title_suffix(title: str, clean: str) -> None:
    assert strip_title_suffix(title) == clean


@pytest.mark.parametrize(("title", "clean"), [
    ("工商局抽检十四种食品不合格-《某某网》", "工商局抽检十四种食品不合格"),
    ("新线路今日开通-某某新闻网", "新线路今日开通"),
    ("COVID-19 vaccines arrive", "COVID-19 vaccines arrive"),
])
def test_site_suffix_without_spaces(title: str, clean: str) -> None:
    assert strip_title_suffix(title) == clean


def _page(head: str, body: str = "") -> dict:
    from hanflow.extract.meta import page_metadata
    from hanflow.extract.parse import parse_html

    return page_metadata(parse_html(f"<html><head><title>T</title>{head}</head><body>{body}</body></html>"))


def test_a_byline_set_as_the_author_loses_its_by() -> None:
    assert _page('<meta name="byl" content="By Ann Carter">')["author"] == "Ann Carter"
    assert _page('<meta name="author" content="Bymore Lane">')["author"] == "Bymore Lane"


def test_baidus_search_markup_gives_the_publish_date() -> None:
    ld = '<script type="application/ld+json">{"@context": "https://ziyuan.baidu.com/contexts/cambrian.jsonld", ' \
         '"title": "T", "pubDate": "2024-03-05T14:22:00"}</script>'
    assert _page(ld)["published"] == "2024-03-05T14:22:00"


def test_a_source_line_naming_a_link_names_no_source() -> None:
    from hanflow.extract.lines import filter_lines

    body = ["市里今天召开会议，讨论明年的公共交通规划，多位代表发言，会议持续了整整三个小时。"]
    assert "source" not in filter_lines(["出处：https://example.org/a/1", *body]).meta
    assert filter_lines(["出处：城南日报", *body]).meta["source"] == "城南日报"


def test_a_day_alone_gives_way_to_the_same_day_with_its_time() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2024-05-08T10:21:00+08:00"}</script>')
    assert _page(f'<meta name="date" content="2024-05-08">{ld}')["published"] == "2024-05-08T10:21:00+08:00"
    other_day = ld.replace("2024-05-08T", "2024-05-09T")
    assert _page(f'<meta name="date" content="2024-05-08">{other_day}')["published"] == "2024-05-08"


@pytest.mark.parametrize(("title", "h1", "other", "expected"), [
    ("The Weekend Walker: Three days on the coast path", "The Weekend Walker",
     '<h3 class="post-title">Three days on the coast path</h3>', "Three days on the coast path"),
    ("Starter smells of nail polish : GardenTalk", "GardenTalk",
     '<meta property="og:title" content="Starter smells of nail polish">', "Starter smells of nail polish"),
    ("Is it worth re-grouting a shower myself? : r/HomeFix", "Is it worth re-grouting a shower myself?",
     "<h2>r/HomeFix</h2>", "Is it worth re-grouting a shower myself?"),
    ("Why do my tomato seedlings keep falling over? : gardening", "gardening",
     '<p class="title"><a class="title" href="/r/g/comments/1/">Why do my tomato seedlings keep falling over?</a></p>',
     "Why do my tomato seedlings keep falling over?"),
    ("Minutes of the spring meeting - Parish Council", "Parish Council",
     '<p><a href="/minutes">Minutes</a> of the spring meeting</p>', "Parish Council"),
])
def test_a_site_name_in_h1_gives_way_to_the_title_beside_it(title: str, h1: str, other: str, expected: str) -> None:
    """An <h1> that is one end of the <title> is the site's name when the other end, no shorter,
    is og:title, a smaller heading or a link's whole text (a board's title line); the shorter end is
    the site's name, and a link that holds only part of the other end is no evidence."""
    from hanflow.extract.meta import page_metadata
    from hanflow.extract.parse import parse_html

    head, body = (other, "") if other.startswith("<meta") else ("", other)
    page = f"<html><head><title>{title}</title>{head}</head><body><h1>{h1}</h1>{body}</body></html>"
    assert page_metadata(parse_html(page))["title"] == expected


_THREAD = "[SOLVED] Wi-Fi drops after suspend since kernel 6.7"


@pytest.mark.parametrize(("h1", "expected"), [
    # a logo's heading, linking the site's or a blog's home, names the site; the title's longest part leads
    ('<a href="https://example.org/" title="Return to the main page">Lakeside Linux</a>', _THREAD),
    ('<a href="https://blogs.example.org/quiet-harbour/">Quiet Harbour</a>', _THREAD),
    # a headline linked to its own page, or one that starts the title, stays the headline
    ('<a href="/viewtopic.php?id=292418">Wi-Fi drops after suspend</a>', "Wi-Fi drops after suspend"),
    (f'<a href="/">{_THREAD}</a>', _THREAD),
])
def test_a_logos_heading_linking_home_names_the_site_not_the_page(h1: str, expected: str) -> None:
    from hanflow.extract.meta import page_metadata
    from hanflow.extract.parse import parse_html

    title = f"{_THREAD} - Networking - Lakeside Linux Forums"
    if "Quiet Harbour" in h1:
        title = f"{_THREAD} - Quiet Harbour - Blog host"
    elif "viewtopic" in h1:
        title = "Forums: Wi-Fi drops after suspend"
    page = f"<html><head><title>{title}</title></head><body><h1>{h1}</h1><h3>Re: the thread</h3></body></html>"
    assert page_metadata(parse_html(page))["title"] == expected


_STORY = ["The council voted on Tuesday to turn the old tram depot into a covered market, after years of argument.",
          "The plan keeps the brick halls and the iron roof, and adds forty stalls for growers and bakers.",
          "Work starts in the autumn, and the market should open in the spring of the year after."]


def _story(byline: str, head: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in _STORY)
    return f"""<html><head><title>Old depot to become a market | The Riverside Post</title>{head}</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article><header class="story-header">
<h1>Old depot to become a market</h1><p class="standfirst">Council backs the plan</p>{byline}</header>
<div class="story-body">{paragraphs}</div></article></main><footer>© The Riverside Post</footer></body></html>"""


@pytest.mark.parametrize(("byline", "author"), [
    ('<div class="byline">By <a href="/authors/jo" rel="author">Jo Baker</a>, City reporter · '
     '<time datetime="2024-05-14T09:00:00Z">14 May 2024</time></div>', "Jo Baker"),
    ('<h3 class="byline">by Ann Lee<br><span class="datetime">Monday, May 13, 2024</span></h3>', "Ann Lee"),
    ('<div class="meta">作者：王小明　<span>2024-05-14 09:00</span></div>', "王小明"),
    ('<div class="share"><a href="#">Share</a> <a href="#">Print</a></div>', None),
])
def test_the_byline_beside_the_headline_names_the_author(byline: str, author: str | None) -> None:
    """A byline in the article's <header>, which pruning removes with the header, is read
    before it goes; a <br> between the name and the date keeps them apart."""
    result = extract_html(_story(byline))
    assert result.author == author
    assert result.text.splitlines() == _STORY


def test_the_pages_own_author_metadata_wins_over_a_byline() -> None:
    head = '<meta name="author" content="Jo Baker">'
    assert extract_html(_story('<div class="byline">By Someone Else</div>', head)).author == "Jo Baker"


@pytest.mark.parametrize(("title", "h1", "expected"), [
    ("番茄_百度百科", "番茄", "番茄"),  # a two-character headline that starts the title
    ("晚风_林小河_诗文选读与赏析", "晚风", "晚风"),
    ("城市骑行的十个好去处_新闻_晚报网", "新闻", "城市骑行的十个好去处"),  # a section's name inside: no headline
])
def test_a_short_headline_counts_where_it_starts_the_title(title: str, h1: str, expected: str) -> None:
    from hanflow.extract.meta import page_metadata
    from hanflow.extract.parse import parse_html

    page = f'<html><head><title>{title}</title></head><body><a href="/">站点</a><h1>{h1}</h1></body></html>'
    assert page_metadata(parse_html(page))["title"] == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Seedlings stuck at two leaves – too cold? :: Growers' Board General Discussions",
     "Seedlings stuck at two leaves – too cold?"),
    ("Seedlings stuck at two leaves – Growers' Board", "Seedlings stuck at two leaves"),
])
def test_a_board_title_is_split_at_its_double_colon_alone(title: str, expected: str) -> None:
    from hanflow.extract.meta import strip_title_suffix

    assert strip_title_suffix(title) == expected


@pytest.mark.parametrize(("title", "heading", "expected"), [
    ("[讨论] 冬泳第一年需要注意什么 某某玩家社区", "<h3>[讨论] 冬泳第一年需要注意什么</h3>",
     "[讨论] 冬泳第一年需要注意什么"),
    ("Replacing a bike chain at home Riders Board", "<h2>Replacing a bike chain at home</h2>",
     "Replacing a bike chain at home"),
    # a section's label that starts the title is no headline: the rest is no shorter name
    ("Breaking news: fire closes the old mill", "<h2>Breaking news</h2>", "Breaking news: fire closes the old mill"),
    # the heading ends inside a word: no boundary there
    ("Replacing a bike chain at homes Board", "<h2>Replacing a bike chain at home</h2>",
     "Replacing a bike chain at homes Board"),
])
def test_without_an_h1_a_heading_that_opens_the_title_marks_where_the_site_name_begins(
        title: str, heading: str, expected: str) -> None:
    """A board that shows the thread's title in an <h3> and writes "<thread title> <board name>"
    in <title>, joined by a space alone: the heading says where the title ends."""
    from hanflow.extract.meta import page_metadata
    from hanflow.extract.parse import parse_html

    page = f'<html><head><title>{title}</title></head><body><a href="/">Home</a>{heading}<p>text</p></body></html>'
    assert page_metadata(parse_html(page))["title"] == expected


@pytest.mark.parametrize(("head", "author"), [
    # The "author" tag says what the publisher tag says: the scholarly tags name the person.
    ('<meta name="author" content="城南学术出版社,Chengnan Press"><meta name="dc.publisher" '
     'content="城南学术出版社,Chengnan Press"><meta name="citation_author" content="周  雯">', "周雯"),
    ('<meta name="author" content="www.hexi-news.cn,河西日报社"><meta name="dc.creator" content="Lin Tao">',
     "Lin Tao"),
    ('<meta name="author" content="A_220931">', None),  # a content system's id number
    ('<meta name="author" content="River Post"><meta property="og:site_name" content="River Post">', None),
    ('<meta name="author" content="user2024">', "user2024"),  # a handle with a year in it is still a name
    ('<meta name="author" content="常 青 松">', "常青松"),
    ('<meta name="generator" content="Boardly 2.1"><meta name="author" content="Boardly Team">', None),
    ('<meta name="generator" content="WordPress 6.4"><meta name="author" content="Ann Lee">', "Ann Lee"),
    ('<meta name="author" content="王芳 李强">', "王芳 李强"),
])
def test_a_meta_author_is_a_person_not_the_site(head: str, author: str | None) -> None:
    assert _page(head)["author"] == author


_NEWS = ["本报讯（实习记者 方晓 陈岩 记者吕卫）昨天上午，城东新修的滨河步道正式向市民开放，全长六公里。",
         "步道沿河而建，每隔五百米设有一处休息点，夜间照明也已经全部接通。",
         "不少附近的居民一早就来散步，有人说以后晚饭后终于有了好去处。"]


@pytest.mark.parametrize(("lines", "author"), [
    (_NEWS, "方晓 陈岩 吕卫"),
    (["城西图书馆本周起延长开放时间，每天晚上开到十点，周末照常。",
      "馆方表示，新增的时段以自习区为主。（总台记者 孙一鸣）"], "孙一鸣"),
    (["新华社杭州5月3日电（记者郑岚、韩东 通讯员黄小舟）记者从当地了解到，新航线下月开通。", "航线每周三班。"],
     "郑岚、韩东"),
    (["本报讯(记者 通讯员 林可)今年的灯会将在元宵节前一周开幕。", "灯会设在老城区。"], None),  # no reporter named
    (["他回忆说（记者 曾经问过他）这件事并不容易，大家花了整整三个月才把方案定下来。", "后来方案顺利通过。"], None),
    (["灯会设在老城区。", "（记者 郑岚）据主办方介绍，今年的灯组比去年多了一倍。", "门票免费。"], None),
])
def test_a_reporter_credit_names_the_author_and_stays_in_the_text(lines: list[str], author: str | None) -> None:
    """Chinese news credits its reporters in brackets at the start of the text (after the
    dateline) or at its end; the correspondents who follow them are not the authors, and a
    bracket inside the text names nobody."""
    page = (f"<html><head><title>滨河步道开放</title></head><body><div class='content'>"
            f"{''.join(f'<p>{line}</p>' for line in lines)}</div></body></html>")
    result = extract_html(page)
    assert result.text.splitlines() == lines
    assert result.author == author


def test_a_templates_leftover_attribute_is_no_author() -> None:
    """A byline whose name slot holds a template's leftover markup text names nobody."""
    page = ('<html><head><title>T</title></head><body><div class="info">作者： size="20" 来源：本站</div>'
            f'<div class="content">{"".join(f"<p>{line}</p>" for line in _NEWS[1:])}</div></body></html>')
    assert extract_html(page).author is None


def test_a_plain_texts_reporter_credit_names_its_author() -> None:
    from hanflow.extract.lines import extract_text

    assert extract_text("\n".join(_NEWS)).author == "方晓 陈岩 吕卫"
