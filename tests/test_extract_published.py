"""Publish dates and other metadata from modern markup (Open Graph, article:*, JSON-LD with
@graph and main entities), from where pages write them when the markup does not, and from
platform profiles (each with a page written for its test)."""

from __future__ import annotations

import pytest

from hanflow.extract import extract_html
from hanflow.extract.profiles import PROFILES
from hanflow.extract.published import date_in_url
from tests import page_samples as S

PARAS = "".join(f"<p>{p}</p>" for p in S.ARTICLE_BODY)


def test_open_graph_and_article_meta() -> None:
    head = ('<meta property="og:title" content="Council approves harbour cycle lanes">'
            '<meta property="article:published_time" content="2024-05-14T09:30:00+01:00">'
            '<meta property="article:author" content="Ann Carter">'
            '<meta property="og:url" content="https://news.example.org/local/cycle-lanes">')
    result = extract_html(f"<html><head><title>x</title>{head}</head><body><article>{PARAS}</article></body></html>")
    assert (result.title, result.author, result.published, result.url) == (
        "Council approves harbour cycle lanes", "Ann Carter", "2024-05-14T09:30:00+01:00",
        "https://news.example.org/local/cycle-lanes")


def test_json_ld_graph_posting() -> None:
    ld = ('{"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "Board"},'
          '{"@type": "DiscussionForumPosting", "headline": "Lanes on the waterfront?",'
          ' "author": [{"@type": "Person", "name": "reader0"}], "datePublished": "2024-05-14T10:00:00Z",'
          ' "url": "https://board.example.org/t/lanes/42"}]}')
    page = S.FORUM_PAGE.replace("</head>", f'<script type="application/ld+json">{ld}</script></head>')
    result = extract_html(page)
    assert result.page_type == "forum"
    assert (result.author, result.published, result.url) == (
        "reader0", "2024-05-14T10:00:00+00:00", "https://board.example.org/t/lanes/42")


def test_date_written_under_the_headline() -> None:
    page = (f"<html><head><title>Council approves harbour cycle lanes</title></head><body>"
            f"<h1>Council approves harbour cycle lanes</h1><div class='info'><span>Harbour Times</span>"
            f"<span>2024年5月14日 09:30</span></div><div class='text'>{PARAS}</div></body></html>")
    assert extract_html(page).published == "2024-05-14T09:30:00"


def test_thread_date_is_the_first_posts() -> None:
    assert extract_html(S.FORUM_PAGE).published == "2024-03-01T21:10:00"


@pytest.mark.parametrize(("url", "day"), [
    ("https://news.example.org/2024/05/14/cycle-lanes.html", "2024-05-14"),
    ("https://news.example.org/local/20240514/123456.html", "2024-05-14"),
    ("https://news.example.org/local/2024-05-14-cycle-lanes", "2024-05-14"),
    ("https://news.example.org/item/12345678", None),
    ("https://news.example.org/2024/99/14/x", None),
    (None, None),
])
def test_date_in_url(url: str | None, day: str | None) -> None:
    assert date_in_url(url) == day


WECHAT_LIKE = """<html><head><meta property="og:title" content="湿地公园迎来北返候鸟">
<meta property="og:type" content="article"></head><body>
<div id="page-content"><h1 class="rich_media_title">湿地公园迎来北返候鸟</h1>
<div class="rich_media_meta_list"><span class="account">城郊生态</span><em id="publish_time"></em></div>
<div class="rich_media_content" id="js_content" style="visibility: hidden;">
<p>今年入夏以来，城郊的湿地公园迎来了大批越冬后北返的候鸟，观鸟爱好者每天清晨都会聚集在栈道边。</p>
<p>公园管理处介绍，为了减少对鸟类的干扰，核心区的步道已经改为预约开放，每天限制进入的人数。</p>
<p>志愿者们还在入口处设置了科普展板，向游客讲解如何辨认常见的鹭类和鸻鹬类水鸟。</p></div></div>
<script>var nickname = "城郊生态"; var ct = "1715652600"; var round_head_img = "";</script>
</body></html>"""


def test_wechat_profile_reads_the_publish_time_from_its_variable() -> None:
    result = extract_html(WECHAT_LIKE)
    assert result.published == "2024-05-14T10:10:00+08:00"
    assert result.profiles == ["wechat"]
    assert result.text.startswith("今年入夏以来")  # the hidden body is the article (no profile needed)


def test_profiles_fire_only_when_needed() -> None:
    stated = WECHAT_LIKE.replace("</head>", '<meta property="article:published_time" content="2024-05-01"></head>')
    assert extract_html(stated).profiles == []  # the markup states the date: no profile
    assert extract_html(S.QA_PAGE).profiles == []
    assert all(p.name.isidentifier() for p in PROFILES)
