"""Pages written for the tests, one per layout the extractor must tell apart: a Q&A page with
several answers, a forum thread, a review list, a listing page, a blog post with comments, an
article with a feed of teasers, comment trees (replies nested in the comments they answer).
Each module-level constant is a page; the *_POSTS / *_BODY lists are the texts that must come
out, in order."""

from __future__ import annotations

QUESTION = "How do I keep the bread crust crisp after baking?"
QUESTION_BODY = ("My sourdough comes out of the oven with a hard crust, but two hours later it is soft "
                 "and chewy. I let it cool on the counter. What am I doing wrong?")
ANSWERS = [
    "Cool the loaf on a wire rack, never on a flat surface. Steam escapes from the bottom and "
    "softens the crust when it has nowhere to go.",
    "Leave it in the switched-off oven with the door ajar for ten minutes. The crust dries out "
    "a little more before the crumb releases its moisture.",
    "Do not wrap it in plastic. A paper bag or a linen cloth keeps it crisp for most of the day.",
]


def _answer(i: int, text: str) -> str:
    return f"""<div class="answer" id="answer-{i}">
      <div class="vote"><button>Up</button><span class="count">{12 - i}</span><button>Down</button></div>
      <div class="answer-body"><div class="prose"><p>{text}</p></div>
        <div class="answer-actions"><a href="/a/{i}">Share</a> <a href="/a/{i}/edit">Improve this answer</a>
          <a href="#">Follow</a></div></div>
      <div class="user-card"><span>answered 3 hours ago</span>
        <a href="/users/{i}/baker{i}">baker{i}</a> <span class="rep">1,20{i}</span></div>
    </div>"""


QA_PAGE = f"""<html><head><title>{QUESTION} - Home Cooking Q&amp;A</title></head><body>
<header><a href="/">Home Cooking</a> <a href="/questions">Questions</a> <a href="/tags">Tags</a></header>
<div id="content">
  <h1 class="question-title">{QUESTION}</h1>
  <div class="question-meta">Asked 2 days ago · Viewed 312 times</div>
  <div class="question"><div class="post-text"><p>{QUESTION_BODY}</p></div>
    <div class="tags"><a href="/t/bread">bread</a> <a href="/t/baking">baking</a></div></div>
  <h2>3 Answers</h2>
  <div id="answers">{"".join(_answer(i, text) for i, text in enumerate(ANSWERS))}</div>
</div>
<div class="sidebar"><h3>Related</h3><ul><li><a href="/q/1">Why is my bread dense?</a></li>
<li><a href="/q/2">How long should dough rest?</a></li></ul></div>
</body></html>"""

THREAD_TITLE = "老房子装修，水电改造要注意什么？"
THREAD_POSTS = [
    "家里是九十年代的老房子，准备今年秋天重新装修，想问问大家水电改造有哪些需要特别注意的地方，预算大概五万左右。",
    "电线一定要全部换掉，老房子的铝线承载不了现在的空调和热水器，别为了省钱留隐患。",
    "同意楼上，另外水管最好走顶不走地，以后漏水好查也好修。",
    "开关插座多留几个",
    "谢谢大家的建议，已经和师傅商量好了，电线全换，水管走顶，下个月开工。",
]


def _post(i: int, text: str) -> str:
    sign = '<div class="signature">生活就是折腾，折腾才有生活。</div>' if i % 2 == 0 else ""
    return f"""<div class="post" id="post{i}">
      <div class="post-author"><a href="/space/{i}" class="author-name">住在{i}号楼</a>
        <div class="author-stats">帖子 {i * 7}　积分 {i * 31}</div><span class="level">中级会员</span></div>
      <div class="post-main">
        <div class="post-head"><span class="floor">{i + 1}楼</span> <em>发表于 2024-03-0{i + 1} 21:1{i}</em></div>
        <div class="post-message">{text}</div>
        {sign}
        <div class="post-actions"><a href="#">回复</a> <a href="#">举报</a> <a href="#">支持</a></div>
      </div>
    </div>"""


FORUM_PAGE = f"""<html><head><title>{THREAD_TITLE} - 家居论坛</title></head><body>
<div class="nav"><a href="/">论坛首页</a> &gt; <a href="/f/3">装修交流</a></div>
<h1 class="thread-subject">{THREAD_TITLE}</h1>
<div class="thread-info">查看: 1283 | 回复: 4</div>
<div id="postlist">{"".join(_post(i, text) for i, text in enumerate(THREAD_POSTS))}</div>
<div class="pager"><a href="?page=2">下一页</a></div>
<div class="footer">关于我们 | 联系方式 | 家居论坛 版权所有</div>
</body></html>"""

REVIEWS = [
    "节奏很稳，前半段有点慢，但最后二十分钟把情绪全部推了上去，看完很久都没缓过来。",
    "演员都很好，剧本差了口气。",
    "配乐加分，摄影也讲究，每一帧都能截图当壁纸。",
    "和原著差别太大了，人物动机完全不对，失望。",
]


