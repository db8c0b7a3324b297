"""Operating hanflow: schedules, incremental runs, artifacts, failed batches, the Dask runner."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hanflow import build as core
from hanflow.build import batch_sizes, build, planning
from hanflow.build.store import Store
from hanflow.report import run_report, stage_counts
from tests.helpers import output_bytes, read_jsonl

RAW = Path(__file__).resolve().parents[1] / "raw"
N_RAW = sum(1 for p in RAW.rglob("*") if p.is_file())

NEW_PAGES = {
    "news/ferry-timetable.html": (
        "<html><head><title>渡轮夏季时刻表调整</title></head><body><article>"
        "<p>港务部门宣布，从下个月起，往返两岸的渡轮在周末增开夜班，末班船推迟到晚上十一点。</p>"
        "<p>码头候船室同时延长开放时间，并增设自助售票机，方便夜间出行的旅客购票。</p>"
        "</article></body></html>"),
    "en/orchard-cooperative.txt": (
        "The orchard cooperative on the north slope finished its apple harvest a week early this year.\n"
        "Members sorted the fruit in the old school hall and sent the best crates to the Saturday market.\n"),
}


def _raw_copy(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    return raw


def _add_pages(raw: Path) -> None:
    for name, text in NEW_PAGES.items():
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).write_text(text, encoding="utf-8")


def _flow_run_artifacts(flow_run_id: UUID) -> dict[str, object]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    return {a.type: a for a in found}


@given(st.integers(0, 200_000), st.integers(1, 64))
def test_batches_cover_the_run_in_tens_of_bounded_task_runs(n_files: int, workers: int) -> None:
    sizes = batch_sizes(n_files, workers)
    assert sum(sizes) == n_files
    assert all(0 < size <= planning.MAX_BATCH for size in sizes)
    assert all(size >= planning.MIN_BATCH for size in sizes[:-1])
    full_batches = -(-n_files // planning.MAX_BATCH)
    if workers == 1:
        assert len(sizes) <= max(planning.BATCHES_PER_WORKER, full_batches)
    else:
        assert sizes == sorted(sizes, reverse=True)
        assert len(sizes) <= full_batches + 5 * workers


def test_several_workers_finish_on_short_batches() -> None:
    sizes = batch_sizes(20_000, 2)
    assert sizes[0] == planning.MAX_BATCH and sizes[-2] <= planning.MAX_BATCH // 4
    assert batch_sizes(2000, 2)[-2] <= 2000 // (planning.TAIL_SHARE * 2)


def test_run_name_says_when_and_how_many() -> None:
    from hanflow.flow.ui import run_name

    assert run_name("2026-11-23T10:00:41+00:00", 37) == "corpus-2026-11-23T10:00 +37 files"
    assert run_name("2026-11-23T10:00:41+00:00", 1) == "corpus-2026-11-23T10:00 +1 file"


def test_deployment_needs_exactly_one_schedule(tmp_path: Path) -> None:
    from hanflow.flow.deploy import corpus_deployment

    with pytest.raises(ValueError, match="exactly one"):
        corpus_deployment(tmp_path, tmp_path / "out")
    with pytest.raises(ValueError, match="exactly one"):
        corpus_deployment(tmp_path, tmp_path / "out", cron="0 * * * *", interval=60)
    with pytest.raises(ValueError, match="positive"):
        corpus_deployment(tmp_path, tmp_path / "out", interval=0)


def test_interval_deployment_has_the_interval(tmp_path: Path) -> None:
    from hanflow.flow.deploy import corpus_deployment

    deployment = corpus_deployment(tmp_path / "raw", tmp_path / "out", interval=900)
    [schedule] = deployment.schedules
    assert schedule.schedule.interval == dt.timedelta(seconds=900)


@pytest.mark.usefixtures("prefect_harness")
def test_served_deployment_has_the_schedule_parameters_and_one_run_at_a_time(tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client

    from hanflow.flow.deploy import corpus_deployment

    deployment = corpus_deployment(tmp_path / "raw", tmp_path / "out", cron="0 * * * *", name="hourly-test")
    deployment_id = deployment.apply()
    with get_client(sync_client=True) as client:
        stored = client.read_deployment(deployment_id)
    [schedule] = stored.schedules
    assert schedule.schedule.cron == "0 * * * *" and schedule.active
    assert stored.parameters["raw"] == str((tmp_path / "raw").resolve())
    assert stored.parameters["out"] == str((tmp_path / "out").resolve())
    assert stored.entrypoint == "hanflow.flow.build_corpus.build_corpus"
    assert stored.global_concurrency_limit.limit == 1
    assert stored.concurrency_options.collision_strategy == "ENQUEUE"
    assert {"hanflow", "corpus"} <= set(stored.tags)


@pytest.mark.usefixtures("prefect_harness")
def test_incremental_runs_emit_only_what_is_new(tmp_path: Path) -> None:
    from hanflow.flow.build_corpus import build_corpus

    raw, out = _raw_copy(tmp_path), tmp_path / "out"
    first = build_corpus(raw=str(raw), out=str(out))
    before = output_bytes(out)
    second = build_corpus(raw=str(raw), out=str(out))
    assert second["counts"] == {**second["counts"], "processed": 0, "kept": 0, "duplicates": 0, "rejects": 0,
                                "unchanged": first["counts"]["discovered"]}
    assert output_bytes(out) == before and second["shards"] == {"corpus": [], "duplicates": [], "rejects": []}

    _add_pages(raw)
    third = build_corpus(raw=str(raw), out=str(out))
    after = output_bytes(out)
    assert {k: v for k, v in after.items() if k in before} == before
    added = {k: v for k, v in after.items() if k not in before}
    assert sorted(added) == ["corpus/" + third["shards"]["corpus"][0]]
    new_sources = sorted(r["source"] for r in read_jsonl(out, "corpus") if f"corpus/{r['source']}" not in before
                         and r["source"] in NEW_PAGES)
    assert new_sources == sorted(NEW_PAGES) and third["counts"]["processed"] == len(NEW_PAGES)


@pytest.mark.usefixtures("prefect_harness")
def test_run_is_named_tagged_and_has_artifacts_with_the_counts(tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client

    from hanflow.flow.build_corpus import build_corpus

    out = tmp_path / "out"
    state = build_corpus(raw=str(RAW), out=str(out), batch_size=4, return_state=True)
    manifest = state.result()
    flow_run_id = state.state_details.flow_run_id
    with get_client(sync_client=True) as client:
        flow_run = client.read_flow_run(flow_run_id)
    assert flow_run.name.startswith("corpus-") and flow_run.name.endswith(f" +{N_RAW} files")
    assert {"hanflow", "incremental", "runner:local"} <= set(flow_run.tags)

    artifacts = _flow_run_artifacts(flow_run_id)
    assert set(artifacts) == {"table", "markdown", "progress"}
    rows = {(r["stage"], r["measure"]): r["count"] for r in _table_rows(artifacts["table"].data)}
    rejects = read_jsonl(out, "rejects")
    assert rows[("emit", "kept records")] == len(read_jsonl(out, "corpus")) > 0
    assert rows[("deduplicate", "duplicates")] == len(read_jsonl(out, "duplicates")) > 0
    assert rows[("reject", "rejects")] == len(rejects) > 0
    for reason in {r["reason"] for r in rejects}:
        assert rows[("reject", f"reason: {reason}")] == sum(r["reason"] == reason for r in rejects)
    batches = -(-N_RAW // 4)
    assert rows[("process", "batches")] == batches and rows[("discover", "files found")] == N_RAW
    assert artifacts["markdown"].data == run_report(out, manifest)
    assert float(artifacts["progress"].data) == 100.0
    assert artifacts["progress"].description == f"{N_RAW} of {N_RAW} documents, {batches} of {batches} batches"


def _table_rows(data: object) -> list[dict]:
    import json

    return json.loads(data) if isinstance(data, str) else data


@pytest.mark.usefixtures("prefect_harness")
def test_a_failed_batch_fails_the_run_and_the_rerun_does_only_that_batch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect import task

    from hanflow.flow import build_corpus as flow_module
    from hanflow.flow.build_corpus import build_corpus

    out = tmp_path / "out"
    real = core.process_batch

    def broken_second_batch(index: int, *args: object, **kwargs: object) -> core.BatchResult:
        if index == 1:
            raise ValueError("a document broke the batch")
        return real(index, *args, **kwargs)

    monkeypatch.setitem(flow_module.TASKS, "process", task(
        broken_second_batch, name="process-batch", task_run_name="process batch {index}", persist_result=False))
    state = build_corpus(raw=str(RAW), out=str(out), batch_size=4, return_state=True)
    assert state.is_failed() and "1 batches failed" in state.message
    committed = {r["source"] for kind in ("corpus", "duplicates", "rejects") for r in read_jsonl(out, kind)}
    assert len(committed) == N_RAW - 4

    monkeypatch.undo()
    rerun = build_corpus(raw=str(RAW), out=str(out))
    assert rerun["counts"]["processed"] == 4 and rerun["counts"]["unchanged"] == N_RAW - 4
    redone = {r["source"] for kind in ("corpus", "duplicates", "rejects") for r in read_jsonl(out, kind)}
    assert len(redone) == N_RAW and committed < redone


@pytest.mark.usefixtures("prefect_harness")
def test_a_second_run_on_a_busy_output_folder_stops_with_a_clear_message(tmp_path: Path) -> None:
    from hanflow.flow.build_corpus import build_corpus

    out = tmp_path / "out"
    build(RAW, out)
    before = output_bytes(out)
    holder = Store(out)
    try:
        with holder.lock():
            states = [build_corpus(raw=str(RAW), out=str(out), full=full, return_state=True)
                      for full in (False, True)]
    finally:
        holder.close()
    for state in states:
        assert state.is_failed() and "another hanflow run is writing to" in state.message
    assert output_bytes(out) == before and (out / "state.sqlite").exists()


@pytest.mark.usefixtures("prefect_harness")
def test_dask_runner_output_equals_the_default_runner(tmp_path: Path) -> None:
    from hanflow.flow.build_corpus import build_corpus

    manifest = build_corpus(raw=str(RAW), out=str(tmp_path / "dask"), batch_size=3, workers=2, runner="dask")
    assert manifest["inputs"]["batches"] == -(-N_RAW // 3) > 1 and manifest["runner"] == "dask"
    build(RAW, tmp_path / "plain")
    assert output_bytes(tmp_path / "dask") == output_bytes(tmp_path / "plain")


def test_stage_counts_and_report_follow_the_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    manifest = build(RAW, out, batch_size=3)
    rows = {(r["stage"], r["measure"]): r["count"] for r in stage_counts(manifest)}
    assert rows[("discover", "files found")] == N_RAW and rows[("process", "batches")] == -(-N_RAW // 3)
    assert sum(v for (s, m), v in rows.items() if m.startswith("lines removed by rule")) \
        == sum(manifest["removed_by_rule"].values()) > 0
    report = run_report(out, manifest)
    corpus = read_jsonl(out, "corpus")
    longest = max(corpus, key=lambda r: r["n_chars"])
    assert f"| {longest['n_chars']} | {longest['source']} |" in report.split("### Longest")[1]
    assert "reposts/city-bikes-repost.html" in report.split("## Duplicate clusters")[1]
    kept_hans = sum(r["script"] == "hans" for r in corpus)
    assert kept_hans < manifest["scripts"]["hans"]  # the manifest counts duplicates too; the report does not
    assert f"| hans | {kept_hans} |" in report.split("## Duplicate clusters")[0]
    keywords = report.split("## Top keywords")[1]
    assert {"### zh", "### en"} <= {line for line in keywords.splitlines() if line.startswith("### ")}


@pytest.mark.parametrize("args", [
    ["serve", "--raw", str(RAW)],
    ["serve", "--raw", str(RAW), "--cron", "0 * * * *", "--interval", "60"],
    ["run", "--raw", str(RAW), "--runner", "spark"],
    ["run", "--raw", str(RAW), "--dask-address", "tcp://127.0.0.1:8786"],
])
def test_cli_refuses_contradictory_schedules_and_runners_before_starting(args: list[str]) -> None:
    from typer.testing import CliRunner

    from hanflow.cli import app

    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "--cron" in result.output or "--runner" in result.output


def test_serve_help_shows_both_schedules() -> None:
    from typer.testing import CliRunner

    from hanflow.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "--cron" in result.output and "--interval" in result.output
