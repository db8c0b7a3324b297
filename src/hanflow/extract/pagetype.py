"""Page type, decided from the page itself: `article`, `forum` (thread, Q&A, comments or
reviews) or `listing` (index and list pages).

A type the page declares in JSON-LD (NewsArticle, BlogPosting; QAPage,
DiscussionForumPosting) is taken as it is. Otherwise a thread of posts makes a forum unless
a separate block of prose outweighs it: an article with comments under it is an article, a
question with its answers is a forum. A page whose text is mostly teaser lists, with no
prose block left once they are set aside, is a listing.
"""

from __future__ import annotations

from hanflow.extract.block import Stats
from hanflow.extract.posts import Thread

ARTICLE, FORUM, LISTING = "article", "forum", "listing"
PAGE_TYPES = (ARTICLE, FORUM, LISTING)
_DECLARED = {
    ARTICLE: {"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
              "OpinionNewsArticle", "BackgroundNewsArticle", "TechArticle", "ScholarlyArticle",
              "Report", "LiveBlogPosting"},
    FORUM: {"QAPage", "DiscussionForumPosting", "Question", "SocialMediaPosting"},
    LISTING: {"CollectionPage", "SearchResultsPage"},
}
MIN_ARTICLE = 200  # plain prose below which a page of teaser lists has no article
MIN_POSTS = 3  # a thread the page does not declare needs this many posts


def declared_type(types: set[str]) -> str | None:
    """The type JSON-LD declares; a forum type wins over an article type (forum software
    often declares both)."""
    for page_type in (FORUM, ARTICLE, LISTING):
        if types & _DECLARED[page_type]:
            return page_type
    return None


def thread_type(declared: str | None, thread: Thread | None, stats: Stats) -> str | None:
    """FORUM when the page is a thread, else None (article or listing, decided later)."""
    if declared == ARTICLE or thread is None:
        return FORUM if declared == FORUM else None
    if declared == FORUM:
        return FORUM
    if len(thread.posts) < MIN_POSTS:
        return None
    outside = _best_outside(thread, stats)
    if outside >= 3 * thread.largest and outside >= 0.4 * thread.prose:
        return None
    return FORUM


def _best_outside(thread: Thread, stats: Stats) -> int:
    """The most net prose outside the thread's container: of an element apart from it, or of
    an element around it less the container's own (an article with comments under it)."""
    container = thread.group.parent
    inner = stats.net.get(container, 0)
    around = set(container.iterancestors())
    best = max((stats.net.get(a, 0) - inner for a in around), default=0)
    related = set(container.iter()) | around
    return max(best, max((n for el, n in stats.net.items() if el not in related), default=0))


def is_listing(teaser_text: int, article_prose: int, page_text: int) -> bool:
    """Teaser lists hold most of the page and no article is left beside them."""
    return article_prose < MIN_ARTICLE and teaser_text * 2 >= page_text