def _review(i: int, text: str) -> str:
    stars = ["力荐", "还行", "推荐", "较差"][i]
    return f"""<div class="review-item">
      <div class="review-avatar"><a href="/people/{i}"><img src="/a/{i}.jpg"></a></div>
      <div class="review-main">
        <h3><span class="votes"><span class="vote-count">{40 - i * 9}</span> 有用</span>
          <span class="review-info"><a href="/people/{i}">看电影的人{i}</a> <span>看过</span>
          <span class="rating" title="{stars}"></span>
          <span class="review-time">2024-04-0{i + 1} 1{i}:22:05</span></span></h3>
        <p class="review-content"><span class="short">{text}</span></p>
      </div>
    </div>"""


REVIEW_PAGE = f"""<html><head><title>远山 短评</title></head><body>
<div class="top-nav"><a href="/">首页</a><a href="/chart">排行榜</a></div>
<div id="wrapper"><h1>远山 短评</h1>
  <div class="tabs"><span>看过</span> <span>想看</span></div>
  <div id="comments" class="mod-bd">{"".join(_review(i, text) for i, text in enumerate(REVIEWS))}</div>
  <div class="paginator"><a href="?start=20">后页</a></div>
</div></body></html>"""

TEASERS = [
    ("Council approves new cycle lanes for the harbour district",
     "The plan adds four kilometres of protected lanes by next spring."),
    ("Library extends opening hours during exam season", "Students can study until midnight from May."),
    ("Local bakery wins national sourdough award", "The family business has been open since 1962."),
    ("Storm damage closes the coastal path for a week", "Rangers are clearing fallen trees near the cliffs."),
    ("School choir to perform at the spring festival", "Tickets go on sale on Friday at the town hall."),
    ("New ferry timetable starts on Monday", "Morning crossings will leave every twenty minutes."),
]


def _teaser(i: int, head: str, excerpt: str) -> str:
    return f"""<li class="story-card"><a href="/news/{i}"><img src="/img/{i}.jpg"></a>
      <h3 class="story-title"><a href="/news/{i}">{head}</a></h3>
      <p class="story-excerpt">{excerpt}</p><span class="story-date">2 hours ago</span></li>"""


LISTING_PAGE = f"""<html><head><title>Local news | Harbour Times</title></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<div class="section"><h2>Local news</h2>
  <ul class="story-list">{"".join(_teaser(i, h, e) for i, (h, e) in enumerate(TEASERS))}</ul>
  <div class="more"><a href="?page=2">More stories</a></div></div>
</body></html>"""

ARTICLE_BODY = [
    "The harbour district will get four kilometres of protected cycle lanes by next spring, after the "
    "council approved the plan on Tuesday evening with a large majority.",
    "The lanes will run along the waterfront and connect the ferry terminal with the railway station, "
    "replacing a stretch of on-street parking that residents had long criticised as dangerous.",
    "Construction is expected to start in the autumn. The council said traffic would be kept flowing "
    "during the works, with one lane open in each direction at all times.",
    "Local shop owners were divided. Some welcomed the extra visitors the lanes could bring; others "
    "worried about deliveries and asked for loading bays to be kept near their doors.",
]

FEED_ARTICLE = f"""<html><head><title>Council approves harbour cycle lanes | Harbour Times</title>
<meta property="og:type" content="article"></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<main><article class="story">
  <h1>Council approves harbour cycle lanes</h1>
  <div class="byline">By Ann Carter · 14 May 2024</div>
  <div class="story-body">{"".join(f"<p>{p}</p>" for p in ARTICLE_BODY)}</div>
  <section class="more-from"><h2>More from Harbour Times</h2>
    <ul class="feed">{"".join(_teaser(i, h, e) for i, (h, e) in enumerate(TEASERS[1:]))}</ul></section>
</article></main></body></html>"""

COMMENTS = [
    "Great news, I cycle along the waterfront every day and the traffic there is frightening.",
    "What about the parking? Where are the residents supposed to leave their cars now?",
    "Loading bays are a must, otherwise the shops will suffer.",
]


def _comment(i: int, text: str) -> str:
    return f"""<li class="comment"><div class="comment-meta"><a href="/u/{i}" class="comment-author">reader{i}</a>
      <time datetime="2024-05-14T1{i}:00">14 May 2024 at 1{i}:00</time></div>
      <div class="comment-text"><p>{text}</p></div><a class="reply" href="#">Reply</a></li>"""


BLOG_WITH_COMMENTS = FEED_ARTICLE.replace(
    '<section class="more-from">',
    f'<section id="comments"><h2>3 comments</h2><ol class="comment-list">'
    f'{"".join(_comment(i, t) for i, t in enumerate(COMMENTS))}</ol></section><section class="more-from">')

# Comment trees: replies nested inside the comment they answer.
TREE_TITLE = "Is it worth repairing a thirty-year-old mechanical watch?"
TREE_LEAD = ("My grandfather left me a manual-wind watch from the early nineties. It still runs but loses "
             "about ten minutes a day, and a shop quoted a full service at three times its price new. Is that "
             "normal, and is it worth it?")
