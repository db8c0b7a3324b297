"""Line filtering shared by HTML and plain-text extraction.

Rules fire on whole short lines; bylines and datelines only at the edges of the block (before
the first or after the last prose line). Related-link and comment sections are cut from their
heading on. Author, date and source found in removed lines become metadata.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from hanflow.extract.dates import find_date
from hanflow.extract.model import Extraction
from hanflow.extract.rules import COMMENT_HEAD, END_MATTER, RULES, SECTION_HEAD, line_rule

_PROSE_PUNCT = re.compile(r"[。，；！？,;!?]|\.\s|\.$")
# A name, not a template's leftover attribute ("作者： size="20"").
_AUTHOR = re.compile(
    r"(?:作者|撰文|撰稿|记者|記者|文\s*[/／|︱]|\bby\b)\s*[:：]?\s*"
    r"([^\s|｜,，:：;；/()（）\[\]【】\d=\"'<>]{2,20}+(?:\s+[A-Z][a-z]+)?)(?!\s*=)", re.I)
_SOURCE = re.compile(
    r"(?:来源|來源|稿源|出处|出處)\s*[:：]\s*(?!https?:)([^\s|｜,，:：;；()（）\[\]【】]{2,20})")
# A reporter credit in brackets, as Chinese news opens or closes its text: "新华社北京3月1日电
# （记者 张三、李四）", "……。（总台记者 张三）"; the reporters, not the correspondents after them.
_REPORTER = r"(?:记者|記者)"
_HELPER = r"(?:通讯员|通訊員|实习生|實習生|实习记者|實習記者|摄影|攝影|编辑|編輯)"
_NAME = rf"(?:(?!{_HELPER}|{_REPORTER})[\u4e00-\u9fff·]){{2,10}}"
_CREDIT = re.compile(
    rf"[（(][^（）()]{{0,12}}?{_REPORTER}\s*+[:：]?\s*+"
    rf"({_NAME}(?:(?:[\s、，,]+{_REPORTER}?|{_REPORTER})\s*{_NAME})*)"
    rf"(?:[\s、，,]*{_HELPER}[^（）()]{{0,40}})?\s*[)）]")
_REPORTER_WORD = re.compile(_REPORTER)
_CREDIT_LEAD = 40  # characters of the first line before its credit (the dateline)
_DATELINE = re.compile(r"(?:^|讯|訊|电|電|消息|报道|報道)\s*$")  # 本报讯, 新华社北京3月1日电
_NORM = re.compile(r"[\W_]+")
META_RULES = ("byline", "dateline", "source_line", "editor")


@dataclass
class Filtered:
    kept: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


def normalized(text: str) -> str:
    """Text reduced to letters and digits, for comparing titles with lines."""
    return _NORM.sub("", unicodedata.normalize("NFKC", text)).lower()


def reads_like(text: str, key: str) -> bool:
    """Whether normalized `text` reads like the normalized title `key` (one holds the other)."""
    return len(text) >= 4 and bool(key) and (text in key or key in text)


def is_prose(line: str) -> bool:
    return len(line) >= 30 and _PROSE_PUNCT.search(line) is not None


_SENTENCE_END = re.compile(r"[。！？.][」』”’\"')）]*$")


def _section_end(lines: list[str], start: int) -> int:
    """Index after a related-links section: the heading and the short lines after it, up to
    a sentence (headlines end without a full stop; a quotation ends with one inside its mark)."""
    end = start + 1
    while end < len(lines) and len(lines[end]) < 50 and not _SENTENCE_END.search(lines[end]):
        end += 1
    return end


def _cut_sections(lines: list[str], verbatim: frozenset[str]) -> tuple[list[str], list[tuple[str, str]]]:
    kept: list[str] = []
    removed: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line in verbatim:
            kept.append(line)
            i += 1
            continue
        if len(line) <= 30 and i >= min(len(lines) // 2, 3) and COMMENT_HEAD.search(line):
            removed.extend(("comments", ln) for ln in lines[i:])
            break
        if len(line) <= 60 and i >= max(len(lines) // 2, 3) and END_MATTER.search(line):
            removed.extend(("end_matter", ln) for ln in lines[i:])
            break
        if len(line) <= 30 and i > 0 and SECTION_HEAD.search(line):
            end = _section_end(lines, i)
            removed.extend(("related", ln) for ln in lines[i:end])
            i = end
            continue
        kept.append(line)
        i += 1
    return kept, removed


def lift_meta(meta: dict[str, str], line: str) -> None:
    """Add the date, author and source a byline names to `meta` (first found wins)."""
    if "published" not in meta and (date := find_date(line)):
        meta["published"] = date
    if "author" not in meta and (m := _AUTHOR.search(line)):
        meta["author"] = m.group(1).strip()
    if "source" not in meta and (m := _SOURCE.search(line)):
        meta["source"] = m.group(1)


def filter_lines(lines: list[str], title: str | None = None, sections: bool = True,
                 verbatim: frozenset[str] = frozenset()) -> Filtered:
    """Drop boilerplate lines by rule; lift author, date and source out of bylines.

    `sections=False` keeps related-links and comment headings (a post's own lines). Lines in
    `verbatim` (code) are never judged: "tags:" in a YAML listing is no tag line.
    """
    lines, cut = _cut_sections(lines, verbatim) if sections else (lines, [])
    out = Filtered(removed=cut)
    rules = [None if line in verbatim else line_rule(line, edge=False) for line in lines]
    prose = [i for i, line in enumerate(lines) if rules[i] is None and is_prose(line)]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    key = normalized(title) if title else None
    for i, line in enumerate(lines):
        rule = rules[i]
        at_edge = (i < first or i > last) and line not in verbatim
        if rule is None and at_edge:
            rule = _edge_rule(line, lines[i - 1] if i > 0 else None)
        if rule is None and key and line not in verbatim and _is_title(line, key, at_edge):
            rule = "title"
        if rule is None:
            out.kept.append(line)
            continue
        out.removed.append((rule, line))
        if rule in META_RULES:
            lift_meta(out.meta, line)
    return out


def reporters(lines: list[str]) -> str | None:
    """The reporters a bracketed credit names right after the first line's dateline (or at
    its start) or at the end of the last line. The text keeps the credit: it belongs to the
    dateline or the last sentence."""
    if not lines:
        return None
    found = _CREDIT.search(lines[0], 0, _CREDIT_LEAD + 120)
    if found is None or found.start() > _CREDIT_LEAD or not _DATELINE.search(lines[0], 0, found.start()):
        last = lines[-1].rstrip()
        found = _CREDIT.search(last, max(0, len(last) - 120))
        if found is not None and found.end() != len(last):
            found = None
    return " ".join(_REPORTER_WORD.sub(" ", found.group(1)).split()) if found is not None else None


_EDGE_RULES = tuple(rule for rule in RULES if rule.edge)


def _edge_rule(line: str, before: str | None) -> str | None:
    """`line_rule(line, edge=True)` for a line no other rule matched: only the edge rules are
    left to try (same answer, half the matching on pages of short lines). None when the rule
    found does not follow the line `before` (its `not_after`)."""
    rule = next((rule for rule in _EDGE_RULES if rule.matches(line)), None)
    if rule is None or before is not None and rule.not_after is not None and rule.not_after.search(before):
        return None
    return rule.id


def _is_title(line: str, key: str, at_edge: bool) -> bool:
    if len(line) > 2 * len(key) + 20:
        return False
    norm = normalized(line)
    if not norm:
        return False
    # A part of the title at the article's edge is the headline shortened, when it is most of
    # it; a short part is a name the title holds (the issuing office under a notice).
    return norm == key or (at_edge and len(norm) >= max(6, len(key) // 2) and len(line) <= 80 and norm in key)


def _guess_title(lines: list[str]) -> str | None:
    """In plain text, the headline is a short line right after a breadcrumb or before a byline."""
    for i, line in enumerate(lines[:3]):
        if line_rule(line, edge=True):
            continue
        if len(line) > 80 or line.endswith(("。", "！", "？", ".")):
            return None
        before = line_rule(lines[i - 1], edge=True) if i > 0 else None
        after = line_rule(lines[i + 1], edge=True) if i + 1 < len(lines) else None
        if before == "breadcrumb" or after in ("byline", "dateline", "source_line"):
            return line
        return None
    return None


def extract_text(text: str, title: str | None = None) -> Extraction:
    """Main text of a plain-text or Markdown body (front matter already removed)."""
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    title = title or _guess_title(lines)
    result = filter_lines(lines, title)
    return Extraction(text="\n".join(result.kept), title=title, removed=result.removed,
                      author=result.meta.get("author") or reporters(result.kept),
                      published=result.meta.get("published"), source=result.meta.get("source"))
