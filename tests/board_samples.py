"""Threads in the markup shapes of common board, Q&A and review software, written for the tests
(the content is invented; the structure follows each engine's markup), and one blog article
with a comment list, whose comments are not its text."""
# ruff: noqa: E501

POSTS = [
    "My tomato seedlings grow tall and thin on the windowsill, and the stems fall over after two weeks. I water them every other day. What am I doing wrong?",
    "They are stretching for light. A windowsill in March does not give enough, so put them under a lamp for fourteen hours a day.",
    "Also run a small fan over them for an hour each day. The movement makes the stems thicker.",
    "Thanks, both of you. The lamp is on order and I moved them to the south window for now.",
]
TITLE = "Tomato seedlings falling over"


def xenforo() -> str:
    posts = "".join(
        f"""<article class="message message--post js-post" data-author="grower{i}" id="js-post-{i}">
<div class="message-inner"><div class="message-cell message-cell--user"><section class="message-user">
<div class="message-avatar"><a href="/members/grower{i}.{i}/" class="avatar"><img src="/a{i}.jpg" alt="grower{i}"></a></div>
<div class="message-userDetails"><h4 class="message-name"><a href="/members/grower{i}.{i}/" class="username">grower{i}</a></h4>
<h5 class="userTitle message-userTitle">Member</h5></div>
<div class="message-userExtras"><dl class="pairs pairs--justified"><dt>Messages</dt><dd>1{i}2</dd></dl></div></section></div>
<div class="message-cell message-cell--main"><div class="message-main js-quickEditTarget">
<header class="message-attribution message-attribution--split"><ul class="message-attribution-main listInline">
<li class="u-concealed"><a href="/threads/t.1/post-{i}" rel="nofollow"><time class="u-dt" datetime="2024-03-0{i + 1}T10:00:00">Mar {i + 1}, 2024</time></a></li></ul>
<ul class="message-attribution-opposite listInline"><li><a href="/threads/t.1/post-{i}">#{i + 1}</a></li></ul></header>
<div class="message-content js-messageContent"><div class="message-userContent lbContainer js-lbContainer">
<article class="message-body js-selectToQuote"><div class="bbWrapper">{t}</div></article></div></div>
<footer class="message-footer"><div class="message-actionBar actionBar"><div class="actionBar-set actionBar-set--external">
<a href="/posts/{i}/react" class="actionBar-action">Like</a><a href="/threads/t.1/reply?quote={i}" class="actionBar-action">Reply</a></div></div></footer>
</div></div></div></article>"""
        for i, t in enumerate(POSTS)
    )
    return f"""<html><head><title>{TITLE} | Garden Forum</title></head><body><div class="p-body">
<div class="p-title"><h1 class="p-title-value">{TITLE}</h1></div><div class="p-body-main"><div class="block-body js-replyNewMessageContainer">{posts}</div></div>
<div class="p-body-sidebar"><div class="block"><h3>Latest posts</h3><ul><li><a href="/t/2">Pepper seeds</a></li><li><a href="/t/3">Soil mix</a></li></ul></div></div></div></body></html>"""


def phpbb(state: str = "") -> str:
    """`state`: a tag of the thread's state the page's title and headline add ("[SOLVED]"),
    which the posts' subjects lack."""
    posts = "".join(
        f"""<div id="p{i}" class="post has-profile bg{i % 2 + 1}"><div class="inner">
<dl class="postprofile" id="profile{i}"><dt class="has-profile-rank"><a href="./memberlist.php?u={i}" class="username">grower{i}</a></dt>
<dd class="profile-rank">Member</dd><dd class="profile-posts"><strong>Posts:</strong> 1{i}</dd></dl>
<div class="postbody"><div id="post_content{i}"><h3 {"class=first" if i == 0 else ""}><a href="#p{i}">{"Re: " if i else ""}{TITLE}</a></h3>
<ul class="post-buttons"><li><a href="./posting.php?quote={i}" class="button">Quote</a></li></ul>
<p class="author"><a href="./viewtopic.php?p={i}#p{i}">Post</a> by <strong><a href="./memberlist.php?u={i}" class="username">grower{i}</a></strong> &raquo; Sat Mar 0{i + 1}, 2024 10:1{i} am</p>
<div class="content">{t}</div></div></div><div class="back2top"><a href="#top" class="top">Top</a></div></div></div><hr class="divider">"""
        for i, t in enumerate(POSTS)
    )
    return f"""<html><head><title>{TITLE}{state} - Garden Board</title></head><body><div id="wrap"><div id="page-header"><a href="./index.php">Board index</a></div>
<div id="page-body"><h2 class="topic-title"><a href="./viewtopic.php?t=1">{TITLE}{state}</a></h2><div class="action-bar"><a href="./posting.php?mode=reply">Post Reply</a> 4 posts</div>
{posts}</div><div id="page-footer">Powered by phpBB</div></div></body></html>"""


def vbulletin() -> str:
    posts = "".join(
        f"""<li class="postbitlegacy postbitim postcontainer old" id="post_{i}">
<div class="posthead"><span class="postdate old"><span class="date">03-0{i + 1}-2024,&nbsp;<span class="time">10:1{i} AM</span></span></span>
<span class="nodecontrols"><a name="post{i}" href="showthread.php?p={i}#post{i}" class="postcounter">#{i + 1}</a></span></div>
<div class="postdetails"><div class="userinfo"><div class="username_container"><a class="username offline popupctrl" href="member.php?u={i}"><strong>grower{i}</strong></a></div>
<span class="usertitle">Junior Member</span><dl class="userinfo_extra"><dt>Join Date</dt><dd>Jan 2020</dd><dt>Posts</dt><dd>1{i}</dd></dl></div>
<div class="postbody"><div class="postrow"><h2 class="title icon">{"Re: " if i else ""}{TITLE}</h2>
<div class="content"><div id="post_message_{i}"><blockquote class="postcontent restore ">{t}</blockquote></div></div></div></div></div>
<div class="postfoot"><div class="textcontrols floatcontainer"><span class="postcontrols"><a href="newreply.php?p={i}">Reply With Quote</a></span></div></div><hr></li>"""
        for i, t in enumerate(POSTS)
    )
    return f"""<html><head><title>{TITLE}</title></head><body><div class="above_body"><a href="forum.php">Forum</a></div><div class="body_wrapper">
<div id="pagetitle"><h1>Thread: <span class="threadtitle"><a href="showthread.php?t=1">{TITLE}</a></span></h1></div>
<div id="postlist" class="postlist restrain"><ol id="posts" class="posts" start="1">{posts}</ol></div></div><div id="footer">Contact Us - Archive - Top</div></body></html>"""


ZH = [
    "新买的多肉叶子发软发皱，放在阳台上，每周浇一次水。是不是浇水太少了，还是晒伤了？",
    "叶子发皱多半是缺水，但是如果根已经烂了也会这样。先把植株拔出来看看根是不是发黑。",
    "同意楼上。夏天多肉休眠，浇水要少，最好放在通风的地方，避开中午的太阳。",
    "谢谢大家，拔出来看了，根是好的，应该就是缺水，今晚浇透试试。",
]
ZT = "多肉叶子发软发皱怎么办？"


def discuz() -> str:
    posts = "".join(
        f"""<div id="post_{i}"><table id="pid{i}" class="plhin" summary="pid{i}" cellspacing="0" cellpadding="0"><tr>
<td class="pls" rowspan="2"><div class="pi"><div class="authi"><a href="space-uid-{i}.html" class="xw1">花友{i}</a></div></div>
<div class="tns xg2"><table cellspacing="0" cellpadding="0"><th><p><a href="home.php?uid={i}" class="xi2">12</a></p>主题</th><td><p><a class="xi2">3{i}</a></p>帖子</td></table></div>
<p><em><a href="home.php?mod=spacecp">中级会员</a></em></p></td>
<td class="plc"><div class="pi"><strong><a href="thread-1-1-1.html#pid{i}" id="postnum{i}">{"楼主" if i == 0 else f"{i + 1}#"}</a></strong>
<div class="pti"><div class="authi"><em id="authorposton{i}">发表于 2024-3-{i + 1} 10:1{i}</em> | <a href="forum.php?authorid={i}">只看该作者</a></div></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_{i}">
{t}</td></tr></table></div></div></div></td></tr>
<tr><td class="plc plm"><div class="po hin"><div class="pob cl"><em><a class="fastre" href="forum.php?mod=post&amp;action=reply">回复</a></em><p><a href="javascript:;">举报</a></p></div></div></td></tr></table></div>"""
        for i, t in enumerate(ZH)
    )
    return f"""<html><head><meta charset="utf-8"><title>{ZT} - 多肉植物 - 花友论坛</title></head><body><div id="hd"><a href="/">花友论坛</a> 首页 版块</div>
<div id="wp" class="wp"><div id="pt" class="bm cl"><a href="./">论坛</a> › <a href="forum-1-1.html">多肉植物</a></div>
<div id="ct" class="wp cl"><div id="postlist" class="pl bm"><table cellspacing="0" cellpadding="0"><tr><td class="plc ptm pbn vwthd"><h1 class="ts"><span id="thread_subject">{ZT}</span></h1></td></tr></table>
{posts}</div></div></div><div id="ft">Powered by Discuz!</div></body></html>"""


SIGNATURES = ["阳台种菜第三年，欢迎交流", "", "多肉新手，请多指教！", ""]


def discuz_signed() -> str:
    """Discuz! X3.4 as boards run it: a post's table holds its message row, then a row with the
    member's signature (on some posts), then a row of buttons; the first post was edited."""
    posts = "".join(
        f"""<div id="post_{i}"><table id="pid{i}" class="plhin" summary="pid{i}" cellspacing="0" cellpadding="0"><tr>
<td class="pls" rowspan="2"><div class="pi"><div class="authi"><a href="space-uid-{i}.html" class="xw1">花友{i}</a></div></div>
<p><em><a href="home.php?mod=spacecp">中级会员</a></em></p></td>
<td class="plc"><div class="pi"><strong><a href="thread-1-1-1.html#pid{i}" id="postnum{i}">{"楼主" if i == 0 else f"{i + 1}#"}</a></strong>
<div class="pti"><div class="authi"><em id="authorposton{i}">发表于 2024-3-{i + 1} 10:1{i}</em> | <a href="forum.php?authorid={i}">只看该作者</a></div></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_{i}">
{'<i class="pstatus"> 本帖最后由 花友0 于 2024-3-1 10:30 编辑 </i><br /><br />' if i == 0 else ""}{t}</td></tr></table></div></div></div></td></tr>
<tr><td class="plc plm">{f'<div class="sign">{SIGNATURES[i]}</div>' if SIGNATURES[i] else ""}</td></tr>
<tr id="_postposition{i}"></tr>
<tr><td class="pls"></td><td class="plc"><div class="po hin"><div class="pob cl"><em><a class="fastre" href="forum.php?mod=post&amp;action=reply">回复</a>
<a class="replyadd" href="forum.php?do=support">支持 <span>0</span></a></em><p><a href="javascript:;">举报</a></p></div></div></td></tr></table></div>"""
        for i, t in enumerate(ZH)
    )
    return f"""<html><head><meta charset="utf-8"><meta name="generator" content="Discuz! X3.4"><meta name="author" content="Discuz! Team and Comsenz UI Team"><title>{ZT} - 多肉植物 - 花友论坛</title></head>
<body><div id="hd"><a href="/">花友论坛</a> 首页 版块</div><div id="wp" class="wp"><div id="ct" class="wp cl"><div id="postlist" class="pl bm">
<table cellspacing="0" cellpadding="0"><tr><td class="plc ptm pbn vwthd"><h1 class="ts"><span id="thread_subject">{ZT}</span></h1></td></tr></table>
{posts}</div></div></div><div id="ft">Powered by Discuz!</div></body></html>"""


def discourse(quote: str = "") -> str:
    """`quote`: markup put at the start of the second post's text."""
    posts = "".join(
        f'''<div class="topic-post clearfix regular" data-post-number="{i + 1}"><article id="post_{i + 1}" aria-label="post #{i + 1} by @grower{i}" role="region" class="boxed onscreen-post" data-post-id="{i + 100}">
<div class="row"><div class="topic-avatar"><div class="post-avatar"><a class="trigger-user-card main-avatar" href="/u/grower{i}"><img alt="" src="/a.png" class="avatar"></a></div></div>
<div class="topic-body clearfix"><div role="heading" class="topic-meta-data"><div class="names trigger-user-card"><span class="first username"><a href="/u/grower{i}">grower{i}</a></span></div>
<div class="post-infos"><div class="post-info post-date"><a class="widget-link post-date" href="/t/tomato/1/{i + 1}"><span title="Mar {i + 1}, 2024 10:00 am" class="relative-date">Mar {i + 1}</span></a></div></div></div>
<div class="regular contents"><div class="cooked">{quote if i == 1 else ""}<p>{t}</p></div>
<section class="post-menu-area clearfix"><nav class="post-controls"><div class="actions"><button class="reply">Reply</button></div></nav></section></div></div></div></article></div>'''
        for i, t in enumerate(POSTS)
    )
    return f"""<html><head><title>{TITLE} - Help - Garden Community</title></head><body><header class="d-header"><a href="/">Garden Community</a></header>
<div id="main-outlet"><div id="topic-title"><h1><a href="/t/tomato/1" class="fancy-title">{TITLE}</a></h1></div><div class="post-stream">{posts}</div></div></body></html>"""


Q = "How do I stop my cast iron pan from rusting after washing?"
QB = "I wash my cast iron pan with water after cooking and dry it with a towel, but the next morning there are orange spots on it. What am I doing wrong?"
ANS = [
    "Dry it on the stove instead of with a towel. Heat it until every drop is gone, then rub a thin film of oil over it while it is still warm.",
    "Towels leave moisture in the pores of the iron. Put it back on a low flame for two minutes after washing, and never let it soak in the sink.",
    "If the rust is already there, scrub it off with steel wool, wash, dry on the stove and season it again in the oven at a high heat for an hour.",
]


STACK_COMMENTS = {
    0: ["Is the pan enamelled, or bare iron all over?", "Bare iron. It came pre-seasoned from the shop a year ago."],
    1: ["This is what I do as well, and the oil film keeps it black for weeks."],
    3: ["Steel wool worked for me, but wear gloves: the rust stains your hands for days."],
}


def _stack_comments(i: int, comments: dict[int, list[str]]) -> str:
    return "".join(f'''<li id="comment-{i}{j}" class="comment js-comment"><div class="comment-text js-comment-text-and-form">
<div class="comment-body js-comment-edit-hide"><span class="comment-copy">{text}</span> &ndash;&nbsp;<div class="d-inline-flex ai-center">
<a href="/users/5{j}/diner{j}" class="comment-user">diner{j}</a></div> <span class="comment-date"><span title="2024-03-0{i + 1}" class="relativetime-clean">Mar {i + 1}, 2024 at 11:1{j}</span></span></div></div></li>'''
                   for j, text in enumerate(comments.get(i, [])))


