"""Page types decided from the page, and extraction by type, on pages written for the tests
(tests/page_samples.py): every answer, post and review kept in order without its chrome; a
listing recognised; an article's comments and teaser feed left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hanflow.build import build
from hanflow.extract import RULE_IDS, extract_html
from tests import page_samples as S
from tests.helpers import read_jsonl


def test_qa_page_keeps_the_question_and_every_answer_in_order() -> None:
    result = extract_html(S.QA_PAGE)
    assert result.page_type == "forum"
    assert result.text.splitlines() == [S.QUESTION, S.QUESTION_BODY, *S.ANSWERS]
    for chrome in ("Share", "Improve this answer", "baker1", "answered 3 hours ago", "Related"):
        assert chrome not in result.text


def test_forum_thread_keeps_every_post_and_drops_user_cards_and_signatures() -> None:
    result = extract_html(S.FORUM_PAGE)
    assert result.page_type == "forum"
    assert result.text.splitlines() == [S.THREAD_TITLE, *S.THREAD_POSTS]
    for chrome in ("生活就是折腾", "积分", "2楼", "举报", "中级会员", "发表于"):
        assert chrome not in result.text


def test_review_list_keeps_every_review_without_votes_and_ratings() -> None:
    result = extract_html(S.REVIEW_PAGE)
    assert result.page_type == "forum"
    assert result.text.splitlines()[-len(S.REVIEWS):] == S.REVIEWS
    for chrome in ("有用", "看电影的人", "2024-04"):
        assert chrome not in result.text


def test_listing_page_is_recognised() -> None:
    result = extract_html(S.LISTING_PAGE)
    assert result.page_type == "listing"
    assert S.TEASERS[0][0] in result.text


def test_a_listing_of_excerpts_keeps_every_item_not_only_the_best_excerpt() -> None:
    """An index of review excerpts (a title linking the full review, the review's opening cut
    by "...") is a listing, and its text is the list: every title and excerpt in order (the
    block chosen for the page was one excerpt, and the text was that one item)."""
    result = extract_html(S.review_excerpts())
    assert result.page_type == "listing"
    lines = result.text.splitlines()
    for title, text in S.EXCERPTS:
        assert title in lines and any(line.startswith(text) for line in lines)
    assert lines.index(S.EXCERPTS[0][0]) < lines.index(S.EXCERPTS[-1][0])


def test_teaser_feed_beside_or_inside_an_article_is_left_out() -> None:
    result = extract_html(S.FEED_ARTICLE)
    assert result.page_type == "article"
    assert result.text.splitlines() == S.ARTICLE_BODY
    inline = S.FEED_ARTICLE.replace("</div>\n  <section", "<section").replace("</section>\n</article>",
                                                                            "</section></div>\n</article>")
    assert inline != S.FEED_ARTICLE
    result = extract_html(inline)
    assert result.text.splitlines() == S.ARTICLE_BODY
    assert "teaser_list" in {rule for rule, _ in result.removed} <= set(RULE_IDS)


def test_a_teaser_worded_like_the_page_title_is_still_a_teaser() -> None:
    """One story of a feed that repeats the article's title (a follow-up) leaves the feed a
    feed: only a group whose links mostly repeat the title is a thread's permalinks."""
    follow_up = "Council approves harbour cycle lanes: what changes for drivers"
    page = S.FEED_ARTICLE.replace(S.TEASERS[1][0], follow_up).replace(
        "</div>\n  <section", "<section").replace("</section>\n</article>", "</section></div>\n</article>")
    assert follow_up in page
    result = extract_html(page)
    assert result.text.splitlines() == S.ARTICLE_BODY
    assert follow_up in " ".join(text for rule, text in result.removed if rule == "teaser_list")


def test_comments_under_an_article_are_not_the_article() -> None:
    result = extract_html(S.BLOG_WITH_COMMENTS)
    assert result.page_type == "article"
    assert result.text.splitlines() == S.ARTICLE_BODY