# (text, replies): each reply answers the comment it is nested in.
WIDE_TREE = [
    ("A full service means taking the whole movement apart, cleaning every part and replacing the worn "
     "ones. That price is normal for a skilled watchmaker.", [
         ("Agreed. Ask whether the quote includes new seals, or the case will not keep water out.", [
             ("Good point, mine leaked after a cheap service and the dial was ruined.", []),
         ]),
         ("Losing ten minutes a day usually means old oil. It may only need a clean and a regulation.", []),
     ]),
    ("Keep it for the memory, not the money. A watch you inherited is worth more than its price.", []),
    ("Get a second quote from an independent shop before you decide.", [
        ("Independent shops are often half the price of the brand's own service centre.", []),
    ]),
]
DEEP_TREE = [
    ("Honestly I would not bother with the brand service centre, they send the movement away for weeks.", [
        ("Weeks? Mine came back after four months and they had lost the original crown.", [
            ("That is why I photograph a watch from every side before I hand it over.", []),
        ]),
        ("Mine was quick, but the price was close to what the shop above quoted.", [
            ("Prices went up for everyone after parts got harder to find.", [
                ("Old stock parts still turn up at auctions if you are patient enough to wait.", []),
            ]),
        ]),
    ]),
]


def tree_texts(tree: list) -> list[str]:
    """The comments of a tree in document order."""
    return [t for text, replies in tree for t in (text, *tree_texts(replies))]


def _threaded(i: int, text: str, replies: str) -> str:
    """A comment as blog software writes it: the replies in a list after its body."""
    children = f'<ol class="children">{replies}</ol>' if replies else ""
    return f"""<li class="comment depth-{i}" id="comment-{i}"><div class="comment-body">
      <div class="comment-author vcard"><img src="/av/{i}.png"> <cite class="fn"><a href="/u/{i}">keeper{i}</a></cite>
        <span class="says">says:</span></div>
      <div class="comment-meta"><a href="#comment-{i}">February {i + 1}, 2024 at 10:0{i} am</a></div>
      <p>{text}</p>
      <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></div>{children}</li>"""


def _custom(i: int, text: str, replies: str) -> str:
    """A comment as a custom element, its replies nested right in it."""
    return f"""<talk-comment id="c{i}"><div class="meta"><a href="/u/{i}">tinker{i}</a> <span>·</span>
      <time datetime="2024-03-0{i + 1}">{i + 2}h ago</time></div>
      <div class="md"><p>{text}</p></div>
      <div class="actions"><span>{10 + i}</span> <a href="#">Reply</a> <a href="#">Share</a></div>
      {replies}</talk-comment>"""


def render_tree(tree: list, comment, start: int = 0) -> str:
    """The tree's markup, comments numbered in document order from `start`."""
    parts = []
    for text, replies in tree:
        inner = render_tree(replies, comment, start + 1)
        parts.append(comment(start, text, inner))
        start += 1 + len(tree_texts(replies))
    return "".join(parts)


def _tree_page(comments: str) -> str:
    return f"""<html><head><title>{TREE_TITLE} - Watch Talk</title></head><body>
<nav><a href="/">Watch Talk</a> <a href="/forum">Forum</a></nav>
<main><h1>{TREE_TITLE}</h1><div class="op"><p>{TREE_LEAD}</p></div>
{comments}</main>
<footer>About · Contact</footer></body></html>"""


NESTED_LIST_PAGE = _tree_page(f'<h2>7 replies</h2><ol class="commentlist">{render_tree(WIDE_TREE, _threaded)}</ol>')
NESTED_ELEMENT_PAGE = _tree_page(f"<talk-comment-tree>{render_tree(DEEP_TREE, _custom)}</talk-comment-tree>")

# A board whose members sign their posts: one reply is shorter than its author's signature.
SIGNED_TITLE = "Which wood glue holds best outdoors?"
SIGNED_POSTS = [
    "I am building a bench for the garden and the joints will see rain most of the year. Which "
    "glue should I use, and do I need to seal the joints afterwards?",
    "Use a waterproof polyurethane glue, then seal the end grain.",
]
SIGNATURE = ("Thirty years at the lathe and still learning. Everything I post is my own opinion, tried "
             "in my own shed; see my turning notes, my tool reviews and the club's winter courses, "
             "and if a tip saved you a board, my workshop fund takes coins of every size.")


def _signed(i: int, text: str, signed: bool) -> str:
    sign = f'<div class="sig-box"><div class="sig-text"><p>{SIGNATURE}</p></div></div>' if signed else ""
    return f"""<article class="board-post" id="p{i}">
      <div class="who"><h3><a href="/member/{i}">shedworker{i}</a></h3>
        <a href="#p{i}">Posted <time>May {i + 2}</time></a></div>
      <div class="col"><div class="post-in"><div class="post-tools"><a href="#p{i}">Share</a></div>
        <div class="post-wrap"><div class="post-text"><p>{text}</p></div>{sign}</div>
        <div class="post-link"><h5>Link to comment</h5></div></div></div>
    </article>"""


SIGNED_PAGE = f"""<html><head><title>{SIGNED_TITLE} - Shed Forum</title></head><body>
<nav><a href="/">Shed Forum</a> <a href="/f/glue">Glue and finishes</a></nav>
<main><h1>{SIGNED_TITLE}</h1><div class="topic-stats">Replies 1 · Views 88</div>
<form action="/reply">{"".join(_signed(i, t, i == 1) for i, t in enumerate(SIGNED_POSTS))}</form></main>
<footer>About · Contact</footer></body></html>"""