def stack(comments: dict[int, list[str]] | None = None) -> str:
    """A Stack Exchange question page; `comments` (by post: 0 the question, 1.. the answers)
    fills the comment lists under the posts, built unlike the posts."""
    comments = comments or {}

    def post(kind, i, text, votes):
        return f'''<div id="{kind}-{i}" class="{kind} js-{kind}" data-score="{votes}"><div class="post-layout">
<div class="votecell post-layout--left"><div class="js-voting-container"><button class="js-vote-up-btn">Up vote</button><div class="js-vote-count">{votes}</div><button>Down vote</button></div></div>
<div class="postcell post-layout--right"><div class="s-prose js-post-body" itemprop="text"><p>{text}</p></div>
<div class="mt24"><div class="d-flex fw-wrap ai-start jc-end gs8 gsy"><div class="post-menu"><a href="/q/1/share">Share</a><a href="/posts/{i}/edit">Improve this answer</a><button>Follow</button></div>
<div class="post-signature"><div class="user-info"><div class="user-action-time"><a href="/posts/{i}/revisions">edited <span class="relativetime">Mar {i + 2}, 2024 at 08:15</span></a></div></div></div>
<div class="post-signature"><div class="user-info"><div class="user-action-time">answered <span title="2024-03-0{i}" class="relativetime">Mar {i}, 2024 at 10:0{i}</span></div>
<div class="user-gravatar32"><a href="/users/{i}/cook{i}"><img src="/g.png"></a></div><div class="user-details"><a href="/users/{i}/cook{i}">cook{i}</a><div class="-flair"><span class="reputation-score">1,2{i}3</span></div></div></div></div></div></div></div>
<div class="post-layout--right js-post-comments-component"><div class="comments"><ul class="comments-list">{_stack_comments(i, comments)}</ul></div><a class="js-add-link comments-link" href="#">Add a comment</a></div></div></div>'''

    answers = "".join(post("answer", i + 1, t, 10 - i) for i, t in enumerate(ANS))
    return f"""<html><head><title>cooking - {Q} - Seasoned Advice</title></head><body><header class="s-topbar"><a href="/">Seasoned Advice</a></header>
<div id="content"><div id="question-header"><h1 itemprop="name"><a href="/q/1" class="question-hyperlink">{Q}</a></h1></div>
<div id="mainbar"><div class="question js-question" id="question">{post("q", 0, QB, 12)}</div>
<div id="answers"><div id="answers-header"><h2>3 Answers</h2><div>Sorted by: Highest score</div></div>{answers}</div></div>
<div id="sidebar"><div class="s-sidebarwidget"><h4>Linked</h4><ul><li><a href="/q/2">Seasoning a wok</a></li></ul></div></div></div></body></html>"""


ART = [
    "The town's new footbridge opened on Saturday after two years of work, linking the old quarter with the park across the river.",
    "Hundreds of residents walked across it in the first hour. The mayor said the bridge would cut many school journeys by ten minutes.",
    "The bridge is closed to bicycles on weekends until the path on the park side is widened next year.",
]
COM = [
    "Lovely bridge, my kids walked to school over it this morning and loved it.",
    "Shame about the bicycles. Weekends are exactly when families would ride to the park.",
    "It was worth the wait. The old detour along the main road was dangerous.",
]


def wordpress() -> str:
    comments = "".join(
        f"""<li id="comment-{i}" class="comment even thread-even depth-1"><article id="div-comment-{i}" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><img class="avatar" src="/av.png"><b class="fn"><a href="https://example.net/{i}" class="url">Reader {i}</a></b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-{i}"><time datetime="2024-05-1{i}T08:00:00+00:00">May 1{i}, 2024 at 8:00 am</time></a></div></footer>
<div class="comment-content"><p>{t}</p></div><div class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom={i}">Reply</a></div></article></li>"""
        for i, t in enumerate(COM)
    )
    return f"""<html><head><title>New footbridge opens – Riverside Weekly</title><meta property="og:type" content="article"></head><body>
<header id="masthead"><a href="/">Riverside Weekly</a><nav><a href="/news">News</a></nav></header>
<main id="main"><article class="post type-post"><header class="entry-header"><h1 class="entry-title">New footbridge opens</h1>
<div class="entry-meta">Posted on <time datetime="2024-05-11">May 11, 2024</time> by <a href="/author/ed">Ed</a></div></header>
<div class="entry-content">{"".join(f"<p>{p}</p>" for p in ART)}</div></article>
<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on &ldquo;New footbridge opens&rdquo;</h2><ol class="comment-list">{comments}</ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><p>Your email address will not be published.</p></form></div></div></main>
<aside id="secondary"><section class="widget"><h2>Recent Posts</h2><ul><li><a href="/a">Market day moves</a></li></ul></section></aside></body></html>"""


TB = [
    "求推荐一款适合新手的单反相机，预算五千左右，主要拍风景和人像。",
    "新手的话买入门机身加一支标准变焦镜头就够了，五千块完全可以。",
    "同意楼上，先别急着买贵的镜头，多拍多练才是最重要的。",
    "谢谢各位，我去店里试一下手感再决定。",
]
TT = "预算五千，新手买什么相机好？"


def tieba() -> str:
    posts = "".join(
        f"""<div class="l_post l_post_bright j_l_post clearfix" data-field='{{"author":{{"user_name":"u{i}"}}}}'>
<div class="d_author"><ul class="p_author"><li class="icon"><a href="/home/main?un=u{i}" class="p_author_face"><img src="/f.jpg"></a></li>
<li class="d_name"><a class="p_author_name j_user_card" href="/home/main?un=u{i}">摄影爱好者{i}</a></li><li class="l_badge"><div class="d_badge_title">摄影</div><div class="d_badge_lv">{i + 5}</div></li></ul></div>
<div class="d_post_content_main"><div class="p_content"><cc><div id="post_content_{i}" class="d_post_content j_d_post_content">{t}</div></cc></div>
<div class="core_reply j_lzl_wrapper"><div class="core_reply_tail clearfix"><div class="post-tail-wrap"><span class="tail-info">{i + 1}楼</span><span class="tail-info">2024-03-0{i + 1} 10:1{i}</span></div>
<ul class="p_reply"><li><a href="#" class="lzl_link_unfold">回复</a></li></ul></div></div></div></div>"""
        for i, t in enumerate(TB)
    )
    return f'''<html><head><meta charset="utf-8"><title>{TT}_相机吧_百度贴吧</title></head><body><div class="head_inner"><a href="/">百度贴吧</a></div>
<div class="core_title_wrap_bright"><h3 class="core_title_txt" title="{TT}">{TT}</h3></div>
<div class="left_section"><div id="j_p_postlist" class="p_postlist">{posts}</div></div><div class="right_section"><div class="region_bright"><h4>吧务</h4><a href="/a">吧主</a></div></div></body></html>'''


ZA = [
    "先说结论：新手选入门单反或者微单都可以，关键是镜头。五千的预算可以买机身加套头，剩下的钱买一支定焦。",
    "我觉得微单更适合新手，体积小，自动对焦好，拍人像的眼部对焦比单反方便很多。",
    "别纠结品牌，去实体店拿在手上试一试，哪个握着舒服就买哪个，用得多才是好相机。",
]


def zhihu(answers: list[str] = ZA, wrapped_from: int | None = None) -> str:
    """A question with its answers; from answer `wrapped_from` on, each body sits in one more
    unnamed wrapper (an expanded answer's <span>, which a collapsed one lacks)."""
    ans = "".join(
        f"""<div class="List-item" tabindex="0"><div class="ContentItem AnswerItem" data-zop='{{"authorName":"答主{i}"}}'>
<div class="ContentItem-meta"><div class="AuthorInfo AnswerItem-authorInfo"><span class="UserLink AuthorInfo-avatarWrapper"><a class="UserLink-link" href="//www.zhihu.com/people/a{i}"><img class="Avatar" src="/a.jpg"></a></span>
<div class="AuthorInfo-content"><div class="AuthorInfo-head"><span class="UserLink AuthorInfo-name"><a class="UserLink-link" href="//www.zhihu.com/people/a{i}">答主{i}</a></span></div><div class="AuthorInfo-detail"><div class="AuthorInfo-badgeText">摄影师</div></div></div></div>
<div class="LabelContainer-wrapper"></div><div class="css-h5al4j"><span><span class="Voters"><button type="button" class="Button">{i + 3}0 人赞同了该回答</button></span></span></div></div>
<div class="RichContent RichContent--unescapable">{"<span>" if _wrapped(i, wrapped_from) else ""}<div class="RichContent-inner"><span class="RichText ztext CopyrightRichText-richText" itemprop="text"><p data-pid="x{i}">{t}</p></span></div>{"</span>" if _wrapped(i, wrapped_from) else ""}
<div class="ContentItem-time"><a target="_blank" href="/question/1/answer/{i}"><span data-tooltip="发布于 2024-03-0{i + 1} 10:00">发布于 2024-03-0{i + 1} 10:00</span></a></div>
<div class="ContentItem-actions"><span><button class="Button VoteButton">赞同 {i + 3}0</button></span><button class="Button ContentItem-action">{i + 2} 条评论</button><button class="Button">分享</button><button class="Button">收藏</button></div></div></div></div>"""
        for i, t in enumerate(answers)
    )
    return f"""<html><head><meta charset="utf-8"><title>预算五千，新手买什么相机好？ - 知乎</title></head><body><header class="AppHeader"><a href="/">知乎</a></header>
<main role="main" class="App-main"><div class="QuestionHeader"><h1 class="QuestionHeader-title">预算五千，新手买什么相机好？</h1><div class="QuestionRichText"><span class="RichText ztext">想买第一台相机，主要拍旅行风景和家人，不知道选单反还是微单。</span></div></div>
<div class="Question-main"><div class="ListShortcut"><div class="List"><div class="List-header"><h4 class="List-headerText"><span>{len(answers)} 个回答</span></h4></div>{ans}</div></div></div></main></body></html>"""


def _wrapped(i: int, wrapped_from: int | None) -> bool:
    return wrapped_from is not None and i >= wrapped_from


RV_TITLES = ["Great blender", "Good but the lid leaks", "Replaced quickly"]
RV = [
    "Sturdy and quiet. I use it every morning for smoothies and it crushes ice without any trouble. Cleaning is easy too.",
    "The motor is strong but the lid leaks a little when the jar is full. I now fill it only to the second line.",
    "Stopped working after three months. Customer service replaced it quickly, and the new one has been fine since.",
]


def reviews() -> str:
    items = "".join(
        f'''<li data-hook="review" class="review aok-relative"><div id="cr-{i}" class="a-section celwidget">
<div class="a-row a-spacing-mini"><a class="a-profile" href="/profile/{i}"><div class="a-profile-avatar-wrapper"><img src="/p.png"></div><div class="a-profile-content"><span class="a-profile-name">Buyer {i}</span></div></a></div>
<div class="a-row"><a class="a-link-normal" title="{5 - i}.0 out of 5 stars" href="/r/{i}"><i class="a-icon a-icon-star"><span class="a-icon-alt">{5 - i}.0 out of 5 stars</span></i></a> <a data-hook="review-title" class="a-size-base review-title" href="/r/{i}"><span>{RV_TITLES[i]}</span></a></div>
<span data-hook="review-date" class="a-size-base a-color-secondary review-date">Reviewed in the United Kingdom on 1{i} March 2024</span>
<div class="a-row review-data"><span data-hook="review-body" class="a-size-base review-text review-text-content"><span>{t}</span></span></div>
<div class="a-row"><span class="cr-vote-text">{i + 4} people found this helpful</span> <a href="#" class="a-button">Helpful</a> <a href="#">Report</a></div></div></li>'''
        for i, t in enumerate(RV)
    )
    return f"""<html><head><title>Customer reviews: Kitchen Blender 900W</title></head><body><div id="navbar"><a href="/">Shop</a></div>
<div class="cm_cr-review_list"><h2>Top reviews from the United Kingdom</h2><ul id="cm_cr-review_list" class="a-unordered-list">{items}</ul>
<ul class="a-pagination"><li><a href="?page=2">Next page</a></li></ul></div></body></html>"""


# A Q&A portal that sets the best answer apart from the other answers, above them.
ZQ = "电脑开机后风扇一直狂转是什么原因？"
ZQB = "笔记本用了三年，最近一开机风扇就转得很响，什么程序都没开也这样，温度显示七十多度。"
ZBEST = "多半是散热器里积灰了。风道堵住以后热量散不出去，风扇只能一直高速转。拆开后盖用软毛刷和吹气球清理一下，顺便换一次导热硅脂。"
ZOTHER = [
    "先打开任务管理器看看有没有程序占用很高的CPU，有时候是后台更新在跑。",
    "三年的本子可以考虑换硅脂了，老硅脂干了导热很差。",
]


def zhidao() -> str:
    other = "".join(
        f'''<div class="bd answer" id="answer-{i}"><div class="line info f-aid"><span class="wgt-replyer-all-uname"><a href="/usercenter?uid={i}" class="user-name">网友{i}</a></span><span class="wgt-replyer-all-time">2024-02-1{i}</span></div>
<div class="line content"><div class="answer-text line"><span class="con">{t}</span></div></div>
<div class="line"><span class="evaluate" data-evaluate="{i}">赞 {i}</span><span class="comment">评论</span></div></div>'''
        for i, t in enumerate(ZOTHER)
    )
    return f"""<html><head><meta charset="utf-8"><title>{ZQ}_百度知道</title></head><body><div id="header"><a href="/">百度首页</a><a href="/login">登录</a></div>
<div class="wgt-ask"><h1 class="ask-title"><span class="ask-title">{ZQ}</span></h1><div class="q-content"><span class="con">{ZQB}</span></div><div class="q-info">提问者：小明 2024-02-10</div></div>
<div class="wgt-best"><div class="hd line"><h2 class="title">最佳答案</h2></div><div class="bd answer"><div class="line info"><a class="user-name" href="/u/9">电脑维修老王</a> 2024-02-10</div>
<div class="best-text mb-10">{ZBEST}</div><div class="wgt-eva"><span>赞 128</span><span>踩 3</span></div></div></div>
<div class="wgt-answers"><div class="hd"><h2>其他 2 条回答</h2></div>{other}</div>
<div class="aside"><div class="grid"><h3>相关问题</h3><ul><li><a href="/q/1">电脑风扇声音大怎么办</a></li><li><a href="/q/2">笔记本温度多少正常</a></li></ul></div></div></body></html>"""


def _utility_comment(user: str, text: str, replies: str = "") -> str:
    nested = f'<div class="mt-4 space-y-4 border-l pl-4">{replies}</div>' if replies else ""
    return f"""<div class="flex gap-3"><a href="/u/{user}" class="shrink-0"><img src="/a/{user}.png" alt="" class="h-8 w-8 rounded-full"></a>
<div class="min-w-0 flex-1"><div class="flex items-center gap-2 text-sm"><a href="/u/{user}" class="font-semibold">{user}</a>
<time datetime="2024-03-12T08:00:00Z" class="text-gray-500">2 days ago</time></div>
<div class="prose prose-sm mt-1"><p>{text}</p></div>
<div class="mt-2 flex items-center gap-4 text-xs"><span class="inline-flex items-center">12</span><a href="#reply">Reply</a><a href="#share">Share</a></div>
{nested}</div></div>"""


def utility_classes() -> str:
    """A thread styled with utility classes only (Tailwind): the comments share their first
    class ("flex") with the page's layout wrapper, and replies nest inside comments."""
    tree = _utility_comment("seedling_sam", POSTS[1], _utility_comment("ana_grows", POSTS[2]))
    tree += _utility_comment("plotholder", POSTS[3])
    return f"""<html><head><title>{TITLE} - Garden Talk</title></head><body>
<div class="flex min-h-screen flex-col"><header class="sticky top-0 border-b"><a href="/">Garden Talk</a></header>
<div class="flex flex-1 gap-8"><main class="flex-1"><article class="rounded-lg border p-6">
<h1 class="text-2xl font-bold">{TITLE}</h1>
<div class="flex items-center gap-2 text-sm"><a href="/u/windowsill" class="font-semibold">windowsill</a><time datetime="2024-03-10T19:22:00Z">3 days ago</time></div>
<div class="prose mt-4"><p>{POSTS[0]}</p></div></article>
<div class="mt-6 space-y-6">{tree}</div></main>
<aside class="hidden w-72 lg:block"><div class="rounded-lg border p-4"><h3>Community rules</h3><ul><li>Be kind</li><li>No selling</li></ul></div></aside>
</div></div></body></html>"""