def test_declared_type_wins_over_structure() -> None:
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
          '{"@type": "WebSite", "name": "Harbour Times"}, {"@type": "NewsArticle", '
          '"headline": "Council approves harbour cycle lanes", "datePublished": "2024-05-14T09:30:00+01:00"}]}'
          "</script>")
    result = extract_html(S.BLOG_WITH_COMMENTS.replace("</head>", ld + "</head>"))
    assert result.page_type == "article"
    assert result.published == "2024-05-14T09:30:00+01:00"
    qa = ('<script type="application/ld+json">{"@type": "QAPage", "mainEntity": {"@type": "Question", '
          '"name": "Crisp crust", "dateCreated": "2024-02-01T08:00:00Z"}}</script>')
    result = extract_html(S.QA_PAGE.replace("</head>", qa + "</head>"))
    assert result.page_type == "forum"
    assert result.published == "2024-02-01T08:00:00+00:00"


def test_a_social_media_posting_is_typed_by_its_structure() -> None:
    """schema.org's SocialMediaPosting names a platform's post, which may be a long article of
    its own (a blog platform's) or a status with its replies: the page's structure decides."""
    ld = ('<script type="application/ld+json">{"@type": "SocialMediaPosting", '
          '"headline": "Council approves harbour cycle lanes"}</script>')
    assert extract_html(S.BLOG_WITH_COMMENTS.replace("</head>", ld + "</head>")).page_type == "article"
    assert extract_html(S.NESTED_LIST_PAGE.replace("</head>", ld + "</head>")).page_type == "forum"


def test_nested_comment_list_keeps_each_comment_once_in_order() -> None:
    """Replies in a list inside the comment they answer: a comment's own body is its text,
    not its replies (which come after it, once each)."""
    result = extract_html(S.NESTED_LIST_PAGE)
    assert result.page_type == "forum"
    assert result.text.splitlines() == [S.TREE_TITLE, S.TREE_LEAD, *S.tree_texts(S.WIDE_TREE)]
    for chrome in ("keeper", "says:", "Reply", "February"):
        assert chrome not in result.text


def test_comment_tree_with_one_top_level_comment_is_a_thread() -> None:
    """Custom elements nested right inside each other, one comment at the top: no sibling
    group at the top level, the tree is still the thread."""
    result = extract_html(S.NESTED_ELEMENT_PAGE)
    assert result.page_type == "forum"
    assert result.text.splitlines() == [S.TREE_TITLE, S.TREE_LEAD, *S.tree_texts(S.DEEP_TREE)]
    for chrome in ("tinker", "h ago", "Share"):
        assert chrome not in result.text


def test_a_post_with_a_state_class_of_its_own_stays_in_the_thread() -> None:
    """A board marks the post a link points at (`highlighted`, `is-op`...) with a class name
    of its own in front: built like the others, it is still a post, in its place; a box
    between the posts without an author or a time is not."""
    marked = S.FORUM_PAGE.replace('<div class="post" id="post2">', '<div class="highlighted post" id="post2">')
    notice = ('<div class="board-notice"><div class="post-main"><div class="post-message">'
              "本版禁止发布广告，违者封号处理，请大家互相监督，共同维护良好的交流环境。</div></div></div>")
    marked = marked.replace('<div class="post" id="post3">', notice + '<div class="post" id="post3">')
    assert marked.count("highlighted") == 1 and notice in marked
    result = extract_html(marked)
    assert result.page_type == "forum"
    assert result.text.splitlines() == [S.THREAD_TITLE, *S.THREAD_POSTS]


def test_a_signature_longer_than_its_post_is_chrome_not_the_body() -> None:
    """The body of a thread's posts is where every post has text: a signature under one short
    reply, longer than the reply, neither becomes the body nor hides the thread."""
    result = extract_html(S.SIGNED_PAGE)
    assert result.page_type == "forum"
    assert result.text.splitlines() == [S.SIGNED_TITLE, *S.SIGNED_POSTS]


@pytest.mark.parametrize("page", [S.QA_PAGE, S.FORUM_PAGE, S.REVIEW_PAGE, S.BLOG_WITH_COMMENTS,
                                  S.NESTED_LIST_PAGE])
