"""Named boilerplate line rules (Chinese and English), each with a stable id.

A rule removes a line only when the line *is* that boilerplate, judged by its shape: the
label it starts with and what follows the label (a name, a date, a list of short items), the
stock phrase it ends with, its length, and for `EDGE` rules its position before the first or
after the last prose line of a block. A sentence of the article that merely mentions ©, 声明,
版权, 关注, share or follow is kept.

Every pattern runs in time linear in the line: quantifiers that could split the same text in
more than one way are possessive (`*+`, `++`) or inside atomic groups (`(?>…)`), and the rest
are bounded. tests/test_rules_linear.py feeds each pattern adversarial lines of growing length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hanflow.extract.dates import MONTH as _MONTH
from hanflow.extract.dates import MONTH_DAY

_OPEN = r"^[\s\[【(（〔<《「]*+"
_COLON = r"\s*+[:：]"
_BYLINE_KEYS = (r"来源|來源|作者|记者|記者|发布时间|發布時間|发表时间|發表時間|更新时间|更新時間|"
                r"发布日期|發佈日期|發布日期|发稿时间|稿源|出处|出處|撰文|撰稿|供稿|通讯员|通訊員|"
                r"文章来源|新闻来源|新聞來源|点击数|點擊數|浏览次数|瀏覽次數|阅读次数|閱讀次數|"
                r"阅读|閱讀|点击|點擊")
# The roles a credit line names, and a name (no spaces, separators or sentence punctuation).
_CREDIT_ROLES = (r"作者|文|图|圖|文字|图片|圖片|摄影|攝影|编辑|編輯|责编|責編|责任编辑|責任編輯|美编|美編|排版|"
                 r"审核|審核|校对|校對|审校|審校|设计|設計|撰文|统筹|統籌|策划|策劃|监制|監製|主编|主編|"
                 r"记者|記者|实习生|實習生|通讯员|通訊員|翻译|翻譯|视频|視頻|剪辑|剪輯|配图|配圖|出品|来源|來源")
_CREDIT_NAME = r"[^\s|丨｜:：，。,.!?！？、；;]{1,12}+"
# When a post or story was written, as its byline says it.
_WHEN_WRITTEN = rf"(?:(?:19|20)\d{{2}}|\b\d{{1,2}}:\d{{2}}|\bago\b|{MONTH_DAY})"
# No sentence punctuation: what a label, a name list or a tool bar is made of.
_NOT_PROSE = r"[^。！？!?，,；;]"
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*+\.?,?"
_ARROW = r"(?:>>|>|＞|»|›|→)"

_SEP = r"[\s|｜/、·:：\[\]【】()（）>»]"
# (Longer tools first: each is tried in turn and the first that matches is kept.)
_TOOL = (r"(?:share full article|print recipe|pin recipe|jump to recipe|rate this recipe|save recipe|"
         r"举报|舉報|反馈|反饋|关注|關注|"
         r"打印本页|打印|列印|关闭窗口|關閉窗口|关闭|關閉|返回顶部|返回頂部|返回首页|返回首頁|"
         r"返回列表|返回|收藏本文|收藏|我要评论|我要評論|发表评论|發表評論|评论|評論|点击进入|點擊進入|"
         r"纠错|糾錯|推荐给朋友|推薦給朋友|推荐|推薦|顶部|頂部|大|中|小|print|back to top|advertisement|"
         r"sponsored|click here|read more|continue reading|sign up|subscribe|top|close|caption|enlarge|"
         r"expand|back to gallery|view gallery|gallery|see all photos|view all photos|view all \d{1,3} photos|"
         r"next|previous|prev|loading|play video|watch|share|"
         r"comments?|advert|text size|read later|home|like this|like loading\.*+|"
         r"this slideshow requires javascript\.?|展开全文|展開全文|展开阅读全文|展開閱讀全文|阅读全文|閱讀全文|"
         r"查看全文|收起|ad failed to load|listen to this article|\d{1,3} min read|"
         r"story continues below(?: advertisement)?)")
# A pagination bar: page numbers (never years), page words and arrows, nothing else.
_PAGE_TOKEN = (r"(?:第\s*+\d{1,4}+\s*+[页頁]|共\s*+\d{1,5}+\s*+[页頁条條篇]|\d{1,3}+(?!\d)|上一页|下一页|"
               r"上一頁|下一頁|首页|尾页|首頁|尾頁|末页|末頁|跳转|跳轉|到第|页|頁|»|«|‹|›|<<|>>|…|\.\.\.|"
               r"page|of|next|prev(?:ious)?|first|last|go)")
_PAGE_SEP = r"[\s|/,，:：\[\]【】]"

_SENTENCE = re.compile(r"[。？！?]")


def folded(line: str) -> str:
    """`line` lower-cased so that a lower-case word is in it whenever `re.I` would find it:
    re.IGNORECASE also matches İ and ı to i and ſ to s, which `str.lower` alone does not."""
    low = line.lower()
    if low.isascii() or not ("\u0307" in low or "\u0131" in low or "\u017f" in low):
        return low
    return low.replace("i\u0307", "i").replace("\u0131", "i").replace("\u017f", "s")


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: re.Pattern[str]
    max_len: int
    edge: bool = False
    sentence_ok: bool = True  # False: a line holding a full sentence (。？！?) is never this
    # Words one of which the line must hold (lower case, literal) for the pattern to match at
    # all: a substring test on the folded line is far cheaper than a failing regex search.
    needle: tuple[str, ...] | None = None
    # An edge rule's line is kept when the line before it ends as this finds (see filter_lines).
    not_after: re.Pattern[str] | None = None

    def matches(self, line: str, low: str | None = None) -> bool:
        """Whether the rule removes `line`; `low` is `folded(line)` when the caller has it."""
        if len(line) > self.max_len or (not self.sentence_ok and _SENTENCE.search(line)):
            return False
        if self.needle is not None and not _holds_one(folded(line) if low is None else low, self.needle):
            return False
        return self.pattern.search(line) is not None


def _holds_one(low: str, words: tuple[str, ...]) -> bool:
    """Whether `low` holds one of `words` (a plain loop: a fifth cheaper than any() over a generator)."""
    for word in words:  # noqa: SIM110
        if word in low:
            return True
    return False


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


def _words(alternatives: str) -> tuple[str, ...]:
    return tuple(alternatives.split("|"))


# Who made an article, in English credit lines: the roles written before "by".
_EN_ROLE = (r"(?i:(?:additional )?reporting|words|text|story|writing|written|editing|edited|photos?|photographs?|"
            r"photography|illustrations?|graphics|video|design|produced|research)")

# A line that breaks off on a word taking a menu path as its object ("switch it from",
# "依次点击"): the trail after it is the sentence's end.
_LEADS_INTO_PATH = re.compile(
    r"(?:\b(?:from|to|in|under|via|select|choose|open|click|tap|press)|"
    r"进入|進入|打开|打開|点击|點擊|点选|點選|选择|選擇|依次|前往|找到)\s*+[:：]?$", re.I)

RULES: tuple[Rule, ...] = (
    Rule("breadcrumb", _rx(
        _OPEN + r"(?:当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置|您当前的位置|"
        r"所在位置|现在位置|目前位置)\s*+[:：]|"
        + _OPEN + r"位置\s*+[:：][^。，,]{1,40}" + _ARROW
    ), 120),
    # An unlabelled trail is a breadcrumb only before or after the text, and not after a line
    # that leads into it: there "Home > Settings > Profile" is the way through a program's
    # menus that a post or a how-to gives.
    Rule("breadcrumb", _rx(
        r"^\s*+(?:首页|首頁|主页|主頁|网站首页|網站首頁|home)\s*+(?:" + _ARROW + r"|/)[^。！？!?，,]*+$|"
        r"^(?>[^。，,.!?！？>＞»›→]{1,40}+)(?>\s*+" + _ARROW + r"\s*+[^。，,.!?！？>＞»›→]{1,30}+){2,}+$"
    ), 120, edge=True, not_after=_LEADS_INTO_PATH),
    Rule("editor", _rx(
        _OPEN + r"(?:责任编辑|責任編輯|责编|責編|编辑|編輯|编审|編審|审核|審核|校对|校對|"
        r"editor|edited by)\s*+[:：]\s*+[^。！？!?，；;]{0,40}+$|"
        r"^\s*+[\[【(（](?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*+[:：]?[^\]】)）]{0,20}+[\]】)）][^。！？!?]{0,12}+$|"
        r"^[\[【(（]\s*+[^\s，。,]{2,4}+(?:\s++[^\s，。,]{2,4}+)?\s*+(?:编辑|編輯|报道|報導|整理)\s*+[\]】)）]\s*+$|"
        r"^[^.]{2,80}?\bcontributed (?:reporting|to this report)\b[^.]{0,60}+\.?$|"
        r"^write to [^@]{2,40}? at [^\s@]++@[^\s@]++$|"
        r"^\W*+contributing(?: reporting)?\s*+[:：]\s*+(?-i:[A-Z])[^.!?:]{1,100}+$|"
        # A line of credits only: "Words by A · Photographs by B", "Reporting by A; Editing by B".
        rf"^(?:{_EN_ROLE}) by (?-i:[A-Z])[^;·|•,.]{{1,40}}+(?:[;·|•,]\s*+(?:and )?(?:{_EN_ROLE}) by "
        rf"(?-i:[A-Z])[^;·|•,.]{{1,40}}+)*+\.?$|"
        # Credits without a colon: "作者 | 林晓", "文 | 甲 图 | 乙", "编辑 刘一 校对 王二"; the
        # publication's name may lead the role ("某某新闻记者 | 林晓").
        rf"^\s*+(?:[^\s|丨｜:：，。,.!?！？、；;]{{1,8}}?)?(?:{_CREDIT_ROLES})\s*+[|丨｜]\s*+{_CREDIT_NAME}(?:\s++(?:{_CREDIT_ROLES})\s*+[|丨｜]?\s*+"
        rf"{_CREDIT_NAME})*+\s*+$|"
        rf"^\s*+(?:{_CREDIT_ROLES})\s++{_CREDIT_NAME}(?:\s++(?:{_CREDIT_ROLES})\s++{_CREDIT_NAME})++\s*+$"
    ), 120),
    Rule("byline", _rx(
        _OPEN + rf"(?:{_BYLINE_KEYS}){_COLON}|(?:{_BYLINE_KEYS}){_COLON}.{{0,80}}?(?:{_BYLINE_KEYS}){_COLON}|"
        r"^[\s(（]*+(?:19|20)\d{2}\s*+[-/.年].{0,60}?(?:来源|來源|阅读|閱讀|字号|字號|打印|列印|评论|評論|作者|"
        r"编辑|編輯|浏览|瀏覽|点击|點擊)|"
        r"^[^。，,.!?！？]{0,30}?(?:发表于|發表於|张贴|張貼|posted|published)\s*+(?:@|于|於|on|at)?\s*+(?:19|20)\d{2}|"
        # "Started by Ann, January 5, 2024", "By Ann Carter · 14 May 2024", "Ann · May 9, 2024 · 8 min read"
        # (a name, not a number, before the first dot: "1 May 2018 · 20 June 2019" is a date range)
        rf"^(?:(?:started|posted|asked|submitted|written) )?by [^,.;:·|•]{{1,40}}?(?:,|\s*+[·|•]|\s++on\b|\s++at\b)"
        rf"[^.]{{0,40}}?{_WHEN_WRITTEN}[^.]{{0,30}}+$|"
        rf"^(?=[^。]*?{_WHEN_WRITTEN})[^·•。\d]{{1,40}}+[·•](?:[^·•。]{{1,40}}+[·•]){{0,3}}+[^·•。]{{0,40}}+$"
    ), 120, sentence_ok=False,
        # Each alternative above needs a colon, a year, "by " or a middle dot.
        needle=(":", "：", "19", "20", "by ", "·", "•")),
    Rule("source_line", _rx(
        _OPEN + r"(?:本文来自|本文來自|本文来源|本文來源)\s*+[:：]?\s*+(?:微信公众号|微信公眾號|公众号|公眾號|微博|"
        r"[“\"《「『]|[^\s，。,、的]{1,15}?(?:网|網|报|報|社|台|刊|号|號|站|客户端|客戶端|app)(?![\w]{0,2}的))|"
        + _OPEN + r"(?:原文链接|原文鏈接|原文地址|原文网址|原文網址)\s*+(?:[:：]|https?://|$)|"
        + _OPEN + r"(?:本文)?(?:转载自|轉載自|转自|轉自)\s*+[:：]?\s*+[^\s，,。；;]{1,30}+\s*+$|"
        + _OPEN + r"(?:稿件来源|稿件來源)\s*+[:：]|"
        + _OPEN + r"(?:原标题|原標題)\s*+[:：]|"
        # A print edition's line: "《 某某日报 》（ 2024年03月05日 11 版）"
        r"^\s*+《\s*+[^》]{2,12}+\s*+》\s*+[（(]\s*+(?:19|20)\d{2}\s*+年\s*+\d{1,2}\s*+月\s*+\d{1,2}\s*+日"
        r"\s*+(?:第\s*+)?\d{1,3}\s*+版\s*+[)）]\s*+$|"
        + _OPEN + r"(?:本文来源|本文來源|本文来自|本文來自)\s*+[:：]\s*+[^。！？!?，,]{1,40}+$|"
        r"本文由.{1,20}?(?:授权|授權)(?:发布|發布|转载|轉載)|"
        r"^(?:this (?:article|story|piece|essay)|a version of this (?:article|story)) (?:was )?"
        r"(?:first |originally )?(?:appeared|published) (?:in|on|at|by) [^,;]{2,60}+$|"
        r"^originally (?:published|appeared) (?:in|on|at|by) [^,;]{2,60}+$|"
        r"^a version of this (?:article|story|review|essay|column) (?:appears|appeared) in print\b|"
        # a BBS post's footer as its web view prints it: "※ 發信站: 某某站, 來自: 1.2.3.4", "※ 文章網址: …"
        r"^※\s*+(?:发信站|發信站|来源|來源|文章网址|文章網址|编辑|編輯|修改)\s*+[:：]"
    ), 160, needle=_words("本文|原文|原标|原標|转|轉|稿件|版|originally|this article|this story|this piece|this essay|"
                          "a version|※")),
    Rule("image_credit", _rx(
        _OPEN + r"(?:图源|圖源|图片来源|圖片來源|图片提供|圖片提供|图片|圖片|图表|圖表|图|圖|"
        r"摄影|攝影|"
        r"photo|image|photograph|picture|credit|illustration)\s*+(?:credit)?\s*+[:：/／]|"
        r"^[^。，！？,]{0,40}?第\s*+\d+\s*+[张張]\s*+$|^[\s(（]*+(?:资料图片?|資料圖片?|配图|配圖|网络图片|網絡圖片)[)）]?\s*+$|"
        r"^[^.。!?！？]{0,150}?(?:getty images|shutterstock|reuters|afp|ap photo|视觉中国|視覺中國|东方IC|東方IC)"
        r"\s*+\)?\s*+$|"
        # an agency's photo credit on a line of its own: "AP/Ann Lee", "Reuters/Ann Lee"
        r"^(?:ap|reuters|afp|epa|getty images)\s*+/\s*+(?-i:[A-Z][\w.'-]*+)(?:\s++(?-i:[A-Z][\w.'-]*+)){0,3}+\s*+$|"
        r"(?:^|\s)(?:(?:photo|image|picture)\s++)?credit\s*+:\s*+[^.。:]{2,60}+$|"
        r"\b(?:photos?|images?|pictures?)\s*+(?:©|\(c\)|copyright)\s*+[^.。]{2,60}+$|"
        r"^(?:image|photo) (?:copyright|caption)\s*+$|^(?:image|photo|picture|slide) \d+ of \d+$|"
        r"^(?:image|photo|media) source\s*+[,:]\s*+[^.。]{2,60}+$"
    ), 240, needle=_words("图|圖|摄影|攝影|photo|image|picture|credit|illustration|张|張|getty images|"
                          "shutterstock|reuters|afp|视觉中国|視覺中國|东方ic|東方ic|slide|ap/|ap /|epa")),
    Rule("caption", _rx(
        _OPEN + r"(?:图为|圖為|图说|圖說)|" + _OPEN + r"(?:图注|圖注|圖註)\s*+[:：]|"
        + _OPEN + r"(?:上图|下图|上圖|下圖|左图|右图|左圖|右圖)\s*+(?:[:：|丨]|为|為)|"
        r"[(（〔]\s*+(?:图|圖|资料图|資料圖|资料图片|資料圖片|图片|圖片|摄|攝|组图|組圖)\s*+[)）〕]\s*+$|"
        r"^[^。，！？,]{0,30}?(?:相关图片|相關圖片|高清图集|高清圖集|组图|組圖)\s*+$"
    ), 140, needle=("图", "圖", "摄", "攝")),
    Rule("copyright", _rx(
        r"^\s*+(?:copyright\s*+)?(?:©|\(c\))|^\s*+copyright\s*+(?:19|20)\d{2}|"
        r"^\s*+copyright(?:\s++(?-i:[A-Z][\w&.-]*+)){1,5}+\s*+$|"
        r"^[^.!?。！？]{0,40}?(?:©|\(c\)|copyright)\s*+(?:19|20)\d{2}(?:\s*+[-–—]\s*+(?:19|20)?\d{2,4})?"
        r"[^.,;:。，；！？]{0,60}+(?:\.\s*+all rights reserved\.?)?\s*+$|"
        r"all rights reserved\W*+$|^\W*+版权所有(?![者人权權])|版权所有\W*+$|版权所有\s*+[©:：(（]|"
        r"^\W*+版權所有(?![者人權])|版權所有\W*+$|版權所有\s*+[©:：(（]|"
        r"icp\s*+(?:备|備|证|證)[案]?\s*+(?:号|號)?\s*+[:：]?\s*+\d{4,}|(?:公网安备|公網安備)\s*+(?:号|號)?\s*+[:：]?\s*+\d{6,}|"
        r"^\W*+违法和不良信息举报|^\W*+違法和不良資訊舉報|"
        r"(?:不得|禁止|严禁|嚴禁|请勿|請勿|谢绝|謝絕)(?:任何形式的)?(?:转载|轉載|复制|複製|摘编|摘編|转贴|轉貼)"
        r"(?![的之者])|(?:转载|轉載)(?:请|請|须|須|需)(?:注明|註明|联系|聯繫|获得|獲得|经过|經過)|"
        r"(?:如需|如要|欢迎)(?:转载|轉載)|"
        r"^\s*+[【\[(（]\s*+(?:版权声明|版權聲明|免责声明|免責聲明)\s*+[】\]）)]|"
        r"^\s*+(?:版权声明|版權聲明|免责声明|免責聲明)\s*+(?:[:：]|$)"
    ), 160, needle=_words("copyright|©|(c)|版权|版權|icp|公网安备|公網安備|违法|違法|转载|轉載|复制|複製|摘编|摘編|"
                                  "转贴|轉貼|rights reserved|免责|免責")),
    Rule("disclaimer", _rx(
        _OPEN + r"(?:特别|特別|郑重|鄭重|重要|广告|廣告|免责|免責)?(?:声明|聲明)\s*+[:：].{0,60}?"
        r"(?:本站|本网|本網|本报|本報|本台|本文|本平台|"
        r"转载|轉載|版权|版權|侵权|侵權|删除|刪除|观点|觀點|立场|立場|仅供参考|僅供參考|联系|聯繫|授权|授權|稿件|刊用)|"
        r"(?:出于|出於)(?:传递|傳遞)更多信息|"
        r"不代表本(?:网|站|报|報|網|台|平台|刊)(?:的)?(?:观点|觀點|立场|立場)|"
        r"(?:仅|僅)代表(?:作者|个人|個人)[^。！？]{0,12}?不代表[^。！？]{1,16}?(?:观点|觀點|立场|立場)|"
        r"(?:仅供参考|僅供參考|本文|以上|文中|文章|本站|本网)[^。]{0,30}?不(?:构成|構成)(?:任何)?投资建议|"
        r"^\W*+不(?:构成|構成)(?:任何)?(?:投资|投資)建议|"
        r"(?:文责自负|文責自負|风险自担|風險自擔|风险自负|風險自負|后果自负|後果自負)\W{0,3}+$|"
        r"^\W*+(?:风险提示|風險提示)\s*+[:：].{0,80}?(?:仅代表|僅代表|不作推荐|不作推薦|不构成|不構成|谨慎|謹慎)|"
        r"[(（](?:[^()（）]{0,20}?)(?:文责自负|文責自負)[)）]|"
        r"^\W*+本文(?:为|為|系)(?:我|作者|本人|博主|up主)?(?:原创|原創)\W*+$"
    ), 200, needle=_words("声明|聲明|传递|傳遞|不代表|投资建议|投資建議|文责|文責|风险|風險|后果|後果|原创|原創")),
    # The same notices in English, each a line of its own: a labelled notice that the views are
    # not the site's, a platform's note that it only stores what a user posted, "the views
    # expressed … are the author's own" (set at the end of a paragraph, it leaves the line be).
    Rule("disclaimer", _rx(
        r"^\W*+(?:disclaimer|(?:important |legal )?notice)\s*+[:：].{0,120}?"
        r"(?:(?:do|does|did) not (?:necessarily )?(?:represent|reflect|constitute)|information storage|"
        r"(?:uploaded|posted|published) by (?:a|the) user|for (?:reference|informational?) (?:purposes )?only)|"
        r"^[^.!?]{0,80}?\b(?:only|solely|merely) provides? information storage services?\b|"
        r"^\W*+(?:the )?(?:views|opinions)(?: and opinions)? expressed "
        r"(?:in this (?:article|post|piece|column)|here(?:in)?|above)"
        r" are (?:solely )?(?:those of the (?:author|writer)s?|the (?:author|writer)s?'? own)\b|"
        # an affiliate disclosure: the page's links pay the publisher
        r"^[^.!?]{0,80}?\b(?:affiliate )?links?\b[^.!?]{0,80}?\b(?:on this page|in this (?:article|post|story|review)|"
        r"in our (?:stories|articles|reviews))\b[^.!?]{0,80}?\b(?:compensat\w*+|commissions?|earn)\b|"
        r"(?:^|[.!?]\s++)[^.!?]{0,100}?\bwe may (?:earn|receive|get) (?:a |an )?(?:small |affiliate )?"
        r"(?:commission|compensation|share of (?:the )?(?:sales|revenue))\b"
    ), 400, needle=("disclaimer", "notice", "storage", "expressed", "link", "we may")),
    Rule("promo", _rx(
        r"(?:关注|關注|订阅|訂閱|下载|下載|扫码|掃碼|扫描|掃描|加入|收听|收聽|like|按讚|点赞|點讚)\s*+(?:我们|我們|本号|本號|本报|本報|本网|本網|"
        r"本台|本站)|欢迎(?:关注|關注|订阅|訂閱|下载|下載|扫码|掃碼|加入)|歡迎(?:關注|訂閱|下載|掃碼|加入)|"
        r"(?:扫码|掃碼|扫一扫|掃一掃|长按|長按)[^。，,]{0,12}?(?:关注|關注|识别|識別|下载|下載|订阅|訂閱)|"
        r"(?:扫描|掃描)[^。，,]{0,8}?(?:二维码|二維碼)[^。，,]{0,6}?(?:关注|關注|下载|下載|订阅|訂閱)|"
        r"^\W*+(?:关注|關注|订阅|訂閱|下载|下載)[^。，,！!？?]{0,30}?(?:公众号|公眾號|客户端|客戶端|app\b)"
        r"[^。！？!?]{0,20}+$|"
        r"(?:公众号|公眾號|微信号|微信號)\s*+[:：]\s*+\S{2,30}+\s*+$|"
        r"^\W*+(?:follow|like) us\b[^.!?]{0,60}+$|\b(?:follow|like) us (?:on|at) (?:facebook|instagram|twitter|"
        r"youtube|tiktok|x|threads|linkedin|social media)\b|\b(?:like|follow) our (?:facebook|page|instagram|twitter)|"
        r"\bfollow @\w+|(?:^\W*+|[.!?]\s++)follow\b[^.!?]{0,60}?"
        r"\bon (?:twitter|facebook|instagram|youtube|tiktok|x|threads)\b[^.!?]*+[.!?]?\s*+$|"
        r"[\[【]\s*+按此\s*+like\s*+[\]】]|\b(?:sign up|subscribe) (?:for|to) our (?:\w+ )?newsletter|"
        r"^\W*+(?:sign up|subscribe) (?:for|to) (?:the|our) (?:\w+ )?newsletter\W*+$|"
        r"^\W*+(?:download|get) (?:our|the \w+) app\b|"
        # A public account's close: "点个在看", "分享、点赞、在看"; a portal's "…尽在某某APP".
        r"(?:点|點)(?:个|個|一下)?\s*+[“\"「]?在看|(?:点赞|點讚|分享|转发|轉發)[、，,\s]*+[“\"「]?在看|"
        r"(?:尽在|盡在)[^。，,！!？?]{1,16}?(?:app|客户端|客戶端)\s*+$|"
        r"(?:点我|點我)\s*+(?:订阅|訂閱|关注|關注|下载|下載)"
    ), 160, needle=_words("关注|關注|订阅|訂閱|下载|下載|扫|掃|加入|收听|收聽|like|按讚|点赞|點讚|欢迎|歡迎|长按|長按|"
                                  "公众号|公眾號|微信号|微信號|follow|sign up|subscribe|按此|get|download|"
                                  "在看|尽在|盡在|点我|點我")),
    # A newsletter's pitch of a sentence or three, led by its call or closed by it as a sentence
    # of its own: "Sign up for The Morning Brief newsletter. Our five-part series … Sign up here.",
    # "Get CNN's Wonder Theory science newsletter. Travel the cosmos with …"
    Rule("promo", _rx(
        r"^\W*+(?:sign up|subscribe)(?: now| today| free)? (?:for|to) [^.!?]{0,60}?\bnewsletters?\b|"
        r"^\W*+get (?:[^.!?]{0,50}?\s)?newsletters?\s*+(?:[.!]|$)|"
        r"(?:^|[.!?]\s++)(?:sign up|subscribe|register)(?: for free)? (?:here|now|today)\W*+$"
    ), 300, needle=("sign up", "subscribe", "register", "get")),
    Rule("share", _rx(
        _OPEN + r"(?:分享到|分享至|转发到|轉發到|一键分享|一鍵分享)\s*+[:：]?(?:\s*+(?:微信|朋友圈|微博|qq空间|QQ空間|"
        r"qq|豆瓣|facebook|twitter|whatsapp|linkedin|email|[\s|/、·]))*+\s*+$|"
        + _OPEN + r"(?:分享|share(?: this(?: article| story| page)?| on(?: \w+)?)?|tweet|email this|follow us)"
        r"\s*+(?:[:：](?:\s*+(?:微信|朋友圈|微博|qq空间|QQ空間|qq|豆瓣|facebook|twitter|whatsapp|linkedin|email|"
        r"[\s|/、·]))*+)?\s*+$|"
        r"^(?:微信|微博|qq空间|QQ空間|豆瓣|facebook|twitter|whatsapp|linkedin|email|[\s|/、·])++$|"
        r"^(?:分享|转发|轉發)(?:给|給|到|让|讓)?(?:你的)?(?:朋友|好友|更多人)[^。，,！!]{0,4}+$"
    ), 60),
    Rule("page_tools", _rx(
        rf"^(?>{_SEP}*+{_TOOL})++{_SEP}*+$|^\s*+(?:字号|字號|字体|字體)\s*+[:：]|"
        r"^\s*+(?:进入|進入|点击进入|點擊進入|点此进入).{1,24}?(?:频道|頻道|专题|專題|首页|首頁)\s*+[>»]*+\s*+"
        r"(?:了解更多|查看更多|更多|more)?\s*+$|"
        r"^\s*+(?:点击|點擊|点此|點此)(?:进入|進入|查看|这里|這裡|此处|此處|图片|圖片|浏览|瀏覽|收看|观看|觀看)"
        r"[^。，！？,]{0,20}+$|"
        r"^\W*+(?:返回目录|返目录|返回目錄|返目錄)\W*+$|^.{0,6}(?:下一页|下一頁)\s*+$|"
        r"^\W*+返回[^，,。\s]{1,8}+[，,\s]*+(?:查看更多|看更多|更多)\W*+$|"
        r"^\W*+powered by(?:\s++\S++){1,4}\s*+$|"
        # A rating widget: "4.9 from 112 votes", "4.5 out of 5 stars (2,318 ratings)"
        r"^\s*+[0-5](?:\.\d)?\s++(?:from|out of)\s++[\d,]++(?:\s++stars?)?\s*+\(?[\d,]*+\s*+"
        r"(?:votes?|ratings?|reviews?)?\)?\s*+$"
    ), 60),
    Rule("tags", _rx(
        _OPEN + r"(?:标签|標籤|标记|關鍵詞|关键词|关键字|關鍵字|tags?|keywords?|topics?|filed under)\s*+[:：]"
        r"(?>\s*+[^。！？!?，,、;；|/\s]{1,20}+[\s，,、;；|/]*+)*+$"
    ), 100, sentence_ok=False),
    Rule("pagination", _rx(
        _OPEN + r"(?:上一篇|下一篇|上一页|下一页|上一頁|下一頁|上一条|下一条|previous|next)"
        r"(?:\s*+(?:article|post|story))?\s*+[:：]|"
        rf"^(?:{_PAGE_SEP}*+{_PAGE_TOKEN}){{2,}}+{_PAGE_SEP}*+$"
    ), 60),
    Rule("end_mark", _rx(r"^[\s\-—_=·*~]*+(?:(?-i:END|THE END)|全文完)[\s\-—_=·*~]*+$"), 20),
    Rule("dateline", _rx(
        r"^(?:https?://\S++\s*+)?[\s(（\[【]*+(?:(?:19|20)\d{2}\s*+[-/.年]\s*+\d{1,2}\s*+[-/.月]\s*+\d{1,2}\s*+日?)"
        r"[\s\dT:：.+\-]*+(?:hkt|北京时间|北京時間|gmt|utc|cst)?[\s\d:：]*+"
        r"[^。，,.!?！？]{0,16}+[)）\]】]*+\s*+$|"
        r"^\s*+by\s++(?-i:[A-Z][\w.'’-]*+)(?:\s++(?:(?-i:[A-Z][\w.'’-]*+)|and|&|de|van|von|da|la|le|bin|,))*+\s*+$|"
        r"^\s*+by\s++(?-i:[A-Z]{2,}+)(?:\s++(?-i:[A-Z]{2,}+|and))*+\s*+$|"
        r"^\s*+(?:updated|published|posted)\b\s*+(?:[:：]|on|at)?\s*+(?:\d|" + _MONTH + r"\s|" + _WEEKDAY
        + r"\s|by\b|\w+ (?:hours?|minutes?|days?) ago)[^。]{0,60}+$|"
        r"^\s*+(?:" + _WEEKDAY + r"\s++)?" + _MONTH + r"\s++\d{1,2},?\s++(?:19|20)\d{2}"
        r"(?:[\s,at-]++\d{1,2}:\d{2}\s*+(?:[ap]\.?m\.?)?\s*+[a-z]{0,4}+)?\s*+$|"
        # the day first, as British and Commonwealth sites write it: "12 March 2024", "Tue 12 Mar 2024 13.00 GMT"
        r"^\s*+(?:" + _WEEKDAY + r"\s++)?\d{1,2}\s++" + _MONTH + r"\s++(?:19|20)\d{2}"
        r"(?:[\s,at-]++\d{1,2}[:.]\d{2}\s*+(?:[ap]\.?m\.?)?\s*+[a-z]{0,4}+)?\s*+$|"
        r"^[^\s@]++@(?=[^\s@]*?\.[a-z]{2,}$)[^\s@]++$|^(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram)\.com/\S++$|"
        # A mail archive's header: "ann at example.org", "Thu Feb 15 08:41:27 UTC 2024"
        r"^(?-i:[a-z0-9._+-]++) at [\w-]++(?:\.[\w-]++)++$|"
        r"^" + _WEEKDAY + r"\s++" + _MONTH + r"\s++\d{1,2}\s++\d{1,2}:\d{2}:\d{2}\s++(?:[a-z]{2,5}\s++)?"
        r"(?:19|20)\d{2}$|"
        r"^\s*+(?:文|文︱|文\|)\s*+[/／|︱]\s*+\S{1,12}+\s*+$|^\s*+(?:记者|記者)\s*+\S{2,12}+(?:\s++\S{2,12}+)*+\s*+$|"
        r"^[\s(（【\[]*+(?:文|圖|图|文/圖|文/图)?\s*+[/／]?\s*+[^，。,；!?！？]{0,14}?(?:记者|記者)[^，。,；!?！？]{1,24}?"
        r"(?:报道|報導|報道|发自\S{2,4}|發自\S{2,4}|摄|攝)?[)）】\]]?\s*+$|"
        r"^\s*+(?:时间|時間|日期)\s*+[:：]\s*+(?:19|20)\d{2}[^，。,]{0,30}+$|"
        # A source's name, then the time it posted at: "新京报 2024-03-05 14:22", "某报社2024-04-02 09:31某地账号"
        r"^[^\s，。,!?！？\d]{2,16}+\s*+(?:19|20)\d{2}\s*+[-/.年]\s*+\d{1,2}\s*+[-/.月]\s*+\d{1,2}\s*+日?\s*+"
        r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[^。，,.!?！？]{0,16}+$"
    ), 80, edge=True),
    # A cookie consent notice left in the page (not marked as a dialog): "We use cookies to …",
    # "X and its partners use cookies to provide you with …", "Accept all cookies", 本网站使用Cookie.
    Rule("cookie_notice", _rx(
        r"^[^.!?]{0,80}?\b(?:we|this (?:web)?site|our (?:web)?site|and (?:its|our) partners) (?:also )?uses? cookies"
        r"(?:\s*+[.!]|,| and similar technologies| on (?:this|our) (?:web)?site| (?:to|so that|in order to) "
        r"(?:improve|provide|give|personali[sz]e|analy[sz]e|understand|offer|enhance|make|help|deliver|remember|"
        r"measure|ensure|show|support|serve|tailor|run|operate))|"
        r"\b(?:by (?:continuing|using|clicking|browsing)[^.!?]{0,80}?)(?:you )?(?:agree|consent) to (?:our |the )?"
        r"(?:use of )?cookies\b|"
        r"^\W*+(?:accept|reject|allow|refuse|decline|manage)(?: all| optional| essential)? cookies\W*+$|"
        r"^\W*+cookies? (?:settings|preferences|policy|notice)\W*+$|"
        r"^[^。！？]{0,30}?(?:本网站|本網站|本站|我们|我們)(?:会)?(?:使用|利用|采用|採用)\s*+cookies?|"
        r"^\W*+(?:接受|拒绝|拒絕|管理)(?:所有|全部)?\s*+cookies?\W*+$"
    ), 400, needle=("cookie",)),
    Rule("source_line", _rx(
        r"^[\s(（【\[]*+(?:(?:据|據|来源|來源|转自|轉自|via|source)\s*+[:：]?\s*+《[^》]{1,20}+》|"
        r"(?:据|據)\s*+[^\s，。,《]{2,12}?(?:报道|報導|報道|消息|电|電)|(?:来源|來源|转自|轉自|source)\s*+[:：]\s*+\S{2,20}?)"
        r"[^，。,]{0,8}+[)）】\]]?\s*+$|^[(（][^()（），。,]{2,10}+[)）]$"
    ), 40, edge=True),
)

RULE_DESCRIPTIONS: dict[str, str] = {
    "breadcrumb": "navigation trail (当前位置：首页 > …; Home > … only at the text's edges, never a menu path in it)",
    "editor": "editor credit (责任编辑：…, (… 编辑), Words by … · Photographs by …)",
    "byline": "source/author/time line (来源：… 作者：…, 更新时间：…)",
    "source_line": "provenance line (本文来自微信公众号…, 据《…》报道, 原文链接, A version … appears in print)",
    "image_credit": "image credit (图源：…, 第1张, Photo: …, Credit: …)",
    "caption": "image caption (图为：…, 图注：…, …（图）, <figcaption>)",
    "copyright": "copyright or licence footer (版权所有, ICP备, All rights reserved)",
    "disclaimer": "disclaimer (声明：…, 不代表本站观点, 不构成投资建议)",
    "promo": "call to follow, subscribe or donate (关注…公众号, Like our Facebook page, … Sign up here.)",
    "share": "share prompt (分享到：, Share this)",
    "page_tools": "page tools ([打印], 字号, 点击进入, Back to top, Advertisement)",
    "cookie_notice": "cookie consent notice left in the page (We use cookies to …, Accept all cookies, 使用Cookie)",
    "tags": "tag or keyword line (标签：…, Tags: …)",
    "pagination": "pagination (上一篇/下一篇, 第1页 共3页)",
    "end_mark": "end-of-article mark (END, - END -, 全文完)",
    "dateline": "bare timestamp, reporter or source-and-time line, or mail header, at the edge of the article",
    "title": "the headline repeated in the body (kept as metadata)",
    "related": "related/hot/more-links section, from its heading on (相关新闻, More in …)",
    "comments": "comment section after the article (网友评论, Comments)",
    "end_matter": "a press release's closing matter, from its heading on (Forward-Looking Statements, Contacts)",
    "link_block": "sub-block of the article made mostly of links",
    "class_block": "sub-block whose class/id names it boilerplate (share, related, footer…)",
    "pull_quote": "a quotation whose words the article says again (a pull quote)",
}
"""One line per rule id, for `--explain` output and run manifests."""

RULE_IDS: tuple[str, ...] = tuple(RULE_DESCRIPTIONS)
"""Every rule id a removal can be counted under (line rules, section cuts, block rules)."""

_HEAD_END = r"[\s:：>»·|\-—.…]*+(更多|more)?[\s:：>»·|\-—.…]*+$"
SECTION_HEAD = _rx(
    r"^[\s\[【(（<《]*((相关阅读|相關閱讀|相关新闻|相關新聞|相关文章|相關文章|相关链接|相關鏈接|"
    r"相关报道|相關報導|相關報道|相关专题|相關專題|相关教程|相关推荐|相關推薦|热门文章|熱門文章|"
    r"热门专题|熱門專題|热门推荐|熱門推薦|热点新闻|熱點新聞|热点推荐|更多相关|更多相關|"
    r"更多阅读|更多閱讀|更多新闻|更多新聞|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|猜你喜欢|猜你喜歡|"
    r"今日推荐|精彩推荐|编辑推荐|編輯推薦|最新文章|最新新闻|热门排行|熱門排行|今日热门|今日熱門|"
    r"related( articles| stories| posts| coverage| content| links)?|"
    r"recommended( for you)?|you may also like|you might also like|most popular|most read|"
    r"trending( now)?|more stories|latest news|read next|also read|see also|don'?t miss|"
    r"more .{1,20} stories|most read .{1,30}|popular on .{1,30}|"
    r"tags|标签|標籤|关键词|關鍵詞|关键字|關鍵字)[》>】\])）]*" + _HEAD_END + "|"
    r"(更多关于|更多關於|more in|more from|more on)\b)"
)
COMMENT_HEAD = _rx(
    r"^[\s\[【(（]*(网友评论|網友評論|发表评论|發表評論|我要评论|我要評論|评论区|評論區|最新评论|"
    r"最新評論|热门评论|熱門評論|全部评论|全部評論|评论|評論|已有\s*\d+\s*(人|条)\S*+|"
    r"共\s*\d+\s*(条|篇|則)(评论|評論)|\d+\s*comments?|comments?|leave a (comment|reply)|"
    r"join the discussion)"
    r"(?:[\s\d()（）\]】条則:：>»|]|发表评论|發表評論|我要评论|我要評論|参与|參與)*+$"
)
# The closing matter of a press release, from its heading to the end: the legal notice on
# forward-looking statements, the media and investor contacts.
END_MATTER = _rx(
    r"^[\s\[【(（]*(?:(?:cautionary (?:note|statement) (?:regarding|on|about) )?forward[- ]looking statements?|"
    r"safe harbou?r statement|(?:media|press|investor|investors)(?: relations)?(?: and (?:media|investor) )?"
    r"(?: relations)? contacts?|contacts?|联系人|新闻联络人|媒体联络)\s*[:：]?\s*$"
)


_LONGEST = max(rule.max_len for rule in RULES)


def line_rule(line: str, edge: bool) -> str | None:
    """The id of the first rule matching `line`; `edge` allows the positional rules."""
    if len(line) > _LONGEST:
        return None
    low = folded(line)
    for rule in RULES:
        if (edge or not rule.edge) and rule.matches(line, low):
            return rule.id
    return None