ISSUE_TITLE = "Importer stops at the first empty row"
ISSUE = [
    "Importing a spreadsheet with a blank line in the middle stops there and silently drops every row after it.",
    "I can reproduce this with version 2.3. The reader treats an empty row as the end of the sheet.",
    "Same here. As a workaround, deleting the blank rows before importing works, but it is easy to forget.",
    "Fixed in the next release: empty rows are now skipped and the import goes on to the end.",
]


def issue_tracker() -> str:
    """An issue thread whose comment headers say "<login> commented Feb 11, 2024" in plain
    text, with hyphenated logins: the month-name date is the post's time, not a title."""
    users = ["north-field-dev", "quiet-maintainer", "sea-glass-dev", "quiet-maintainer"]
    days = ["Feb 11, 2024", "Feb 12, 2024", "3 Mar 2024", "March 9, 2024"]
    items = "".join(f"""<div class="timeline-comment-group"><div class="timeline-comment">
<div class="timeline-comment-header"><h3 class="timeline-comment-header-text"><strong><a class="author" href="/{u}">{u}</a></strong>
commented <a href="#c{i}" class="link-gray">{d}</a></h3></div>
<div class="comment-body markdown-body"><p>{t}</p></div>
<div class="comment-reactions"><button>👍 {i + 1}</button></div></div></div>"""
                    for i, (u, d, t) in enumerate(zip(users, days, ISSUE, strict=True)))
    return f"""<html><head><title>{ISSUE_TITLE} · Issue #412 · tablework/importer</title></head><body>
<header><a href="/">Code host</a></header><main><h1 class="gh-header-title"><bdi>{ISSUE_TITLE}</bdi> <span>#412</span></h1>
<div class="discussion-timeline">{items}</div>
<div class="discussion-sidebar"><h3>Labels</h3><a href="/labels/bug">bug</a></div></main></body></html>"""


EVENTS = ["added the bug label", "assigned to @quiet-maintainer", "changed the milestone to 2.4",
          "mentioned in merge request !57", "closed via merge request !57"]
REPRO = ["Open a sheet with a blank row in the middle.", "Import it with the default settings."]
AFTER_LOG = "The rows after the blank one are missing from the preview as well, so the reader loses them, not the import."
LOG = ["row 14: empty, stopping", "imported 13 of 40 rows"]
SETUP = ["Importer 2.3 on Debian 12", "Sheets saved by two different office suites", "Default import profile"]


def _note(i: int, user: str, text: str | None) -> str:
    """A note of an issue's timeline: a comment, or (text None) an event in the header alone."""
    event = "" if text else f'<span class="system-note-message">{EVENTS[i % len(EVENTS)]}</span> '
    header = (f'<div class="note-header"><a class="js-user-link" href="/{user}">{user}</a> {event}'
              f'<a href="#note_{i}" class="note-timestamp"><time datetime="2024-02-1{i % 10}T10:00:00Z">1 week ago</time></a></div>')
    body = f'<div class="note-body"><div class="note-text md"><p>{text}</p></div></div>' if text else ""
    kind = "note-comment" if text else "system-note"
    return f'<li id="note_{i}" class="note {kind} timeline-entry"><div class="timeline-content">{header}{body}</div></li>'


def issue_events() -> str:
    """An issue whose timeline holds more events (a label added, a milestone changed: a line
    of header and links each) than comments, and whose description has lists and a log
    around its paragraphs."""
    notes = [(1, None), (2, ISSUE[1]), (3, None), (4, None), (5, ISSUE[2]), (6, None), (7, None), (8, ISSUE[3]), (9, None)]
    users = ["sea-glass-dev", "quiet-maintainer"]
    timeline = "".join(_note(i, users[i % 2], text) for i, text in notes)
    steps = "".join(f"<li>{step}</li>" for step in REPRO)
    log = "".join(f'<span class="line">{line}</span>\n' for line in LOG)
    return f"""<html><head><title>{ISSUE_TITLE} (#412) · Issues · tablework / importer</title></head><body>
<header><a href="/">Code host</a></header><main><h1 class="title">{ISSUE_TITLE}</h1>
<div class="detail-page-description"><div class="description"><div class="md">
<p>{ISSUE[0]}</p><h3>Steps to reproduce</h3><ol>{steps}</ol>
<div class="markdown-code-block"><pre class="code"><code>{log}</code></pre></div>
<p>{AFTER_LOG}</p><h3>Environment</h3><ul>{"".join(f"<li>{item}</li>" for item in SETUP)}</ul></div></div></div>
<ul class="notes main-notes-list timeline">{timeline}</ul>
<div class="issuable-sidebar"><h3>Labels</h3><a href="/labels/bug">bug</a></div></main></body></html>"""


def _form_post(i: int, user: str, text: str) -> str:
    return f"""<div class="thing comment" id="t{i}"><div class="entry"><p class="tagline"><a href="/user/{user}" class="author">{user}</a>
<span class="score">{9 - i} points</span> <time datetime="2024-01-03T2{i}:00:00+00:00">{i + 1} hours ago</time></p>
<form action="#" class="usertext"><input type="hidden" name="thing_id" value="t{i}"><div class="usertext-body"><div class="md"><p>{text}</p></div></div></form>
<ul class="buttons"><li><a href="/c/{i}">permalink</a></li><li><a href="#">reply</a></li></ul></div></div>"""


def script_forms() -> str:
    """Each post's text inside a form of hidden inputs a script posts from; the thread's title
    is a link, not a heading, and the board's name sits in the sidebar's <h1> and ends the
    <title> after " : "."""
    users = ["windowsill", "seedling_sam", "ana_grows", "plotholder"]
    posts = "".join(_form_post(i, u, t) for i, (u, t) in enumerate(zip(users[1:], POSTS[1:], strict=True)))
    return f"""<html><head><title>{TITLE} : GardenTalk</title><meta property="og:title" content="{TITLE}"></head><body>
<div class="side"><div class="titlebox"><h1 class="redditname"><a href="/r/GardenTalk">GardenTalk</a></h1>
<p>A community for people who grow food on balconies and windowsills.</p></div></div>
<div class="content" role="main"><div class="thing link self"><p class="title"><a class="title" href="/r/GardenTalk/c/1">{TITLE}</a></p>
<p class="tagline">submitted <time datetime="2024-01-03T19:44:12+00:00">6 hours ago</time> by <a href="/user/{users[0]}" class="author">{users[0]}</a></p>
<div class="expando"><form action="#" class="usertext"><input type="hidden" name="thing_id" value="t9"><div class="usertext-body"><div class="md"><p>{POSTS[0]}</p></div></div></form></div></div>
<div class="commentarea"><form action="/comment" class="usertext cloneable"><textarea name="text"></textarea><button type="submit">save</button></form>
<div class="sitetable nestedlisting">{posts}</div></div></div></body></html>"""


def _headed_comment(i: int, user: str, text: str, replies: str = "") -> str:
    nested = f'<ol class="replies">{replies}</ol>' if replies else ""
    return f"""<li class="node"><article class="remark" id="r{i}"><header class="remark-head">
<a class="who" href="/people/{user}">{user}</a><time datetime="2024-04-0{i + 1}T18:00:00Z">Apr {i + 1}, 2024</time></header>
<div class="remark-main"><div class="remark-words"><p>{text}</p></div>
<menu class="remark-actions"><li><a href="#">Vote ({7 - i})</a></li><li><a href="#">Reply</a></li></menu></div>{nested}</article></li>"""


def headed_comments() -> str:
    """A comment tree whose comments carry their author's link and time in a <header> and
    their buttons in a <menu>: the only links of the posts are in their headers."""
    users = ["seedling_sam", "ana_grows", "plotholder"]
    tree = _headed_comment(1, users[0], POSTS[1], _headed_comment(2, users[1], POSTS[2]))
    tree += _headed_comment(3, users[2], POSTS[3])
    return f"""<html><head><title>{TITLE} ~ garden ~ Burrow</title></head><body>
<header class="site"><a href="/">Burrow</a><nav><a href="/groups">Groups</a><a href="/login">Log in</a></nav></header>
<main><article class="topic"><header><h1>{TITLE}</h1><a href="/people/windowsill">windowsill</a></header>
<div class="topic-words"><p>{POSTS[0]}</p></div></article>
<section class="remarks"><header><h2>3 comments</h2></header><ol class="tree">{tree}</ol></section></main>
<footer class="site"><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer></body></html>"""


def _toot(i: int, user: str, text: str, opening: bool = False) -> str:
    frame = ("toot toot--opening", "toot-focus") if opening else ("toot", "toot-card")
    return f"""<div tabindex="-1"><div class="{frame[0]}"><div class="{frame[1]}">
<a class="toot-name" href="/@{user}">{user}</a><a class="toot-when" href="/@{user}/{i}"><time datetime="2024-02-0{i + 1}T09:00:00Z">Feb {i + 1}</time></a>
<div class="toot-content"><div class="toot-text"><p>{text}</p></div></div>
<div class="toot-bar"><button>Reply</button><button>Boost</button></div></div></div></div>"""


def _detailed_toot(user: str, text: str) -> str:
    return f"""<div class="toot-detail"><a class="toot-detail__name" href="/@{user}">{user}</a>
<div class="toot-content"><div class="toot-text"><p>{text}</p></div></div>
<div class="toot-detail__meta"><time datetime="2024-02-01T09:00:00Z">Feb 1, 2024, 09:00</time> · 12 boosts</div></div>"""


def boxed_opening(detailed: bool = False) -> str:
    """A thread whose opening post is framed apart from the replies (another wrapper inside the
    same kind of item); its text lies at the end of the replies' body path. `detailed`: the
    opening post is laid out on its own before the items, in no item, its text in the
    replies' body box."""
    users = ["windowsill", "seedling_sam", "ana_grows", "plotholder"]
    toots = "".join(_detailed_toot(u, t) if detailed and i == 0 else _toot(i, u, t, opening=i == 0)
                    for i, (u, t) in enumerate(zip(users, POSTS, strict=True)))
    head = f"""<html><head><title>{users[0]}: "{POSTS[0][:30]}…" - Social</title></head><body>"""
    nav = '<nav class="nav"><a href="/explore">Explore</a><a href="/about">About</a></nav>'
    if detailed:
        return f"""{head}{nav}<main class="column"><div class="timeline" role="feed">{toots}</div></main></body></html>"""
    return f"""{head}<div class="columns"><div class="pane pane--nav">{nav}</div>
<div class="pane pane--main"><div class="timeline" role="feed">{toots}</div></div></div></body></html>"""


STEPS = ["Sow the seeds a month later than the packet says.", "Keep the tray under a lamp from the first day.",
         "Pot them on as soon as the first true leaves show."]


def listed_opening() -> str:
    """A thread whose opening post is built unlike the replies, with a numbered list between
    its paragraphs: the list is part of the question."""
    users = ["seedling_sam", "ana_grows", "plotholder"]
    replies = "".join(f"""<div class="reply"><a class="who" href="/u/{u}">{u}</a><time datetime="2024-05-0{i + 2}">May {i + 2}</time>
<div class="reply-text"><p>{t}</p></div><a class="act" href="#r{i}">Reply</a></div>""" for i, (u, t) in enumerate(zip(users, POSTS[1:], strict=True)))
    items = "".join(f"<li>{step}</li>" for step in STEPS)
    return f"""<html><head><title>{TITLE}</title></head><body><div class="page"><h1>{TITLE}</h1>
<div class="opening"><div class="opening-author"><a href="/u/windowsill">windowsill</a> asked on May 1</div>
<div class="opening-body"><p>{POSTS[0]}</p><p>This is what I have tried so far this spring, without much luck:</p><ol>{items}</ol>
<p>The stems still fall over in the second week, even with all three.</p></div></div>
<div class="replies">{replies}</div></div></body></html>"""


def _subject_comment(i: int, user: str, subject: str, text: str, replies: str = "") -> str:
    nested = f'<ul class="thread">{replies}</ul>' if replies else ""
    return f"""<li class="note"><div class="note-top"><h4><a href="/story/7/c{i}">{subject}</a></h4>
<div class="note-by">by <a href="/~{user}">{user}</a> on Tuesday April 0{i + 1}, 2024 @09:1{i}AM</div></div>
<div class="note-body"><p>{text}</p></div><div class="note-links"><a href="#r{i}">Reply</a> <a href="/story/7/c{i}">Parent</a></div>{nested}</li>"""


def subject_comments() -> str:
    """A comment tree whose comments lead with a linked subject line above their byline; replies
    nest in the comments they answer: subject lines are no titles of an index's entries."""
    subjects = ["Seedlings always stretch for more light", "A small desk fan makes stems thicker", "The lamp is already on order"]
    users = ["seedling_sam", "ana_grows", "plotholder"]
    c = [(i + 1, u, s, t) for i, (u, s, t) in enumerate(zip(users, subjects, POSTS[1:], strict=True))]
    tree = _subject_comment(*c[0], _subject_comment(*c[1])) + _subject_comment(*c[2])
    return f"""<html><head><title>{TITLE} - Growers' Board</title></head><body>
<div class="head"><a href="/">Growers' Board</a> <a href="/login">Log in</a></div><div class="story"><h1>{TITLE}</h1>
<div class="story-by">Posted by <a href="/~windowsill">windowsill</a> on Monday April 01, 2024 @08:00AM</div>
<div class="story-body"><p>{POSTS[0]}</p></div></div><ul class="thread" id="comments">{tree}</ul></body></html>"""


def _wrapped_comment(i: int, user: str, text: str) -> str:
    body = f'<div class="rich-text"><p>{text}</p></div>'
    if i == 2:  # a comment with a GIF: the same body inside the player's loader element
        body = (f'<media-loader bundle="player"><div class="rich-text"><p>{text}</p>'
                f'<figure class="gif"><a href="/media/{i}.gif"><img src="/media/{i}.gif" alt=""></a></figure></div></media-loader>')
    return f"""<board-comment author="{user}" depth="0"><div class="meta"><a href="/u/{user}">{user}</a> ·
<time datetime="2024-06-0{i}T10:00:00Z">2d ago</time></div><div class="comment-text">{body}</div>
<div class="actions"><button>Reply</button><button>Share</button></div></board-comment>"""


def wrapped_bodies() -> str:
    """A comment tree whose comment with a picture has its body inside a media loader element
    the other comments lack: its text is found below the wrapper, at the same body path."""
    users = ["seedling_sam", "ana_grows", "plotholder"]
    comments = "".join(_wrapped_comment(i + 1, u, t) for i, (u, t) in enumerate(zip(users, POSTS[1:], strict=True)))
    return f"""<html><head><title>{TITLE} : r/growers</title></head><body><nav><a href="/">Home</a> <a href="/r/growers">r/growers</a></nav>
<main><board-post><h1>{TITLE}</h1><div class="post-by"><a href="/u/windowsill">windowsill</a> <time datetime="2024-06-01T09:00:00Z">3d ago</time></div>
<div class="post-text"><p>{POSTS[0]}</p></div></board-post><div class="comment-tree">{comments}</div></main></body></html>"""


# A comment list of an app-style page: each comment's replies sit in its footer, built unlike
# the comments (another structure, their own author link and time), and longer than the
# comment they answer.
RT = "阳台种的番茄苗总是徒长，该怎么救？"
RP = "三月底播的番茄，现在苗高二十厘米了，茎却细得像牙签，一碰就倒。每天浇一次水，放在朝东的阳台上。"
RC = [
    ("阿青", "光照不够。", [("老周", "朝东的阳台只有上午有太阳，番茄苗一天要晒够八个小时，不然就会拼命往上长，补一盏植物灯会好很多。"),
                         ("阿青", "对，灯离苗二十厘米左右就行，太远了没用。")]),
    ("种菜的小林", "水也浇多了，盆土表面干了再浇，苗会壮实一些。", []),
    ("番茄新手", "换了南边的窗台。", [("小满", "换位置以后头几天可能会蔫一点，这是正常的，别急着施肥，过一周就缓过来了。")]),
]


