"""HTML extraction: content block, structure, metadata, and hostile input."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.extract import RULE_IDS, extract_html

PARAS = [
    "市政府今天发布了新的公共交通规划，计划在五年内新建三条地铁线路，并优化现有公交网络。",
    "规划显示，新线路将连接城东的居住区与城西的产业园，预计每天可服务五十万人次的通勤需求。",
    "交通局负责人表示，规划草案将从下月起公开征求意见，市民可以通过网站和热线电话提出建议。",
]

EN_PARAS = [
    "The city published a transport plan on Wednesday, with three new metro lines to be built.",
    "Officials said public consultation would start next month, online and by phone.",
    "The first line is expected to open in 2027, linking the eastern suburbs to the centre.",
]

PORTAL = f"""<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>市交通规划公布 五年新建三条地铁_本地频道_某某新闻网</title>
<meta name="author" content="李明">
<meta property="article:published_time" content="2024-05-08T10:21:00+08:00">
<link rel="canonical" href="https://news.example.cn/local/2024/0508/123.html">
<script>var tracker = "不要出现在正文里";</script>
<style>.x {{ color: red }}</style>
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/local">本地</a> <a href="/tech">科技</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/local">本地</a> &gt; 正文</div>
<div id="main">
  <h1>市交通规划公布 五年新建三条地铁</h1>
  <div class="info">2024年05月08日 10:21 来源：某某日报 作者：李明</div>
  <div class="article-content">
    <p>{PARAS[0]}</p>
    <p><img src="a.jpg"></p>
    <p>图为：地铁施工现场。</p>
    <p>{PARAS[1]}</p>
    <h2>意见征集</h2>
    <p>{PARAS[2]}</p>
    <ul><li>征集时间：三十天</li><li>征集方式：网站、热线</li></ul>
    <table><tr><td>线路</td><td>长度</td></tr><tr><td>一号线</td><td>二十公里</td></tr></table>
    <div style="display:none">隐藏的统计代码文本</div>
    <p>（责任编辑：王小红）</p>
  </div>
  <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
  <div class="related"><h3>相关新闻</h3><ul>
    <li><a href="/1">地铁票价调整听证会举行</a></li><li><a href="/2">公交线路优化方案出台</a></li>
    <li><a href="/3">共享单车新规下月实施</a></li></ul></div>