# A help board: most of its text is in replies of one paragraph; one reply holds steps and a
# command between its paragraphs, one quotes another thread (an <aside> holding the source link and a blockquote).
RICH_TITLE = "Backup job stops at 80% every night"
RICH_POSTS = [
    ["Since the last update my nightly backup to the network drive stops at about 80% and the log "
     "only says that the connection was reset. Has anyone seen this?"],
    ["Yes, it is the new power saving setting on the drive. This is how I turned it off:",
     "Open the drive's settings page.", "Set the idle timeout to never.",
     "rsync --timeout=600 -a /home/ /mnt/backup/",
     "After that the job has finished every night for a week."],
    ["Same problem here, and the quoted fix from the old thread worked for me too:",
     "Raise the timeout of the copy job, since the drive takes a minute to wake up.",
     "Thanks, everyone."],
    ["That was it. After I changed the idle timeout on the drive and raised the timeout of the "
     "copy job, the backup has finished before midnight on each of the last five nights, and the "
     "log shows no reset connections any more."],
    ["For anyone finding this later: the same setting exists on the older models too, under the "
     "energy menu rather than under storage, and the firmware update from last month turns it back "
     "on, so check it again after every update of the drive."],
]


def _rich_body(i: int, parts: list[str]) -> str:
    if i == 1:
        return (f"<p>{parts[0]}</p><ol><li>{parts[1]}</li><li>{parts[2]}</li></ol>"
                f"<pre><code>{parts[3]}</code></pre><p>{parts[4]}</p>")
    if i == 2:
        return (f'<p>{parts[0]}</p><aside class="quote"><div class="title"><a href="/t/88/3">'
                f"Copy jobs time out on sleeping drives</a></div><blockquote>{parts[1]}</blockquote>"
                f"</aside><p>{parts[2]}</p>")
    return "".join(f"<p>{p}</p>" for p in parts)


def _rich(i: int, parts: list[str]) -> str:
    return f"""<div class="topic-post" id="post-{i}">
      <div class="post-meta"><a href="/u/user{i}">user{i}</a> <span class="when">{i + 1}h ago</span></div>
      <div class="post-body"><div class="post-text">{_rich_body(i, parts)}</div></div>
    </div>"""


RICH_PAGE = f"""<html><head><title>{RICH_TITLE} - Home Network Help</title></head><body>
<nav><a href="/">Home Network Help</a> <a href="/c/storage">Storage</a></nav>
<main><h1>{RICH_TITLE}</h1>
{"".join(_rich(i, parts) for i, parts in enumerate(RICH_POSTS))}</main>
<aside class="sidebar"><blockquote>Be kind to each other.</blockquote></aside>
<footer>About · Contact</footer></body></html>"""

# Two board layouts. Cells: each post is a row of two cells with one first class name (the
# user's card, the message), its time in a <header>, the author's name in a heading.
# Permalinks: each post is headed by a link to itself worded like the thread ("Re: ...").
BOARD_TITLE = "Sourdough starter smells of nail polish"
BOARD_POSTS = [
    "My starter is ten days old and since yesterday it smells sharply of nail polish remover. "
    "I feed it once a day with rye flour. Is it ruined?",
    "Not at all, that smell means it is hungry. Feed it twice a day for a few days.",
    "Agreed. Also keep it somewhere a little cooler, the warmth makes it burn through its food.",
    "Thank you! Two feedings a day and it smells like yoghurt again.",
]


def _cell_post(i: int, text: str) -> str:
    return f"""<article class="message message--post" id="m{i}"><div class="message-inner">
      <div class="message-cell message-cell--user">
        <h4 class="message-name"><a href="/members/baker{i}">baker{i}</a></h4>
        <h5 class="userTitle">Member</h5><dl class="pairs"><dt>Messages</dt><dd>{i + 3}41</dd></dl></div>
      <div class="message-cell message-cell--main"><header class="message-attribution">
        <a href="/t/1/post-{i}"><time datetime="2024-04-0{i + 1}T09:00:00">Apr {i + 1}, 2024</time></a></header>
        <div class="message-content"><div class="bbWrapper">{text}</div></div>
        <footer class="message-footer"><a href="/posts/{i}/react">Like</a> <a href="/reply?quote={i}">Reply</a></footer>
      </div></div></article>"""


CELL_PAGE = f"""<html><head><title>{BOARD_TITLE} | Bread Board</title></head><body>
<div class="p-title"><h1>{BOARD_TITLE}</h1></div>
<div class="block-body">{"".join(_cell_post(i, t) for i, t in enumerate(BOARD_POSTS))}</div>
<div class="p-sidebar"><h3>Latest</h3>
  <ul><li><a href="/t/2">Rye ratios</a></li><li><a href="/t/3">Oven stones</a></li></ul></div>
</body></html>"""


def _permalink_post(i: int, text: str) -> str:
    return f"""<div id="p{i}" class="post bg{i % 2 + 1}"><div class="inner">
      <dl class="postprofile"><dt><a href="/memberlist?u={i}">baker{i}</a></dt><dd>Posts: {i + 3}</dd></dl>
      <div class="postbody"><h3><a href="#p{i}">{"Re: " if i else ""}{BOARD_TITLE}</a></h3>
        <p class="author">by <a href="/memberlist?u={i}">baker{i}</a> » Tue Apr 0{i + 1}, 2024 9:1{i} am</p>
        <div class="content">{text}</div></div></div></div>"""