def _reply(user: str, text: str, day: int) -> str:
    return (f'<div class="sub-reply"><div class="sub-head"><a class="sub-user" href="/u/{user}">{user}</a><span>：</span></div>'
            f'<div class="sub-body"><div class="sub-text"><span>{text}</span></div>'
            f'<div class="sub-meta"><span class="when">2024-04-1{day} 21:0{day}</span><span class="likes">{day}</span></div></div></div>')


def _replied_comment(i: int, user: str, text: str, replies: list) -> str:
    subs = "".join(_reply(u, t, i) for u, t in replies)
    return f"""<li class="list-cell"><div class="list-cell__main"><div class="comment-card"><div class="card-avatar"><img src="/a/{i}.png" alt=""></div>
<div class="card-main"><div class="card-header"><a class="nick" href="/u/{user}">{user}</a><span class="region">浙江</span></div>
<div class="card-text"><span class="comment-text">{text}</span></div>
<div class="card-footer"><div class="card-meta"><span class="when">2024-04-1{i} 20:3{i}</span><span class="likes">1{i}</span><span class="reply-btn">回复</span></div>
<div class="sub-replies">{subs}</div></div></div></div></div></li>"""


def replied_comments() -> str:
    """Comments whose replies are built unlike them: each reply is a post of its own, after the
    comment it answers, and the comment keeps its own text."""
    comments = "".join(_replied_comment(i + 1, u, t, r) for i, (u, t, r) in enumerate(RC))
    return f"""<html><head><title>{RT} - 小园子</title></head><body><div class="top-bar"><a href="/">小园子</a> <a href="/login">登录</a></div>
<div class="main-wrap"><div class="post-detail"><h1 class="post-title">{RT}</h1><div class="post-by"><a href="/u/阳台党">阳台党</a> <span class="when">2024-04-10 19:00</span></div>
<div class="post-text"><p>{RP}</p></div></div><ul class="comment-list">{comments}</ul></div></body></html>"""


def replied_texts() -> list[str]:
    """The page's text as it reads: headline, the post, each comment followed by its replies."""
    return [RT, RP, *[line for _, text, replies in RC for line in (text, *(t for _, t in replies))]]


def _quoting_post(i: int, user: str, text: str, quoted: tuple[str, str] | None) -> str:
    pane = (f'<div class="authorPane_mobile"><h3 class="authorPane_author"><a href="/profile/{i}-{user}/">{user}</a></h3>'
            f'<div class="light"><a href="/topic/9/?c={i}">Posted <time datetime="2024-05-0{i + 1}T10:00:00Z">May {i + 1}</time></a></div></div>')
    quote = ""
    if quoted:
        who, said = quoted
        quote = (f'<blockquote class="quote"><div class="quote_citation"><a href="/topic/9/?c={i - 1}">On 5/{i}/2024 at 10:00 AM, '
                 f'<a href="/profile/{i - 1}-{who}/">{who}</a> said:</a></div><div class="quote_contents"><p>{said}</p></div></blockquote>')
    return f"""<article class="post box comment">{pane}<aside class="authorPane column"><h3 class="authorPane_author"><a href="/profile/{i}-{user}/">{user}</a></h3>
<ul class="authorPane_info"><li>Member</li><li>{i + 3}0 posts</li></ul></aside><div class="column column_fluid"><div class="comment_content">
<div class="comment_meta"><a href="/topic/9/?c={i}">Posted <time datetime="2024-05-0{i + 1}T10:00:00Z">May {i + 1}</time></a> <a href="/share/{i}">Share</a></div>
<div class="post_contentWrap"><div class="richText">{quote}<p>{text}</p></div></div></div></div></article>"""


def quoting_posts() -> str:
    """Posts that quote the post before with a citation naming its author and time, on a board
    that writes each post's author and time twice (for phones and for desktops): the quotes are
    part of the posts that quote them, not replies of their own."""
    users = ["windowsill", "seedling_sam", "ana_grows", "windowsill"]
    posts = "".join(_quoting_post(i, u, t, (users[i - 1], POSTS[i - 1].split(". ")[0] + ".") if i else None)
                    for i, (u, t) in enumerate(zip(users, POSTS, strict=True)))
    return f"""<html><head><title>{TITLE} - Growers</title></head><body><div class="header"><a href="/">Growers</a></div>
<h1>{TITLE}</h1><div class="topic">{posts}</div></body></html>"""


def app_post(intro: str = "") -> str:
    """An app's post page: no headline (the title names the app), the opening post in a card of
    its own before the comment list (author link, time, text), a login prompt between them.
    With `intro`, a paragraph without any chrome stands there instead of the card."""
    comments = "".join(_replied_comment(i + 1, u, t, r) for i, (u, t, r) in enumerate(RC))
    card = (f'<p class="intro">{intro}</p>' if intro else
            f'''<li class="list-cell"><div class="detail-card"><div class="card-header"><a class="nick" href="/u/阳台党">阳台党</a>
<span class="region">上海</span></div><div class="detail-text"><span class="post-text">{RP}</span></div>
<div class="card-meta"><span class="when">发布于 2024-04-10 19:00</span><span class="likes">8</span></div></div></li>''')
    return f"""<html><head><title>帖子详情 | 小园子 - 种菜的人都在这里</title></head><body><div class="app"><div class="nav-card">帖子详情</div>
<ul class="main-list">{card}<li class="list-cell"><span class="login-banner">登录后，精彩更多</span> <a href="/login">登录</a></li>
<div class="comment-area"><div class="comment-sort">评论默认最新</div><ul class="comment-list">{comments}</ul></div></ul></div></body></html>"""


# A board that sets the topic and its replies in two boxes of one structure, each reply a cell
# (a table: avatar, then name, time and text) under a header cell that counts them.
BT = "家里宽带打开网页特别慢，怎么排查？"
BQ = "测速有两百兆，但是打开网页要等好几秒，换了浏览器也一样。大家有什么排查思路吗？"
BR = ["我也遇到过，后来把路由器的 DNS 改成运营商默认的就好了。", "试试关掉 IPv6，很多时候是这个原因。",
      "楼上正解，我关了 IPv6 之后网页秒开。", "感谢各位，关掉 IPv6 以后确实快多了。"]


def boxed_replies() -> str:
    """The topic box and the replies box are two of a kind: the replies inside the second are
    the posts, not the two boxes."""
    cells = "".join(f'''<div id="r_{i}" class="cell"><table><tr><td width="48"><img src="/a/{i}.png" class="avatar" alt="u{i}"></td>
<td><div class="fr"><a href="#;" class="thank">感谢回复者</a> <span class="no">{i + 1}</span></div><strong><a href="/member/user{i}" class="dark">user{i}</a></strong>
<span class="ago" title="2024-05-0{i + 1} 10:00:00 +08:00">{i + 2} 小时前</span><div class="reply_content">{t}</div></td></tr></table></div>'''
                    for i, t in enumerate(BR))
    return f"""<html><head><title>{BT} - 宽带论坛</title></head><body><div id="Top"><a href="/">宽带论坛</a> <a href="/signin">登录</a></div>
<div id="Main"><div class="box"><div class="header"><a href="/">宽带论坛</a> › <a href="/go/net">宽带症候群</a><h1>{BT}</h1>
<small class="gray"><a href="/member/op">op</a> · 5 小时前 · 1024 次点击</small></div><div class="cell"><div class="topic_content"><p>{BQ}</p></div></div></div>
<div class="box"><div class="cell"><span class="gray">4 条回复 · 2024-05-01 10:00:00 +08:00</span></div>{cells}</div></div>
<div id="Bottom">宽带论坛是交流上网经验的地方</div></body></html>"""


# An old-style link aggregator: the subreddit's name in the <h1> and the <title>'s end, the
# post's title a link, comments nested in each other's "child" boxes.
OT = "Why do my tomato seedlings keep falling over?"
OP = "They grow tall and thin on my windowsill and fall over after two weeks. I water every other day."
OC = [("sam", "Give them more light. A south window in spring is not enough; a cheap shop light works.",
       [("ana", "This. Mine went from floppy to sturdy in a week under an LED.",
         [("sam", "Same here, and keep the light a few inches above the leaves.", [])])]),
      ("plot", "Brush your hand over the tops every day. The movement makes them tougher.", [])]


def _thing(i: str, user: str, text: str, kids: list) -> str:
    child = "".join(_thing(f"{i}{j}", u, t, k) for j, (u, t, k) in enumerate(kids))
    return f'''<div class="thing id-t1_{i} noncollapsed comment" id="thing_t1_{i}" data-author="{user}"><p class="parent"></p>
<div class="midcol unvoted"><div class="arrow up" role="button"></div><div class="arrow down" role="button"></div></div>
<div class="entry unvoted"><p class="tagline"><a href="#" class="expand">[–]</a><a href="/user/{user}" class="author">{user}</a> <span class="score">12 points</span>
<time datetime="2024-05-13T10:00:00+00:00" class="live-timestamp">3 hours ago</time></p>
<form class="usertext"><div class="usertext-body md-container"><div class="md"><p>{text}</p></div></div></form>
<ul class="flat-list buttons"><li class="first"><a href="/r/g/comments/1/t/{i}/" class="bylink">permalink</a></li><li><a href="javascript:void(0)">reply</a></li></ul></div>
<div class="child">{"<div class='sitetable listing'>" + child + "</div>" if child else ""}</div><div class="clearleft"></div></div>'''


def old_reddit() -> str:
    tree = "".join(_thing(str(i), u, t, k) for i, (u, t, k) in enumerate(OC))
    return f"""<html><head><title>{OT} : gardening</title></head><body><div id="header"><a href="/">links</a></div>
<div class="side"><div class="titlebox"><h1 class="redditname"><a href="/r/gardening/">gardening</a></h1><div class="md"><p>A place for gardeners.</p></div></div></div>
<div class="content" role="main"><div class="sitetable linklisting"><div class="thing link self"><div class="entry"><p class="title"><a class="title" href="/r/g/comments/1/t/">{OT}</a></p>
<p class="tagline">submitted <time datetime="2024-05-13T07:00:00+00:00">6 hours ago</time> by <a href="/user/sill" class="author">sill</a></p>
<div class="expando"><form class="usertext"><div class="usertext-body"><div class="md"><p>{OP}</p></div></div></form></div></div></div></div>
<div class="commentarea"><div class="panestack-title"><span class="title">all 4 comments</span></div><div class="sitetable nestedlisting">{tree}</div></div></div></body></html>"""


def old_reddit_texts() -> list[str]:
    def walk(comments: list) -> list[str]:
        return [line for _, text, kids in comments for line in (text, *walk(kids))]
    return [OT, OP, *walk(OC)]


KT = "Which glue holds a cracked ceramic mug?"
KQ = "The handle of my favourite mug came off in one clean piece. I want to drink from it again, so the glue has to be food safe and stand the dishwasher."
# (comment, its reply) pairs, in page order
KC = [("Two-part epoxy is the strongest choice, but most kinds are not rated for hot drinks.",
       "Some epoxies list a food contact rating on the tube; look for that wording before buying."),
      ("Honestly, I would keep the mug as a pen holder and buy a new one for coffee.",
       "That is what I did with mine, and it looks nice on the desk."),
      ("Whatever you use, skip the dishwasher afterwards and wash it by hand.",
       "Good point, the heat cycles will loosen almost any repair over time.")]


def _kin_comment(cls: str | None, user: str, text: str, inner: str = "", tag: str = "div") -> str:
    named = f' class="{cls}"' if cls is not None else ""
    return (f'<{tag}{named}><div class="meta"><a href="/u/{user}">{user}</a> '
            f'<time datetime="2024-05-02T08:00:00Z">5h ago</time></div>'
            f'<div class="body"><p>{text}</p></div><div class="actions"><a href="#">Reply</a> '
            f'<a href="#">Share</a></div>{inner}</{tag}>')


def kin_replies(top: str | None, nested: str | None, tag: str = "div") -> str:
    """A comment tree whose replies are named unlike the comments they answer (the comments
    "comment", the replies "reply comment"; or custom elements named only at the top level):
    every comment and reply carries its author link and time in a header built alike."""
    tree = "".join(_kin_comment(top, f"fixer{i}", c, _kin_comment(nested, f"helper{i}", r, tag=tag), tag=tag)
                   for i, (c, r) in enumerate(KC))
    return (f'<html><head><title>{KT} - Mend it</title></head><body><nav><a href="/">Mend it</a> '
            f'<a href="/new">New</a></nav><h1>{KT}</h1><div class="post"><p>{KQ}</p></div>'
            f'<div class="comments">{tree}</div><footer><a href="/about">About</a></footer></body></html>')


def kin_texts() -> list[str]:
    return [KT, KQ, *[line for pair in KC for line in pair]]


STORY_TITLE = "Town's parking meters stop taking cards after the vendor closes its service"
STORY = ("A reader writes in with a report from the local paper: the town's two hundred parking meters "
         "have refused cards since Monday, when the company that ran their payment service closed it with "
         "a month's notice, and the council is now printing paper permits by hand.")


def _story_comment(i: int, user: str, text: str) -> str:
    return f"""<li id="tree_{i}" class="comment"><div id="comment_{i}" class="cw">
<div class="commentTop"><div class="title"><h4><a href="#comment_{i}">Re:{text.split()[0]}</a></h4>
<span class="by">by <a href="/~{user}">{user}</a></span> <span class="otherdetails">on <time datetime="2024-03-0{i + 1} 10:0{i}">Friday March 0{i + 1}, 2024 @10:0{i}AM</time></span></div></div>
<div class="commentBody"><div><p>{text}</p></div></div></div></li>"""


def story_comments() -> str:
    """A news aggregator's story page: no <h1> (the site's name is a logo), the story's title
    in an <h2> inside the story's <header>, its text a link to the reader, a link to the
    source and the quoted report in italics; then the comments."""
    comments = "".join(_story_comment(i, f"reader{i}", text) for i, text in enumerate(POSTS[1:]))
    return f"""<html><head><title>{STORY_TITLE} - Newsdesk</title></head><body>
<header id="site"><a class="logo" href="/">Newsdesk</a></header>
<article class="fhitem story"><header><h2 class="story"><span class="story-title"><a href="/story/1">{STORY_TITLE}</a>
<span class="extlnk"><a href="https://paper.example/meters">(paper.example)</a></span></span></h2>
<div class="details">Posted by <a href="/~editor">editor</a> on <time datetime="2024-03-01">Friday March 01, 2024</time></div></header>
<div class="body"><div class="p"><a href="/~reader">A reader</a> writes in with a <a href="https://paper.example/meters">report from the local paper</a>: <i>{STORY.split(": ", 1)[1]}</i></div></div></article>
<div class="commentBox"><p class="note">The comments below are their posters' own.</p>
<ul id="commentlisting">{comments}</ul></div></body></html>"""


SR_TEXTS = [
    "杯子收到了，拧盖很顺，没有异味，早上装的热水到中午还很烫。",
    "颜色比图片深一点，不过也好看，容量刚好够一上午喝。",
    "盖子有点紧，女生拧起来费劲，其他都挺满意的。",
    "第二次买了，送给家里老人用，保温还是一样好。",
]
SR_LATER = "用了半个月再来说一句，每天带着上班，一次都没有漏过水。"


def _shop_review(i: int, text: str) -> str:
    later = (f'<div class="r-append"><span class="r-title">收货后{i + 12}天追加：</span><div class="r-cnt">{SR_LATER}</div></div>'
             if i == 0 else "")
    return f"""<li class="ReviewItem rate-item" id="review-{i}"><div class="r-buyer"><span class="from-whom">买**{i}</span>
<span class="r-vip">会员 {800 + i}</span></div><div class="r-fulltxt"><div class="r-premiere"><span class="r-title">初次评价：</span>
<div class="r-cnt">{text}</div></div><div class="r-info"><span class="r-date">2023年11月0{i + 2}日</span>
<span class="r-sku">颜色分类：燕麦白;容量：500ml</span></div>{later}</div>
<div class="r-act-bar"><a href="javascript:;" class="r-useful">有用(<em>{i + 5}</em>)</a><a href="javascript:;" class="r-report">举报</a></div></li>"""


