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
from hanflow.segment.backends import DEFAULT_BACKEND

app = typer.Typer(
    help="hanflow: scraped Chinese/English pages to a clean, deduplicated, annotated JSONL corpus.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
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
    from hanflow.progress import clear_status

    clear_status()
    typer.secho(f"hanflow: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


# The options a production run is given, shared by `run` and `serve` (which makes them the
# parameters of its deployment).
Config = Annotated[str, typer.Option(help="OpenCC conversion config (t2s, tw2s, hk2s, ...).")]
UserDict = Annotated[Path | None, typer.Option(help="jieba user dictionary with entity names.")]
MaxBytes = Annotated[int, typer.Option(help="Per-document size limit; larger inputs are rejected.")]
BatchSize = Annotated[int | None, typer.Option(
    help="Documents per task run.", show_default="about three batches per worker")]
Workers = Annotated[int, typer.Option(help="Parallel worker processes for the batches.", min=1)]
Runner = Annotated[str, typer.Option(help="local (threads or processes on this machine) or dask (a Dask cluster).")]
DaskAddress = Annotated[str | None, typer.Option(
    help="Scheduler of an existing Dask cluster, tcp://HOST:PORT.", show_default="a local cluster")]
Segmenter = Annotated[str, typer.Option(help="rjieba (jieba's Rust port) or jieba: the same tokens; rjieba is faster.")]
Threshold = Annotated[float, typer.Option(help="Near-duplicate Jaccard threshold (character 5-grams).",
                                          min=0.05, max=1.0)]
DocTimeout = Annotated[float, typer.Option(
    help="Seconds one document may take; past it, it becomes a timeout reject (0: no limit).", min=0)]
JsonlField = Annotated[str, typer.Option(
    help="Fields of a JSON Lines export's lines that hold the page, tried in order (comma-separated).")]


def _checked(raw: Path, out: Path, user_dict: Path | None, runner: str, dask_address: str | None, config: str,
             segmenter: str) -> None:
    """Refuse what cannot work before anything starts."""
    if out.exists() and not out.is_dir():
        raise _fail(f"--out {out} is a file, not a folder; pass a folder (it is made when missing)")
    if raw.exists() and not raw.is_dir():
        raise _fail(f"--raw {raw} is a file, not a folder; pass the folder that holds the inputs")
    if not raw.is_dir():
        raise _fail(f"the raw folder {raw} does not exist; create it or pass --raw DIR")
    if user_dict is not None and not user_dict.is_file():
        raise _fail(f"the user dictionary {user_dict} does not exist")
    if runner not in ("local", "dask") or (dask_address and runner != "dask"):
        raise _fail("--runner is local or dask; --dask-address needs --runner dask")
    _check_backends(config, segmenter)


@app.command()
def run(
    raw: Annotated[Path, typer.Option(help="Folder of scraped inputs.")] = Path("raw"),
    out: Annotated[Path, typer.Option(help="Output folder (corpus/, duplicates/, rejects/, runs/).")]
    = Path("processed"),
    config: Config = "t2s",
    user_dict: UserDict = None,
    max_bytes: MaxBytes = 20_000_000,
    batch_size: BatchSize = None,
    workers: Workers = 1,
    runner: Runner = "local",
    dask_address: DaskAddress = None,
    segmenter: Segmenter = DEFAULT_BACKEND,
    threshold: Threshold = DEFAULT_THRESHOLD,
    doc_timeout: DocTimeout = 120.0,
    jsonl_field: JsonlField = "html,text",
    full: Annotated[bool, typer.Option("--full", help="Forget earlier runs; reprocess everything.")]
    = False,
    repair: Annotated[bool, typer.Option(
        "--repair", help="Rebuild a damaged run state from the shards, then run.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's logs on the console.")]
    = False,
) -> None:
    """Run the build_corpus flow: every new or changed file in RAW becomes a corpus record,
    a duplicate entry or a reject in OUT.

    A run with nothing new says so and ends at once, without starting Prefect. Exit status: 0
    the run completed (rejects included) or found nothing new; 1 it failed (earlier output
    intact); 2 it could not start (a busy output folder, an unreachable Prefect API, a bad
    option); 130 interrupted (the next run finishes it)."""
    from hanflow.progress import status

    status(f"looking for new or changed files in {raw}…")
    _checked(raw, out, user_dict, runner, dask_address, config, segmenter)
    if not jsonl_field.strip(" ,"):
        raise _fail("--jsonl-field names no field; give one or more, separated by commas (e.g. html,text)")
    if repair and full:
        raise _fail("give --repair or --full, not both: --full starts over, --repair keeps the output")
    _prefect_env(verbose)
    from hanflow.build.store import LockedError, StateError
    from hanflow.flow.launch import RunStopped, launch

    params = {"raw": str(raw), "out": str(out), "config": config,
              "user_dict": str(user_dict) if user_dict else None, "max_bytes": max_bytes,
              "batch_size": batch_size, "workers": workers, "runner": runner, "dask_address": dask_address,
              "full": full, "segmenter": segmenter, "threshold": threshold, "doc_timeout": doc_timeout,
              "jsonl_field": jsonl_field}
    try:
        code = launch(params, repair=repair)
    except LockedError as exc:
        raise _fail(str(exc)) from None
    except RunStopped as exc:
        raise _fail(str(exc), exc.code) from None
    except StateError as exc:  # the state and the shards disagree: the sentence says what to do
        raise _fail(str(exc)) from None
    except OSError as exc:  # the state cannot be read: a full disk, a folder without state
        raise _fail(f"the run could not complete: {exc}; earlier output in {out} is intact") from None
    if code:
        raise typer.Exit(code)


@app.command()
def serve(
    raw: Annotated[Path, typer.Option(help="Folder that new scraped inputs arrive in.")] = Path("raw"),
    out: Annotated[Path, typer.Option(help="Output folder each scheduled run adds to.")] = Path("processed"),
    cron: Annotated[str | None, typer.Option(help='Cron schedule, e.g. "0 * * * *" for hourly.')] = None,
    interval: Annotated[float | None, typer.Option(help="Run every this many seconds.")] = None,
    name: Annotated[str, typer.Option(help="Deployment name shown in the Prefect UI.")] = "hanflow-scheduled",
    timezone: Annotated[str, typer.Option(help="Time zone of the cron schedule.")] = "UTC",
    config: Config = "t2s",
    user_dict: UserDict = None,
    max_bytes: MaxBytes = 20_000_000,
    batch_size: BatchSize = None,
    workers: Workers = 1,
    runner: Runner = "local",
    dask_address: DaskAddress = None,
    segmenter: Segmenter = DEFAULT_BACKEND,
    threshold: Threshold = DEFAULT_THRESHOLD,
    doc_timeout: DocTimeout = 120.0,
    jsonl_field: JsonlField = "html,text",
) -> None:
    """Serve build_corpus as a Prefect deployment on a schedule (runs until stopped with Ctrl-C).

    Each scheduled run is incremental: only files new or changed in RAW since the last
    successful run are processed, and a run with nothing new is named and reported so. The
    run options become the deployment's parameters (change them in the UI for one run or
    for all). Needs a Prefect server (PREFECT_API_URL), e.g. `prefect server start`."""
    if (cron is None) == (interval is None):
        raise _fail("give exactly one of --cron EXPRESSION or --interval SECONDS")
    _checked(raw, out, user_dict, runner, dask_address, config, segmenter)
    _prefect_env(verbose=True)
    _require_api()
    from prefect import serve as prefect_serve

    from hanflow.flow.deploy import corpus_deployment

    parameters = {"config": config, "user_dict": str(user_dict.resolve()) if user_dict else None,
                  "max_bytes": max_bytes, "batch_size": batch_size, "workers": workers, "runner": runner,
                  "dask_address": dask_address, "segmenter": segmenter, "threshold": threshold,
                  "doc_timeout": doc_timeout, "jsonl_field": jsonl_field}
    try:
        deployment = corpus_deployment(raw, out, cron=cron, interval=interval, name=name,
                                       timezone=timezone, parameters=parameters)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    prefect_serve(deployment)


def _require_api() -> None:
    """A served deployment needs a server that stays: say so, or that it does not answer."""
    from prefect.settings import get_current_settings

    from hanflow.flow.server import ApiUnreachable, check_api

    url = get_current_settings().api.url
    if not url:
        raise _fail("serving a deployment needs a Prefect server: start one (prefect server start) and "
                    "point hanflow at it: prefect config set PREFECT_API_URL=http://127.0.0.1:4200/api")
    try:
        check_api(url)
    except ApiUnreachable as exc:
        raise _fail(str(exc)) from None


def _check_backends(config: str, segmenter: str) -> None:
    """Fail before the run starts, not once per document."""
    from hanflow.normalize import CONFIGS
    from hanflow.segment.backends import BACKENDS

    if config not in CONFIGS:
        raise _fail(f"unknown OpenCC config {config!r}; choose one of {', '.join(CONFIGS)}")
    if segmenter not in BACKENDS:
        raise _fail(f"unknown segmenter {segmenter!r}; choose one of {', '.join(BACKENDS)}")
    if segmenter == "rjieba" and importlib.util.find_spec("rjieba") is None:
        raise _fail("the rjieba segmenter is not installed; install it (pip install rjieba) or use --segmenter jieba")


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
    except Exception as exc:  # noqa: BLE001 - a bug on one page is a sentence, as a run's internal_error is
        raise _fail(f"{file}: extraction failed ({type(exc).__name__}: {exc}); please report it with the file",
                    1) from None
    if as_json:
        fields = {k: getattr(ex, k) for k in ("title", "author", "published", "url", "page_type", "text")}
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
    segmenter: Segmenter = DEFAULT_BACKEND,
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
        raise _fail(f"{exc}; install it with: pip install rjieba, or use --segmenter jieba") from None
    for line in sys.stdin:
        sys.stdout.write("  ".join(seg.tokenize(line.rstrip("\n"))) + "\n")


def main() -> None:
    app()
