"""Threads of the common board, Q&A and review layouts (pages in `board_samples`, written for
the tests): each is a forum page whose text is the headline, the question, and every post
(a best answer set apart from the others included)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanflow.extract import chrome, extract_html
from tests import board_samples as B
from tests.helpers import extraction_seconds

EXPECTED = {
    "xenforo": [B.TITLE, *B.POSTS],
    "phpbb": [B.TITLE, *B.POSTS],
    "inbox": [B.TITLE, *B.POSTS],  # the message's wrapper, not the post box: no user card, no foot
    "vbulletin": [B.TITLE, *B.POSTS],
    "discourse": [B.TITLE, *B.POSTS],
    "discuz": [B.ZT, *B.ZH],
    "discuz_signed": [B.ZT, *B.ZH],  # no signature, no edit note
    "tieba": [B.TT, *B.TB],
    "stack": [B.Q, B.QB, *B.ANS],
    "zhihu": ["预算五千，新手买什么相机好？", "想买第一台相机，主要拍旅行风景和家人，不知道选单反还是微单。", *B.ZA],
    "reviews": [line for title, text in zip(B.RV_TITLES, B.RV, strict=True) for line in (title, text)],
    "zhidao": [B.ZQ, B.ZQB, B.ZBEST, *B.ZOTHER],
    "utility": [B.TITLE, *B.POSTS],
    "issue": [B.ISSUE_TITLE, *B.ISSUE],
    "forms": [B.TITLE, *B.POSTS],
    "headed": [B.TITLE, *B.POSTS],
    "boxed": B.POSTS,
    "detailed": B.POSTS,  # the status laid out on its own, in the replies' body box, leads
    "subjects": [B.TITLE, *B.POSTS],
    "wrapped": [B.TITLE, *B.POSTS],
    "replied": B.replied_texts(),
    "app": B.replied_texts()[1:],  # no headline: the opening post leads
    "boxes": [B.BT, B.BQ, *B.BR],
    "aggregator": B.old_reddit_texts(),
    # replies named unlike their comments, their headers built like the comments' headers
    "kin": B.kin_texts(),
    "kin_top": B.kin_texts(),
    "kin_custom": B.kin_texts(),
    # each quote in the post that quotes it (its citation is chrome), the post quoted kept once
    "quoting": [B.TITLE, B.POSTS[0],
                *[line for i in (1, 2, 3) for line in (B.POSTS[i - 1].split(". ")[0] + ".", B.POSTS[i])]],
    "listed": [B.TITLE, B.POSTS[0], "This is what I have tried so far this spring, without much luck:", *B.STEPS,
               "The stems still fall over in the second week, even with all three.", *B.POSTS[1:]],
}


@pytest.mark.parametrize("engine", sorted(B.PAGES))
def test_each_board_layout_is_a_thread_of_its_posts(engine: str) -> None:
    result = extract_html(B.PAGES[engine])
    assert result.page_type == "forum"
    assert result.text.splitlines() == EXPECTED[engine]


def test_a_blog_article_with_a_comment_list_is_its_article() -> None:
    """A blog post whose comments carry their author and time in a `<footer>` (pruned, the
    time kept as evidence): the comments are found as a thread under the article, which stays
    an article of its own paragraphs."""
    result = extract_html(B.wordpress())
    assert result.page_type == "article"
    assert result.text.splitlines() == B.ART


def _many_replied(n: int) -> str:
    """`n` comments, each with two replies built unlike it, every text distinct."""
    cells = "".join(B._replied_comment(i % 9, f"user{i}", f"第{i}号评论：苗还是细，光照再加一点。",
                                       [(f"helper{i}", f"回复第{i}号：换个朝南的位置，每天转一转盆。"),
                                        (f"user{i}", f"谢谢，第{i}号已经照做了。")])
                    for i in range(n))
    return (f"<html><head><title>{B.RT}</title></head><body><h1>{B.RT}</h1>"
            f"<ul class='comment-list'>{cells}</ul></body></html>")


def test_replies_unlike_their_comments_cost_grows_with_the_page() -> None:
    """Every comment and reply of a long list is kept, in order, and the cost of finding the
    replies grows with the page, not with the page times its links."""
    lines = extract_html(_many_replied(50)).text.splitlines()
    assert lines[1:4] == ["第0号评论：苗还是细，光照再加一点。", "回复第0号：换个朝南的位置，每天转一转盆。",
                          "谢谢，第0号已经照做了。"]
    assert len(lines) == 1 + 3 * 50
    assert extraction_seconds(_many_replied(400)) < 10 * extraction_seconds(_many_replied(100))  # linear: about 4


def test_comments_under_answers_are_kept_after_the_answer_they_answer() -> None:
    """A Q&A page whose answers carry comment lists (built unlike the answers, each comment with
    its author link and time): every answer is kept, each followed by its comments without
    their chrome. Before, the answers' comments were dropped (and on a page where they held
    more text than the answers, the answers were lost)."""
    c = B.STACK_COMMENTS
    lines = extract_html(B.stack(c)).text.splitlines()
    assert lines[:3] == [B.Q, B.QB, c[0][0]]
    assert lines[-5:] == [B.ANS[0], *c[1], B.ANS[1], B.ANS[2], *c[3]]


def test_without_a_headline_prose_before_the_posts_needs_a_posts_chrome_to_lead() -> None:
    """On a page without a headline, a paragraph before the comments that carries no author
    link and time is no opening post: the comments alone are the text."""
    intro = "小园子是种菜爱好者交流经验的地方，欢迎分享你的阳台和菜园。"
    lines = extract_html(B.app_post(intro)).text.splitlines()
    assert intro not in lines
    assert lines == B.replied_texts()[2:]


def _deep_posts(depth: int, links: int = 40) -> str:
    """Posts whose text lies `depth` unnamed boxes deep, beside `links` links with times."""
    def post(i: int) -> str:
        names = "".join(f'<a href="/u/{j}">member{j}</a> <span>2024-05-0{j % 9 + 1} 10:00</span> '
                        for j in range(links))
        return (f'<div class="post"><div class="head"><a href="/u/a{i}">author{i}</a> '
                f'<span>2024-05-01 09:00</span></div><div class="body">{"<div>" * depth}'
                f'<p>Post {i} says the lamp helps, and the fan too.</p>{names}{"</div>" * depth}</div></div>')
    posts = "".join(map(post, range(20)))
    return f"<html><head><title>T</title></head><body><h1>T</h1><div class='thread'>{posts}</div></body></html>"


def test_the_reply_search_walks_each_ancestor_once() -> None:
    """Links deep in unnamed boxes are walked up to the post once between them, not once each:
    the cost grows with the page, not with its depth times its links (both grow here)."""
    # linear: about 4; each link walking up alone: about 16
    assert extraction_seconds(_deep_posts(240, links=240)) < 10 * extraction_seconds(_deep_posts(60, links=60))


def test_a_signed_discuz_thread_keeps_its_replies_not_signatures_or_notes() -> None:
    """A signature row between a post's message and its buttons made the post's table the
    body (author card and time inside it), so no thread was found and only the opening post
    was kept. The software's makers (its meta author) are not the thread's author."""
    result = extract_html(B.PAGES["discuz_signed"])
    assert result.page_type == "forum"
    assert not any(sig and sig in result.text for sig in B.SIGNATURES)
    assert "本帖最后由" not in result.text
    assert result.author is None


def test_a_quotes_citation_inside_its_first_block_is_a_line_of_chrome() -> None:
    """phpBB sets a quote's source ("ann wrote: ↑ date") in a <cite> inside the quote's first
    <div>: it was glued to the quoted words. It is a line of its own, and chrome; a post's own
    "My teacher said:" is not."""
    cite = ('<cite><a href="/memberlist.php?u=4" class="username">windowsill</a> wrote: '
            '<a href="/viewtopic.php?p=1#p1">↑</a>'
            '<span class="responsive-hide">Sun Mar 03, 2024 10:00 am</span></cite>')
    quoted = B.POSTS[0].split(". ")[0] + "."
    own = ["My teacher said:", "Light first, water second."]
    bodies = [B.POSTS[0], f"<blockquote><div>{cite}{quoted}</div></blockquote>{B.POSTS[1]}",
              "<br>".join(own), B.POSTS[3]]
    posts = "".join(
        f'<div id="p{i}" class="post has-profile bg{i % 2 + 1}"><div class="inner"><dl class="postprofile">'
        f'<dt><a href="/memberlist.php?u={i}" class="username">grower{i}</a></dt><dd>Posts: {i + 5}</dd></dl>'
        f'<div class="postbody"><div id="post_content{i}"><h3><a href="#p{i}">Re: {B.TITLE}</a></h3>'
        f'<p class="author"><a href="/viewtopic.php?p={i}#p{i}">Post</a> by '
        f'<strong><a href="/memberlist.php?u={i}">grower{i}</a></strong> » '
        f'<time datetime="2024-03-0{i + 1}T10:00:00+00:00">Mar {i + 1}, 2024</time></p>'
        f'<div class="content">{body}</div></div></div></div></div>'
        for i, body in enumerate(bodies))
    page = (f"<html><head><title>{B.TITLE} - Garden Board</title></head><body><div id=\"page-body\">"
            f"<h2 class=\"topic-title\"><a href=\"/t/1\">{B.TITLE}</a></h2>{posts}</div></body></html>")
    result = extract_html(page)
    assert result.page_type == "forum"
    assert result.text.splitlines() == [B.TITLE, B.POSTS[0], quoted, B.POSTS[1], *own, B.POSTS[3]]


def test_a_quote_whose_heading_is_only_a_name_and_a_colon_is_kept_in_the_reply() -> None:
    """A board's quote (an <aside> among the post's paragraphs) whose source link is filled in
    by a script leaves only an avatar and "name:" before the blockquote: it is a quotation in
    the post, not a sidebar, and the quoted sentence stays before the reply that answers it."""
    quoted = B.POSTS[0].split(". ")[0] + "."
    aside = (f'<aside class="quote no-group" data-username="grower0" data-post="1"><div class="title">'
             f'<div class="quote-controls"></div><img alt="" src="/a.png" class="avatar"> grower0:</div>'
             f"<blockquote><p>{quoted}</p></blockquote></aside>")
    assert extract_html(B.discourse(aside)).text.splitlines() == [B.TITLE, B.POSTS[0], quoted, *B.POSTS[1:]]


@pytest.mark.parametrize("heading", [
    '<div class="title"><img alt="" src="/a.png" class="avatar"> grower0:</div>',
    '<img alt="" src="/a.png" class="avatar"> Ann wrote:',
    '<div class="title"><span class="name">陈晓</span>：</div>',
])
def test_a_quotations_scripted_heading_goes_and_a_linked_one_stays(heading: str) -> None:
    """The heading over a quotation that only names its source ("grower0:", its link left to a
    script) is the software's label, not the post's words: it goes, the quoted text stays. A
    heading that links to the quoted post is a line of the post, as before."""
    quoted = B.POSTS[0].split(". ")[0] + "."
    aside = f'<aside class="quote">{heading}<blockquote><p>{quoted}</p></blockquote></aside>'
    assert extract_html(B.discourse(aside)).text.splitlines() == [B.TITLE, B.POSTS[0], quoted, *B.POSTS[1:]]
    linked = (f'<aside class="quote"><a href="/t/tomato/1/1">Ann wrote:</a>'
              f"<blockquote><p>{quoted}</p></blockquote></aside>")
    lines = extract_html(B.discourse(linked)).text.splitlines()
    assert quoted in lines and "Ann wrote:" in lines


@pytest.mark.parametrize("hot", [True, False])
def test_most_liked_replies_shown_again_above_the_thread_are_read_once(hot: bool) -> None:
    """A box of the most-liked replies between the opening post and the thread repeats replies
    the thread holds: it is not part of the opening post. A reply's quotation set beside its
    text (in the same wrapper, built like a reply's text) stays with it, without the
    "引用 @X 发表的:" source line."""
    result = extract_html(B.hot_replies(hot))
    assert result.page_type == "forum"
    assert result.text.splitlines() == B.hot_texts()


@pytest.mark.parametrize(("line", "chrome"), [
    ("引用 @骑手1 发表的:", True), ("引用 老周 的回复：", True), ("回复 @阿青 的帖子", True),
    ("引用他的话说：骑车的时候要注意膝盖。", False), ("回复大家的问题，我统一说一下座垫高度。", False),
    # a post's tool bar read as one line, and a question's time
    ("赞回复", True), ("Like · Reply · Share", True), ("2024-05-01 10:00 回复 举报", True), ("提问于 2023-09-12", True),
    ("Share and like", False), ("同意楼主", False), ("Follow up", False),
    # an edit note with its date first, a follow button with its count, a Q&A page's buttons
    ("Edited January 9, 2024 by ann", True), ("Follow · 38", True), ("Answer", True), ("Sort", True),
    ("Improve this answer", True), ("Share Improve this answer Follow", True),
    # a phone app's "sent from" tail
    ("——— 来自 Xiaomi 23013RK75C, Android 14上的 S1Next v2.5.4", True), ("Sent from my iPhone using Tapatalk", True),
    ("Sent from the harbour office, the letter arrived a week later.", False),
    # a button with its count in brackets
    ("有用(12)", True), ("点评有用（3）", True), ("Helpful (4) · Report", True), ("有用的建议(3)条", False),
    # a shop review's labels and its variant line
    ("初次评价：", True), ("收货后15天追加：", True), ("2023年11月02日颜色分类：燕麦白;容量：500ml", True),
    ("颜色分类很多，我最后选了白色。", False), ("颜色：比图片深一点，不过也好看。", False),
    ("Answer the question first.", False), ("Sort out the wires before you start", False),
])
def test_a_posts_source_line_or_tool_bar_is_chrome_and_a_sentence_is_not(line: str, chrome: bool) -> None:
    from hanflow.extract.chrome import is_chrome

    assert is_chrome(line) is chrome


def test_reviews_in_boxes_named_review_are_the_text() -> None:
    """Review sites name every box of a review "review" (the card, its content, the list): the
    word is no evidence of chrome there, and every review is kept in order, with its title and
    the business's reply. Before, one review was left and the rest dropped unsaid. (The page
    is still read as an article, not a thread: the reviewer's pane is an <aside> and each card
    has a title, so its time stays as a line.)"""
    lines = extract_html(B.review_cards()).text.splitlines()
    kept = [line for line in lines if not line.startswith("Mar ")]
    assert kept == [*B.RC_TITLES[:1], B.RC_TEXTS[0], B.RC_TITLES[1], B.RC_TEXTS[1], B.RC_TITLES[2], B.RC_TEXTS[2],
                    "Reply from Harbour Broadband", B.RC_REPLY]


def test_review_cards_that_each_give_a_rating_are_reviews_not_an_index() -> None:
    """The same cards with the star rating each one shows ("Rated 4 out of 5 stars"): their
    titles no longer make them an index's entries, so the page is a forum page of reviews, each
    review's text in order, led by its own title (the reviewer's words, unlike a post's "Re:"
    subject line), the dates left out."""
    result = extract_html(B.review_cards(rated=True))
    assert result.page_type == "forum"
    assert result.text.splitlines() == ["Harbour Broadband Reviews",
                                        *(line for pair in zip(B.RC_TITLES, B.RC_TEXTS, strict=True) for line in pair)]


def test_reviews_whose_wrapper_and_vote_bar_share_their_utility_class_are_the_reviews() -> None:
    """Each review, its inner wrapper, its image strip and its vote bar are all "a-section":
    an element nested in a review that shares its first class but is built unlike every review
    is no reply, so the wrapper does not take the review's text as a reply's, and the page
    is a forum page of every review's text, each led by its title. The star icon's label inside
    the title link ("5.0 out of 5 stars") is the rating, not part of the title; the vote bars
    and buttons go."""
    result = extract_html(B.utility_reviews())
    assert result.page_type == "forum"
    lines = result.text.splitlines()
    assert lines[1:] == [line for pair in zip(B.RC_TITLES, B.RC_TEXTS, strict=True) for line in pair]
    assert not any("found this helpful" in line or line in ("Helpful", "Report") for line in lines)


@pytest.mark.parametrize("label", ["Rated 4 out of 5 stars", "4.0 out of 5 stars", "4/5", "5 star rating", "4星"])
def test_a_rating_is_read_from_its_label(label: str) -> None:
    from lxml import etree

    from hanflow.extract.ratings import rated

    assert rated(etree.fromstring(f'<div><span aria-label="{label}"></span><p>Good.</p></div>'))
    assert not rated(etree.fromstring(f'<div><p>{label}</p><img alt="Rated the best bakery in town"/></div>'))


@pytest.mark.parametrize("rating", [
    '<span class="rating-other-user-rating"><span>8</span><span>/10</span></span>',
    '<i class="a-icon review-rating"><span class="a-icon-alt">5.0 out of 5 stars</span></i>',
    '<div class="hr-score"><strong>4.8</strong><span class="total">/5</span></div>',
])
def test_a_rating_is_read_from_an_element_its_class_names_a_rating(rating: str) -> None:
    from lxml import etree

    from hanflow.extract.ratings import rated

    assert rated(etree.fromstring(f"<div>{rating}<p>Good.</p></div>"))
    assert not rated(etree.fromstring('<div><span class="rating-count">8/10 people liked it a lot</span></div>'))


def test_reviews_that_link_nobody_but_each_give_a_score_are_the_text() -> None:
    """No review links its reviewer (an app's page prints the name as plain text), so the
    reviews are no group of posts by the usual evidence; each gives a score ("4.8" "/5" in an
    element named for the score), which is evidence enough. Every review is kept, in order,
    and the "有用(3)" buttons and dates go as per-post chrome."""
    result = extract_html(B.unlinked_reviews())
    assert result.page_type == "forum"
    lines = result.text.splitlines()
    assert [line for line in lines if line in B.HR_TEXTS] == B.HR_TEXTS
    assert not any(line.startswith(("有用", "发布于")) for line in lines)


def _text_rated_card(i: int, title: str, text: str) -> str:
    score = f'<span class="rating-other-user-rating"><span>{9 - i}</span><span class="point-scale">/10</span></span>'
    byline = (f'<div class="display-name-date"><span><a href="/user/{i}">viewer{i}</a></span>'
              f'<span class="review-date">1{i} January 2024</span></div>')
    helpful = f'<div class="actions">{20 + i} out of {30 + i} found this helpful. Was this review helpful?</div>'
    return (f'<div class="lister-item"><div class="review-container"><div class="ipl-ratings-bar">{score}</div>'
            f'<a class="title" href="/review/{i}">{title}</a>{byline}'
            f'<div class="content"><div class="text">{text}</div>{helpful}</div></div></div>')


def test_reviews_that_give_their_rating_as_text_are_a_forum_page() -> None:
    """Each review shows "N/10" in an element named for the rating, and a title link: the titles
    do not make the reviews an index's entries."""
    cards = "".join(_text_rated_card(i, t, x) for i, (t, x) in enumerate(zip(B.RC_TITLES, B.RC_TEXTS, strict=True)))
    page = ("<html><head><title>Harbour Broadband - User Reviews</title></head><body>"
            f'<div class="nav"><a href="/">Home</a></div><h1>User Reviews</h1>'
            f'<div class="lister"><div class="lister-list">{cards}</div></div></body></html>')
    result = extract_html(page)
    assert result.page_type == "forum"
    assert [line for line in result.text.splitlines() if line in B.RC_TEXTS] == B.RC_TEXTS


@pytest.mark.parametrize("named_quote", [False, True])
def test_a_quote_box_before_a_replys_text_box_leads_that_reply(named_quote: bool) -> None:
    """The quote box sits before the reply's text box in the reply's main pane (not in the text
    box itself): the quoted words, built like a floor's paragraphs or in a box named a quote,
    lead the reply; their source line ("引用 X 发表于 2楼", "引用 X 的回复（2楼）：") is chrome."""
    result = extract_html(B.car_floors(named_quote))
    assert result.page_type == "forum"
    quoted = [(B.CF_POSTS[B.CF_QUOTED[i]], t) if i in B.CF_QUOTED else (t,) for i, t in enumerate(B.CF_POSTS)]
    assert result.text.splitlines() == [B.CF_TITLE, *[line for lines in quoted for line in lines]]


@pytest.mark.parametrize("line", [
    "Quote from: ann on January 14, 2024, 10:22:11 PM",
    "Quote from: Old Bert on January 13, 2024, 08:14:52 AM",
    "@ann_lee wrote:",
    "(01-12-2024, 11:03 AM)ann_lee Wrote:",
    "Originally posted by Old Bert:",
    "Post by ann » Sun Feb 11, 2024 9:14 am",
    "Reply Post by [ann_lee] (2024-01-12 09:58):",
    "Reply to Reply Post by [ann_lee] (2024-01-12 09:41)",
    "[Reply]Post by [ann_lee] (2024-01-12 09:58):",  # the link's text in brackets
    "Reply to [Reply] Post by [ann_lee] (2024-01-12 09:41)",
    "老陈 发表于 2024-3-1 10:30",
    "引用 老陈 发表于 5楼",
    "引用 老陈 发表于 楼主",
    # a Q&A site's request under an answer, and an accepted answer's label
    'If the answer is helpful, please click "Accept Answer" and upvote it. For more questions, click "Comment".',
    'Please remember to "Accept Answer" if a reply helped, so that others with the same problem can find the solution.',
    "Please mark as answer if this helped.",
    "希望对你有帮助，望采纳！",
    "满意请采纳哦~",
    "本回答被提问者和网友采纳",
    # a board's notice where a guest sees no content, and its greeting to guests; a bare label
    "本帖隐藏的内容需要回复才可以浏览",
    "游客，您好！如果您已经注册，请登录；如果您尚未注册，请立即注册。",
    "问题补充：",
    "追答：",
    "购买18天后追评",  # a follow-up review's label
    "引用 车友3 的回复（3楼）：",
    # a BBS post's mail-style header and footer lines
    "发信人: trailrunner (山路跑者), 信区: Running",
    "标  题: Re: 下坡膝盖疼怎么办",
    "发信站: 某某社区 (Tue Mar 12 09:41:23 2024), 站内",
    "【 在 trailrunner (山路跑者) 的大作中提到: 】",
    "※ 来源:·某某社区 bbs.example.org·[FROM: 10.0.0.*]",
    "发自「某某社区 on Android」",  # a client app's tail
    "原帖由 冷气师傅 於 2023-11-3 15:05 發表",  # an older Discuz's quotation source line
])
def test_a_quotations_source_line_or_a_request_to_accept_an_answer_is_chrome(line: str) -> None:
    assert chrome.is_chrome(line)


@pytest.mark.parametrize("line", [
    "Quote from: ann",  # no time: may open a quotation in the post's own words
    "Quote from: the old gardener on his allotment every spring",
    "In reply to the council on May 2, the residents wrote a letter.",
    "他的第一篇论文发表于 2020-01-01，后来被引用了很多次。",
    "老陈发表于去年的那篇游记写得很好",
    "I tried to mark the reply as the answer but nothing happened, please help.",
    "Please vote in the local election on Thursday.",
    "Please accept my apologies for the late reply.",
    "我觉得楼上说得对，请楼主采纳他的回答",
    "他的建议我采纳了，效果很好。",
    "游客们周末都去了公园，登录山顶的人很多。",
    "问题补充：我的车是两年前买的，电池一直没换过。",
    "标题党的文章最近越来越多了",
    "我追评一下，穿了一个月还是很暖和。",
    "在他的大作中提到的观点我不同意",
    "原帖由他在上个月发表，后来被置顶了。",
])
def test_a_sentence_about_a_post_a_quote_or_an_answer_is_kept(line: str) -> None:
    assert not chrome.is_chrome(line)


def test_a_bbs_reply_loses_the_post_it_quotes_and_its_signature() -> None:
    """A BBS reply in mail style: its own text, then the quoted post (": " lines under the
    "【 在 X 的大作中提到: 】" header), then "--" and the signature the board sets under every
    post of its author."""
    own = ["下坡的时候步子放小一点，膝盖会舒服很多。", ": 这句以冒号开头，但不在引文里，照样是正文"]
    post = [*own, "【 在 trailrunner (山路跑者) 的大作中提到: 】", ": 每次下山膝盖外侧都疼，",
            ": 有什么办法吗？", "--", "山路漫漫，一步一步来"]
    kept, dropped = chrome.mail_quote_and_signature(post)
    assert kept == [*own, "【 在 trailrunner (山路跑者) 的大作中提到: 】"]
    assert dropped == [": 每次下山膝盖外侧都疼，", ": 有什么办法吗？", "--", "山路漫漫，一步一步来"]


@pytest.mark.parametrize("lines", [
    ["--", "一行破折号开头的帖子，下面的字还是正文"],  # nothing before it: no signature cut
    ["今天的比分是 3", ": 2，很精彩"],  # a colon line with no quotation header before it
])
def test_a_post_without_a_quotation_header_or_a_signature_keeps_every_line(lines: list[str]) -> None:
    assert chrome.mail_quote_and_signature(lines) == (lines, [])


def test_replies_that_name_whom_they_answer_are_replies_not_the_comments_bylines() -> None:
    """Each reply under a comment links its own author and then the comment's author ("r01 回复
    股友c0："): the reply's author is the first name it links, so the reply is another's, kept
    under the comment it answers."""
    result = extract_html(B.stock_board())
    assert result.page_type == "forum"
    assert result.text.splitlines() == B.stock_board_texts()


def test_a_table_that_holds_every_post_is_no_post_beside_them() -> None:
    """The posts sit in one table and the related threads in another of the same class; a link
    above the posts (Thread Modes) makes the posts look like replies in the first table. Each
    body belongs to the innermost post that holds it, so the table claims none: every post is
    kept once, without its user card (Posts: 41, Joined …) and time; the quote's cite, its time
    first ("(05-02-2024, 10:12 AM)old_sparks Wrote:"), is chrome."""
    result = extract_html(B.table_of_posts())
    assert result.page_type == "forum"
    assert result.text.splitlines() == [B.TP_TITLE, B.TP_POSTS[0], B.TP_POSTS[1], *B.TP_POSTS[1:]]


@pytest.mark.parametrize("question_in_timeline", [False, True])
def test_a_discussion_whose_headers_are_headings_keeps_every_comment_and_drops_the_answer_preview(
        question_in_timeline: bool) -> None:
    """Each comment's header is an <h3> holding its author's link and its time: a heading that
    shows a time is a post's header, so its link names the author (replies nested under the
    answer were lost, and the page read as an article of the preview). The accepted answer's
    preview under the question (its first words cut short by "…", "Answered by", "View full
    answer") is the answer a second time and goes, also when the question is the first of the
    posts."""
    result = extract_html(B.discussion(question_in_timeline))
    assert result.page_type == "forum"
    assert result.text.splitlines() == B.discussion_texts()
    assert ("post_chrome", next(t for r, t in result.removed if t.startswith("Answered by"))) in result.removed


def test_prose_a_framework_class_hides_is_no_part_of_the_question() -> None:
    """A tag list between the question and the answers carries each tag's description in a
    `visually-hidden` span (for screen readers): that prose neither makes a lead block nor
    draws the tag list into the question."""
    tags = ('<div class="question-tags"><ul class="post-taglist"><li><a class="post-tag" href="/tags/cast-iron">'
            'cast-iron</a><span class="visually-hidden">Cookware made of cast iron, which needs seasoning with oil '
            'to keep from rusting, as many cooks know.</span></li></ul></div>')
    page = B.stack().replace('<div id="answers">', tags + '<div id="answers">', 1)
    assert extract_html(page).text.splitlines() == [B.Q, B.QB, *B.ANS]


def test_a_review_printed_as_an_excerpt_then_whole_is_kept_once() -> None:
    """Each review's first lines are cut by "..." and an expander (展开评价), and the whole review
    follows, hidden by a class until it is clicked: the excerpt goes, so each review is read once,
    the whole of it, and the page is read as its reviews (before, the two copies split each
    review's weight, no body was found and the page was an article of the first review)."""
    result = extract_html(B.shop_reviews())
    assert result.page_type == "forum"
    assert result.text.splitlines() == [B.SR_TITLE, *B.SR_REVIEWS]


def test_a_whole_review_hidden_by_its_style_after_its_excerpt_is_kept_and_the_excerpt_goes() -> None:
    """The whole review after its excerpt is hidden by an inline style, which the parser
    prunes before it reads the page: hidden, but the text the excerpt cuts short, so it is
    kept (before, only the excerpts were left)."""
    result = extract_html(B.shop_reviews(style_hidden=True))
    assert result.page_type == "forum"
    assert result.text.splitlines() == [B.SR_TITLE, *B.SR_REVIEWS]


@pytest.mark.parametrize("page", [
    # an ellipsis with no whole text after it: a teaser, kept
    "<div class='a'><p>第一段话说到一半就停了下来，后面没有别的内容了，读者只能猜测...</p></div>"
    "<div class='b'><p>另一段</p></div>",
    # the next box goes on with other words: no whole text of this one
    "<div class='a'><p>第一段话说到一半就停了下来，后面没有别的内容了...</p></div>"
    "<div class='b'><p>第二段话完全不同，讲的是另一件事情，和前面没有关系，也更长一些。</p></div>",
])
def test_an_ellipsis_without_its_whole_text_after_it_stays(page: str) -> None:
    from lxml import etree

    from hanflow.extract.block import measure
    from hanflow.extract.excerpts import drop_excerpts

    root = etree.fromstring(f"<html><body>{page}</body></html>", etree.HTMLParser())
    before = etree.tostring(root)
    candidates = measure(root).cut
    assert candidates  # the text that ends in an ellipsis is a candidate
    assert not drop_excerpts(candidates)
    assert etree.tostring(root) == before


def test_an_issue_whose_events_outnumber_its_comments_keeps_every_comment_and_its_description_once() -> None:
    """An issue's timeline holds events ("added the bug label", "changed the milestone"), each a
    header of links without prose, between its comments: the comments' body is in fewer than
    half of the notes, but the notes that say something all hold it, so the page is a thread
    of its comments. The log between the description's paragraphs is printed once."""
    result = extract_html(B.issue_events())
    assert result.page_type == "forum"
    assert result.text.splitlines() == [B.ISSUE_TITLE, B.ISSUE[0], "Steps to reproduce", *B.REPRO, *B.LOG,
                                        B.AFTER_LOG, "Environment", *B.SETUP, *B.ISSUE[1:]]
    assert not any(event in result.text for event in B.EVENTS)


def test_a_storys_title_in_its_header_and_its_quoted_text_in_italics_lead_the_comments() -> None:
    """The story's <h2> sits in its <header>, which is pruned: holding the whole title, on a
    page without an <h1>, it stays as the headline. The story's text is mostly a quoted report
    set in <i>, prose all the same, so the story leads the thread rather than a note above the
    comments."""
    result = extract_html(B.story_comments())
    assert result.page_type == "forum"
    lines = result.text.splitlines()
    assert lines[0].startswith(B.STORY_TITLE)
    assert lines[1:] == [B.STORY, *B.POSTS[1:]]


def test_a_shop_review_list_without_names_ratings_or_times_outside_the_text_is_its_reviews() -> None:
    """No linked name, no rating, the date inside each review's box: the buttons that act on a
    review (有用(5), 举报), outside its text, are per-post chrome enough. Each review's text is
    kept with its later addition; the labels and the variant line are chrome."""
    result = extract_html(B.shop_review_list())
    assert result.page_type == "forum"
    assert result.text.splitlines() == ["不锈钢保温杯 500ml", B.SR_TEXTS[0], B.SR_LATER, *B.SR_TEXTS[1:]]


def test_answers_that_are_mostly_code_keep_their_sentences_around_the_code() -> None:
    """Each answer's code block holds most of its text: the body is the answer's text box,
    its sentences before and after the code included, not the code alone."""
    result = extract_html(B.code_answers())
    assert result.page_type == "forum"
    expected = [B.CQ_TITLE, B.CQ_QUESTION]
    for lead, code, after in B.CQ_ANSWERS:
        expected += [lead, *(line for line in code if line), after]  # a blank line of code is none of the text
    assert [line.strip() for line in result.text.splitlines()] == [line.strip() for line in expected]


def test_a_best_answer_set_apart_above_the_others_is_part_of_the_thread() -> None:
    """The best answer, in a box of its own, is built like the other answers but holds many
    times their text: it is no article with comments under it. The question, the best answer
    and the other answers are the text, in order."""
    result = extract_html(B.best_answer_apart())
    assert result.page_type == "forum"
    assert result.text.splitlines() == [B.BA_TITLE, B.BA_QUESTION, *B.BA_BEST, *B.BA_OTHERS]


def test_an_article_sharing_its_comments_class_but_not_their_build_is_an_article() -> None:
    """An article in a box with the comments' item class, but built of paragraphs where a
    comment has its meta, body and foot: the comments stay comments under an article."""
    comments = "".join(B._ba_item(i + 1, f'<div class="qa-content"><span class="txt">{t}</span></div>')
                       for i, t in enumerate(B.BA_OTHERS))
    article = [*B.BA_BEST, *B.BA_MORE]
    page = (f"<html><head><title>阳台番茄坐果指南</title></head><body><h1>阳台番茄坐果指南</h1>"
            f'<div class="qa-item">{"".join(f"<p>{t}</p>" for t in article)}</div>'
            f'<div class="comments"><h2>评论</h2>{comments}</div></body></html>')
    result = extract_html(page)
    assert result.page_type == "article"
    assert result.text.splitlines() == article


def test_role_badges_and_a_hidden_copy_of_each_comments_source_are_not_its_text() -> None:
    """A role badge on a line of its own (Owner, Maintainer) is chrome, and the copy of a
    comment's source that a prefixed utility class (`tw-hidden`) hides until "Edit" is no
    second copy of its text."""
    result = extract_html(B.role_badges())
    assert result.page_type == "forum"
    assert result.text.splitlines() == [B.RB_TITLE, *B.RB_COMMENTS]


def test_a_user_named_like_a_role_is_still_an_author() -> None:
    """A poster called "admin" links a name, not a badge: every comment keeps its author."""
    result = extract_html(B.role_badges(user="admin"))
    assert result.page_type == "forum"
    assert result.text.splitlines() == [B.RB_TITLE, *B.RB_COMMENTS]


def test_replies_in_a_box_after_the_comment_they_answer_are_posts_in_order() -> None:
    """Each comment's replies stand in an "indented" box after it, not inside it: they are
    posts of the thread, in page order (the top-level comments had been lost to the thread
    of the indented boxes), and a reply's code block between its paragraphs is its text."""
    result = extract_html(B.indented_replies())
    assert result.page_type == "forum"
    assert [line.strip() for line in result.text.splitlines()] == [line.strip() for line in B.indented_texts()]


def test_replies_built_unlike_their_posts_keep_the_code_between_their_paragraphs() -> None:
    """The bodies of replies built unlike the posts lie at a path of their own; ending at
    paragraphs, it is widened to their container as the posts' path is, so that a code block
    between a reply's paragraphs stays."""
    from lxml import etree

    from hanflow.extract.posts import _widened
    from hanflow.extract.repeats import at_path

    root = etree.fromstring(
        '<div><div class="post"><a href="/u/a">ann</a><time>10:00</time><div class="body"><p>One.</p></div>'
        '<div class="reply"><a href="/u/b">bo</a><time>10:05</time><div class="text"><p>Two.</p><pre>x = 1</pre>'
        '<p>Three.</p></div></div></div><div class="post"><a href="/u/c">cy</a><time>11:00</time><div class="body">'
        '<p>Four.</p></div><div class="reply"><a href="/u/d">di</a><time>11:05</time><div class="text"><p>Five.</p>'
        "</div></div></div></div>", etree.HTMLParser()).find(".//body/div")
    posts, replies = root.findall("div"), root.findall(".//div[@class='reply']")
    path, other = (("div", "body"), ("p", "")), (("div", "text"), ("p", ""))
    bodies = {post: at_path(post, path) for post in posts} | {reply: at_path(reply, other) for reply in replies}
    _, wide = _widened(path, bodies, (set(replies), other))
    assert [[el.get("class") for el in wide[reply]] for reply in replies] == [["text"], ["text"]]


@pytest.mark.parametrize("tag", ["p", "div"])
def test_an_owners_reply_beside_a_review_follows_that_review(tag: str) -> None:
    """The owner's reply sits beside the review's text box, in a box with its own label and
    date: its text follows the review it answers; the label and the date go."""
    result = extract_html(B.owner_replies(tag))
    assert result.page_type == "forum"
    assert result.text.splitlines() == ["The Old Mill Guest House", *B.OR_TEXTS[:3], B.OR_REPLY, B.OR_TEXTS[3]]


def test_an_owners_reply_whose_date_sits_beside_its_text_follows_the_review() -> None:
    """A business page of unnamed sections (utility classes with digits), one holding the
    reviews: the owner's reply has its date in a box beside the box of its text, two levels
    up from the paragraph; it follows the review it answers. The other sections are no part
    of the thread."""
    result = extract_html(B.sectioned_business())
    assert result.page_type == "forum"
    lines = result.text.splitlines()
    assert [line for line in lines if line in (*B.OR_TEXTS, B.OR_REPLY)] == [*B.OR_TEXTS[:3], B.OR_REPLY, B.OR_TEXTS[3]]
    assert not any(line.startswith(("Mon Closed", "Morning bun", "12 Photos")) for line in lines)


def test_comments_that_link_no_user_but_show_a_time_and_a_reply_control_are_the_thread() -> None:
    """No comment links its user (a name in a <div>), one links a mention: each comment's
    time and its 回复 control are a post's chrome, so the comment list is a thread, led by
    the video's description."""
    result = extract_html(B.plain_name_comments())
    assert result.page_type == "forum"
    lines = result.text.splitlines()
    assert lines[0] == B.VC_TITLE and B.VC_INTRO in lines
    said = [line.replace("@灯泡 ", "") for line in lines]
    assert [line for line in said if line in B.VC_COMMENTS] == B.VC_COMMENTS


def test_answers_whose_bodies_differ_by_an_unnamed_wrapper_are_one_thread() -> None:
    """Two answers say something, a third only cheers: the first answer's body lacks the
    <span> wrapper the others' have (collapsed, not expanded), so no path holds both bodies
    strictly. The path's named steps hold them both: the page is the question and every
    answer."""
    answers = [B.ZA[0], B.ZA[1], "顶！"]
    result = extract_html(B.zhihu(answers, wrapped_from=1))
    assert result.page_type == "forum"
    lines = result.text.splitlines()
    assert [line for line in lines if line in answers] == answers


def test_an_opening_post_writing_in_the_replies_body_box_makes_the_page_a_thread() -> None:
    """The opening post outweighs the short replies, and the page says og:type article, but
    its text sits in the same named body box as every reply's: the page is a thread, and
    its text the opening post and every reply, without floor numbers or action bars."""
    result = extract_html(B.opening_body_alike())
    assert result.page_type == "forum"
    assert result.text.splitlines() == [B.OB_TITLE, *B.OB_OPENING, *B.OB_REPLIES]


def test_an_article_whose_body_box_is_not_the_comments_keeps_its_comments_out() -> None:
    """The same page with the opening text in a box of its own name: an article (og:type)
    with short comments under it, whose text is the article alone."""
    result = extract_html(B.opening_body_alike(box="topic-text"))
    assert result.page_type == "article"
    assert not any(reply in result.text for reply in B.OB_REPLIES)
    assert all(p in result.text for p in B.OB_OPENING)


def test_boxes_one_of_which_holds_the_replies_are_no_thread_of_their_own() -> None:
    """The page's boxes each show a name and a time, so they read as posts, but one of them
    holds the replies, a thread of their own: the replies are the thread, led by the topic,
    without the box headers' names, times and counts."""
    result = extract_html(B.boxed_cells())
    assert result.page_type == "forum"
    assert result.text.splitlines() == [B.CB_TITLE, B.CB_TOPIC, *B.CB_REPLIES]


def test_comments_with_lists_of_replies_keep_their_own_text() -> None:
    """Two comments carry the list of replies to them, more text than the comment itself:
    each comment's body is its own text, not its list of replies (which held no text in the
    comments without replies, so those were lost)."""
    result = extract_html(B.plain_name_comments(sub_replies=True))
    assert result.page_type == "forum"
    lines = [line.replace("@灯泡 ", "") for line in result.text.splitlines()]
    assert [line for line in lines if line in B.VC_COMMENTS] == B.VC_COMMENTS
    assert not any(line.startswith(("共", "2023-")) for line in lines)


def test_a_reply_alone_in_its_list_is_a_post_as_the_listed_replies_are() -> None:
    """A comment answered once carries a list of one reply, built as the longer lists of the
    other comments are: that reply is a post too, after the comment it answers (it was read
    as nothing, being no list of two)."""
    result = extract_html(B.plain_name_comments(sub_replies=True, lone_reply=True))
    lines = [line.replace("@灯泡 ", "") for line in result.text.splitlines()]
    assert lines[-2:] == [B.VC_COMMENTS[3], B.VC_LONE_REPLY]
    assert [line for line in lines if line in B.VC_SUBREPLIES] == B.VC_SUBREPLIES


def test_a_thread_whose_title_adds_its_state_keeps_its_posts() -> None:
    """The page's title and headline add "[SOLVED]" to the subject each post repeats: the
    posts' subject links still lead to this page (they are no teasers), and the page is the
    thread, led by its headline as shown."""
    result = extract_html(B.phpbb(state=" [SOLVED]"))
    assert result.page_type == "forum"
    assert result.text.splitlines() == [f"{B.TITLE} [SOLVED]", *B.POSTS]


def test_a_layout_column_reading_as_a_thread_of_the_same_posts_gives_way_to_the_posts() -> None:
    """A board page built with utility classes (NodeBB's markup, the text written for the
    tests): a column of the page shares the first class `d-flex` with boxes inside each post,
    so it reads as a thread holding the same prose as the posts' own list. The innermost of
    such threads is the posts': each post once, in order (the column's reading printed two
    answers twice, before the thread)."""
    page = (Path(__file__).parent / "data" / "pages" / "utility_board.html").read_text(encoding="utf-8")
    result = extract_html(page)
    lines = result.text.splitlines()
    assert result.page_type == "forum"
    assert len(lines) == len(set(lines))
    assert lines[0] == "Zigbee door sensors drop off the network every 3-4 days"
    assert any(line.startswith("I have eleven Zigbee contact sensors") for line in lines[:3])
    assert lines[-1] == "Marking this as solved. Thanks, everyone!"


def test_a_comments_author_written_before_its_text_is_chrome() -> None:
    """Each comment opens with its author's linked name and a colon: the name is the post's
    chrome, the text after the colon its body."""
    result = extract_html(B.named_comments())
    assert result.page_type == "forum"
    lines = result.text.splitlines()
    assert [line for line in lines if line in B.NC_COMMENTS] == B.NC_COMMENTS
    assert not any(line.startswith("读者") for line in lines)


def test_a_bbs_posts_pushes_keep_their_text_without_ids_addresses_or_times() -> None:
    """Each push is a row of plain parts under the post: its tag, id, address and time are
    its chrome, and only its text stays."""
    text = extract_html(B.bbs_pushes()).text
    assert all(line in text for line in [*B.BP_POST, *B.BP_PUSHES])
    assert "camper0" not in text and "1.160." not in text and "21:1" not in text


def test_rows_of_dated_events_in_an_article_keep_every_part() -> None:
    """Rows of a date, a place and what happens show no time of day: no comments, all text."""
    text = extract_html(B.event_rows()).text
    assert all(part in text for row in B.EV_ROWS for part in row)


def test_messages_whose_classes_are_all_generated_are_posts_by_their_item_role() -> None:
    """A mailing-list archive's messages carry only generated class names (each with digits)
    and name their senders in plain text: their `role="listitem"` names what they are, and
    each shows a date with its time ("Mar 11, 2024, 9:02:15 AM") and a "Reply all" control, so
    they are a thread of posts (before, an article of the first message and the headers)."""
    result = extract_html(B.group_messages())
    assert result.page_type == "forum"
    assert result.text.splitlines() == [B.GG_TITLE, *(text for _, _, text in B.GG_MESSAGES)]


@pytest.mark.parametrize(("when", "control", "expected"), [
    ("Mar 11, 2024, 9:02:15 AM", "Reply all", True),
    ("Mar 11, 2024 at 9:02 pm", "Reply to author", True),
    ("Mar 11, 2024, 9:02:15 AM", "Forward", False),  # passes the post on, does not answer it
    ("March 2024 was wet", "Reply", False),  # a sentence, not a time
])
def test_a_box_with_a_written_time_and_a_reply_control_is_answerable(when: str, control: str, expected: bool) -> None:
    from lxml import etree

    from hanflow.extract.chrome import answerable

    box = etree.fromstring(f"<div><span>{when}</span><p>Some text of the message.</p><span>{control}</span></div>")
    assert answerable(box) is expected


def test_a_mail_style_bbs_thread_keeps_each_posts_own_lines() -> None:
    """Each post of a mail-style BBS thread keeps its own lines: not the header and footer
    lines, the post it quotes, the "--" line or the signature under it."""
    result = extract_html(B.mail_board())
    assert result.page_type == "forum"
    assert result.text.splitlines() == [B.MB_TITLE, *(line for own in B.MB_POSTS for line in own)]


@pytest.mark.parametrize(("line", "expected"), [
    ("Re: Router drops the 5 GHz band at night", True),
    ("RE:Router drops the 5 GHz band at night", True),
    ("回复：Router drops the 5 GHz band at night", True),
    ("Re: a question about the same router", False),  # another subject
    ("Router drops the 5 GHz band at night", False),  # the title alone: the title rule's
    ("Re: Router drops the 5 GHz band at night, and here is why", False),
])
def test_a_replys_subject_is_re_and_the_threads_title(line: str, expected: bool) -> None:
    from hanflow.extract.lines import normalized

    assert chrome.reply_subject(line, normalized("Router drops the 5 GHz band at night")) is expected