def shop_review_list() -> str:
    """A shop's review list that names its buyers in plain text, writes each review's date
    inside its text box and gives no rating: each review's buttons (有用(5), 举报) are its
    chrome. Labels (初次评价：, 收货后12天追加：) and the variant line go."""
    reviews = "".join(_shop_review(i, text) for i, text in enumerate(SR_TEXTS))
    return f"""<html><head><title>不锈钢保温杯 500ml-商城</title></head><body>
<div class="site-nav"><a href="/">商城首页</a><a href="/cart">购物车</a></div>
<div class="detail"><h1 class="item-title">不锈钢保温杯 500ml</h1>
<div class="tabbar"><a href="#desc">宝贝详情</a><a href="#reviews">累计评价 4</a></div>
<div id="reviews" class="reviews"><ul class="rate-list">{reviews}</ul></div></div></body></html>"""


CQ_TITLE = "How do I retry a failed upload only once?"
CQ_QUESTION = "My upload helper retries forever when the server is down, and the page hangs. How do I stop after one retry?"
CQ_ANSWERS = [
    ("Keep a counter on the request and give up once it has been retried, so a second failure is returned to the caller:",
     ["def upload(req, tries=0):", "    try:", "        return send(req)", "    except ServerDown:",
      "        log.warning('upload failed, tries=%d', tries)", "        if tries >= 1:", "            raise",
      "        time.sleep(backoff_seconds(tries))", "        return upload(req, tries + 1)", "",
      "def backoff_seconds(tries):", "    return min(30, 2 ** tries)"],
     "The caller then shows the error instead of waiting."),
    ("Or wrap the call once, which reads better when there are several helpers like this:",
     ["def once_more(call):", "    @functools.wraps(call)", "    def wrapped(*args, **kwargs):", "        try:",
      "            return call(*args, **kwargs)", "        except ServerDown as first:",
      "            log.warning('retrying after %s', first)", "            return call(*args, **kwargs)",
      "    return wrapped", "", "upload = once_more(send_upload)"],
     "Either way, log the first failure, so you know the retry happened."),
]


def _code_answer(i: int, lead: str, code: list, after: str) -> str:
    lines = "\n".join(code)
    return f"""<div class="list-group-item answer-item" id="a{i}"><div class="d-flex">
<div class="vote-box"><button aria-label="up">▲</button><span class="vote-count">{8 - i}</span></div>
<div class="flex-grow-1"><div class="d-flex author-line"><a href="/u/dev{i}"><strong>dev{i}</strong></a><span>{i + 2}k 声望</span></div>
<article class="article answer-content"><p>{lead}</p><pre><code class="language-python">{lines}</code></pre><p>{after}</p></article>
<div class="answer-foot"><span>answered <time datetime="2024-02-0{i + 1}T10:00:00Z">Feb {i + 1}</time></span><a href="#a{i}">Share</a></div></div></div></div>"""


def code_answers() -> str:
    """A Q&A page whose answers are mostly code: in each answer, a code block longer than the
    sentences around it."""
    answers = "".join(_code_answer(i, *answer) for i, answer in enumerate(CQ_ANSWERS))
    return f"""<html><head><title>{CQ_TITLE} - Dev Q&amp;A</title></head><body>
<header><a href="/">Dev Q&amp;A</a></header><main><h1 class="title">{CQ_TITLE}</h1>
<div class="question"><article class="article question-content"><p>{CQ_QUESTION}</p></article></div>
<div class="answers"><h5>2 answers</h5><div class="list-group">{answers}</div></div></main></body></html>"""


OR_TEXTS = [
    "We came for the breakfast and stayed for lunch: the eggs were soft, the bread was baked that morning and the coffee was strong without being bitter.",
    "Lovely room at the back, away from the road. The shower took a minute to warm up, but the bed was the best we had on the whole trip.",
    "Friendly staff and a quiet garden, though the parking is tight and the sign from the main road is easy to miss in the dark.",
    "Good value for the area. We asked for an early breakfast before our ferry and they packed us sandwiches instead, which was kind.",
]
OR_REPLY = "Thank you for staying with us. We have put up a new lit sign at the junction, so it should be easier to find us next time."


def _owner_review(i: int, text: str, tag: str) -> str:
    reply = (f'<div class="owner-response"><span class="response-label">Response from the owner</span> '
             f'<span class="response-date">2 weeks ago</span><{tag} class="response-text">{OR_REPLY}</{tag}></div>'
             if i == 2 else "")
    return f"""<div class="review-item" data-review-id="r{i}"><div class="review-header">
<a class="reviewer" href="/profile/{i}">guest{i}</a><span class="stars" aria-label="{5 - i % 2} out of 5 stars"></span>
<span class="review-date">{i + 1} months ago</span></div><div class="review-body"><p>{text}</p></div>{reply}
<div class="review-actions"><button>Helpful</button><button>Share</button></div></div>"""


def owner_replies(tag: str = "p") -> str:
    """A guest house's reviews, one answered by the owner in a box beside the review's text,
    with a label and a date of its own; the reply's text in a `tag` (a <p>, or a <div>)."""
    reviews = "".join(_owner_review(i, text, tag) for i, text in enumerate(OR_TEXTS))
    return f"""<html><head><title>Reviews of The Old Mill Guest House</title></head><body>
<nav><a href="/">Travel</a><a href="/hotels">Hotels</a></nav><main><h1>The Old Mill Guest House</h1>
<section class="reviews"><h2>Guest reviews</h2><div class="review-list">{reviews}</div></section></main></body></html>"""


_HASHED = ' class=" margin-t4__09f24__G0VVf padding-t4__09f24__Y6duA"'  # utility classes, all with digits


def _section_review(i: int, text: str) -> str:
    reply = (f'<div class=" margin-t2__09f24__b0bxj" data-testid="biz-owner-reply"><div class=" arrange__09f24__LDfbs">'
             f'<p class=" css-ux5mu6">Comment from the owner of The Old Mill</p><p class=" css-chan6m">Business Owner</p></div>'
             f'<div class=" margin-t1__09f24__w96jn"><span class=" css-chan6m">Mar 9, 2024</span></div>'
             f'<div class=" margin-t1__09f24__w96jn"><p class="comment__09f24__D0cxf css-qgunke"><span lang="en">{OR_REPLY}</span></p></div></div>'
             if i == 2 else "")
    return f"""<li class=" margin-b5__09f24__pTvws"><div class=" css-1qn0b6x"><div class=" user-passport__09f24__a1">
<a class=" css-19v1rkv" href="/user_details?userid={i}">Guest {chr(65 + i)}.</a><span class=" css-chan6m">Mar {i + 2}, 2024</span></div>
<div class=" margin-b2__09f24__CEMjT"><p class="comment__09f24__D0cxf css-qgunke"><span lang="en">{text}</span></p></div>
<div class=" arrange__09f24__LDfbs"><button aria-label="Useful">Useful</button><button aria-label="Funny">Funny</button></div>{reply}</div></li>"""


ABOUT = ("A guest house in an old water mill by the river, with a walled garden, six rooms under the roof beams "
         "and a small cafe that serves guests, walkers and anglers from early morning, all year round.")
ASKED = ("Is there parking for guests? Yes, behind the mill there is room for six cars, and the town car park is a "
         "five-minute walk away across the footbridge, free after six in the evening.")


HIGHLIGHTS = ("Our reviews are written by guests who stayed here, and we show every one of them, good or bad, "
              "with the newest first; owners can answer a review, but they cannot remove it, change it or hide it.")


def sectioned_business() -> str:
    """A business page built of unnamed sections (every class carries digits): about, menu,
    hours and, in one section, the reviews, one answered by the owner in a box whose date
    sits beside the reply's text."""
    reviews = "".join(_section_review(i, text) for i, text in enumerate(OR_TEXTS))
    menu = "".join(f"<li><p>{dish}</p><p>{n} Photos · {n * 2} Reviews</p></li>" for dish, n in
                   (("Morning bun", 12), ("Almond croissant", 9), ("Cheese scone", 4)))
    return f"""<html><head><title>The Old Mill Guest House - Reviews</title></head><body>
<header><a href="/">Travel</a></header><main><h1 class=" css-hnttcw">The Old Mill Guest House</h1>
<section{_HASHED}><div class=" css-1qn0b6x"><h2>Menu</h2><ul>{menu}</ul><a href="/menu">Full menu</a></div></section>
<section{_HASHED}><div class=" css-1qn0b6x"><h2>Location &amp; Hours</h2><p>Mon Closed</p><p>Tue 7:00 AM - 3:00 PM</p><a href="/map">Get directions</a></div></section>
<section{_HASHED}><div class=" css-1qn0b6x"><h2>About the Business</h2><p>{ABOUT}</p><a href="/about">Read more</a></div></section>
<section{_HASHED}><div class=" css-1qn0b6x"><h2>Recommended Reviews</h2><p>{HIGHLIGHTS}</p><ul class=" list__09f24__ynIEd">{reviews}</ul><p>{HIGHLIGHTS}</p></div></section>
<section{_HASHED}><div class=" css-1qn0b6x"><h2>People also viewed</h2><p><a href="/biz/2">The Ferry Inn</a></p><p><a href="/biz/3">Harbour Lodge</a></p></div></section>
<section{_HASHED}><div class=" css-1qn0b6x"><h2>Ask the community</h2><p>{ASKED}</p><a href="/ask">Ask a question</a></div></section>
</main></body></html>"""


VC_TITLE = "修好一台老式台灯：换开关和电线"
VC_INTRO = "家里的老台灯开关坏了好几年，这次把开关和老化的电线一起换掉，顺便把灯罩清洗了一遍。"
VC_COMMENTS = [
    "看完才知道原来开关是可以单独买到的，我家那盏也准备自己动手试试。",
    "换电线的时候一定要先拔插头，视频里提醒得很到位。",
    "请问用的是什么规格的电线？想买同样的。",
    "灯罩洗完以后颜色亮了好多，跟新的一样。",
]


VC_SUBREPLIES = [
    "我用的是一点五平方的护套线，五金店就有，买的时候跟老板说是台灯用的就行，顺便买一个带开关的插头更省事。",
    "补充一句，老台灯如果是金属灯座，最好换成带地线的三芯线，虽然麻烦一点，但是用起来安心很多。",
    "谢谢两位，已经下单了，周末动手试试，换好了再来汇报。",
]
VC_LONE_REPLY = "泡在温水里加一点洗洁精，用软毛刷轻轻刷，别用钢丝球。"


def _sub_reply(i: int, text: str) -> str:
    return (f'<div class="sub-reply-item"><div class="sub-user-info"><div class="sub-user-name">用户{i + 7}</div></div>'
            f'<span class="reply-content-container sub-reply-content"><span class="reply-content">{text}</span></span>'
            f'<div class="sub-reply-info"><span class="sub-reply-time">2023-11-2{i + 1} 19:1{i}</span>'
            f'<span class="sub-reply-btn">回复</span></div></div>')


def _plain_comment(i: int, text: str, replies: list[str] | None = None) -> str:
    mention = '<a class="jump-link user" href="//space.example/9">@灯泡</a> ' if i == 2 else ""
    subs = (f'<div class="sub-reply-container"><div class="sub-reply-list">{"".join(_sub_reply(j, t) for j, t in enumerate(replies))}'
            f'<div class="view-more"><span>共{len(replies) + 5}条回复, </span><span class="view-more-btn">点击查看</span></div></div></div>'
            if replies else "")
    return f"""<div class="reply-item"><div class="root-reply-container"><div class="root-reply-avatar"><img src="/face/{i}.webp" alt=""></div>
<div class="content-warp"><div class="user-info"><div class="user-name" data-user-id="{100 + i}">用户{i + 1}</div><i class="level-icon lv{i + 2}"></i></div>
<div class="root-reply"><span class="reply-content-container"><span class="reply-content">{mention}{text}</span></span>
<div class="reply-info"><span class="reply-time">2023-11-2{i + 1} 18:0{i}</span><span class="reply-like"><span>{20 - i}</span></span><span class="reply-btn">回复</span></div>
</div></div></div>{subs}</div>"""


def plain_name_comments(sub_replies: bool = False, lone_reply: bool = False) -> str:
    """A video page whose comments name their users in plain text (no link to any profile),
    each with a time and a reply control; one comment mentions another user by a link.
    `sub_replies`: two comments carry a list of the replies to them, each reply with its own
    time and control, more text than the comment they answer. `lone_reply`: the last comment
    carries a list of one reply, built as those are."""
    lists = {1: VC_SUBREPLIES, 2: VC_SUBREPLIES} if sub_replies else {}
    lists |= {3: [VC_LONE_REPLY]} if lone_reply else {}
    comments = "".join(_plain_comment(i, text, lists.get(i)) for i, text in enumerate(VC_COMMENTS))
    return f"""<html><head><title>{VC_TITLE}_哔哩哔哩_bilibili</title></head><body>
<div class="bili-header"><a href="/">首页</a><a href="/anime">番剧</a></div>
<div class="video-container"><h1 class="video-title">{VC_TITLE}</h1><div class="video-desc"><span class="desc-info-text">{VC_INTRO}</span></div>
<div id="commentapp"><div class="bili-comment"><div class="reply-header"><span class="nav-title-text">评论</span><span class="total-reply">86</span></div>
<div class="reply-list">{comments}</div></div></div></div></body></html>"""


def _inbox_post(i: int, user: str, text: str) -> str:
    subject = TITLE if i == 0 else f"Re: {TITLE}"
    return f"""<div id="p{i}" class="blockpost row{"odd" if i % 2 == 0 else "even"}">
<h2><span><span class="conr">#{i + 1}</span> <a href="viewtopic.php?pid={i}#p{i}">2024-03-0{i + 1} 10:1{i}:07</a></span></h2>
<div class="box"><div class="inbox"><div class="postbody"><div class="postleft"><dl>
<dt><strong><a href="profile.php?id={i}">{user}</a></strong></dt><dd class="usertitle"><strong>Member</strong></dd>
<dd><span>Registered: 2019-0{i + 1}-17</span></dd><dd><span>Posts: {40 + i * 7}</span></dd></dl></div>
<div class="postright"><h3>{subject}</h3><div class="postmsg"><p>{text}</p></div></div></div></div>
<div class="inbox"><div class="postfoot clearb"><div class="postfootleft"><p><span>Offline</span></p></div>
<div class="postfootright"><ul><li class="postreport"><span><a href="misc.php?report={i}">Report</a></span></li>
<li class="postquote"><span><a href="post.php?qid={i}">Quote</a></span></li></ul></div></div></div></div></div>"""


def inbox_board() -> str:
    """A board whose post box holds two wrappers of one class list, `inbox`: the first holds
    the user's card and the message, the second the post's foot (Offline, Report, Quote)."""
    posts = "".join(_inbox_post(i, f"grower{i}", text) for i, text in enumerate(POSTS))
    return f"""<html><head><title>{TITLE} / Gardening / Allotment Forums</title></head><body>
<div id="brdheader"><h1><a href="index.php">Allotment Forums</a></h1></div>
<div class="linkst"><ul class="crumbs"><li><a href="index.php">Index</a></li><li><a href="viewforum.php?id=3">Gardening</a></li></ul></div>
<div id="brdmain">{posts}</div><div id="brdfooter"><p>Powered by a board engine</p></div></body></html>"""


