"""Per-post chrome. Lines of it that survive inside a post's body: expanders, reply and vote
buttons, counters, floor numbers, signature separators (whole short lines only, in forum mode
only: the same words inside an article's sentence are text). And the chrome elements outside
a post's body that tell a post from a paragraph: an author link and a time (`post_chrome`),
or a button that acts on the post (`acted_on`)."""

from __future__ import annotations

import re

from lxml import etree

from hanflow.extract.block import HEADINGS
from hanflow.extract.dates import MONTH_DAY
from hanflow.extract.lines import normalized
from hanflow.extract.tree import text_of

RULE = "post_chrome"
DESCRIPTION = ("per-post chrome on forum / Q&A pages (展开阅读全文, 回复, 举报, Reply, Share, vote counts, "
               "time stamps, edit notes)")
MAX_LEN = 40

_ZH = (r"展开阅读全文|展开全文|阅读全文|查看全文|显示全部|展开全部|查看全部|收起全文|收起|展开|全文|"
       r"回复|回覆|评论|举报|舉報|赞同|赞|讚|点赞|踩|反对|分享|转发|引用|收藏|编辑|删除|更多|"
       r"只看该作者|只看楼主|楼主|沙发|板凳|地板|(?:点评|評論|评价|評價)?有用|没用|没有帮助|有帮助|采纳|追问|追答|问题补充|問題補充|关注|私信|"
       r"(?:购买|購買)?\s*\d+\s*天(?:后|後)追(?:评|評)|追评|追評|追加评论|追加評論|"
       r"(?:初次|首次)(?:评价|評價)|(?:收货|收貨|确认收货|確認收貨)(?:后|後)\s*\d+\s*天(?:追加|追评|追評)|"
       r"查看更多回复|查看全部回复|加载更多|加载中|抢首赞|已赞过?|已踩过?|(?:微信)?扫一扫|"
       r"新浪微博|微博|微信|朋友圈|QQ空间|QQ好友|复制链接|"
       r"\d+\s*(?:楼|樓|#)|#\s*\d+|\d+\s*(?:条|個|个)?\s*(?:回复|回覆|评论|赞|赞同|点赞|人赞同|人觉得有用)|"
       r"(?:发表于|發表於|发布于|發佈於|编辑于|編輯於|回复于|更新于|提问于|提問於|回答于|回答於|评论于|評論於)\s*.{0,30}|来自.{0,20}(?:客户端|手机|iPhone|Android)|"
       # a quotation's source line: 引用 @X 发表的, 引用 X 的回复, 回复 @X 的帖子
       r"(?:引用|回复|回覆)\s*@?[^\s:：]{1,30}?\s*(?:发表的|發表的|的(?:回复|回覆|帖子|发言|發言|评论|評論))"
       r"(?:\s*[（(]\s*\d+\s*[楼樓#]\s*[)）])?|"
       # a post's edit note: 本帖最后由 X 于 2024-3-1 10:30 编辑, 最后编辑于 …
       r"本帖最后由.{1,30}?于.{1,30}?编辑|本帖最後由.{1,30}?於.{1,30}?編輯|最后编辑于.{0,30}|最後編輯於.{0,30}")
_EN = (r"reply|replies|\d+\s+repl(?:y|ies)|more repl(?:y|ies)|\d+\s+more repl(?:y|ies)|share|report|quote|"
       r"like|likes|\d+\s+likes?|upvote|downvote|vote|votes|\d+\s+votes?|permalink|edit|edited|"
       r"link to comment|share on other sites|read more|see more|show more|show less|continue reading|"
       r"translate|flag|award|save|follow|helpful|not helpful|accepted answer|solution|\d+\s+points?|"
       r"improve this (?:answer|question|post)|"
       r"\d+\s+comments?|posted|posted by .{1,40}|edited by .{1,40}|in reply to .{1,40}|expand|collapse|"
       r"last edited(?: by \S.{0,30}?)?(?:[:：]?\s*(?:on |at )?[^.!?]{0,30}\d[^.!?]{0,20})?|"
       # an edit note with its date first: "Edited January 9, 2024 by ann"
       rf"edited\s+(?:on\s+)?(?:{MONTH_DAY})(?:\s+by\s+\S{{1,30}})?|answer|sort|sort by \w+")
