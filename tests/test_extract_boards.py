"""Threads of the common board, Q&A and review layouts (pages in `board_samples`, written for
the tests): each is a forum page whose text is the headline, the question, and every post
(a best answer set apart from the others included)."""

from __future__ import annotations

import pytest

from hanflow.extract import extract_html
from tests import board_samples as B

EXPECTED = {
    "xenforo": [B.TITLE, *B.POSTS],
    "phpbb": [B.TITLE, *B.POSTS],
    "vbulletin": [B.TITLE, *B.POSTS],
    "discourse": [B.TITLE, *B.POSTS],
    "discuz": [B.ZT, *B.ZH],
    "tieba": [B.TT, *B.TB],
    "stack": [B.Q, B.QB, *B.ANS],
    "zhihu": ["预算五千，新手买什么相机好？", "想买第一台相机，主要拍旅行风景和家人，不知道选单反还是微单。", *B.ZA],
    "reviews": B.RV,
    "zhidao": [B.ZQ, B.ZQB, B.ZBEST, *B.ZOTHER],
    "utility": [B.TITLE, *B.POSTS],
    "issue": [B.ISSUE_TITLE, *B.ISSUE],
    "forms": [B.TITLE, *B.POSTS],
    "headed": [B.TITLE, *B.POSTS],
    "boxed": B.POSTS,
    "subjects": [B.TITLE, *B.POSTS],
    "wrapped": [B.TITLE, *B.POSTS],
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