PAGES = {
    "xenforo": xenforo(),
    "phpbb": phpbb(),
    "vbulletin": vbulletin(),
    "discuz": discuz(),
    "discuz_signed": discuz_signed(),
    "discourse": discourse(),
    "stack": stack(),
    "tieba": tieba(),
    "zhihu": zhihu(),
    "reviews": reviews(),
    "zhidao": zhidao(),
    "utility": utility_classes(),
    "issue": issue_tracker(),
    "forms": script_forms(),
    "headed": headed_comments(),
    "boxed": boxed_opening(),
    "detailed": boxed_opening(detailed=True),
    "listed": listed_opening(),
    "subjects": subject_comments(),
    "wrapped": wrapped_bodies(),
    "replied": replied_comments(),
    "quoting": quoting_posts(),
    "app": app_post(),
    "boxes": boxed_replies(),
    "aggregator": old_reddit(),
    "kin": kin_replies("comment", "reply comment"),
    "kin_top": kin_replies("top-level comment", "comment"),
    "kin_custom": kin_replies("root-level", None, tag="forum-comment"),
    "inbox": inbox_board(),
}


HT = "每天骑车通勤十五公里，膝盖开始疼了怎么办？"
HP = "上班单程十五公里，骑了半年，最近上坡的时候右膝盖外侧隐隐作痛，休息两天就好，一骑又疼。车是朋友转给我的二手公路车，没做过任何调整。"
HR = [
    "先量一下座垫高度，二手车多半没按你的身高调过，座垫太低膝盖受力最大。",
    "膝盖外侧疼常见的原因是锁鞋的鞋底板角度不对，脚尖被固定得太往里了。",
    "我也是这样，后来去车店做了一次专业调整，半个月就不疼了，花两百块很值。",
    "平时多做一些臀部和大腿外侧的拉伸，骑完以后用泡沫轴滚一滚。",
    "疼得厉害的话还是先去医院拍个片子，别硬撑。",
]
HOT = [2, 0]  # the most-liked replies, shown again above the thread
QUOTES = {3: 1}  # reply 3 quotes reply 1, the quotation set beside its body


def _hot_reply(i: int, text: str, quoted: int | None) -> str:
    quote = ""
    if quoted is not None:
        quote = (f'<div class="reply_quote__Xs91"><div class="reply_quoteUser__Xs91">引用 @骑手{quoted} 发表的:</div>'
                 f'<div class="reply_quoteBody__Xs91"><div class="reply_text__Xs91"><p>{HR[quoted]}</p></div></div></div>')
    return (f'<div class="reply_item__Xs91"><div class="reply_user__Xs91"><a href="/u/{i}">骑手{i}</a>'
            f'<span class="reply_floor__Xs91">{i + 1}楼</span><span>04-1{i} 08:1{i}</span></div>'
            f'<div class="reply_content__Xs91">{quote}<div class="reply_text__Xs91"><p>{text}</p></div></div>'
            f'<div class="reply_tools__Xs91"><span>亮了({9 - i})</span><span>回复</span><span>举报</span></div></div>')


def hot_replies(hot: bool = True) -> str:
    """A board thread whose most-liked replies are shown again, in a box of their own, between
    the opening post and the full list; a reply that quotes another sets the quotation beside
    its own text, in the same wrapper."""
    replies = "".join(_hot_reply(i, t, QUOTES.get(i)) for i, t in enumerate(HR))
    box = ('<div class="hot_box__Xs91"><div class="hot_title__Xs91">亮了的回复</div>'
           + "".join(_hot_reply(i, HR[i], QUOTES.get(i)) for i in HOT) + "</div>") if hot else ""
    return f"""<html><head><title>{HT} - 单车论坛</title></head><body><div class="nav__Xs91"><a href="/">单车论坛</a> <a href="/hot">热门</a></div>
<div class="thread__Xs91"><h1 class="thread_title__Xs91">{HT}</h1><div class="op__Xs91"><div class="op_user__Xs91"><a href="/u/op">通勤党</a> 04-10 22:00</div>
<div class="op_text__Xs91"><p>{HP}</p></div></div>{box}
<div class="all_box__Xs91"><div class="all_title__Xs91">全部回复</div><div class="all_list__Xs91">{replies}</div></div></div></body></html>"""


def hot_texts() -> list[str]:
    """The thread as it reads: the headline, the opening post, every reply once in order, a
    quoting reply led by the quotation (without its source line)."""
    return [HT, HP, *[line for i, t in enumerate(HR) for line in ((HR[QUOTES[i]], t) if i in QUOTES else (t,))]]


# Reviews of a service, each card named for what it is ("review") in CSS-module class names,
# the reviewer's pane in an <aside>, a title over each review, one answered by the business.
RC_TITLES = ["Fast fibre, slow letters", "Fitted in a day", "Price went up after a year"]
RC_TEXTS = [
    "The connection itself is fast and stable, but every letter they send takes two weeks to arrive and asks for something I already gave them.",
    "The engineer came on the day they promised, fitted the router in an hour and explained the settings without any jargon.",
    "Twelve months of a good price, then the bill rose by a third without a word. Ask them to fix the price before you sign.",
]
RC_REPLY = "We are sorry the new price came as a surprise. Our team has written to you with the offers open to existing customers."


def _stars(i: int, rated: bool) -> str:
    if not rated:
        return ""
    return (f'<div class="star-rating_starRating__x1"><img alt="Rated {5 - i} out of 5 stars" '
            f'src="/stars-{5 - i}.svg"></div>')


def review_cards(rated: bool = False) -> str:
    """`rated`: each card shows its rating as the review sites do, an image of stars whose
    text says it."""
    cards = "".join(
        f'''<article class="paper_paper__x1 styles_reviewCard__k2" data-service-review-card-paper="true">
<div class="styles_reviewCardInner__k2"><aside class="styles_consumerInfoWrapper__k2" aria-label="Info for reviewer{i}">
<a class="link_internal__x1 styles_consumerDetails__k2" href="/users/{i}"><span class="typography_heading-xxs__x1">reviewer{i}</span>
<div class="styles_consumerExtraDetails__k2"><span>{i + 1} reviews</span><span>GB</span></div></a></aside>
<section class="styles_reviewContentwrapper__k2"><div class="styles_reviewHeader__k2">{_stars(i, rated)}<time datetime="2024-03-0{i + 1}T09:00:00.000Z">Mar {i + 1}, 2024</time></div>
<div class="styles_reviewContent__k2"><a href="/reviews/{i}"><h2 class="typography_heading-s__x1">{title}</h2></a>
<p class="typography_body-l__x1" data-service-review-text-typography="true">{text}</p></div>
<div class="styles_reviewFooter__k2"><button>Useful</button><button>Share</button></div></section></div>
{f'<div class="styles_wrapper__k2"><p class="styles_replyCompany__k2">Reply from Harbour Broadband</p><p class="styles_message__k2">{RC_REPLY}</p></div>' if i == 2 else ""}
</article>'''
        for i, (title, text) in enumerate(zip(RC_TITLES, RC_TEXTS, strict=True)))
    return f"""<html><head><title>Harbour Broadband Reviews | Read Customer Service Reviews</title></head><body>
<header class="styles_header__x1"><a href="/">Reviews</a><a href="/categories">Categories</a></header>
<main class="styles_main__k2"><h1 class="title_title__x1">Harbour Broadband Reviews</h1>
<section class="styles_reviewsContainer__k2">{cards}</section>
<nav class="pagination_pagination__x1"><a href="?page=2">Next page</a></nav></main></body></html>"""


def utility_reviews() -> str:
    """A shop's review list built of one utility class: each review is an "a-section", and so
    are its wrapper, its image strip and its vote bar inside it."""
    reviews = "".join(
        f"""<div id="R{i}" data-hook="review" class="a-section review"><div id="customer_review-R{i}" class="a-section celwidget">
<div class="a-row a-spacing-mini"><a class="a-profile" href="/profile/{i}"><span class="a-profile-name">buyer{i}</span></a></div>
<div class="a-row"><a class="a-link-normal review-title" href="/review/R{i}"><i class="a-icon a-star-{5 - i} review-rating"><span class="a-icon-alt">{5 - i}.0 out of 5 stars</span></i><span>{title}</span></a></div>
<span class="a-size-base review-date">Reviewed on March {i + 2}, 2024</span>
<div class="a-row review-data"><span data-hook="review-body" class="a-size-base review-text"><span>{text}</span></span></div>
<div class="a-section review-image-tile-section"><img alt="Customer image" src="/img/{i}.jpg"></div>
<div class="a-row a-spacing-none"><div class="a-section review-comments"><div class="a-section review-votes"><span class="cr-vote-text">{i + 3} people found this helpful</span></div>
<a class="a-button-text" href="/vote/R{i}">Helpful</a> <a class="report-abuse-link" href="/report/R{i}">Report</a></div></div>
</div></div>"""
        for i, (title, text) in enumerate(zip(RC_TITLES, RC_TEXTS, strict=True)))
    return f"""<html><head><title>Customer reviews: Harbour Broadband router</title></head><body>
<header class="nav-header"><a href="/">Shop</a><a href="/deals">Deals</a></header>
<div class="a-container"><h1 class="a-size-large">Customer reviews</h1>
<div class="a-section a-spacing-none reviews-content"><div id="cm_cr-review_list" class="a-section review-views">
<h3 class="a-spacing-medium">Top reviews from the United Kingdom</h3>{reviews}</div></div>
<ul class="a-pagination"><li class="a-last"><a href="?page=2">Next page</a></li></ul></div></body></html>"""


HR_TITLE = "临江小筑民宿"
HR_TEXTS = [
    "房间朝南，下午阳光很好，阳台上能看到江面上的渡船。老板娘推荐的那家米粉店就在巷子口，早上去吃刚好。",
    "隔音一般，楼下小酒馆晚上十点多还有音乐，介意的朋友可以要三楼的房间。",
    "带爸妈住了两晚，屋里收拾得很干净，热水也足。停车要停在外面的公共停车场，步行五分钟左右。",
    "性价比很高，下次来还会住这里，就是楼梯有点陡，行李多的话可以请店家帮忙搬。",
]


def unlinked_reviews() -> str:
    """A lodging's reviews as an app's web page draws them: no link in any review (the user's
    name is plain text), each with its score ("4.8" and "/5" in two spans), a word for it, the
    stay's date and a "有用(3)" button."""
    cards = "".join(f"""<div class="hr-card" data-index="{i}"><div class="user"><img src="/avatar/{i}.png" alt="头像">
<p class="nick">旅行者{i + 1}</p><p class="level">点评 {i + 3} 条</p></div>
<div class="hr-card-body"><div class="hr-score"><strong class="num">{4.8 - i / 5:.1f}</strong><span class="total">/5</span></div>
<span class="score-word">{"超棒" if i % 2 == 0 else "很好"}</span>
<div class="hr-content"><p class="detail">{text}</p></div>
<div class="hr-bottom"><span class="date">发布于2024年4月{i + 3}日</span><span class="useful">有用({i + 2})</span><span class="report">举报</span></div>
</div></div>""" for i, text in enumerate(HR_TEXTS))
    return f"""<html><head><title>{HR_TITLE}点评</title></head><body>
<div class="top-bar"><a href="/">首页</a><a href="/hotels">酒店</a></div>
<h1 class="hotel-name">{HR_TITLE}</h1>
<div class="review-module"><div class="review-list">{cards}</div>
<div class="pager"><span class="current">1</span><span>2</span></div></div>
<div class="footer">客服电话 400-000-0000</div></body></html>"""


# A car-club thread: each floor has a user pane and a main pane; a reply that quotes another
# floor sets a quote box (its source line, then the quoted words built like a floor's
# paragraphs) before its own text box, both in the main pane.
CF_TITLE = "冬天自驾去长白山，雪地胎一定要换吗"
CF_POSTS = [
    "打算一月份从沈阳开车去长白山，车是两驱的小轿车，原厂四季胎。想问问大家雪地胎是不是必须换，还是带防滑链就够了？",
    "一定要换。山上的路面经常是压实的冰雪，四季胎在零下二十度会变硬，刹车距离长很多。",
    "同意楼上，防滑链只是应急用的，装起来很麻烦，而且不能开快，长途还是雪地胎靠谱。",
    "谢谢两位，我去问问轮胎店，顺便把防冻液和雨刮也检查一下。",
]
CF_QUOTED = {2: 1}  # floor 2 quotes floor 1


def _car_quote(j: int, named: bool) -> str:
    """Floor `j` quoted: built like a floor's paragraphs, or (`named`) in a box named for what
    it is, holding the quoted words as text of its own."""
    who, words = f'引用 <a href="/u/{j}">车友{j}</a>', CF_POSTS[j]
    if named:
        return f'<div class="quote"><div class="quote-title">{who} 的回复（{j + 1}楼）：</div><div class="quote-cont">{words}</div></div>'
    return f'<div class="cite-box"><div class="cite-who">{who} 发表于 {j + 1}楼</div><div class="cite-body"><div class="floor-para">{words}</div></div></div>'


def _car_floor(i: int, text: str, named_quote: bool = False) -> str:
    quote = _car_quote(CF_QUOTED[i], named_quote) if i in CF_QUOTED else ""
    user = f'<div class="floor-side"><a class="floor-user" href="/u/{i}">车友{i}</a><span class="floor-level">Lv.{i + 3}</span></div>'
    foot = f'<div class="floor-foot"><span>{i + 1}楼</span><span>2024-01-0{i + 2} 20:1{i}</span><a href="#">回复</a></div>'
    body = f'<div class="floor-text"><div class="floor-para">{text}</div></div>'
    return f'<li class="floor-item" data-floor="{i + 1}">{user}<div class="floor-main">{quote}{body}{foot}</div></li>'


def car_floors(named_quote: bool = False) -> str:
    floors = "".join(_car_floor(i, t, named_quote) for i, t in enumerate(CF_POSTS))
    return f"""<html><head><title>{CF_TITLE}_自驾游论坛</title></head><body>
<div class="top-nav"><a href="/">首页</a> <a href="/club">论坛</a> <a href="/club/trip">自驾游论坛</a></div>
<div class="thread"><h1 class="thread-title">{CF_TITLE}</h1><ul class="floor-list">{floors}</ul></div>
<div class="page-foot">版权所有 © 某某车友会</div></body></html>"""


# A stock board's comment list: under a comment, replies of another structure, each header naming
# its author, then "回复" and the comment's author, whom it answers.
SB_TITLE = "高股息的公司，回调的时候要不要补仓"
SB_POST = "手里的水电股最近跌了一成多，分红率倒是更高了。想听听大家的意见，这种时候是分批补仓，还是先观望？"
SB_COMMENTS = [
    ("我一般分三次补，每跌五个点补一次，心里比较踏实。", ["五个点一次挺稳的，我也打算这样试试。", "补之前先看看现金流，别把备用金也投进去。"]),
    ("先观望吧，回调不一定马上结束，分红也要等到年中才到账。", ["年中到账的话，正好可以拿分红再买一点。"]),
    ("分红率高是因为股价跌了，先弄清楚下跌的原因再说。", []),
]


def _sb_reply(user: str, to: int, text: str, n: int) -> str:
    return (f'<div class="sub-item"><div class="sub-head"><a class="sub-user" href="/u/{user}">{user}</a>'
            f'<span class="sub-verb">回复</span><a class="sub-to" href="/u/c{to}">股友c{to}</a>：</div>'
            f'<div class="sub-text">{text}</div><div class="sub-foot"><span class="sub-time">2024-03-0{n} 11:2{n}</span>'
            f'<a href="#">点赞({n})</a><a href="#">回复</a></div></div>')