# A bare time stamp: 2023-07-07 02:48, 7月7日 02:48, 3 天前, 5 hours ago, yesterday at 9:10.
_WHEN = (r"(?:(?:19|20)\d{2}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?|"
         r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|昨天|前天|刚刚|"
         r"\d+\s*(?:s|m|h|d|w|mo|y|sec|mins?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago|"
         r"(?:yesterday|today)(?:\s+at\s+\d{1,2}:\d{2}\s*(?:[ap]m)?)?|"
         rf"(?:{MONTH_DAY})(?:,?\s*(?:at\s+)?\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[ap]m)?)?")  # Mar 4, 2024, 1:40:27 PM
# One of them, then up to three of the words (a post's tool bar read as one line: 赞回复,
# Like · Reply · Share, Follow · 38, 2024-05-01 回复); no time after the first (a run of them
# is a costly match and no bar).
_COUNT = r"(?:\s*[(（]\s*\d+\s*[)）])?"  # a button's count in brackets: 有用(12), Helpful (3)
_CHROME = re.compile(
    rf"^[\s\[【(（|·•]*(?:(?:{_ZH}|{_EN}){_COUNT}|{_WHEN}|[\d.,]+\s*[kKmMwW万千]?)"
    rf"(?:[\s|·•/]*(?:(?:{_ZH}|{_EN}){_COUNT}|[\d.,]+[kKmMwW万千]?)){{0,3}}"
    r"[\s\]】)）|·•:：…<>]*$", re.I)


# A quotation's source line, set apart from the quote: "ann wrote: ↑ Sun Feb 11, 2024 9:14 am",
# "ann 写道：2024-5-18 21:30". A name, the verb, an arrow to the post, its time: nothing said.
# (Without the time, "My teacher said:" may open a quotation in the post's own words.)
_CITATION = re.compile(
    rf"^[^\s:：]{{1,30}}+(?:\s[^\s:：]{{1,30}}+)?\s*+(?:wrote|said|写道|寫道|说|說)\s*+[:：]\s*+(?:[↑^]\s*+)?"
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s++)?(?:{_WHEN})(?:,?\s*+\d{{1,2}}:\d{{2}}\s*(?:[ap]m)?)?\s*+$", re.I)
_NAME = r"[\[【]?+[^\s:：\[\]【】()（）]{1,30}+[\]】]?+"
_AT = (rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s++)?(?:{_WHEN})(?:[-/.](?:19|20)\d{{2}})?+"
       r"(?:,?\s*+\d{1,2}:\d{2}(?::\d{2})?+\s*+(?:[ap]m)?+)?+")
# The same line as other boards write it, the label first: "Quote from: ann on January 14, 2024,
# 10:22:11 PM", "Post by ann » Sun Feb 11, 2024 9:14 am", "Reply Post by [ann] (2024-01-12 09:58):"
# (its link's text in brackets: "[Reply]Post by [ann] (…)", "Reply to [Reply] Post by [ann] (…)"),
# "ann 发表于 2024-3-1 10:30", "引用 ann 发表于 5楼", "原帖由 ann 于 2024-3-1 10:30 发表". A time
# (or floor) is needed here too, but for a heading that mentions the user ("@ann wrote:"): a
# post's own words do not open so.
_SOURCE_LINE = re.compile(
    rf"^(?:(?:(?:reply to\s*+)?\[?+reply\]?+\s*+)?post(?:ed)?+ by|quote from|quoting|originally posted by|in reply to)"
    rf"\s*+[:：]?\s*+{_NAME}(?:\s+{_NAME}){{0,2}}(?:\s++on|\s++at|\s*+»|,)?\s*+[(（]?\s*+{_AT}\s*+[)）]?\s*+[:：]?\s*+$|"
    # the time first, in brackets: "(01-12-2024, 11:03 AM)ann Wrote:"
    rf"^[(（]\s*+{_AT}\s*+[)）]\s*+{_NAME}(?:\s+{_NAME}){{0,2}}\s++(?:wrote|said)\s*+[:：]?\s*+$|"
    # the label alone names the post quoted, no time needed: "Originally posted by ann:"
    rf"^(?:originally posted by|quote from)\s*+[:：]?\s*+{_NAME}(?:\s+{_NAME}){{0,2}}\s*+[:：]\s*+$|"
    # a mention of the quoted user as the quote's heading: "@ann_lee wrote:"
    rf"^@{_NAME}\s++(?:wrote|said)\s*+[:：]\s*+$|^@{_NAME}\s*+(?:写道|寫道)\s*+[:：]\s*+$|"
    rf"^(?:引用\s*+)?@?{_NAME}\s*+(?:发表于|發表於)\s*+(?:{_AT}|楼主|樓主|\d+\s*+[楼樓#])\s*+[:：]?\s*+$|"
    # an older Discuz's: "原帖由 ann 于 2023-11-3 15:05 发表"
    rf"^原帖由\s*+{_NAME}\s*+(?:于|於)\s*+{_AT}\s*+(?:发表|發表)\s*+[:：]?\s*+$", re.I)
