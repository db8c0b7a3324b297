"""Hidden elements are judged by what they hold: a hidden body is the article, hidden menus,
dialogs and appeals are not; <noscript> holds the text only when nothing else does."""

from __future__ import annotations

import lxml.html

from hanflow.extract import extract_html
from hanflow.extract.hidden import hidden_by_class

BODY = [
    "今年入夏以来，城郊的湿地公园迎来了大批越冬后北返的候鸟，观鸟爱好者每天清晨都会聚集在栈道边。",
    "公园管理处介绍，为了减少对鸟类的干扰，核心区的步道已经改为预约开放，每天限制进入的人数。",
    "志愿者们还在入口处设置了科普展板，向游客讲解如何辨认常见的鹭类和鸻鹬类水鸟，以及观鸟时的注意事项。",
    "管理处表示，下一步将与高校合作开展长期监测，记录每年候鸟的种类和数量变化，为湿地保护提供依据。",
]


def _paragraphs(paras: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def test_body_hidden_until_a_script_runs_is_the_article() -> None:
    page = f"""<html><head><title>湿地公园迎来北返候鸟</title></head><body>
    <div class="top-menu" style="display:none"><a href="/a">首页</a><a href="/b">文章列表</a></div>
    <div id="page-content"><h1 class="rich-title">湿地公园迎来北返候鸟</h1>
      <div class="meta"><span>生态观察</span> <em>2024-04-12 08:30</em></div>
      <div class="rich-content" id="article-body" style="visibility: hidden;">{_paragraphs(BODY)}
        <span style="display:none">统计代码占位</span></div>
    </div>
    <div role="dialog" class="report-dialog" style="display:none"><p>{BODY[0]}</p></div>
    <template><p>模板里的文字不是正文，即使它看起来像一个完整的句子。</p></template>
    <noscript>请在浏览器中开启JavaScript以获得更好的阅读体验。</noscript>
    </body></html>"""
    result = extract_html(page)
    assert result.text.splitlines() == BODY


def test_hidden_appeals_beside_a_visible_article_are_dropped() -> None:
    appeal = ("我们的报道需要读者的支持，每一份捐助都能帮助编辑部继续做深入的调查报道，"
              "请考虑成为我们的长期支持者，哪怕每个月只是一点点。")
    variants = "".join(f'<div class="hidden appeal-variant"><p>{appeal}{i}</p></div>' for i in range(3))
    page = f"""<html><body><article>{_paragraphs(BODY)}
    <div class="appeal">{variants}</div></article></body></html>"""
    assert extract_html(page).text.splitlines() == BODY


def test_noscript_holds_the_text_when_nothing_visible_does() -> None:
    page = f"""<html><body><div id="app"><div class="skeleton"></div></div>
    <noscript><div class="fallback"><h1>湿地公园迎来北返候鸟</h1>{_paragraphs(BODY)}</div></noscript>
    </body></html>"""
    assert extract_html(page).text.splitlines()[-4:] == BODY


def test_responsive_classes_that_show_an_element_again_do_not_hide_it() -> None:
    def hidden_by(classes: str) -> bool:
        return hidden_by_class(lxml.html.fromstring(f'<div class="{classes}">x</div>'))

    assert hidden_by("hidden") and hidden_by("card d-none") and hidden_by("sr-only")
    assert not hidden_by("hidden md:block") and not hidden_by("d-none d-lg-flex")
    assert not hidden_by("hidden-print") and not hidden_by("hide-on-mobile")


def test_a_tooltip_is_not_text() -> None:
    """A tooltip (role="tooltip") shows only while the pointer rests on what it explains: the
    vote buttons' help beside a question, however sentence-like, is not the question."""
    tip = "This answer is useful; it explains the cause and the fix clearly, with an example."
    votes = (f'<div class="votecell"><button>Up</button><div class="popover" role="tooltip">{tip}</div>'
             '<span class="count">12</span><button>Down</button></div>')
    page = f"<html><body><div class='post'>{votes}<div class='body'>{_paragraphs(BODY)}</div></div></body></html>"
    assert extract_html(page).text.splitlines() == BODY


STORY = [
    "Taking the stairs instead of the lift twice a day adds up to more exercise than most people expect over a month.",
    "A small study of office workers found that those who did so for twelve weeks climbed faster and felt less tired.",
    "The researchers say the habit matters more than the pace, so a slow climb daily beats a fast one now and then.",
    "People with knee or heart problems should ask their doctor first, and a handrail is worth using on the way down.",
]
CONSENT = [
    "We use cookies and similar technologies to run this site, to measure traffic and to show you content and ads.",
    "Strictly necessary cookies let the site work: they remember your choices and keep your session secure.",
    "Performance cookies count visits and traffic sources, so that we can measure and improve how the site performs.",
    "Targeting cookies may be set by our advertising partners to build a profile of your interests across sites.",
]


def test_a_cookie_dialog_shown_over_the_article_is_not_its_text() -> None:
    """A consent box is a dialog (role="alertdialog", aria-modal): the reader closes it to see
    the page, so it is never the text, even when its sentences sit together and its id names
    "text" while the story's paragraphs are spread over one wrapper a section."""
    story = "".join(f'<div class="css-0"><div class="css-1avyp1d"><p>{p}</p></div></div>' for p in STORY)
    consent = (f'<div id="consent-sdk"><div role="alertdialog" aria-modal="true" aria-label="Privacy">'
               f'<h2>This website uses cookies</h2><div id="policy-text">{CONSENT[0]}</div>'
               f'<button>Accept all</button></div><div role="dialog" aria-modal="true" aria-label="Preferences">'
               + "".join(f"<h3>Cookie group {i}</h3><p>{c}</p>" for i, c in enumerate(CONSENT[1:], 1))
               + "</div></div>")
    page = f"""<html><head><title>Why the stairs beat the lift</title></head><body>
    <main><article class="article-body">{story}</article></main>{consent}</body></html>"""
    assert extract_html(page).text.splitlines() == STORY
