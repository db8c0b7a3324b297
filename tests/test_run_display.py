"""What people see of a run: names, progress, help, the API check, deployment parameters,
and a run with nothing new in the Prefect UI."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import shutil
import socket
import threading
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from hanflow.build import build, process_batch
from hanflow.build.planning import survey
from hanflow.build.store import read_only_state, read_sources
from hanflow.cli import app
from hanflow.dedup import DEFAULT_THRESHOLD
from hanflow.flow.names import planned_name, recount, run_name
from hanflow.flow.server import ApiUnreachable, check_api
from hanflow.progress import STOP, BatchProgress, Stopped, figures, progress_path, read_progress
from hanflow.report import summary
from hanflow.segment.backends import DEFAULT_BACKEND
from hanflow.sources import discover
from hanflow.steps import Options

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "raw"
N_RAW = sum(1 for p in RAW.rglob("*") if p.is_file())
MOMENT = dt.datetime(2026, 11, 23, 10, 0, 41, tzinfo=dt.UTC)


def test_names_say_when_and_what() -> None:
    assert run_name(MOMENT, None) == "corpus-2026-11-23T10:00 nothing new"
    assert run_name(MOMENT, 0) == "corpus-2026-11-23T10:00 +0 files"
    assert recount("corpus-2026-11-23T10:00 +37 files", 36) == "corpus-2026-11-23T10:00 +36 files"
    assert recount("corpus-2026-11-23T10:00 +3 files", None) == "corpus-2026-11-23T10:00 nothing new"


def test_the_name_before_a_run_follows_what_it_will_take_on(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(RAW, raw)
    assert planned_name(raw, out, 20_000_000, False, MOMENT).endswith(f" +{N_RAW} files")
    build(raw, out)
    assert planned_name(raw, out, 20_000_000, False, MOMENT).endswith(" nothing new")
    assert planned_name(raw, out, 20_000_000, True, MOMENT).endswith(f" +{N_RAW} files")
    (raw / "late.txt").write_text("A page that arrived after the last run, with a sentence of its own.\n")
    assert planned_name(raw, out, 20_000_000, False, MOMENT).endswith(" +1 file")
    with read_only_state(out) as (conn, known):
        found = survey(conn, known, raw, 20_000_000)
    assert [i.source for i in found.todo] == ["late.txt"] and found.unchanged == N_RAW


def test_a_look_at_a_folder_without_state_changes_nothing(tmp_path: Path) -> None:
    assert read_sources(tmp_path / "never-written") == {}
    assert not (tmp_path / "never-written").exists()


def test_batches_tell_their_progress_document_by_document(tmp_path: Path) -> None:
    items = list(discover(RAW, 20_000_000))[:5]
    heard: list[int] = []
    result = process_batch(0, items, Options(), tmp_path, "run-00001", {i.source: "run-00001" for i in items},
                           heard.append)
    assert heard == [1, 2, 3, 4, 5] and len(result.files) == 5

    report = BatchProgress(progress_path(tmp_path, 3))
    report(7)
    report(8)  # within the write interval: not written yet
    assert read_progress(tmp_path) == {3: 7}
    STOP.set()
    try:
        with pytest.raises(Stopped):
            report(9)
    finally:
        STOP.clear()


def test_the_bar_shows_count_rate_and_time_left() -> None:
    assert figures(0, 400, 0.0) == "0/400"
    assert figures(100, 400, 10.0) == "100/400 · 10.0 docs/s · 30 s left"
    assert figures(100, 10_000, 10.0) == "100/10000 · 10.0 docs/s · 16 min left"


def test_help_keeps_square_brackets_and_every_default() -> None:
    run_help = CliRunner().invoke(app, ["run", "--help"], terminal_width=200).output
    assert f"[default: {DEFAULT_BACKEND}]" in run_help and "rjieba (jieba's Rust port)" in run_help
    assert "[default: (about three batches per worker)]" in run_help
    assert "[default: 20000000]" in run_help and f"[default: {DEFAULT_THRESHOLD}" in run_help
    serve_help = CliRunner().invoke(app, ["serve", "--help"], terminal_width=200).output
    for option in ("--workers", "--runner", "--config", "--user-dict", "--threshold", "--max-bytes"):
        assert option in serve_help


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_api_check_passes_a_healthy_server_and_names_a_silent_one(monkeypatch: pytest.MonkeyPatch) -> None:
    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the handler's protocol
            self.send_response(200 if self.path == "/api/health" else 404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        check_api(f"http://127.0.0.1:{server.server_port}/api")
        with pytest.raises(ApiUnreachable, match="answered HTTP 404"):
            check_api(f"http://127.0.0.1:{server.server_port}/other")
    finally:
        server.shutdown()
    url = f"http://127.0.0.1:{_free_port()}/api"
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with pytest.raises(ApiUnreachable) as caught:
        check_api(url, timeout=1)
    assert str(caught.value).startswith(f"the Prefect API at {url} does not answer")
    assert str(caught.value).endswith("prefect config unset PREFECT_API_URL")


def test_deployments_expose_every_production_option_with_its_default(tmp_path: Path) -> None:
    from hanflow.flow.deploy import deployment_parameters

    params = deployment_parameters(tmp_path / "raw", tmp_path / "out", {"workers": 2, "runner": "dask"})
    assert params == {"raw": str((tmp_path / "raw").resolve()), "out": str((tmp_path / "out").resolve()),
                      "config": "t2s", "user_dict": None, "max_bytes": 20_000_000, "batch_size": None,
                      "workers": 2, "segmenter": DEFAULT_BACKEND, "threshold": DEFAULT_THRESHOLD, "runner": "dask",
                      "dask_address": None, "doc_timeout": 120.0, "jsonl_field": "html,text"}
    with pytest.raises(ValueError, match="no parameter"):
        deployment_parameters(tmp_path, tmp_path, {"wrokers": 2})
    [deployment] = yaml.safe_load((REPO / "prefect.yaml").read_text())["deployments"]
    assert set(deployment["parameters"]) == set(params)
    assert {k: v for k, v in deployment["parameters"].items() if k not in ("raw", "out")} == {
        **{k: v for k, v in params.items() if k not in ("raw", "out")}, "workers": 1, "runner": "local"}


def test_the_summary_of_a_run_with_nothing_new_is_one_line() -> None:
    manifest = {"nothing_new": True, "raw": "raw", "counts": {"discovered": 4, "unchanged": 4}}
    assert summary(manifest, "processed") == ("nothing new: 4 files in raw, all unchanged since the last run; "
                                              "processed is as it was")


@pytest.mark.usefixtures("prefect_harness")
def test_a_run_with_nothing_new_is_named_and_reported_so_in_the_ui(tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterFlowRunId,
        FlowRunFilter,
        FlowRunFilterId,
        LogFilter,
        LogFilterFlowRunId,
    )
    from prefect.logging.handlers import APILogHandler

    from hanflow.flow.build_corpus import build_corpus

    out = tmp_path / "out"
    first = build_corpus(raw=str(RAW), out=str(out), return_state=True)
    state = build_corpus(raw=str(RAW), out=str(out), return_state=True)
    APILogHandler().flush()
    manifest = state.result()
    assert manifest["nothing_new"] and manifest["counts"]["unchanged"] == N_RAW
    assert len(list((out / "runs").glob("*.json"))) == 1  # the second run wrote nothing
    with get_client(sync_client=True) as client:
        runs = {r.id: r for r in client.read_flow_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(
            any_=[first.state_details.flow_run_id, state.state_details.flow_run_id])))}
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])))
        logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(
            any_=[first.state_details.flow_run_id])))
        task_runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(
            any_=[state.state_details.flow_run_id])))
    name = runs[state.state_details.flow_run_id].name
    assert name.startswith("corpus-") and name.endswith(" nothing new") and not task_runs
    [report] = [a for a in artifacts if a.type == "markdown"]
    assert report.data.startswith(f"# {name}\n\nNothing new: the {N_RAW} files")
    first_name = runs[first.state_details.flow_run_id].name
    assert first_name.endswith(f" +{N_RAW} files")
    beginning = [log.message for log in logs if log.message.startswith("Beginning flow run")]
    assert beginning == [f"Beginning flow run {first_name!r} for flow 'build_corpus'"]


@pytest.mark.usefixtures("prefect_harness")
def test_a_flow_run_on_a_missing_raw_folder_fails_instead_of_finding_nothing_new(tmp_path: Path) -> None:
    from hanflow.flow.build_corpus import build_corpus

    state = build_corpus(raw=str(tmp_path / "mistyped"), out=str(tmp_path / "out"), return_state=True)
    assert state.is_failed() and "the raw folder" in state.message and "does not exist" in state.message
