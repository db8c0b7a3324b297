"""What a run did, for people: a table of counts per stage and a markdown report.

Both are built from the run manifest and the shards the run published, so they can be
shown by any front end (the Prefect UI shows them as artifacts of the flow run).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

EXAMPLES = 3
EXTREMES = 10
KEYWORDS = 10  # per language
# Column widths in characters, so that a table fits the page of the UI.
SOURCE_W, TITLE_W, BEGINS_W = 36, 28, 24


def stage_counts(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per stage and measure: inputs, kept, duplicates, rejects by reason, lines removed by rule."""
    c = manifest["counts"]
    rows = [
        ("discover", "files found", c["discovered"]),
        ("discover", "hidden files and folders skipped", c.get("hidden", 0)),
        ("discover", "unchanged since the last run", c["unchanged"]),
        *[("discover", label, c[key]) for key, label in _SOURCE_CHANGES if c.get(key)],
        ("process", "inputs processed", c["processed"]),
        ("process", "batches", manifest["inputs"]["batches"]),
        ("process", "bytes read", manifest["inputs"]["bytes"]),
    ]
    rows += [("reject", f"reason: {k}", v) for k, v in manifest["rejects_by_reason"].items()]
    rows.append(("reject", "rejects", c["rejects"]))
    rows += [("boilerplate", f"lines removed by rule: {k}", v)
             for k, v in manifest["removed_by_rule"].items()]
    rows += [("deduplicate", f"duplicates by method: {k}", v)
             for k, v in manifest["duplicates_by_method"].items()]
    rows.append(("deduplicate", "duplicates", c["duplicates"]))
    rows.append(("emit", "kept records", c["kept"]))
    rows.append(("emit", "shards written", sum(len(v) for v in manifest["shards"].values())))
    rows.append(("emit", "shards rewritten (copy-on-write)", len(manifest.get("shards_rewritten", []))))
    rows += [("emit", f"lines {op}", n) for op, n in manifest.get("changes", {}).items()]
    rows += [("output", f"{kind} lines after the run", n) for kind, n in manifest.get("totals", {}).items()]
    return [{"stage": s, "measure": m, "count": n} for s, m, n in rows]


_SOURCE_CHANGES = (("new", "new files"), ("changed", "changed files"), ("touched", "touched (same content)"),
                   ("renamed", "renamed files"), ("deleted", "deleted files"),
                   ("requeued", "duplicates filed again (their kept record left)"))