MAX_CITATION = 80
# A Q&A site's request under an answer to accept or upvote it ("If the answer is helpful, please
# click "Accept Answer" and upvote it."; "望采纳"), the label of an accepted answer, and a board's
# notices where a guest sees no content ("本帖隐藏的内容需要回复才可以浏览").
_ACCEPT_REQUEST = re.compile(
    r"^[^.!?。！？]{0,80}?\bplease\b[^.!?]{0,40}?\b(?:(?:accept|mark)\w*+\b[^.!?]{0,60}?\b(?:answers?|solutions?|helpful)"
    r"|(?:upvote|vote)\w*+\b[^.!?]{0,60}?\b(?:answers?|it|helpful))\b|"
    r"^(?:[^。！？]{0,12}?[，,]\s*+|[^。！？，,]{0,4}?)(?:请|望|希望|记得)[^。！？，,]{0,4}?采纳(?:一下|哦|哈|谢谢)?[\W～_]*+$|"
    r"^本回答被.{0,12}?采纳|"
    # a board's notice in place of content a guest may not see, and its greeting to guests
    r"^[^。！？]{0,10}?本帖(?:隐藏|隱藏)的?内容|查看本帖(?:隐藏|隱藏)的?内容|"
    r"^游客[，,]\s*+(?:您好|你好)?[！!，,]?[^。！？]{0,30}?(?:登录|登陆|登入|注册|註冊|回复|回覆)", re.I)
MAX_REQUEST = 240
# A post's "sent from" tail, which a board or a phone app appends: "——— 来自 Xiaomi 23013RK75C,
# Android 14上的 S1Next v2.5.4", "Sent from my iPhone using Tapatalk", "发自我的 iPhone", "发自「某某 on
# Android」".
_SENT_FROM = re.compile(r"^[-—–_~\s]{2,}+(?:来自|來自|发自|發自|sent from)\s*+\S.{0,80}+$|"
                        r"^(?:sent from my|sent using|发自我的|發自我的)\s*+\S.{0,60}+$|"
                        r"^(?:发自|發自)\s*+[「『][^」』]{1,60}+[」』]\s*+$", re.I)  # 发自「某某 on iPhone」
# A BBS post's mail-style header and footer lines (水木, 未名 and the boards built like them):
# 发信人: X (nick), 信区: Y / 标  题: Z / 发信站: 水木社区 (date), 站内 / 【 在 X 的大作中提到: 】 /
# ※ 来源:·水木社区 …[FROM: 1.2.3.*] / ※ 修改:·X 于 … 修改本文; a web view's footer of the same
# (※ 發信站: …, 來自: 1.2.3.4 / ※ 文章網址: … / ※ 編輯: X (1.2.3.4), 11/06/2023 21:36:51).
_QUOTED_BY_RX = r"^[【\[]\s*+在\s*+.{1,40}?的大作中提到\s*+[:：]?\s*+[】\]]\s*+$"  # a reply's quotation header
_BBS = re.compile(r"^(?:发信人|發信人|寄信人)\s*+[:：].{1,60}?(?:信区|信區|看板)\s*+[:：]|"
                  r"^(?:※\s*+)?(?:发信站|發信站)\s*+[:：]|"
                  r"^(?:标|標)\s*+(?:题|題)\s*+[:：]|" + _QUOTED_BY_RX + "|"
                  r"^※\s*+(?:来源|來源|修改|文章网址|文章網址|编辑|編輯)\s*+[:：]")