</div>
<div class="footer">Copyright © 2003-2024 某某新闻网 版权所有 京ICP备12345678号</div>
</body></html>"""


def test_portal_page_main_text_and_structure() -> None:
    result = extract_html(PORTAL)
    assert result.text.splitlines() == [
        PARAS[0], PARAS[1], "意见征集", PARAS[2],
        "征集时间：三十天", "征集方式：网站、热线", "线路 长度", "一号线 二十公里",
    ]


def test_portal_page_metadata() -> None:
    result = extract_html(PORTAL)
    assert result.title == "市交通规划公布 五年新建三条地铁"
    assert result.author == "李明"
    assert result.published == "2024-05-08T10:21:00+08:00"
    assert result.url == "https://news.example.cn/local/2024/0508/123.html"


def test_every_removal_is_explained_with_a_known_rule() -> None:
    result = extract_html(PORTAL)
    rules = {rule for rule, _ in result.removed}
    assert rules <= set(RULE_IDS)
    assert {"caption", "editor"} <= rules
    assert all(text for _, text in result.removed)


def test_byline_date_without_zone_stays_local() -> None:
    stated = '<meta property="article:published_time" content="2024-05-08T10:21:00+08:00">'
    page = PORTAL.replace(stated, "")
    assert extract_html(page).published == "2024-05-08T10:21:00"


def test_json_ld_metadata_and_title_suffix() -> None:
    page = """<html><head><title>Rail plan unveiled | Example Times</title>
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rail plan unveiled",
     "author": {"@type": "Person", "name": "Jane Doe"},
     "datePublished": "2024-05-08T10:21:00Z"}</script>
    </head><body><article><p>The city published a transport plan on Wednesday, with three new
    metro lines to be built over five years.</p><p>Officials said public consultation would start
    next month, and residents could comment online or by phone.</p></article></body></html>"""
    result = extract_html(page)
    assert result.title == "Rail plan unveiled"
    assert result.author == "Jane Doe"
    assert result.published == "2024-05-08T10:21:00+00:00"
    assert len(result.text.splitlines()) == 2


def test_br_separated_article_in_a_table_cell() -> None:
    cell = "<br>".join(PARAS)
    rows = f"<tr><td><a href='/'>首页</a></td></tr><tr><td>{cell}</td></tr>"
    page = f"<html><body><table>{rows}</table></body></html>"
    assert extract_html(page).text.splitlines() == PARAS


def test_figure_captions_and_credits_are_removed() -> None:
    figure = ('<figure><img src="a.jpg"><figcaption>The new line under construction.'
              '</figcaption></figure><p class="photo-credit">Credit: City Transport Office</p>')
    body = "".join(f"<p>{p}</p>" for p in EN_PARAS)
    result = extract_html(f"<html><body><article>{body}{figure}</article></body></html>")
    assert result.text.splitlines() == EN_PARAS
    assert [rule for rule, _ in result.removed] == ["caption", "caption"]


def test_related_links_and_tags_after_the_article_are_removed() -> None:
    body = "".join(f"<p>{p}</p>" for p in EN_PARAS)
    tail = ("<h3>More in Transport</h3><p>Bus fares rise</p><p>Bridge reopens</p>"
            "<p>Tags: transport, city</p>")
    result = extract_html(f"<html><body><article>{body}{tail}</article></body></html>")
    assert result.text.splitlines() == EN_PARAS
    assert {rule for rule, _ in result.removed} == {"related"}


def test_link_list_inside_the_article_block_is_removed() -> None:
    links = "".join(f'<li><a href="/{i}">第{i}条推荐新闻的标题在这里</a></li>' for i in range(6))
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = f"<html><body><div class='content'>{body}<ul>{links}</ul></div></body></html>"
    result = extract_html(page)
    assert result.text.splitlines() == PARAS
    assert [rule for rule, _ in result.removed] == ["teaser_list"]  # headline links: a teaser list
    menu = "".join(f'<li><a href="/{i}">栏目{i}</a></li>' for i in range(6))
    result = extract_html(page.replace(links, menu))
    assert result.text.splitlines() == PARAS
    assert [rule for rule, _ in result.removed] == ["link_block"]


def test_same_input_same_output() -> None:
    assert extract_html(PORTAL) == extract_html(PORTAL)


def _fast(func, *args) -> object:
    start = time.perf_counter()
    result = func(*args)
    assert time.perf_counter() - start < 10
    return result


def test_deeply_nested_divs() -> None:
    page = "<div>" * 200_000 + "深处的一段文字，应当不会让解析器崩溃。" + "</div>" * 200_000
    assert isinstance(_fast(extract_html, page).text, str)


def test_ten_megabyte_single_line() -> None:
    page = "<html><body><p>" + "长" * 10_000_000 + "</p></body></html>"
    assert len(_fast(extract_html, page).text) == 10_000_000


def test_truncated_html() -> None:
    result = extract_html(PORTAL[: len(PORTAL) // 2])
    assert PARAS[0][:30] in result.text


def test_entity_bomb_is_not_expanded() -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'
                      for i in range(1, 10))
            + ']><html><body><p>&lol9;</p></body></html>')
    bomb = bomb.replace("&lol0;", "&lol;")
    result = _fast(extract_html, bomb)
    assert "lollol" not in result.text


def test_external_entity_is_never_resolved() -> None:
    page = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<html><body><p>&x;</p></body></html>")
    assert "root:" not in extract_html(page).text


def test_empty_and_non_html_input() -> None:
    odd = ["", "   ", "\x00\x01\x02", "<", "<?xml version='1.0' encoding='gbk'?>", "plain words"]
    for page in odd:
        assert isinstance(extract_html(page).text, str)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' &;!-[]divpabrtl中文，。\n")), max_size=300))
def test_never_crashes_on_tag_soup(page: str) -> None:
    result = extract_html(page)
    assert all(rule in RULE_IDS for rule, _ in result.removed)


def test_a_newsletter_box_inside_the_article_is_not_taken_for_news() -> None:
    """"news" inside "newsletter" is no evidence of an article: the sign-up box goes."""
    pitch = "Our weekday briefing, in your inbox by seven. Free, and you can leave at any time."
    html = f"""<html><head><title>Metro plan</title></head><body><article class="story-body">
    {"".join(f"<p>{p}</p>" for p in EN_PARAS)}
    <div class="newsletter-signup"><h3>The Morning Brief</h3><p>{pitch}</p><a href="/s">Sign up</a></div>
    <p>{EN_PARAS[0]} The plan also adds cycle lanes.</p>
    </article></body></html>"""
    text = extract_html(html).text
    assert EN_PARAS[2] in text and "cycle lanes" in text
    assert "inbox" not in text and "Morning Brief" not in text