PERMALINK_PAGE = f"""<html><head><title>{BOARD_TITLE} - Bread Board</title></head><body>
<div id="page-header"><a href="/">Board index</a></div>
<h2 class="topic-title"><a href="/viewtopic?t=1">{BOARD_TITLE}</a></h2>
{"".join(_permalink_post(i, t) for i, t in enumerate(BOARD_POSTS))}
<div id="page-footer">Powered by the board</div></body></html>"""

LIVE_TITLE = "City marathon live: runners set off in cool, dry conditions"
LIVE_ENTRIES = [
    "The leading group has passed the halfway mark in just over an hour, a little slower than last "
    "year's pace, with six runners still together at the front.",
    "Medical teams say they have treated a handful of runners for blisters and cramp so far, and no "
    "one has needed to go to hospital.",
    "Crowds are three deep along the river embankment, where a brass band has been playing since "
    "the start and volunteers are handing out orange slices.",
    "Good morning and welcome to our coverage of the city marathon. More than twelve thousand "
    "runners are due to start at nine o'clock from the park gates.",
]


def _live_entry(i: int, text: str) -> str:
    return f"""<div class="entry" id="entry-{i}">
      <p class="entry-time"><a href="?entry={i}#entry-{i}"><time datetime="2024-04-21T1{i}:00">1{i}.00</time></a></p>
      <div class="entry-body"><p>{text}</p></div>
      <div class="entry-footer"><a class="share" href="#">Share</a></div></div>"""


LIVE_HEADS = ["Leaders through halfway in just over an hour", "Medical tents report a quiet first hour",
              "Brass band keeps the embankment crowd going", "Twelve thousand runners line up at the park gates"]


def _titled_live_entry(i: int, text: str) -> str:
    """An entry led by its own headline, a link to the entry: a teaser card in shape."""
    return f"""<article class="update-card" id="update-{i}"><div class="update-head">
      <time datetime="2024-04-21T1{i}:00">1{i}.00</time><button>Copy link</button></div>
      <h3 class="update-title"><a href="/live/marathon/update-{i}">{LIVE_HEADS[i]}</a></h3>
      <div class="update-body"><p>{text}</p></div></article>"""


LIVE_BLOG = f"""<html><head><title>{LIVE_TITLE} | Riverside Post</title>
<meta property="og:type" content="article">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "LiveBlogPosting",
 "headline": "{LIVE_TITLE}", "datePublished": "2024-04-21T08:30:00Z"}}</script></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<main><h1>{LIVE_TITLE}</h1>
<div class="updates">{"".join(_live_entry(i, t) for i, t in enumerate(LIVE_ENTRIES))}</div></main>
<footer><p>&copy; Riverside Post</p></footer></body></html>"""


TITLED_LIVE_BLOG = LIVE_BLOG.replace(
    "".join(_live_entry(i, t) for i, t in enumerate(LIVE_ENTRIES)),
    "".join(_titled_live_entry(i, t) for i, t in enumerate(LIVE_ENTRIES)))

# The same updates, two paragraphs each, on a page that declares no live blog, with a cookie
# notice left in the page as a paragraph: what is left once the updates are set aside as
# teasers is that notice, which a line rule then removes.
LIVE_MORE = ["Organisers expect the first finishers a little after eleven o'clock.",
             "Two runners were helped to the tent at the twenty-mile marker with cramp.",
             "The band has promised to keep playing until the last runner passes.",
             "Pens are being opened one by one to keep the start line from crowding."]
COOKIE_PARAGRAPH = ("We use cookies and similar technologies to improve your experience, personalise content "
                    "and ads, and analyse our traffic. By clicking “Accept all”, you agree to our use of cookies.")
UNDECLARED_UPDATES = TITLED_LIVE_BLOG.replace('"LiveBlogPosting"', '"NewsArticle"').replace(
    "<footer>", f'<div class="notice-text"><p>{COOKIE_PARAGRAPH}</p></div><footer>')
for _entry, _more in zip(LIVE_ENTRIES, LIVE_MORE, strict=True):
    UNDECLARED_UPDATES = UNDECLARED_UPDATES.replace(f"<p>{_entry}</p>", f"<p>{_entry}</p><p>{_more}</p>")


CITED_TITLE = "社区菜园的十年"
CITED_BODY = [
    "城东的社区菜园始建于二〇一四年，最初只是一块闲置的停车场，居民自发清理了碎石，分成三十块小菜地。",
    "菜园实行轮值制度，每户每月负责一周的浇水和堆肥，收成的三分之一交给社区食堂，供附近的老人免费取用。",
    "二〇一九年起，附近小学把菜园当作自然课的课堂，学生每学期种一茬萝卜或者豌豆，并写下观察日记。",
    "如今菜园的候补名单已经排到两年以后，街道正在商量把隔壁的空地也划进来，再添二十块菜地。",
]
CITED_SOURCES = [f"作者{i}，《城市社区菜园调查报告》第{i}卷，某某出版社，20{10 + i}-0{i}-1{i}，第{i * 7}页。"
                 for i in range(1, 9)]