def stock_board() -> str:
    comments = "".join(
        f'<div class="cmt-item"><div class="cmt-head"><a class="cmt-user" href="/u/c{i}">股友c{i}</a>'
        f'<span class="cmt-time">2024-03-0{i + 1} 10:0{i}</span></div><div class="cmt-text">{text}</div>'
        f'<div class="cmt-tools"><a href="#">点赞({i + 2})</a><a href="#">回复</a></div>'
        f'<div class="sub-list">{"".join(_sb_reply(f"r{i}{j}", i, r, j + 1) for j, r in enumerate(subs))}</div></div>'
        for i, (text, subs) in enumerate(SB_COMMENTS))
    return f"""<html><head><title>{SB_TITLE}_股吧</title></head><body><div class="nav"><a href="/">首页</a> <a href="/list">股吧</a></div>
<div class="post"><h1 class="post-title">{SB_TITLE}</h1><div class="post-author"><a href="/u/op">长线老王</a> 发表于 2024-03-01 09:00</div>
<div class="post-body"><p>{SB_POST}</p></div></div><div class="cmt-list">{comments}</div>
<div class="foot">郑重声明：用户在社区发表的所有资料仅代表个人观点。</div></body></html>"""


def stock_board_texts() -> list[str]:
    return [SB_TITLE, SB_POST, *[line for text, subs in SB_COMMENTS for line in (text, *subs)]]


TP_TITLE = "Rewiring an old bench grinder"
TP_POSTS = [
    "I picked up a bench grinder from the nineteen-sixties at a house clearance. The motor runs, but the cable is cracked "
    "and the switch crackles when I turn it on. I want to replace the cable and the switch and keep the original housing. "
    "The plate on the motor says 240 volts and a third of a horsepower. Inside the switch box there are four wires: two "
    "from the motor, one earth and one that seems to go to a capacitor under the base. Before I cut anything, is there "
    "anything about these old motors that I should know, and what rating of switch should I buy for it? The wheels "
    "are worn but true, and the tool rests are solid cast iron, so the rest of the machine seems worth the effort. "
    "I would rather spend an afternoon on it than buy a new one that will not last half as long.",
    "Buy a switch rated for motor loads, not just for the current: a starting motor draws several times its running current.",
    "Check the capacitor too. If it has bulged or leaks, replace it with one of the same rating before you power it up again.",
    "Thanks. The capacitor was bulging, so both are on order, and I will photograph the wiring before I take it apart.",
]
TP_USERS = ["grinder_gus", "old_sparks", "capnut", "grinder_gus"]


def _table_post(i: int, user: str, text: str) -> str:
    quote = ""
    if i == 2:  # quotes the post before it, its cite giving the time first
        quote = (f'<blockquote class="mycode_quote"><cite><span> (05-0{i}-2024, 10:1{i} AM)</span>{TP_USERS[1]} Wrote:'
                 f'</cite>{TP_POSTS[1]}</blockquote>')
    return (f'<a name="pid{i}" id="pid{i}"></a><div class="post " id="post_{i}"><div class="post_author">'
            f'<a href="/member?uid={i}">{user}</a>'
            f'<div class="author_statistics">Posts: {40 + i}<br>Threads: {i}<br>Joined: May 2021</div></div>'
            f'<div class="post_content"><div class="post_head"><span class="post_date">05-0{i + 1}-2024, 10:0{i} AM</span></div>'
            f'<div class="post_body">{quote}{text}</div></div><div class="post_controls">'
            f'<a href="/newreply?replyto={i}">Reply</a> <a href="/report?pid={i}">Report</a></div></div>')


def table_of_posts() -> str:
    """A board that sets its posts in one table and its related threads in another table of the
    same class: the group of two tables is no thread whose first member holds every post (with a
    long opening post, the first table's text lies in that post)."""
    posts = "".join(_table_post(i, u, t) for i, (u, t) in enumerate(zip(TP_USERS, TP_POSTS, strict=True)))
    related = "".join(f'<tr><td class="trow1"><a href="/thread?tid={n}">{t}</a></td><td><a href="/member?uid={n}">user{n}</a></td>'
                      f'<td>{n + 3}</td><td>05-0{n}-2024, 0{n}:00 PM</td></tr>'
                      for n, t in enumerate(["Sharpening a lathe tool", "Which belt for a pillar drill", "Rust on a vice"], 1))
    return f"""<html><head><title>{TP_TITLE}</title></head><body><div id="header"><a href="/">Workshop Forum</a></div>
<div class="navigation"><a href="/">Workshop Forum</a> › <a href="/forum?fid=2">Machines</a> › {TP_TITLE}</div>
<table class="tborder tfixed clear"><tr><td class="thead"><div class="float_right"><a href="javascript:void(0)"
id="thread_modes">Thread Modes</a></div><h1>{TP_TITLE}</h1></td></tr>
<tr><td id="posts_container"><div id="posts">{posts}</div></td></tr></table>
<table class="tborder"><tr><td class="thead" colspan="4"><strong>Possibly Related Threads…</strong></td></tr>{related}</table>
<div id="copyright">Powered by a board package</div></body></html>"""


# A discussion page of a code host: the question box shows, under the question, a preview of
# the accepted answer (its first paragraph cut short); every comment's header is an <h3> holding
# the author's link and the time; replies nest under the answer they answer.
DQ_TITLE = "How do I keep the cache when the build fails?"
DQ_QUESTION = "Every failed build throws away the dependency cache, so the next build downloads everything again. Is there a setting that keeps it?"
DQ_ANSWER = ("Set keep_on_failure to true in the cache section. The cache is then saved at the end of the job whatever "
             "its result, so the next run can restore it.")
DQ_REPLIES = ["That works, thanks. Does it also keep a cache that was only half written?",
              "No: a cache is saved only when its step finished, so a half-written one is never kept."]
DQ_OTHER = "You can also pin the cache key to the lock file, so a failed build does not change it."


def _dq_comment(user: str, text: str, nested: bool = False, replies: str = "") -> str:
    cls = "js-comment-container nested-comment" if nested else "timeline-item"
    return (f'<div class="{cls}"><div class="comment-group"><div class="comment-header">'
            f'<a class="avatar-link" href="/{user}"><img alt="@{user}" src="/a/{user}.png"></a>'
            f'<h3 class="comment-header-text"><a class="author" href="/{user}">{user}</a>'
            f'<a href="#c-{user}" class="timestamp"><relative-time datetime="2024-02-0{len(user) % 9}T10:00:00Z">Feb {len(user) % 9}, 2024</relative-time></a></h3></div>'
            f'<div class="comment-body"><p>{text}</p></div><div class="reactions"><button>👍 3</button></div></div>{replies}</div>')


def discussion(question_in_timeline: bool = False) -> str:
    """`question_in_timeline`: the question is the timeline's first item, built like the
    comments, its preview of the answer inside it."""
    preview = ('<div class="answer-preview"><div class="preview-head"><span>Answered by</span> '
               '<a href="/tern_ops">tern_ops</a> <relative-time datetime="2024-02-01T10:00:00Z">Feb 1, 2024</relative-time></div>'
               f'<div class="preview-body"><p>{DQ_ANSWER[:125]}…</p></div><a href="#answer" class="btn">View full answer</a></div>')
    replies = "".join(_dq_comment(u, t, nested=True) for u, t in zip(["asker_liz", "tern_ops"], DQ_REPLIES, strict=True))
    comments = _dq_comment("tern_ops", DQ_ANSWER, replies=replies) + _dq_comment("lockfile_lu", DQ_OTHER)
    question = f"""<div class="timeline-item discussion-question"><div class="comment-group"><div class="comment-header"><h3 class="comment-header-text">
<a class="author" href="/asker_liz">asker_liz</a> <relative-time datetime="2024-01-31T09:00:00Z">Jan 31, 2024</relative-time></h3></div>
<div class="comment-body"><p>{DQ_QUESTION}</p></div></div>{preview}</div>"""
    timeline = f"<h2>2 comments · 2 replies</h2>{comments}"
    if question_in_timeline:
        question, timeline = "", question + timeline
    return f"""<html><head><title>{DQ_TITLE} · Discussion #12 · example/builder</title></head><body>
<div class="header"><a href="/">Code host</a> <a href="/explore">Explore</a></div>
<h1 class="discussion-title">{DQ_TITLE}</h1>
{question}<div class="timeline">{timeline}</div>
<div class="footer">© Code host</div></body></html>"""


def discussion_texts() -> list[str]:
    return [DQ_TITLE, DQ_QUESTION, DQ_ANSWER, *DQ_REPLIES, DQ_OTHER]


# A shop's reviews, each printing its first lines cut by "..." with an expander, then the whole
# review, hidden by a class until the expander is clicked (the page holds every review twice).
SR_TITLE = "巷口面馆(东门店)"
SR_REVIEWS = [
    "中午十二点到的，店里坐满了，等了十分钟左右。牛肉面汤头很浓，牛肉切得厚，面是现拉的，很有嚼劲。小菜可以自己加，酸豆角特别下饭。",
    "环境一般，桌子有点挤，但是出餐很快，老板娘态度也好。价格比附近几家便宜一点，一碗面加一个卤蛋不到三十块，会再来。",
    "这次点了番茄鸡蛋面，番茄炒得很出沙，酸甜刚好。唯一不足是辣椒油不够香，希望能改进一下，其他都挺满意的。",
]


def shop_reviews(style_hidden: bool = False) -> str:
    """A shop's reviews, each printed as an excerpt cut by "..." and an expander, then whole,
    hidden by a class until the expander is clicked (`style_hidden`: by an inline style)."""
    hiding = '"review-words" style="display: none;"' if style_hidden else '"review-words Hide"'
    items = "".join(
        f'<li><a class="avatar" href="/member/{i}"><img src="/a/{i}.png"></a><div class="main-review">'
        f'<div class="reviewer"><a class="name" href="/member/{i}">食客{i}</a></div>'
        f'<div class="review-rank"><span class="stars str{5 - i}0"></span><span class="item">口味：{5 - i}</span></div>'
        f'<div class="review-truncated">{r[:40]}...<div class="less"><a class="fold" href="javascript:;">展开评价</a></div></div>'
        f'<div class={hiding}>{r}<div class="less"><a class="unfold" href="javascript:;">收起评价</a></div></div>'
        f'<div class="misc"><span class="time">2024-03-1{i} 19:2{i}</span><a class="praise" href="javascript:;">赞</a>'
        f'<em>({10 + i})</em><a class="reply" href="javascript:;">回应</a></div></div></li>'
        for i, r in enumerate(SR_REVIEWS))
    return f"""<html><head><title>{SR_TITLE}的点评</title></head><body><div class="nav"><a href="/">首页</a> <a href="/food">美食</a></div>
<h1 class="shop-name">{SR_TITLE}</h1><div class="reviews-items"><ul>{items}</ul></div>
<div class="footer">©2024 点评网</div></body></html>"""


# A Q&A page whose best answer stands in a box of its own above the other answers, built like
# them (the same item class and parts), its text set in a template of its own.
BA_TITLE = "阳台种的番茄只开花不结果，是什么原因"
BA_QUESTION = "今年春天在朝南的阳台种了三盆番茄，现在花开了不少，可是一个果子都没坐住，花谢了就掉。请问是哪里出了问题？"
BA_BEST = [
    "番茄开花不坐果，阳台上最常见的原因有三个，可以逐一排查。",
    "第一是授粉不够。番茄虽然是自花授粉，但需要花粉被震落才能落到柱头上。室外有风和昆虫帮忙，阳台上往往两样都没有。开花的时候每天上午轻轻弹一弹花序，或者用电动牙刷的背面碰一碰花柄，坐果率会明显提高。",
    "第二是温度。白天超过三十二度、夜里低于十三度，花粉的活力都会大大下降。朝南的阳台中午玻璃后面很容易过热，可以开窗通风，或者在最热的几个小时拉上一层纱帘。",
    "第三是氮肥太多。叶子长得又大又绿、枝条很旺，却不结果，多半是肥料里的氮偏多。开花以后改用磷钾含量高的肥料，少浇一点水，让植株从长叶子转到结果子上来。",
    "按这三点调整，一般两三周后新开的花就能坐住果了。",
]
BA_MORE = [  # the same advice written up as a guide runs on
    "选种也有讲究。樱桃番茄比大果番茄更耐热，坐果也更容易，第一次在阳台种番茄的话，可以先从樱桃番茄开始。",
    "盆要够大。一株番茄至少需要二十升左右的土，盆太小根系挤在一起，植株容易早衰，开了花也养不住果子。",
    "浇水要均匀。土壤忽干忽湿，不但影响坐果，已经结出的果子也容易裂开。最好每天早上看一看，表土干了再浇透。",
]
BA_OTHERS = ["我家也这样，后来每天拿筷子敲敲花枝，就开始结果了。",
             "看看是不是太热了，我的阳台中午能到三十五度，花全掉了。",
             "少施点肥试试，叶子太旺反而不结果。"]


def _ba_item(i: int, body: str) -> str:
    return (f'<div class="qa-item"><div class="qa-meta"><a class="uname" href="/u/{i}">园丁{i}</a>'
            f'<span class="qa-time">2024-04-0{i + 1}</span></div><div class="qa-main">{body}</div>'
            f'<div class="qa-foot"><a href="javascript:;">有用({30 - i})</a> <a href="javascript:;">举报</a></div></div>')


def best_answer_apart() -> str:
    best = _ba_item(0, '<div class="best-content">' + "<br>".join(BA_BEST) + "</div>")
    others = "".join(_ba_item(i + 1, f'<div class="qa-content"><span class="txt">{t}</span></div>')
                     for i, t in enumerate(BA_OTHERS))
    return f"""<html><head><title>{BA_TITLE}_问答社区</title></head><body>
<div class="top-nav"><a href="/">首页</a> <a href="/garden">园艺</a> <a href="/ask">我要提问</a></div>
<div class="q-main"><h1>{BA_TITLE}</h1><div class="q-desc">{BA_QUESTION}</div></div>
<div class="best-box"><div class="best-label">最佳回答</div>{best}</div>
<div class="other-box"><h2>其他回答</h2>{others}</div>
<div class="footer">©2024 问答社区</div></body></html>"""


# An issue's comments, each with a role badge beside its author's name and a hidden copy of
# its source (the edit form's markdown, hidden by a prefixed utility class until "Edit").
RB_TITLE = "Export stops at the first row with an empty date"
RB_COMMENTS = [
    "Exporting a sheet where one row has no date ends the file at that row, without an error.",
    "Confirmed on the current release. The date parser raises, and the writer swallows the exception.",
    "A fix is up for review: empty dates are written as empty cells, and a parse error now stops the export loudly.",
]
RB_ROLES = ["Author", "Maintainer", "Owner"]


def role_badges(user: str = "") -> str:
    items = "".join(
        f'<div class="timeline-item comment"><div class="comment-header"><a class="author" href="/{user or "u" + str(i)}">'
        f'{user or "u" + str(i)}</a> <span class="time-since">{i + 2} days ago</span>'
        f'<div class="ui basic label role-label">{role}</div></div><div class="comment-body">'
        f'<div class="render-content markup"><p>{text}</p></div><div class="edit-content-zone tw-hidden">'
        f'<textarea class="raw">**Draft:** {text}</textarea><div class="raw-content">{text.upper()}</div></div></div></div>'
        for i, (text, role) in enumerate(zip(RB_COMMENTS, RB_ROLES, strict=True)))
    return f"""<html><head><title>{RB_TITLE} · Issue #88 · sheets/exporter</title></head><body>
<div class="navbar"><a href="/">Forge</a> <a href="/explore">Explore</a></div>
<h1 class="issue-title">{RB_TITLE}</h1><div class="issue-content"><div class="timeline">{items}</div></div>
<div class="footer">Powered by a forge</div></body></html>"""


# A forum thread whose replies stand in an "indented" box after the comment they answer,
# not inside it; one reply holds a code block between its paragraphs.
IR_TITLE = "Import stops at an empty date"
IR_TEXTS = [
    ["The nightly import stops at the first row whose date is empty, and the log says nothing."],
    ["Same here since the last update. It worked for a year before that."],
    ["We worked around it with a small preprocessing hook. Here is what we run before the import:", "CODE",
     "It fills the empty dates with the day of the import, which is good enough for us."],
    ["Thanks, that hook did the trick for our site as well."],
    ["There is an open issue for this in the tracker, with a patch waiting for review."],
    ["The patch applies cleanly on the current release, and the import finishes now."],
]
IR_CODE = ["for row in rows:", "    row.date = row.date or today()"]


