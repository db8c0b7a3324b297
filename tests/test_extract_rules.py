"""Boilerplate line rules: examples each rule id must remove, and article lines to keep."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanflow.extract import RULE_DESCRIPTIONS, RULE_IDS, extract_text
from hanflow.extract.lines import filter_lines
from hanflow.extract.rules import RULES, folded, line_rule

BODY = [
    "市里今天召开会议，讨论明年的公共交通规划，多位代表发言，会议持续了整整三个小时。",
    "会上，交通局负责人介绍了新线路的走向，并回答了市民代表提出的十多个问题，气氛热烈。",
    "会议决定下月起征求公众意见，意见征集期为三十天，结果将在网站上公布，欢迎大家参与。",
]


@pytest.mark.parametrize(("line", "rule"), [
    ("当前位置：首页 > 科技 > 正文", "breadcrumb"),
    ("您现在的位置: 网站首页 >> 新闻中心 >> 本地新闻", "breadcrumb"),
    ("责任编辑：王小明", "editor"),
    ("（責任編輯：陳大文）", "editor"),
    ("(李四 编辑)", "editor"),
    ("来源：晨报网 作者：张三", "byline"),
    ("更新时间:2023-05-06 08:00:00作者:siteadmin", "byline"),
    ("2022年03月04日 10:15 已有12人阅读 字号：大 中 小", "byline"),
    ("本文来自微信公众号“某某观察”，作者：赵六", "source_line"),
    ("※ 發信站: 某某站(bbs.example), 來自: 1.2.3.4 (臺灣)", "source_line"),
    ("※ 文章網址: https://bbs.example/M.1.A.html", "source_line"),
    ("图源：视觉中国", "image_credit"),
    ("圖片來源：資料照片", "image_credit"),
    ("新品发布会现场 第3张", "image_credit"),
    ("Photo: Getty Images", "image_credit"),
    ("图为：工人们正在检修设备。", "caption"),
    ("新建成的大桥全景（图）", "caption"),
    ("图注：改造后的老车间，屋顶换成了采光玻璃（图片来源：受访者提供）", "caption"),
    ("Copyright © 2003-2024 某某网 版权所有", "copyright"),
    ("京ICP备12345678号", "copyright"),
    ("未经许可，不得转载", "copyright"),
    ("All rights reserved.", "copyright"),
    ("声明：本站转载此文出于传递更多信息之目的，并不意味着赞同其观点。", "disclaimer"),
    ("扫描二维码关注我们的微信公众号", "promo"),
    ("Get the Harbour Weekly science newsletter. Odd finds from the coast, every Friday.", "promo"),
    ("Get our free weekly newsletter!", "promo"),
    ("分享到：", "share"),
    ("微信 微博 QQ空间", "share"),
    ("[打印] [关闭]", "page_tools"),
    ("字号：大 中 小", "page_tools"),
    ("点击进入专题页面", "page_tools"),
    ("标签：交通 规划 会议", "tags"),
    ("Tags: politics, economy", "tags"),
    ("上一篇：去年的交通规划回顾", "pagination"),
    ("第2页 共5页", "pagination"),
    ("Image 2 of 7", "image_credit"),
    ("Image copyright", "image_credit"),
    ("Jane Roe contributed reporting from Tianjin.", "editor"),
    ("Advert", "page_tools"),
    ("Like this:", "page_tools"),
])
def test_rule_matches_boilerplate(line: str, rule: str) -> None:
    assert line_rule(line, edge=False) == rule


@pytest.mark.parametrize(("line", "rule"), [
    ("2023-11-22 09:30", "dateline"),
    ("2012年1月11日 HKT 21:43", "dateline"),
    ("本报记者 李明 发自上海", "dateline"),
    ("By Jane Doe", "dateline"),
    ("Nov. 20, 2019 5:52 AM EST", "dateline"),
    ("Monday, November 18, 2019", "dateline"),
    ("reporter@example.com", "dateline"),
    ("（据《晨报》报道）", "source_line"),
    ("据新华社电", "source_line"),
    ("首页 > 财经 > 股市", "breadcrumb"),
    ("Home > News > World", "breadcrumb"),
])
def test_edge_rules_match_only_at_the_edges(line: str, rule: str) -> None:
    assert line_rule(line, edge=True) == rule
    assert line_rule(line, edge=False) is None


@pytest.mark.parametrize("line", [
    "2、初试时间：2024年12月21日至22日，考生须提前半小时到场。",
    "记者：您认为明年的市场会好转吗？",
    "他说：“未经授权使用我们的技术，会阻碍我们继续创新。”",
    "分享一下我的经验，希望对大家有所帮助。",
    "Printers were sold out across the city by noon.",
    "据说这是为了遵循新的安全协定",
    "By 2030, the network will have doubled in length.",
    "来源于生活的灵感，往往最打动人。",
    "图书馆明天起延长开放时间。",
    "图注和正文的字号最好区分开来，读者一眼就能看出哪些是说明。",
    "Get the newsletter to the printers by Friday, the editor told the volunteers.",
    "Getting the newsletter out each week took the whole committee.",
])
def test_article_lines_are_kept(line: str) -> None:
    lines = [BODY[0], line, BODY[1], BODY[2]]
    assert filter_lines(lines).kept == lines


def test_byline_inside_article_is_kept_but_at_the_top_it_becomes_metadata() -> None:
    result = filter_lines(["时间：2024年5月8日 10:21", *BODY])
    assert result.kept == BODY
    assert result.removed == [("dateline", "时间：2024年5月8日 10:21")]
    assert result.meta["published"] == "2024-05-08T10:21:00"
    inside = filter_lines([BODY[0], "时间：2024年5月8日 10:21", BODY[1], BODY[2]])
    assert len(inside.kept) == 4


def test_related_section_is_cut_with_its_items() -> None:
    items = ["明年地铁新线将开通", "公交票价调整听证会举行", "共享单车管理新规出台"]
    lines = [*BODY, "相关阅读", *items]
    result = filter_lines(lines)
    assert result.kept == BODY
    assert [rule for rule, _ in result.removed] == ["related"] * 4


def test_related_section_stops_at_a_long_paragraph() -> None:
    tail = "附记：本次会议的全部材料已经整理成册，市民可以到市图书馆借阅，也可以在网上下载。"
    result = filter_lines([*BODY, "延伸阅读", "地铁新线", tail])
    assert result.kept == [*BODY, tail]


@pytest.mark.parametrize("after", ["「這片海，我看了三十年。」", "“水位还会再涨。”", "She said it was worth it.",
                                   "The council will vote in June."])
def test_related_section_stops_at_a_short_sentence(after: str) -> None:
    """A short quotation or sentence after a related insert is the article again: headlines
    end without a full stop, and a quotation ends with one inside its marks."""
    result = filter_lines([*BODY, "延伸阅读", "地铁新线", after, BODY[0]])
    assert result.kept == [*BODY, after, BODY[0]]


@pytest.mark.parametrize("heading", ["Comments from the minister", "Trending upward, again"])
def test_headings_that_only_start_like_section_heads_are_kept(heading: str) -> None:
    lines = [*BODY, heading, "Short line one", "Short line two"]
    assert filter_lines(lines).kept == lines


def test_comment_section_after_the_article_is_cut() -> None:
    lines = [*BODY, "网友评论", "这个规划很好，支持！", "希望早日落实，方便大家出行。"]
    result = filter_lines(lines)
    assert result.kept == BODY
    assert {rule for rule, _ in result.removed} == {"comments"}


def test_title_lines_are_removed_when_the_title_is_known() -> None:
    title = "市交通规划征求意见"
    result = filter_lines([title, *BODY, title], title=title)
    assert result.kept == BODY
    assert [rule for rule, _ in result.removed] == ["title", "title"]


def test_plain_text_portal_copy() -> None:
    text = "\n".join([
        "当前位置: 某某网 > 本地新闻 > 市交通规划征求意见",
        "",
        "市交通规划征求意见",
        "更新时间:2024-05-08 10:21:00作者:newsdesk",
        *BODY,
        "圖源:視覺中國",
        "相关教程",
        "copyright © 2010-2024 某某网 版权声明",
    ])
    result = extract_text(text)
    assert result.text.splitlines() == BODY
    assert result.title == "市交通规划征求意见"
    assert result.author == "newsdesk"
    assert result.published == "2024-05-08T10:21:00"
    assert {rule for rule, _ in result.removed} <= set(RULE_IDS)


def test_unpunctuated_transcript_keeps_every_line() -> None:
    lines = ["大家好欢迎收看本期节目", "今天我们聊聊城市交通", "先说地铁", "再说公交",
             "最后说说共享单车"]
    assert extract_text("\n".join(lines)).text.splitlines() == lines


def test_ten_megabyte_line_of_plain_text() -> None:
    line = "长" * 10_000_000
    assert extract_text(f"标题\n{line}\n").text.endswith(line)


def test_rule_ids_are_stable_snake_case() -> None:
    assert {rule.id for rule in RULES} <= set(RULE_IDS)
    assert all(RULE_DESCRIPTIONS[rule] for rule in RULE_IDS)
    assert all(rule.isidentifier() and rule.islower() for rule in RULE_IDS)
    assert {"breadcrumb", "byline", "copyright", "related", "link_block"} <= set(RULE_IDS)


def test_year_after_by_is_not_a_byline() -> None:
    assert line_rule("By 2030, the network will double", edge=True) is None
    assert line_rule("By Jane Doe and John Roe", edge=True) == "dateline"


def test_folding_finds_every_letter_ignorecase_matches() -> None:
    """A rule's needle words are looked for in `folded(line)`: every character `re.I` matches
    to an ASCII letter must fold to that letter, or a needle could skip a matching line."""
    letter = re.compile("[a-z]", re.I)
    for code in range(0x110000):
        char = chr(code)
        if letter.fullmatch(char):
            low = folded(char)
            assert len(low) == 1 and low.isascii() and re.fullmatch(low, char, re.I), hex(code)


_PIECES = sorted({piece for rule in RULES for word in rule.needle or () for piece in (word, word.upper())}
                 | set("İıſK ：:/()（）©0123456789") | {"资料", "第", "本网", "我们", "平台", "Images", "Getty"}
                 | {"By", "BY", "Ann Lee", "posted", "发表于", "来源", "作者", "May 9", " ago", "3:05", ","})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8))
def test_a_needle_never_skips_a_line_its_pattern_matches(pieces: list[str]) -> None:
    line = "".join(pieces)
    low = folded(line)
    for rule in RULES:
        if rule.needle is not None and rule.pattern.search(line):
            assert any(word in low for word in rule.needle), (rule.id, line)


@pytest.mark.parametrize(("line", "rule"), [
    ("PHOTO CREDIT: Jo Bloggs", "image_credit"),
    ("Slide 3 of 12", "image_credit"),
    ("市民在广场上合影留念（资料图）", "caption"),
    ("COPYRIGHT © 2024 Example Media. ALL RIGHTS RESERVED.", "copyright"),
    ("This Article was originally published on Example Weekly", "source_line"),
    ("BY ANN LEE, MAY 9, 2024", "byline"),
    ("Ann Lee · 3 hours ago · 4 min read", "byline"),
    ("来源：本报 作者：林青", "byline"),
])
def test_upper_case_and_needled_rules_still_fire(line: str, rule: str) -> None:
    assert line_rule(line, edge=False) == rule


def test_a_menu_path_in_the_text_is_no_breadcrumb() -> None:
    steps = ["To turn the reminders off, open the app and go to the settings screen first, then",
             "Account > Notifications > Reminders",
             "and clear the box. It takes effect on the next start, so restart the app once."]
    assert filter_lines(["Help > Apps > Reminders", *steps]).kept == steps
    tail = ["The switch is easy to miss, as it sits two screens deep. You change the plan from",
            "Home > Settings > Plan and billing > change plan"]
    assert filter_lines(tail).kept == tail
    zh = ["想关闭提醒的话，先打开应用，然后依次点击", "我的 > 设置 > 消息提醒", "关掉开关即可，下次启动生效。"]
    assert filter_lines(["首页 > 帮助中心 > 常见问题", *zh]).kept == zh