def cited_article() -> str:
    """An encyclopedia-style article with a numbered list of its sources under it, each led
    by a "^" link back to its mark in the text."""
    marks = "".join(f'<sup class="reference"><a href="#cite_note-{i}">[{i}]</a></sup>' for i in range(1, 3))
    body = "".join(f"<p>{p}{marks if i == 0 else ''}</p>" for i, p in enumerate(CITED_BODY))
    refs = "".join(f'<li id="cite_note-{i}"><span class="backlink"><b><a href="#cite_ref-{i}">^</a></b></span> '
                   f'<span class="reference-text"><cite class="citation">{s}</cite></span></li>'
                   for i, s in enumerate(CITED_SOURCES, 1))
    return (f'<html><head><meta charset="utf-8"><title>{CITED_TITLE} - 百科</title></head><body>'
            f'<div id="content"><h1 id="firstHeading">{CITED_TITLE}</h1><div class="parser-output">{body}'
            f'<h2>参考文献</h2><ol class="references">{refs}</ol></div></div></body></html>')


FAQ_TITLE = "How to keep a sourdough starter alive while travelling"
FAQ_BODY = [
    "A starter left alone for two weeks will not die. It will sulk, smell of nail polish and need three feeds.",
    "Before you leave, feed it a stiff mix of one part water to two parts flour and keep it in the coldest spot.",
    "When you come back, discard all but a spoonful and feed it twice a day until it doubles within six hours.",
]
FAQ = [
    ("Can I freeze a starter?", "Yes. Spread it thin on baking paper, let it dry and break it into flakes."),
    ("What is the grey liquid on top?", "It is alcohol made by hungry yeast. Pour it off or stir it in, then feed it."),
    ("How do I know it has recovered?", "It rises to twice its height within six hours of a feed, and smells fresh."),
]


def declared_faq(declared: bool = True) -> str:
    """A blog post whose FAQ sits in a box whose plugin's name holds a boilerplate word
    ("widget"), with English answers of few commas; `declared`: the page lists the questions
    in FAQPage JSON-LD."""
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":['
          + ",".join(f'{{"@type":"Question","name":"{q}","acceptedAnswer":{{"@type":"Answer","text":"{a}"}}}}'
                     for q, a in FAQ) + "]}</script>") if declared else ""
    items = "".join(f'<div class="faq-widget-item"><h3 class="faq-widget-question">{q}</h3>'
                    f'<div class="faq-widget-answer"><p>{a}</p></div></div>' for q, a in FAQ)
    body = "".join(f"<p>{p}</p>" for p in FAQ_BODY)
    return (f'<html><head><title>{FAQ_TITLE}</title>{ld}</head><body><nav><a href="/">Home</a> '
            f'<a href="/bread">Bread</a></nav><article class="post"><h1>{FAQ_TITLE}</h1>'
            f'<div class="entry-content">{body}<h2>Questions</h2><div class="faq-widget">{items}</div></div>'
            f'</article><footer>Copyright Crumb Notes</footer></body></html>')


NOTES_TITLE = "What the parish rate books say about the winter of 1881"
NOTES_BODY = [
    "The rate books of the parish survive for every year but one, and the missing year is the one people ask about.",
    "What they do show is a town that paid its poor rate late, in small sums, and mostly in the spring after the thaw.",
    "Read together with the grocer's day book, they suggest that most households ran on credit from November to March.",
]
NOTES = ["The missing volume was lent to a county history society in 1952 and never came back.",
         "The grocer's day book is kept with the family papers, not in the parish chest, which is why it was missed."]


def footnoted_article() -> str:
    """A newsletter post whose notes sit under it, each in a "footnote" box led by its number,
    linking back to its mark in the text."""
    marks = "".join(f'<a class="footnote-anchor" id="footnote-anchor-{i}" href="#footnote-{i}">{i}</a>'
                    for i in range(1, 3))
    body = "".join(f"<p>{p}{marks if i == 1 else ''}</p>" for i, p in enumerate(NOTES_BODY))
    notes = "".join(f'<div class="footnote"><a id="footnote-{i}" href="#footnote-anchor-{i}" class="footnote-number">'
                    f'{i}</a><div class="footnote-content"><p>{n}</p></div></div>' for i, n in enumerate(NOTES, 1))
    return (f'<html><head><title>{NOTES_TITLE}</title></head><body><div class="topbar"><a href="/">Parish Notes</a>'
            f'</div><article class="post"><h1 class="post-title">{NOTES_TITLE}</h1><div class="body markup">{body}'
            f'<div class="footnotes">{notes}</div></div></article><div class="footer">Subscribe · Archive</div>'
            f'</body></html>')


WIKI_TITLE = "Harrow Fen pumping station"
WIKI_BODY = [
    "Harrow Fen pumping station drains about forty square kilometres of peat farmland into the tidal river.",
    "History",
    "The first engine house was built of local brick, and its beam engine lifted water from the drain for sixty years.",
    "A diesel set replaced the beam engine after the flood of 1947, and the old engine house became a workshop.",
]
WIKI_FACTS = [("Type", "Land drainage"), ("Built", "1839"), ("Engines", "Two electric pumps"),
              ("Catchment", "40 km²")]