_QUOTED_BY = re.compile(_QUOTED_BY_RX)
_QUOTE_LINE = re.compile(r"^[:：]\s")  # a BBS quote's line, as its mail-style reply prints it: ": text"
_SIGNATURE_CUT = "--"  # the line that sets a mail's or a BBS post's signature under its text


def mail_quote_and_signature(lines: list[str]) -> tuple[list[str], list[str]]:
    """A post's lines split into its own text and what its mail-style layout adds: the lines
    led by ": " right after a "【 在 X 的大作中提到: 】" header (the post it quotes), and every
    line after a line of its own "--" that follows some text (its signature)."""
    kept: list[str] = []
    dropped: list[str] = []
    quoting = False
    for i, line in enumerate(lines):
        if line.strip() == _SIGNATURE_CUT and kept:
            return kept, dropped + lines[i:]
        quoted = _QUOTE_LINE.match(line) is not None
        quoting = quoting and quoted or _QUOTED_BY.match(line) is not None
        (dropped if quoting and quoted else kept).append(line)
    return kept, dropped

_REPLY_PREFIX = re.compile(r"^\s*+(?:re|回复|回覆|答复|答覆)\s*+[:：]\s*+", re.I)


def reply_subject(line: str, title_key: str) -> bool:
    """Whether the line is a reply's subject: "Re:" (回复：) and the thread's title
    (`title_key`, normalised), which boards that title every post print over its text."""
    prefix = _REPLY_PREFIX.match(line)
    return bool(title_key) and prefix is not None and normalized(line[prefix.end():]) == title_key


# A shop review's variant line, after its date: "2023年11月02日颜色分类：燕麦白;容量：500ml".
_VARIANT = re.compile(rf"^(?:{_WHEN})?\s*+(?:颜色分类|顏色分類|颜色|顏色|尺码|尺碼|规格|規格|型号|型號|款式|"
                      r"套餐类型|套餐類型|版本)\s*+[:：][^。！？!?]{1,40}+$")


# A role badge beside a poster's name, on a line of its own: Owner, Maintainer, OP, Staff.
_ROLE = re.compile(r"^\s*+(?:owner|maintainer|contributor|collaborator|member|moderator|admin|administrator|staff|"
                   r"author|op|original poster|樓主|版主|管理员|管理員)\s*+$", re.I)


def is_chrome(line: str, roles: bool = True) -> bool:
    """Whether the line is per-post chrome; `roles` False: a role's name ("admin") is none,
    as a user may be called that."""
    if len(line) <= MAX_LEN and (_CHROME.match(line) is not None or _VARIANT.match(line) is not None
                                 or roles and _ROLE.match(line) is not None):
        return True
    if len(line) <= MAX_CITATION and (_CITATION.match(line) is not None or _SOURCE_LINE.match(line) is not None):
        return True
    return len(line) <= MAX_REQUEST and (_ACCEPT_REQUEST.match(line) is not None or _BBS.match(line) is not None
                                         or _SENT_FROM.match(line) is not None)


# A button that acts on a post: report it, reply to it, vote it useful ("有用(23)", "Report").
_ACTION = re.compile(r"^\s*+(?:举报|舉報|回复|回覆|有用|没用|沒用|有帮助|有幫助|点赞|點讚|赞|讚|"
                     r"report|reply(?: all| to author)?|helpful|not helpful|upvote|downvote)"
                     r"\s*+(?:[(（]\s*+\d++\s*+[)）])?\s*+$", re.I)
MAX_ACTION = 20  # characters of such a button's label
_TIME_LINE = re.compile(rf"^\s*+(?:{_WHEN})\s*+$", re.I)


def is_action(label: str) -> bool:
    """Whether a control's label acts on a post (see `_ACTION`)."""
    return len(label) <= MAX_ACTION and _ACTION.match(label) is not None


