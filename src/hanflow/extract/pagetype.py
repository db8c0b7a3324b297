"""Page type, decided from the page itself: `article`, `forum` (thread, Q&A, comments or
reviews) or `listing` (index and list pages).

A type the page declares in JSON-LD (NewsArticle, BlogPosting; QAPage,
DiscussionForumPosting) is taken as it is. Otherwise a thread of posts makes a forum, unless
a separate block of prose outweighs all the posts together (thrice, unless the page calls
itself an article in og:type) and each one thrice: an article with comments under it is an
article; a question with its answers, a post with its replies are a forum (also when the
best answer is set apart from the others, built like them). A page whose text is mostly
teaser lists, with no prose block left once they are set aside, is a listing.
"""

from __future__ import annotations

import re

from hanflow.extract.block import Stats
from hanflow.extract.posts import Thread, bodies_alike, enough_posts, set_apart

ARTICLE, FORUM, LISTING = "article", "forum", "listing"
PAGE_TYPES = (ARTICLE, FORUM, LISTING)
_DECLARED = {
    ARTICLE: {"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
              "OpinionNewsArticle", "BackgroundNewsArticle", "TechArticle", "ScholarlyArticle",
              "Report", "LiveBlogPosting"},
    # Not SocialMediaPosting: a platform's post may be a status with its replies or a blog
    # article of its own; the structure tells which.
    FORUM: {"QAPage", "DiscussionForumPosting", "Question"},
    LISTING: {"CollectionPage", "SearchResultsPage"},
}
_ARTICLE_OG = re.compile(r"article|news|blog", re.I)
MIN_ARTICLE = 200  # plain prose below which a page of teaser lists has no article


def declared_type(types: set[str]) -> str | None:
    """The type JSON-LD declares; a forum type wins over an article type (forum software
    often declares both)."""
    for page_type in (FORUM, ARTICLE, LISTING):
        if types & _DECLARED[page_type]:
            return page_type
    return None


def is_live_blog(types: set[str]) -> bool:
    """A live blog is an article made of timestamped entries: built like a thread, and its
    text, not comments under it."""
    return "LiveBlogPosting" in types and not types & _DECLARED[FORUM]


def thread_type(declared: str | None, thread: Thread | None, stats: Stats, og_type: str | None = None,
                ) -> str | None:
    """FORUM when the page is a thread, else None (article or listing, decided later)."""
    if declared == ARTICLE or thread is None:
        return FORUM if declared == FORUM else None
    if declared == FORUM:
        return FORUM
    if not enough_posts(thread):
        return None
    weight = 1 if _ARTICLE_OG.search(og_type or "") else 3
    outside = _best_outside(thread, stats)
    if outside >= 3 * thread.largest and outside >= weight * thread.prose:
        return None
    return FORUM


def _best_outside(thread: Thread, stats: Stats) -> int:
    """The most net prose the posts leave out: of an element outside every post body, less
    the net prose of the bodies inside it (an article with comments under it). A post set
    apart from the others (`set_apart`) counts as a body, and so does an opening post's body
    built like theirs (`bodies_alike`)."""
    bodies = [b for found in thread.bodies.values() for b in found]
    bodies += set_apart(thread, stats) + bodies_alike(thread, stats)
    inside = {el for b in bodies for el in b.iter()}
    adjusted = dict(stats.net)
    for body in bodies:
        for anc in body.iterancestors():
            if anc in inside:
                break
            adjusted[anc] = adjusted.get(anc, 0) - stats.net.get(body, 0)
    return max((n for el, n in adjusted.items() if el not in inside), default=0)


def is_listing(teaser_text: int, article_prose: int, page_text: int) -> bool:
    """Teaser lists hold most of the page and no article is left beside them."""
    return article_prose < MIN_ARTICLE and teaser_text * 2 >= page_text