def test_types_hold_when_the_layout_names_change(page: str) -> None:
    """Class names are not the evidence: renamed, the same structure gives the same result."""
    renamed = page
    for old, new in (("answer", "reply-x"), ("post", "entry-x"), ("review", "item-x"), ("comment", "note-x"),
                     ("question", "ask-x"), ("user-card", "who"), ("signature", "tail")):
        renamed = renamed.replace(f'class="{old}', f'class="{new}').replace(f"-{old}", f"-{new}")
    assert extract_html(renamed).page_type == extract_html(page).page_type
    assert extract_html(renamed).text == extract_html(page).text


def test_records_and_manifest_carry_the_page_type(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, page in (("qa.html", S.QA_PAGE), ("thread.html", S.FORUM_PAGE), ("news.html", S.FEED_ARTICLE),
                       ("index.html", S.LISTING_PAGE)):
        (raw / name).write_text(page, encoding="utf-8")
    (raw / "note.md").write_text("# 笔记\n\n今天把阳台的花重新换了盆，顺便施了一次肥。\n", encoding="utf-8")
    manifest = build(raw, tmp_path / "out")
    records = {r["source"]: r for r in read_jsonl(tmp_path / "out", "corpus")}
    assert {s: r["page_type"] for s, r in records.items()} == {
        "qa.html": "forum", "thread.html": "forum", "news.html": "article", "index.html": "listing",
        "note.md": "article"}
    assert manifest["page_types"] == {"article": 2, "forum": 2, "listing": 1}
    assert json.loads(json.dumps(manifest["profiles"])) == manifest["profiles"]


def test_a_post_keeps_its_lists_code_and_quotes_between_paragraphs() -> None:
    """Where most replies are one paragraph, the body is still the paragraphs' container: a
    reply's steps, command and quotation between its paragraphs are its text; a sidebar quote
    is not, and neither is the quotation's linked source line."""
    result = extract_html(S.RICH_PAGE)
    assert result.page_type == "forum"
    assert result.text.splitlines() == [S.RICH_TITLE, *(line for post in S.RICH_POSTS for line in post)]


@pytest.mark.parametrize("page", [S.CELL_PAGE, S.PERMALINK_PAGE], ids=["cells", "permalinks"])
def test_board_layouts_are_threads(page: str) -> None:
    """Posts laid out as a user cell beside a message cell (one first class name, the time in a
    header, the name in a heading), and posts headed by a permalink worded like the thread
    ("Re: ..."), are a thread: every post, without user cards, counts or buttons."""
    result = extract_html(page)
    assert result.page_type == "forum"
    assert result.text.splitlines() == [S.BOARD_TITLE, *S.BOARD_POSTS]


@pytest.mark.parametrize("heading", ["h2", "h3"])
def test_a_thread_headed_by_a_smaller_heading_keeps_its_title(heading: str) -> None:
    """Boards that keep <h1> for their own name, or use none, head the thread with an <h2> or
    <h3> reading like the title: it still leads the text."""
    page = S.FORUM_PAGE.replace('<h1 class="thread-subject">', f'<h1>家居论坛</h1><{heading} class="thread-subject">')
    page = page.replace(f"{S.THREAD_TITLE}</h1>", f"{S.THREAD_TITLE}</{heading}>")
    assert f"</{heading}>" in page
    result = extract_html(page)
    assert result.page_type == "forum"
    assert result.text.splitlines() == [S.THREAD_TITLE, *S.THREAD_POSTS]


def test_a_labelled_link_to_another_story_is_not_a_paragraph() -> None:
    """"Related:", "Read more:", "相关阅读：" before a link to another story, and nothing else,
    is a pointer, not text; a sentence with a link in it, or one that starts with such a word,
    stays."""
    pointers = ['<p><strong>Related:</strong> <a href="/a/1">Ferry fares rise in June</a></p>',
                '<p>READ MORE: <a href="/a/2">What the new timetable means for you</a></p>',
                '<p>相关阅读：<a href="/a/3">滨江路夜间施工时间调整</a></p>']
    linked = ['<p>Read more about the plan in <a href="/a/4">the council’s report</a>.</p>',
              '<p>Related <a href="/a/5">work on the ferry pier</a> starts in July.</p>']
    body = "".join(f"<p>{p}</p>" + (pointers[i] if i < 3 else "") for i, p in enumerate(S.ARTICLE_BODY))
    page = S.FEED_ARTICLE.replace(
        f'<div class="story-body">{"".join(f"<p>{p}</p>" for p in S.ARTICLE_BODY)}</div>',
        f'<div class="story-body">{body}{"".join(linked)}</div>')
    assert all(p in page for p in pointers)
    result = extract_html(page)
    assert result.text.splitlines() == [
        *S.ARTICLE_BODY, "Read more about the plan in the council’s report.",
        "Related work on the ferry pier starts in July."]


def test_a_topic_page_whose_headlines_hold_its_title_is_still_a_listing() -> None:
    """A topic page titled "Cycle lanes" lists stories whose headlines start with the topic:
    they lead to other pages, so the page stays a listing (only a headline that is the title,
    after at most a reply's "Re:", is a permalink to the page itself)."""
    page = S.LISTING_PAGE.replace("<title>Local news | Harbour Times</title>",
                                  "<title>Harbour cycle lanes | Harbour Times</title>")
    for head, _ in S.TEASERS:
        page = page.replace(f">{head}</a>", f">Harbour cycle lanes: {head}</a>")
    assert page.count(">Harbour cycle lanes: ") == len(S.TEASERS)
    result = extract_html(page)
    assert result.page_type == "listing"


def test_a_pull_quote_among_the_paragraphs_is_not_text_again() -> None:
    """An <aside> holding a blockquote that repeats a sentence of the article (a pull quote,
    no source outside the quotation) is dropped with the other asides; a quotation with its
    source in a post is kept (see the help board)."""
    pull = (f'<aside class="pullquote"><blockquote><p>{S.ARTICLE_BODY[1][:60]}</p>'
            "<footer><cite>Ann Carter</cite></footer></blockquote></aside>")
    paragraphs = "".join(f"<p>{p}</p>" for p in S.ARTICLE_BODY)
    page = S.FEED_ARTICLE.replace(paragraphs, paragraphs.replace("</p><p>", f"</p>{pull}<p>", 1))
    assert pull in page
    assert extract_html(page).text.splitlines() == S.ARTICLE_BODY


def test_section_headings_lose_their_edit_and_read_aloud_buttons() -> None:
    """Wikis and encyclopedias put "[edit]" or "[edit | edit source]" (inside the heading, or
    beside it in the heading's wrapper) or 编辑 / 播报 after every section title: the buttons go,
    the titles stay, and the same words in a sentence or as a heading's whole text stay too."""
    sections = [
        ('<h2><span class="mw-headline">History</span><span class="mw-editsection">'
         '<span>[</span><a href="?veaction=edit&amp;section=1"><svg><use href="#pencil"></use></svg>edit</a>'
         '<span> | </span><a href="?action=edit&amp;section=1">edit source</a><span>]</span></span></h2>', "History"),
        ('<div class="mw-heading"><h2 id="Design">Design</h2><span class="mw-editsection">'
         '[<a href="?action=edit&amp;section=2">edit</a>]</span></div>', "Design"),
        ('<div class="para-title"><h2>历史沿革</h2><a class="edit-icon">编辑</a><span class="text">播报</span></div>',
         "历史沿革"),
        ("<h2>Edit</h2>", "Edit"),
    ]
    body = [f"{p} The editor’s notes are kept, and 编辑部的说明也保留。" for p in S.ARTICLE_BODY]
    html = "".join(f"{head}<p>{text}</p>" for (head, _), text in zip(sections, body, strict=True))
    page = S.FEED_ARTICLE.replace(
        f'<div class="story-body">{"".join(f"<p>{p}</p>" for p in S.ARTICLE_BODY)}</div>',
        f'<div class="story-body">{html}</div>')
    assert html in page
    expected = [line for (_, title), text in zip(sections, body, strict=True) for line in (title, text)]
    assert extract_html(page).text.splitlines() == expected


def test_permalink_marks_after_headings_and_signatures_go() -> None:
    """Documentation generators put a "¶" link after every heading and every API signature, and
    blogs a "#": the marks go from the text and from the title, the headings stay."""
    body = S.ARTICLE_BODY
    html = (f'<h1>Rounding numbers<a class="headerlink" href="#rounding" title="Link to this heading">¶</a></h1>'
            f'<p>{body[0]}</p><h2 id="modes">Modes <a class="anchor" href="#modes" aria-hidden="false">#</a></h2>'
            f'<p>{body[1]}</p><dl><dt class="sig">round_half(value, digits=0)'
            f'<a class="headerlink" href="#rh">¶</a></dt><dd><p>{body[2]}</p></dd></dl>')
    page = f"""<html><head><title>Rounding numbers — numtools 1.2 documentation</title></head><body>
    <nav><a href="/">numtools</a> <a href="/api">API</a></nav><main><article role="main">{html}</article></main>
    <footer>Made with a documentation generator</footer></body></html>"""
    result = extract_html(page)
    assert result.title == "Rounding numbers"
    assert result.text.splitlines() == [body[0], "Modes", body[1], "round_half(value, digits=0)", body[2]]


_SHORT_NEWS = ["港铁将在农历新年期间加密列车班次，除夕夜多条路线提供通宵服务，方便市民外出拜年和参加倒数活动。",
               "机场快线下周起由十二分钟一班改为十分钟一班，方便旅客往来市区与机场，车费维持不变。",
               "新年烟花汇演当晚，尖沙咀和湾仔一带的车站会加派人手疏导人流，部分出口会暂时关闭。",
               "轻铁部分路线在年初一和年初二也会延长服务时间，最后一班车比平日晚约一小时开出。",
               "港铁提醒乘客留意车站广播和告示，并预留充足时间，避免在繁忙时段携带大件行李乘车。"]
_MORE = [("巴士公司试行夜间新路线",
          "巴士公司宣布下月起试行三条夜间路线，连接机场与新界各区，首阶段为期半年，票价与日间相同 ..."),
         ("渡轮码头完成翻新工程",
          "维修了两年的中环渡轮码头本周重开，新增无障碍通道与候船座位，营运商表示班次将维持不变，但周末会加开 ..."),
         ("电车公司展出新款车厢",
          "新款电车车厢保留木制座椅，但加装了空调与报站屏幕，公司计划明年起逐步替换旧车，首批共十辆，预计 ..."),
         ("单车径延长至海滨公园",
          "政府宣布将现有单车径延长两公里至海滨公园，工程明年动工，完工后市民可由市中心一路骑到海边，沿途 ...")]


def test_headlines_with_excerpts_cut_short_are_teasers_not_posts() -> None:
    """A short news page followed by other stories, each a short headline link above a longer
    excerpt that breaks off in "...": the stories are a teaser list (left out), not a thread,
    whatever share of their text the headline holds."""
    items = "".join(f'<li class="story"><a href="/n/{i}">{h}</a><p>{x}</p><span>明报 – 3小时前</span></li>'
                    for i, (h, x) in enumerate(_MORE))
    paragraphs = "".join(f"<p>{p}</p>" for p in _SHORT_NEWS)
    page = f"""<html><head><title>港铁新年加强服务 - 新闻</title></head><body><div class="main">
<h1>港铁新年加强服务</h1><div class="story-body">{paragraphs}</div></div>
<div class="more"><h3>更多新闻</h3><ul class="stories">{items}</ul></div></body></html>"""
    result = extract_html(page)
    assert result.page_type == "article"
    assert result.text.splitlines() == _SHORT_NEWS


def test_posts_that_trail_off_are_still_posts() -> None:
    """A thread where one post in four ends in "..." is a thread: a few posts trail off."""
    from tests import board_samples as B

    page = B.PAGES["xenforo"].replace(B.POSTS[2], B.POSTS[2].rstrip(".") + "...")
    result = extract_html(page)
    assert result.page_type == "forum"
    assert len(result.text.splitlines()) == 1 + len(B.POSTS)
