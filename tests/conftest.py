"""Shared fixtures: one Prefect test harness per session, the shared evaluation data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import SHARED

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")



@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect server and database for the whole session (it takes ~20 s to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared evaluation data beside the repository; tests using it skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("the shared evaluation data folder is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared: Path) -> Path:
    path = shared / "seeds"
    if not path.is_dir():
        pytest.skip("shared/seeds is absent")
    return path