WIKI_NAV = ["Fen drainage", "Pumping stations", "Engine houses", "River banks", "Sluices", "Windpumps"]


def wiki_article() -> str:
    """A wiki entry: an infobox of facts beside the lead, the entry's sections, and a navbox of
    links to entries on the same subject at its foot."""
    facts = "".join(f'<tr><th scope="row" class="infobox-label">{k}</th><td class="infobox-data">{v}</td></tr>'
                    for k, v in WIKI_FACTS)
    nav = " · ".join(f'<a href="/wiki/{n.replace(" ", "_")}">{n}</a>' for n in WIKI_NAV)
    lead, heading, *rest = WIKI_BODY
    return (f'<html><head><title>{WIKI_TITLE} - Fenpedia</title></head><body><div id="mw-navigation">'
            f'<a href="/">Main page</a></div><div id="content" class="mw-body"><h1 id="firstHeading">{WIKI_TITLE}</h1>'
            f'<div id="mw-content-text"><div class="mw-parser-output"><table class="infobox vcard"><tbody>'
            f'<tr><th colspan="2" class="infobox-above">{WIKI_TITLE}</th></tr>{facts}</tbody></table>'
            f'<p>{lead}</p><h2><span class="mw-headline" id="History">{heading}</span></h2>'
            + "".join(f"<p>{p}</p>" for p in rest)
            + f'<div role="navigation" class="navbox"><table class="nowraplinks navbox-inner"><tbody><tr>'
            f'<th class="navbox-title">Fen drainage</th></tr><tr><td class="navbox-list">{nav}</td></tr></tbody>'
            f'</table></div></div></div></div></body></html>')


DOC_TITLE = "Reading sensor logs"
DOC_SECTIONS = [
    ("Opening a log", "Call the reader with the path of a log file; it yields one record at a time, so even a log of "
     "several gigabytes is read in little memory.", ["A compressed file.", "A directory."],
     "Records come back in the order they were written; a damaged line is skipped and counted."),
    ("Filtering records", "Pass a predicate to keep the records you want. The reader stays lazy: nothing is read until "
     "you ask for the first record.", ["A function.", "A field name."],
     "Filters compose, and each call adds one; a filter that raises stops the reader with its error."),
    ("Writing results", "Save the records that pass your filters as a table of comma-separated values, one row for "
     "each record and one column for each field.", ["A path.", "An open file."],
     "Columns follow the order of the first record, and missing values are written as empty cells."),
    ("Time zones", "Timestamps are read as UTC unless the log header names another zone, which then applies to "
     "every record of that file.", ["A zone name.", "An offset."],
     "A zone name follows the tz database; offsets such as +02:00 are accepted as well."),
]


def doc_sections() -> str:
    """A documentation page in the shape a docs generator writes: the page's sections as bare
    <section>s, each led by its heading with a permalink, two paragraphs with a short numbered
    list between them whose items link to the API reference."""
    parts = []
    for heading, before, notes, after in DOC_SECTIONS:
        slug = heading.lower().replace(" ", "-")
        items = "".join(f'<li><p>{n} See <a class="reference internal" href="api.html#{slug}" title="{slug}">'
                        f'<code class="xref py literal"><span class="pre">{slug[:4]}</span></code></a>.</p></li>'
                        for n in notes)
        parts.append(f'<section id="{slug}">\n<h2>{heading}<a class="headerlink" href="#{slug}" title="Link to this '
                     f'heading">¶</a></h2>\n<p>{before}</p>\n<ol class="arabic simple">\n{items}</ol>\n'
                     f'<p>{after}</p>\n</section>\n')
    return (f'<html><head><title>{DOC_TITLE} — sensorlog 2.1 documentation</title></head><body>'
            f'<nav class="wy-nav-side"><a href="index.html">sensorlog</a><a href="api.html">API</a></nav>'
            f'<div class="document"><div itemprop="articleBody"><section id="reading-sensor-logs">'
            f'<h1>{DOC_TITLE}</h1>\n{"".join(parts)}</section></div></div>'
            f'<footer><a href="api.html" class="btn">Next</a></footer></body></html>')


SUB_BODY = [
    "The county commission voted on Tuesday to put a road bond on the November ballot, the first such vote in years.",
    "If it passes, the bond would pay for resurfacing county roads and replacing two bridges that carry weight limits.",
    "The county engineer said the bond would add a modest sum to the yearly tax bill on an average home.",
]
SUB_CAPTION = "A sign limits the creek bridge east of town to light vehicles. The bond would replace it."


def subscriber_article() -> str:
    """A local paper's story for subscribers: the body box and each paragraph's box named
    for subscribers (`subscriber-premium`, `subscriber-preview`), a captioned photo above,
    and a box asking the reader to subscribe under it."""
    body = "".join(f'<div class="subscriber-preview"><p>{p}</p></div>' for p in SUB_BODY)
    return (f'<html><head><title>Road bond heads to voters | Valley Courier</title></head><body>'
            f'<div class="asset-photo"><figure class="photo"><img src="/bridge.jpg" alt="">'
            f'<div class="caption-text"><p>{SUB_CAPTION}</p></div></figure></div><div class="asset-body">'
            f'<div id="article-body" itemprop="articleBody" class="asset-content subscriber-premium">{body}</div>'
            f'<div class="subscribe-box"><p>Support local journalism. Subscribe today for full access.</p></div>'
            f'</div></body></html>')


