"""The `hanflow` command: run the flow, or use one step on its own."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from hanflow.dedup import DEFAULT_THRESHOLD

app = typer.Typer(
    help="hanflow: scraped Chinese/English pages to a clean, deduplicated, annotated JSONL corpus.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)

PREFECT_DEFAULTS = {
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # Larger task-run recorder batches let the temporary server keep up with a run's events.
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE": "50",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "50",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL": "1",
}


def _prefect_env(verbose: bool) -> None:
    """Defaults that suit a machine without internet; the user's own settings win.

    Prefect's console handler is kept to warnings unless --verbose: the run logs still reach
    the Prefect API and UI in full.
    """
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_FLOW_RUNS_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_TASK_RUNS_LEVEL", "WARNING")


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.secho(f"hanflow: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


@app.command()
def run(
    raw: Annotated[Path, typer.Option(help="Folder of scraped inputs.")] = Path("raw"),
    out: Annotated[Path, typer.Option(help="Output folder (corpus/, duplicates/, rejects/, runs/).")]
    = Path("processed"),
    config: Annotated[str, typer.Option(help="OpenCC conversion config.")] = "t2s",
    user_dict: Annotated[Path | None, typer.Option(help="jieba user dictionary for entity names.")]
    = None,
    max_bytes: Annotated[int, typer.Option(help="Per-document size limit; larger inputs are rejected.")]
    = 20_000_000,
    batch_size: Annotated[int | None, typer.Option(
        help="Documents per task run [default: about three batches per worker].")] = None,
    workers: Annotated[int, typer.Option(help="Parallel workers for the batch tasks.")] = 1,
    runner: Annotated[str, typer.Option(
        help="local (threads or processes on this machine) or dask (a Dask cluster).")] = "local",
    dask_address: Annotated[str | None, typer.Option(
        help="Scheduler of an existing Dask cluster, tcp://HOST:PORT [default: a local cluster].")]
    = None,
    segmenter: Annotated[str, typer.Option(help="jieba, or rjieba (install hanflow[fast]): same tokens, faster.")]
    = "jieba",
    threshold: Annotated[float, typer.Option(help="Near-duplicate Jaccard threshold (character 5-grams).",
                                             min=0.05, max=1.0)] = DEFAULT_THRESHOLD,
    doc_timeout: Annotated[float, typer.Option(
        help="Seconds one document may take; past it, it becomes a `timeout` reject (0: no limit).", min=0)]
    = 120.0,
    jsonl_field: Annotated[str, typer.Option(
        help="Fields of a JSON Lines export's lines that hold the page, tried in order (comma-separated).")]
    = "html,text",
    full: Annotated[bool, typer.Option("--full", help="Forget earlier runs; reprocess everything.")]
    = False,
    repair: Annotated[bool, typer.Option("--repair", help="Rebuild a damaged run state from the shards first.")]
    = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's logs on the console.")]
    = False,
) -> None:
    """Run the build_corpus flow: every new or changed file in RAW becomes a corpus record,
    a duplicate entry or a reject in OUT. Exit 0 when the run completed (rejects included)."""
    if not raw.is_dir():
        raise _fail(f"the raw folder {raw} does not exist; create it or pass --raw DIR")
    if user_dict is not None and not user_dict.is_file():
        raise _fail(f"the user dictionary {user_dict} does not exist")
    if runner not in ("local", "dask") or (dask_address and runner != "dask"):
        raise _fail("--runner is local or dask; --dask-address needs --runner dask")
    _check_backends(config, segmenter)
    if not jsonl_field.strip(" ,"):
        raise _fail("--jsonl-field names no field; give one or more, separated by commas (e.g. html,text)")
    if repair and full:
        raise _fail("give --repair or --full, not both: --full starts over, --repair keeps the output")
    _preflight(out, full, repair, threshold)
    _prefect_env(verbose)
    from hanflow.build.store import LockedError
    from hanflow.flow.build_corpus import build_corpus, task_runner
    from hanflow.flow.recording import wait_until_recorded

    flow = build_corpus.with_options(task_runner=task_runner(workers, runner, dask_address))
    state = flow(raw=str(raw), out=str(out), config=config,
                 user_dict=str(user_dict) if user_dict else None, max_bytes=max_bytes,
                 batch_size=batch_size, workers=workers, runner=runner, full=full, segmenter=segmenter,
                 threshold=threshold, doc_timeout=doc_timeout, jsonl_field=jsonl_field, return_state=True)
    try:
        manifest = state.result()
    except LockedError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"the run could not complete: {exc}; earlier output in {out} is intact") from None
    except Exception as exc:  # noqa: BLE001 - a failed flow run is reported, not dumped
        wait_until_recorded(state.state_details.flow_run_id, 1, timeout=10)
        raise _fail(f"the run failed ({type(exc).__name__}: {exc}); earlier output in {out} is intact; "
                    "rerun with --verbose for Prefect's logs", 1) from None
    wait_until_recorded(state.state_details.flow_run_id, manifest["inputs"]["batches"] + 3)
    typer.echo(summary(manifest, out))


@app.command()
def serve(
    raw: Annotated[Path, typer.Option(help="Folder that new scraped inputs arrive in.")] = Path("raw"),
    out: Annotated[Path, typer.Option(help="Output folder each scheduled run adds to.")] = Path("processed"),
    cron: Annotated[str | None, typer.Option(help='Cron schedule, e.g. "0 * * * *" for hourly.')] = None,
    interval: Annotated[float | None, typer.Option(help="Run every this many seconds.")] = None,
    name: Annotated[str, typer.Option(help="Deployment name shown in the Prefect UI.")] = "hanflow-scheduled",
    timezone: Annotated[str, typer.Option(help="Time zone of the cron schedule.")] = "UTC",
) -> None:
    """Serve build_corpus as a Prefect deployment on a schedule (runs until stopped with Ctrl-C).

    Each scheduled run is incremental: only files new or changed in RAW since the last
    successful run are processed. Needs a Prefect server (PREFECT_API_URL), e.g.
    `prefect server start`."""
    if (cron is None) == (interval is None):
        raise _fail("give exactly one of --cron EXPRESSION or --interval SECONDS")
    if not raw.is_dir():
        raise _fail(f"the raw folder {raw} does not exist; create it or pass --raw DIR")
    _prefect_env(verbose=True)
    from prefect import serve as prefect_serve

    from hanflow.flow.deploy import corpus_deployment

    try:
        deployment = corpus_deployment(raw, out, cron=cron, interval=interval, name=name,
                                       timezone=timezone)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    prefect_serve(deployment)


def _preflight(out: Path, full: bool, repair: bool, threshold: float) -> None:
    """Before Prefect starts: refuse a busy output folder or a damaged state in a sentence, and
    rebuild the state first with --repair."""
    from hanflow.build.repair import repair as rebuild
    from hanflow.build.store import LockedError, StateError, Store, output_lock

    if full or not out.exists():
        return
    try:
        with output_lock(out):
            if repair:
                typer.echo(f"hanflow: {rebuild(out, threshold).summary()}", err=True)
            store = Store(out, locked=True)
            try:
                store.recover()
                store.check()
            finally:
                store.close()
    except (LockedError, StateError) as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"the run could not complete: {exc}; earlier output in {out} is intact") from None


def _check_backends(config: str, segmenter: str) -> None:
    """Fail before the run starts, not once per document."""
    from hanflow.normalize import CONFIGS
    from hanflow.segment.backends import BACKENDS

    if config not in CONFIGS:
        raise _fail(f"unknown OpenCC config {config!r}; choose one of {', '.join(CONFIGS)}")
    if segmenter not in BACKENDS:
        raise _fail(f"unknown segmenter {segmenter!r}; choose one of {', '.join(BACKENDS)}")
    if segmenter == "rjieba" and importlib.util.find_spec("rjieba") is None:
        raise _fail("the rjieba segmenter is not installed; install it with: pip install 'hanflow[fast]'")


def summary(manifest: dict, out: Path) -> str:
    c = manifest["counts"]
    lines = [
        f"run {manifest['run_id']}: {c['discovered']} files, {c['unchanged']} unchanged, "
        f"{c['processed']} processed in {manifest['duration_s']:.1f} s",
        f"  kept {c['kept']}  duplicates {c['duplicates']}  rejects {c['rejects']}",
    ]
    if manifest["rejects_by_reason"]:
        lines.append("  rejects: " + ", ".join(f"{k} {v}" for k, v in manifest["rejects_by_reason"].items()))
    if manifest["removed_by_rule"]:
        lines.append("  removed boilerplate: "
                     + ", ".join(f"{k} {v}" for k, v in manifest["removed_by_rule"].items()))
    lines.append(f"  output: {out}/corpus, {out}/duplicates, {out}/rejects; "
                 f"manifest {out}/runs/{manifest['run_id']}.json")
    return "\n".join(lines)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="An HTML, text or Markdown file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print metadata and text as one JSON object.")]
    = False,
    explain: Annotated[bool, typer.Option("--explain", help="Also print removed lines with rule ids.")]
    = False,
) -> None:
    """Print the cleaned main text of FILE, one paragraph per line (no script conversion)."""
    from hanflow.decode import DecodeError
    from hanflow.extract.files import extract_file

    try:
        ex = extract_file(file)
    except OSError as exc:
        raise _fail(f"cannot read {file}: {exc.strerror or exc}") from None
    except DecodeError as exc:
        raise _fail(f"{file}: {exc.detail} ({exc.reason})", 1) from None
    if as_json:
        fields = {k: getattr(ex, k) for k in ("title", "author", "published", "url", "text")}
        if explain:
            fields["removed"] = [{"rule": r, "text": t} for r, t in ex.removed]
        typer.echo(json.dumps(fields, ensure_ascii=False, indent=2))
        return
    if ex.text:
        typer.echo(ex.text)
    if explain:
        for rule, text in ex.removed:
            typer.echo(f"[removed:{rule}] {text}", err=True)


@app.command()
def convert(
    config: Annotated[str, typer.Option(help="OpenCC config: t2s, tw2s, hk2s, s2t, ...")] = "t2s",
) -> None:
    """Convert standard input to standard output (traditional to simplified by default)."""
    from hanflow.normalize import get_converter

    try:
        converter = get_converter(config)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    for line in sys.stdin:
        end = "\n" if line.endswith("\n") else ""
        sys.stdout.write(converter.convert(line.rstrip("\n")) + end)


@app.command()
def segment(
    user_dict: Annotated[Path | None, typer.Option(help="jieba user dictionary (jieba's format).")]
    = None,
    segmenter: Annotated[str, typer.Option(help="jieba, or rjieba (install hanflow[fast]).")] = "jieba",
) -> None:
    """Segment standard input: each line becomes one line of tokens separated by two spaces
    (the SIGHAN bakeoff format; a multi-word name such as "Windows 11" keeps its one space)."""
    from hanflow.segment import Segmenter
    from hanflow.steps import quiet_jieba

    quiet_jieba()
    if user_dict is not None and not user_dict.is_file():
        raise _fail(f"the user dictionary {user_dict} does not exist")
    try:
        seg = Segmenter(user_dict, backend=segmenter)
    except ValueError as exc:
        raise _fail(f"{exc}; install it with: pip install 'hanflow[fast]'") from None
    for line in sys.stdin:
        sys.stdout.write("  ".join(seg.tokenize(line.rstrip("\n"))) + "\n")


def main() -> None:
    app()
