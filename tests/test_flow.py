"""The build_corpus flow under a real (temporary) Prefect server."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanflow.build import build
from tests.helpers import output_bytes

RAW = Path(__file__).resolve().parents[1] / "raw"


@pytest.mark.usefixtures("prefect_harness")
def test_flow_output_equals_the_in_process_build(tmp_path: Path) -> None:
    from hanflow.flow.build_corpus import build_corpus

    manifest = build_corpus(raw=str(RAW), out=str(tmp_path / "flow"), batch_size=4)
    assert manifest["counts"]["kept"] == 8 and manifest["inputs"]["batches"] == 3
    build(RAW, tmp_path / "plain")
    assert output_bytes(tmp_path / "flow") == output_bytes(tmp_path / "plain")


@pytest.mark.usefixtures("prefect_harness")
def test_flow_run_records_one_task_run_per_stage_and_batch(tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client

    from hanflow.flow.build_corpus import build_corpus

    state = build_corpus(raw=str(RAW), out=str(tmp_path / "out"), batch_size=6, return_state=True)
    assert state.is_completed()
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs()
        names = sorted(r.name for r in runs if r.flow_run_id == state.state_details.flow_run_id)
    assert [n for n in names if n.startswith("process batch")] == ["process batch 0", "process batch 1"]
    assert any(n.startswith("plan") for n in names) and any(n.startswith("emit") for n in names)