EXCERPTS_TITLE = "山间小站的书评 (124)"
EXCERPTS = [
    ("一个小站，和它等过的所有人",
     "这本书写的是一座山间小火车站四十年里来来往往的人。站长换了三任，铁轨翻修了两次，候"
     "车室里那台老座钟一直没有换过。作者没有写什么大事，只是把每一个等车的人都写得很认真"),
    ("慢下来读，才读得出味道",
     "刚开始读的时候觉得节奏太慢，好几章都只是写天气和列车晚点。读到一半才明白，"
     "作者就是想让读者跟着书里的人一起等，等到最后那趟夜车进站的时候，我差点哭出来"),
    ("关于结尾的一点不同意见",
     "前面三部分都很好，但结尾安排站长的女儿回来接班，我觉得有点太圆满了。现实"
     "里这样的小站多半是撤掉了，如果作者敢写一个更冷的结局，这本书的分量会重很多"),
    ("写给在小站长大的孩子",
     "我父亲就是铁路工人，小时候我在一个比书里还小的车站住过三年。书里写的"
     "那种冬天早上扫站台积雪的声音，我到现在都记得。谢谢作者把这些写了下来"),
]


def review_excerpts() -> str:
    """A book's index of reviews: each item its reviewer's linked name, a date, the review's
    title linking the full review, and the review's opening cut by "..." and an expander."""
    items = "".join(
        f'<div class="review-item"><header class="main-hd"><a class="name" href="/people/{i}/">读者{i}</a>'
        f'<span class="main-meta">2024-0{i + 1}-12 21:0{i}</span></header><div class="main-bd">'
        f'<h2><a href="/review/{900 + i}/">{title}</a></h2><div class="short-content">{text}...'
        f'&nbsp;(<a href="javascript:;" class="unfold">展开</a>)</div><div class="action">'
        f'<a href="javascript:;" class="up">有用 {20 - i}</a><a href="/review/{900 + i}/#comments">{i}回应</a></div>'
        f'</div></div>' for i, (title, text) in enumerate(EXCERPTS))
    return (f'<html><head><title>{EXCERPTS_TITLE}</title></head><body><div class="nav"><a href="/">读书</a>'
            f'<a href="/review/best/">书评</a></div><div id="wrapper"><h1>{EXCERPTS_TITLE}</h1><div class="article">'
            f'<div class="review-list">{items}</div><div class="paginator"><a href="?start=20">后页</a></div></div>'
            f'</div></body></html>')


SUI_TITLE = "给 Go 服务的超时设置一个上限"
SUI_BODY = [
    "很多服务在调用下游时都会设置超时，但如果每一层都各自设置，最后的总耗时往往远超预期。",
    "比较稳妥的做法是让请求带着截止时间往下传，每一层只在剩余时间内工作，不再另起一个更长的超时。",
    "这样做的另一个好处是，上游一旦取消，下游所有的调用都会随之停止，不会留下白白占用资源的请求。",
    "具体实现时，可以在入口处根据接口的性质定一个总时限，再把它放进请求的上下文里。",
    "每次发起下游调用前先看一眼还剩多少时间，如果已经不够完成这次调用，就直接返回错误，不必再等。",
    "重试也要算在总时限里：剩余时间不够再试一次的时候，宁可早一点失败，也不要让用户一直等下去。",
]
SUI_COMMENTS = ["学到了，我们之前每层单独设置超时，排查问题非常头疼。", "截止时间往下传这一点很重要，收藏了。"]


def semantic_ui_article() -> str:
    """A blog post laid out with Semantic UI, whose every component's classes start with its
    mark `ui` (`ui grid`, `ui segment`, `ui comments`): the post in the wide column, a sidebar
    in the narrow one, and two comments under the post."""
    body = "".join(f"<p>{p}</p>" for p in SUI_BODY)
    comments = "".join(
        f'<div class="comment"><a class="avatar" href="/u/{i}"><img src="/a/{i}.png"></a><div class="content">'
        f'<a class="author" href="/u/{i}">读者{i}</a><div class="metadata"><span class="date">2024-03-0{i + 1} 10:2{i}'
        f'</span></div><div class="text">{c}</div><div class="actions"><a class="reply">回复</a></div></div></div>'
        for i, c in enumerate(SUI_COMMENTS))
    return (f'<html><head><title>{SUI_TITLE} - 某某博客</title></head><body><div class="ui container">'
            f'<div class="ui grid"><div class="ui twelve wide column"><div class="ui segment article-box">'
            f'<h1 class="header">{SUI_TITLE}</h1><div class="ui meta"><a href="/u/9">作者九</a> 2024-03-01</div>'
            f'<div class="content">{body}</div></div><div class="ui comments">{comments}</div></div>'
            f'<div class="ui four wide column"><div class="ui segment"><h3>推荐阅读</h3><a href="/p/1">另一篇文章</a>'
            f'</div></div></div></div></body></html>')
