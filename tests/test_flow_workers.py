"""Worker processes of a flow run report to that run's Prefect API."""

from __future__ import annotations

import os

import pytest


@pytest.mark.usefixtures("prefect_harness")
def test_workers_are_pointed_at_the_runs_api_only_while_batches_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect import flow
    from prefect.context import FlowRunContext

    from hanflow.flow.build_corpus import workers_share_api

    monkeypatch.delenv("PREFECT_API_URL", raising=False)

    @flow
    def probe() -> tuple[str | None, str]:
        with workers_share_api():
            inside = os.environ.get("PREFECT_API_URL")
        return inside, str(FlowRunContext.get().client.api_url)

    inside, url = probe()
    assert inside == url
    assert "PREFECT_API_URL" not in os.environ


@pytest.mark.usefixtures("prefect_harness")
def test_a_configured_api_url_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect import flow

    from hanflow.flow.build_corpus import workers_share_api

    monkeypatch.setenv("PREFECT_API_URL", "http://example.invalid/api")

    @flow
    def probe() -> str | None:
        with workers_share_api():
            return os.environ.get("PREFECT_API_URL")

    assert probe() == "http://example.invalid/api"
    assert os.environ["PREFECT_API_URL"] == "http://example.invalid/api"