def _ir_body(paragraphs: list[str]) -> str:
    return "".join(f'<div class="codeblock"><pre><code>{chr(10).join(IR_CODE)}</code></pre></div>' if p == "CODE"
                   else f"<p>{p}</p>" for p in paragraphs)


def _ir_comment(i: int, inner: str = "") -> str:
    return (f'<a id="comment-{i}"></a><div class="comment clearfix"><div class="submitted"><span>'
            f'<a class="username" href="/u/user{i}">user{i}</a> <span class="comment-time">commented 3 March 2024 at '
            f'1{i}:00</span></span><div class="permalink"><a href="/comment/{i}">Comment #{i}</a></div></div>'
            f'<div class="content"><div class="field field-name-comment-body"><div class="field-items">'
            f'<div class="field-item even">{_ir_body(IR_TEXTS[i])}</div></div></div></div>'
            f'<ul class="links inline"><li><a href="/reply/{i}">reply</a></li></ul></div>{inner}')


def indented_replies() -> str:
    def indented(inner: str) -> str:
        return f'<div class="indented">{inner}</div>'
    tree = (_ir_comment(1, indented(_ir_comment(2, indented(_ir_comment(3))))) + _ir_comment(4, indented(_ir_comment(5))))
    return (f'<html><head><title>{IR_TITLE} | Forum</title></head><body><div id="nav"><a href="/">Home</a></div>'
            f'<h1>{IR_TITLE}</h1><div class="node node-forum clearfix"><div class="submitted"><a class="username" '
            f'href="/u/op">op</a> <span>posted 3 March 2024 at 09:00</span></div><div class="content"><div class="field '
            f'field-name-body"><div class="field-items"><div class="field-item even">{_ir_body(IR_TEXTS[0])}</div></div>'
            f'</div></div></div><div id="comments" class="comment-wrapper"><h2 class="title">Comments</h2>{tree}</div>'
            f'</body></html>')


def indented_texts() -> list[str]:
    return [IR_TITLE, *(line for paragraphs in IR_TEXTS for p in paragraphs
                        for line in (IR_CODE if p == "CODE" else [p]))]


OB_TITLE = "辞职回老家开了一家面包店，半年来的账本"
OB_OPENING = [
    "去年秋天从省城的设计院辞职，带着八万块积蓄回到县城，在菜市场旁边租了一个二十平的门面。",
    "头两个月几乎天天亏钱，早上五点起来揉面，卖不完的面包晚上分给邻居，后来慢慢有了回头客。",
    "现在每天能卖出两百个左右，扣掉房租和面粉黄油，一个月能剩六七千，比上班时少，但心里踏实。",
]
OB_REPLIES = ["楼主加油，县城能做起来不容易。", "面包店最怕的就是库存，卖不完怎么处理的？",
              "支持一下，下次回家去买。", "六七千在县城很不错了。", "看哭了，想起我爸妈的小卖部。"]


def _ob_reply(i: int, text: str) -> str:
    return (f'<div class="reply-item" data-floor="{i + 2}"><div class="reply-user"><a href="/u/{i}">路人{i}</a>'
            f'<span class="reply-time">2024-05-1{i} 20:3{i}</span><span class="reply-floor">{i + 2}楼</span></div>'
            f'<div class="reply-body"><div class="post-text"><p>{text}</p></div></div>'
            f'<div class="reply-ops"><span>亮了({9 - i})</span><span>回复</span></div></div>')


def opening_body_alike(box: str = "post-text") -> str:
    """A board thread whose opening post is laid out unlike the replies (a topic box with its
    own user card and action bar), but writes its text in the replies' body box; the page
    calls itself an article in og:type, as many boards do. `box`: the opening post's body box."""
    replies = "".join(_ob_reply(i, t) for i, t in enumerate(OB_REPLIES))
    body = "".join(f"<p>{p}</p>" for p in OB_OPENING)
    return (f'<html><head><meta charset="utf-8"><meta property="og:type" content="article"><title>{OB_TITLE} - 社区'
            f'</title></head><body><div class="top-menu"><a href="/">首页</a><a href="/bbs">论坛</a></div>'
            f'<div class="thread-main"><div class="topic-box"><h1 class="topic-title">{OB_TITLE}</h1>'
            f'<div class="topic-user"><a href="/u/op">面包师傅</a><span>2024-05-10 08:00</span></div>'
            f'<div class="topic-content"><div class="{box}">{body}</div></div>'
            f'<div class="topic-ops"><span>推荐(88)</span><span>收藏</span><span>只看楼主</span></div></div>'
            f'<div class="reply-list">{replies}</div></div><div class="footer">关于我们 联系方式</div></body></html>')


CB_TITLE = "家里的旧路由器要不要换成 Wi-Fi 6？"
CB_TOPIC = "路由器用了五年，最近晚上看视频经常卡，手机离路由器两个房间信号就只剩一格。想问问换 Wi-Fi 6 有没有明显提升，还是先换个位置试试？"
CB_REPLIES = ["先把路由器从电视柜里拿出来，放高一点，很多时候问题就解决了。",
              "换了以后穿墙好了一些，但真正解决问题的是加了一个有线回程的节点。",
              "同意楼上，两个房间的距离 mesh 比单台路由器靠谱。",
              "先看看是不是邻居的信道太挤，换个信道也许就好了。"]


def _cb_cell(i: int, text: str) -> str:
    return (f'<div id="r_{i}" class="cell"><table><tr><td width="48"><img class="avatar" src="/a/{i}.png"></td>'
            f'<td><div class="fr"><a href="#;" class="thank">感谢回复者</a> <span class="no">{i + 1}</span></div>'
            f'<strong><a href="/member/u{i}" class="dark">u{i}</a></strong> <span class="ago">{i + 2} 小时前</span>'
            f'<div class="reply_content">{text}</div></td></tr></table></div>')


def boxed_cells() -> str:
    """A topic page of boxes: the topic's box (its author and time in a header cell), the box
    of the replies (a cell a reply, after a cell counting them), a box asking to sign in and
    one of related topics; half the boxes carry a link or a time outside their cells, so the
    boxes read as posts too."""
    cells = "".join(_cb_cell(i, t) for i, t in enumerate(CB_REPLIES))
    return (f'<html><head><meta charset="utf-8"><title>{CB_TITLE} - 社区</title></head><body>'
            f'<div id="Top"><a href="/">首页</a><a href="/signin">登录</a></div><div id="Main">'
            f'<div class="box"><div class="header"><a href="/member/op"><img class="avatar" src="/a/op.png"></a>'
            f'<h1>{CB_TITLE}</h1><small class="gray"><a href="/member/op">op</a> · 5 小时前 · 320 次点击</small></div>'
            f'<div class="cell"><div class="topic_content">{CB_TOPIC}</div></div></div>'
            f'<div class="box"><div class="cell"><span class="gray">{len(CB_REPLIES)} 条回复 • 2024-06-01 10:00</span></div>'
            f'{cells}</div><div class="box"><div class="inner"><a href="/signin">登录</a> 以后才能回复，没有账号可以先'
            f'<a href="/signup">注册</a></div></div><div class="box"><div class="cell">相关主题</div>'
            f'<div class="cell"><a href="/t/2">千兆宽带配什么路由器</a></div><div class="cell"><a href="/t/3">'
            f'mesh 组网的回程怎么选</a></div></div></div></body></html>')


NC_STATUS = "今天去看了新开的社区图书馆，周末开到晚上九点，儿童区还有绘本老师讲故事，推荐住在附近的朋友去看看。"
NC_COMMENTS = ["请问需要办证吗？还是刷身份证就能借？", "刷身份证就行，第一次要在前台登记一下。",
               "周末人多吗？想带孩子去。", "下午人多一点，上午去比较安静，儿童区也有空位。"]


def _nc_comment(i: int, text: str) -> str:
    return (f'<div class="list_li" comment_id="{i}"><div class="face"><a href="//social.example/u{i}"><img alt="读者{i}" '
            f'src="/f/{i}.jpg"></a></div><div class="list_con"><div class="text"><a href="//social.example/u{i}" '
            f'usercard="id={i}">读者{i}</a>：{text}</div><div class="func"><span class="time">11月2{i}日 10:0{i}</span>'
            f'<a href="javascript:;" action-type="reply">回复</a><a href="javascript:;">赞</a></div></div></div>')


def named_comments() -> str:
    """A status with its comments, each comment's text opened by its author's linked name and
    a colon ("读者1：…"), as a microblog's comment list writes them."""
    comments = "".join(_nc_comment(i, t) for i, t in enumerate(NC_COMMENTS))
    return (f'<html><head><meta charset="utf-8"><title>社区图书馆 - 微博</title></head><body><div class="nav"><a href="/">首页</a>'
            f'</div><div class="detail"><div class="status_text">{NC_STATUS}</div><div class="comment_list">'
            f'<div class="list_ul">{comments}</div></div></div></body></html>')


BP_POST = ["上週末去山上露營，第一次自己搭帳篷，花了快一個小時才搭好。",
           "晚上氣溫降到八度，睡袋的舒適溫度標十度，半夜還是被冷醒，建議大家睡袋要多抓一點餘裕。"]
BP_PUSHES = ["推 新手露營最怕的就是冷", "睡墊也很重要，地面的冷比空氣更難受", "下次可以帶個暖暖包塞在睡袋腳邊",
             "十度的睡袋在山上真的不太夠"]


def bbs_pushes() -> str:
    """A BBS post as a web view shows it: the post's text loose in the page's box, then the
    pushes, each a row of plain parts: a tag, the user's id, the text, an address and a time."""
    pushes = "".join(f'<div class="push"><span class="hl push-tag">{"推" if i % 2 == 0 else "→"} </span>'
                     f'<span class="f3 hl push-userid">camper{i:02d}</span><span class="f3 push-content">: {t}</span>'
                     f'<span class="push-ipdatetime"> 1.160.{i}.{i * 7} 11/0{i + 1} 2{i}:1{i}\n</span></div>'
                     for i, t in enumerate(BP_PUSHES))
    text = "\n".join(BP_POST)
    return (f'<html><head><meta charset="utf-8"><title>[心得] 第一次露營 - 看板 camping</title></head><body>'
            f'<div id="topbar"><a href="/bbs/">批踢踢</a></div><div id="main-container"><div id="main-content" '
            f'class="bbs-screen bbs-content">{text}\n<span class="f2">※ 發信站: 某某站, 來自: 1.160.1.1</span>\n'
            f'{pushes}</div></div></body></html>')


EV_ROWS = [("2024-03-01", "台北", "春季書展開幕，今年有三百多家出版社參加，比去年多了四成。"),
          ("2024-03-08", "台中", "巡迴講座第一場，主題是地方誌的整理與出版。"),
          ("2024-03-15", "高雄", "閉幕活動在港邊倉庫舉行，當晚有音樂演出。")]


def event_rows() -> str:
    """An article listing events as rows of plain parts (a date, a place, what happens):
    dates without a time of day, no comments."""
    rows = "".join(f'<li class="event"><span class="date">{d}</span><span class="place">{p}</span>'
                   f'<span class="what">{w}</span></li>' for d, p, w in EV_ROWS)
    body = "".join(f"<p>{p}</p>" for p in BP_POST)
    return (f'<html><head><meta charset="utf-8"><title>三月的書展活動</title></head><body><article><h1>三月的書展活動</h1>'
            f'<div class="article-body">{body}<ul class="events">{rows}</ul></div></article></body></html>')


GG_TITLE = "Moving the nightly build to the new runners"
GG_MESSAGES = [
    ("Hana Ilves", "Mar 11, 2024, 9:02:15 AM", "The old build machine goes away at the end of the month, so I would like "
     "to move the nightly build to the shared runners next week. Does anyone depend on the old paths?"),
    ("Tomas Reyes", "Mar 11, 2024, 11:47:40 AM", "The release script still reads the version file from the old "
     "path. I can change it this week; it is a one-line fix."),
    ("Hana Ilves", "Mar 12, 2024, 8:15:03 AM", "Thanks. I will wait for that change before I switch the schedule, "
     "and I will keep the old machine running until the first green nightly."),
]


def group_messages() -> str:
    """A mailing-list archive's web view: each message an item (`role="listitem"`) whose
    classes are generated (each carries digits; some of its parts' do not), naming its sender in plain text beside
    the date and time it was sent, with "Reply all" and "Reply to author" controls."""
    items = "".join(
        f'<section class="GZ2XFb KVZ7c" role="listitem" aria-label="{who}"><div class="MgN2nb"><div class="vrtXhf">'
        f'<div class="s1f8Zd" role="heading" aria-level="3"><span class="c2Yn1c">{who}</span></div>'
        f'<div class="JY3b"><span class="zX2W9c">{when}</span></div><div class="K5nW"><span class="l5c">to build-dev'
        f'</span></div></div></div><div class="ptWqte" role="region" aria-label="Message body"><div class="qF6zMe">'
        f'{text}</div></div><div class="Oo4Ryb"><div role="button" class="U26fgb"><span>Reply all</span></div>'
        f'<div role="button" class="U26fgb"><span>Reply to author</span></div></div></section>'
        for who, when, text in GG_MESSAGES)
    return (f'<html><head><title>{GG_TITLE}</title></head><body><div class="gb_4"><a href="/">Groups</a>'
            f'<a href="/g/build-dev">build-dev</a></div><main><div class="ThqSJd"><h1 class="KPwZRb">{GG_TITLE}</h1>'
            f'<span class="yJ8Uc">3 views</span></div><div class="vFy5e" role="list">{items}</div></main></body></html>')


MB_TITLE = "阳台上的月季总是长白粉，怎么办"
MB_POSTS = [
    ["去年买的两盆月季，今年一入夏叶子上就长满了白粉，剪掉又长，大家都是怎么处理的？"],
    ["白粉病主要是通风不好，阳台角落里的花最容易得。", "先把病叶全剪掉，再挪到风大一点的地方，浇水只浇根部。"],
    ["我用的是小苏打兑水喷叶面，一周两次，坚持一个月就好多了。"],
]
MB_SIGNATURE = "种花的人不着急"


def mail_board() -> str:
    """A BBS thread in mail style: each post a block of lines under its 发信人/标题/发信站 header,
    a reply quoting the post it answers (": " lines under "【 在 X 的大作中提到: 】"), then "--"
    and its author's signature, then the ※ 来源 footer."""
    posts = []
    for i, own in enumerate(MB_POSTS):
        quote = (["", f"【 在 user{i - 1} (花友) 的大作中提到: 】", f": {MB_POSTS[i - 1][0][:16]}", ": (以下引言省略 ... ...)"]
                 if i else [])
        lines = [f"发信人: user{i} (花友), 信区: Garden", f"标  题: {'Re: ' if i else ''}{MB_TITLE}",
                 f"发信站: 某某社区 (Sat Jun  8 2{i}:1{i}:05 2024), 站内", "", *own, *quote, "", "--", MB_SIGNATURE, "",
                 f"※ 来源:·某某社区 bbs.example.org·[FROM: 10.0.{i}.*]"]
        posts.append(f'<div class="a-wrap"><table class="article"><tr class="a-head"><td class="a-left">'
                     f'<a href="/user/query/user{i}">user{i}</a></td><td class="a-right">第{i}楼 '
                     f'<a href="/article/Garden/post/{i}">回复</a></td></tr><tr class="a-body"><td class="a-content">'
                     f'<p>{"<br />".join(lines)}</p></td></tr></table></div>')
    return (f'<html><head><title>{MB_TITLE}-某某社区</title></head><body><div id="menu"><a href="/">首页</a></div>'
            f'<div id="body"><h1>{MB_TITLE}</h1>{"".join(posts)}</div></body></html>')