def read_shards(out: Path, manifest: dict[str, Any], kind: str) -> Iterator[dict[str, Any]]:
    """The lines of one kind (corpus, duplicates, rejects) that this run wrote (its shards also
    hold the lines it copied from the shards it rewrote, which carry their own run id)."""
    for name in manifest["shards"].get(kind, []):
        with open(out / kind / name, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get("run_id", manifest["run_id"]) == manifest["run_id"]:
                    yield row


def _cell(value: Any, limit: int = 60) -> str:
    text = " ".join(str(value if value is not None else "").split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def _source(path: str, limit: int = SOURCE_W) -> str:
    """A source path cut from the left, so that the file name stays."""
    return path if len(path) <= limit else "…" + path[-(limit - 1):]


def _table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _mix(title: str, counts: Counter[str]) -> str:
    total = sum(counts.values()) or 1
    rows = [[k, v, f"{100 * v / total:.1f}%"] for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return f"### {title}\n\n" + (_table([title.split()[0].lower(), "documents", "share"], rows) if rows else "none")


def _clusters(corpus: list[dict[str, Any]], duplicates: list[dict[str, Any]]) -> str:
    by_id = {r["id"]: r for r in corpus}
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in duplicates:
        groups[d["duplicate_of"]].append(d)
    if not groups:
        return "## Duplicate clusters\n\nNo duplicates in this run."
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    parts = [f"## Duplicate clusters\n\n{len(duplicates)} duplicates in {len(groups)} clusters; "
             f"the largest {min(len(ordered), EXAMPLES * 3)}:"]
    for kept_id, members in ordered[: EXAMPLES * 3]:
        kept = by_id.get(kept_id)
        head = (f"`{_source(kept['source'])}` ({_cell(kept['title'], TITLE_W)})" if kept
                else f"record `{kept_id}` of an earlier run")
        rows = [[_source(m["source"]), m["method"], m["similarity"]] for m in members[:EXAMPLES]]
        more = f"\n\n…and {len(members) - EXAMPLES} more" if len(members) > EXAMPLES else ""
        parts.append(f"**Kept:** {head}\n\n" + _table(["duplicate", "method", "similarity"], rows) + more)
    return "\n\n".join(parts)


def _extremes(corpus: list[dict[str, Any]]) -> str:
    ranked = sorted(corpus, key=lambda r: (r["n_chars"], r["source"]))
    parts = ["## Longest and shortest records"]
    for label, chosen in (("Longest", ranked[::-1][:EXTREMES]), ("Shortest", ranked[:EXTREMES])):
        rows = [[r["n_chars"], _source(r["source"]), _cell(r["title"], TITLE_W), _cell(r["text"], BEGINS_W)]
                for r in chosen]
        parts.append(f"### {label}\n\n" + (_table(["chars", "source", "title", "begins"], rows) if rows else "none"))
    return "\n\n".join(parts)


def _keywords(corpus: list[dict[str, Any]]) -> str:
    """The keywords listed by the most kept records, language by language (a Chinese and an
    English corpus share few keywords, and one would crowd the other out)."""
    by_lang: dict[str, Counter[str]] = defaultdict(Counter)
    for r in corpus:
        by_lang[r["lang"]].update(r.get("keywords") or [])
    parts = ["## Top keywords\n\nKeywords listed by the most kept records of this run, per language:"]
    for lang, counts in sorted(by_lang.items()):
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:KEYWORDS]
        parts.append(f"### {lang}\n\n" + (_table(["keyword", "records"], [list(kv) for kv in top]) if top else "none"))
    return "\n\n".join(parts) if by_lang else parts[0] + "\n\nnone"


def run_report(out: Path, manifest: dict[str, Any]) -> str:
    """The markdown report of one run: mix, duplicate clusters, extremes, keywords."""
    corpus = list(read_shards(out, manifest, "corpus"))
    duplicates = list(read_shards(out, manifest, "duplicates"))
    c = manifest["counts"]
    head = (f"# Run {manifest['run_id']}\n\n{c['discovered']} files found, {c['unchanged']} unchanged, "
            f"{c['processed']} processed in {manifest['duration_s']:.1f} s: **{c['kept']} kept**, "
            f"{c['duplicates']} duplicates, {c['rejects']} rejects.")
    mix = ("## Script and language mix of the kept records\n\n"
           + _mix("Script", Counter(r["script"] for r in corpus)) + "\n\n"
           + _mix("Language", Counter(r["lang"] for r in corpus)))
    return "\n\n".join([head, mix, _clusters(corpus, duplicates), _extremes(corpus), _keywords(corpus)]) + "\n"


def nothing_new_counts(discovered: int, unchanged: int) -> list[dict[str, Any]]:
    """The counts table of a run that found nothing new."""
    rows = [("discover", "files found", discovered), ("discover", "unchanged since the last run", unchanged),
            ("process", "inputs processed", 0)]
    return [{"stage": s, "measure": m, "count": n} for s, m, n in rows]


def nothing_new_report(name: str, raw: Path | str, discovered: int) -> str:
    return (f"# {name}\n\nNothing new: the {discovered} files in `{raw}` are all unchanged since the last "
            "run, so nothing was processed or written.\n")


def summary(manifest: dict[str, Any], out: Path | str, link: str | None = None) -> str:
    """What `hanflow run` prints when a run completed."""
    c = manifest["counts"]
    if manifest.get("nothing_new"):
        return f"nothing new: {c['discovered']} files in {manifest['raw']}, all unchanged since the last run; " \
               f"{out} is as it was"
    changed = ", ".join(f"{c[k]} {k}" for k in ("new", "changed", "renamed", "deleted", "touched") if c.get(k))
    lines = [
        f"run {manifest['run_id']}: {c['discovered']} files, {c['unchanged']} unchanged"
        + (f" ({changed})" if changed else "") + f", {c['processed']} processed in {manifest['duration_s']:.1f} s",
        f"  kept {c['kept']}  duplicates {c['duplicates']}  rejects {c['rejects']}",
    ]
    if c.get("hidden"):
        lines.append(f"  skipped {c['hidden']} hidden files and folders (names starting with \".\")")
    if manifest["rejects_by_reason"]:
        lines.append("  rejects: " + ", ".join(f"{k} {v}" for k, v in manifest["rejects_by_reason"].items()))
    if manifest["removed_by_rule"]:
        lines.append("  removed boilerplate: "
                     + ", ".join(f"{k} {v}" for k, v in manifest["removed_by_rule"].items()))
    if manifest.get("totals"):
        t = manifest["totals"]
        lines.append(f"  the output now holds: records {t['corpus']}  duplicates {t['duplicates']}  "
                     f"rejects {t['rejects']}")
    lines.append(f"  output: {out}/corpus, {out}/duplicates, {out}/rejects; "
                 f"manifest {out}/runs/{manifest['run_id']}.json"
                 + (f"; changes {out}/changes/{manifest['run_id']}.jsonl" if manifest.get("changes") else ""))
    if link:
        lines.append(f"  in the Prefect UI: {link}")
    return "\n".join(lines)