def drop_leading_name(body: etree._Element) -> str | None:
    """Drop the author's name that opens a post's body as "name：" (a comment list that writes
    the commenter's linked name before the text, 早八人阿远：…): the body's first element, a
    link that reads as a name, right at its start and followed by a colon. The name dropped."""
    first = next(iter(body), None) if not (body.text or "").strip() else None
    if first is None or first.tag != "a" or not name_like(first):
        return None
    tail = (first.tail or "").lstrip()
    if not tail.startswith((":", "：")) or not tail[1:].strip() and first.getnext() is None:
        return None  # no colon, or nothing said after it: no name before a text
    name = text_of(first).strip()
    body.text = (body.text or "") + tail[1:]
    first.tail = None
    body.remove(first)
    return name


def controls_reach(el: etree._Element, needed: int) -> bool:
    """Whether `needed` leaves of the element are controls acting on a post (see `is_action`):
    a cheap test before looking for the posts that carry them."""
    found = 0
    for leaf in el.iter(etree.Element):
        text = leaf.text
        if text and not len(leaf) and is_action(text.strip()):
            found += 1
            if found >= needed:
                return True
    return False


def answerable(post: etree._Element) -> bool:
    """Whether a box carries a post's chrome without a link: a time written as an element's
    whole text ("2023-11-25 18:03", a <time>) and a control that acts on it (回复, Report),
    as a comment list that names its users in plain text does."""
    timed = acts = False
    for el in post.iter(etree.Element):
        text = el.text
        if not len(el) and text:
            timed = timed or len(text) < 40 and _TIME_LINE.match(text) is not None
            acts = acts or is_action(text.strip())
        timed = timed or el.tag == "time"
        if timed and acts:
            return True
    return False


# Chrome elements: what of a post's chrome lies outside its body.

# A time or a date as a post's chrome shows it: 12:30, 2024-05-01, 3 天前, 5 hours ago, #3, 2楼.
# Searched for inside a short text (a header's "ann · 3 天前"), unlike `_WHEN`, which a whole
# chrome line must be.
SHOWN_TIME = re.compile(
    r"\d{1,2}:\d{2}|(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*[-/月]\s*\d{1,2}\s*日?|"
    r"\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|昨天|前天|刚刚|"
    r"\b\d+\s*(?:s|m|h|d|w|mo|y|sec|min|minute|hr\.?|hour|day|week|month|year)s?\s+ago\b|\byesterday\b|"
    r"^#\d+$|^\d+\s*楼$|^\d{1,2}\s*(?:m|h|d|w|mo|y)$|" + MONTH_DAY, re.I)


def post_chrome(post: etree._Element, bodies: list) -> int:
    """How much of a post's chrome lies outside its body: an author link (a name, not a
    button or a section heading; a heading that shows a time is the post's header, its name
    link the author's) and a time (a <time>, or a time or date written): 0, 1, 2."""
    inside = set(bodies)
    name = when = False
    stack = [(post, False)]
    while stack and not (name and when):
        el, in_heading = stack.pop()
        if el in inside:
            continue
        when = when or when_at(el, post)
        name = name or (el.tag == "a" and not in_heading and name_like(el))
        if not in_heading and el.tag in HEADINGS:
            in_heading = not any(when_at(d, post) for d in el.iter(etree.Element))
        stack.extend((child, in_heading) for child in el if isinstance(child.tag, str))
    return name + when


def acted_on(post: etree._Element, bodies: list) -> bool:
    """Whether the post carries, outside its body, a button that acts on it (`is_action`):
    the chrome of reviews that show neither a linked name nor a time outside their text."""
    inside = set(bodies)
    for el in post.iter("a", "button"):
        if is_action(text_of(el)) and not any(a in inside for a in el.iterancestors()):
            return True
    return False


def short_when(text: str | None) -> bool:
    return bool(text) and len(text := text.strip()) < 40 and SHOWN_TIME.search(text) is not None


def name_like(link: etree._Element) -> bool:
    """Whether a link's text may be a user's name: short, no chrome, and holding a letter or
    digit (a "^" or "↑" back to a citation's mark names nobody)."""
    text = text_of(link).strip()
    return 0 < len(text) <= 40 and any(c.isalnum() for c in text) and not is_chrome(text, roles=False)


def when_at(el: etree._Element, post: etree._Element) -> bool:
    """Whether `el` shows a time of the post's chrome (as `post_chrome` reads it)."""
    return el.tag == "time" or short_when(el.text) or el is not post and short_when(el.tail)
