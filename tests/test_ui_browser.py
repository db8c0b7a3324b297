"""The Prefect UI shows a hanflow run and its artifacts (headless Chromium; skipped without it)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

RAW = Path(__file__).resolve().parents[1] / "raw"
BIN = Path(sys.executable).parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="headless Chromium and chromedriver are not installed"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(api: str, server: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the Prefect server exited with code {server.returncode}")
        try:
            if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    pytest.fail("the Prefect server did not answer within 90 s")


@pytest.fixture
def prefect_server(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """`prefect server start` on a free loopback port, with its own home folder and database."""
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_API_HOST="127.0.0.1", PREFECT_SERVER_API_PORT=str(port), PREFECT_UI_API_URL=api)
    log = open(tmp_path / "server.log", "wb")  # noqa: SIM115 - closed after the server stops
    server = subprocess.Popen([str(BIN / "prefect"), "server", "start"], env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    try:
        _wait_healthy(api, server)
        yield api, {**env, "PREFECT_API_URL": api}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _chromium(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)


def _wait_for_text(driver, texts: list[str], timeout: float = 60.0) -> str:
    from selenium.webdriver.common.by import By

    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        body = driver.find_element(By.TAG_NAME, "body").text
        if all(t in body for t in texts):
            return body
        time.sleep(0.5)
    pytest.fail(f"the page never showed {texts}; it showed:\n{body[:2000]}")


def _click_tab(driver, label: str) -> None:
    from selenium.webdriver.common.by import By

    tabs = [e for e in driver.find_elements(By.CSS_SELECTOR, "[role=tablist] > *")
            if e.is_displayed() and e.text.strip() == label]
    assert tabs, f"no {label!r} tab on the page"
    tabs[0].click()


def test_flow_run_page_shows_the_run_and_its_artifacts(prefect_server: tuple[str, dict[str, str]],
                                                        tmp_path: Path) -> None:
    api, env = prefect_server
    done = subprocess.run([str(BIN / "hanflow"), "run", "--raw", str(RAW), "--out", str(tmp_path / "out")],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    [flow_run] = httpx.post(f"{api}/flow_runs/filter", json={}, timeout=10).json()
    name = flow_run["name"]
    n_raw = sum(1 for p in RAW.rglob("*") if p.is_file())
    assert name.startswith("corpus-") and name.endswith(f"+{n_raw} files")
    ui = api.removesuffix("/api")
    artifacts = {a["key"]: a["id"] for a in httpx.post(f"{api}/artifacts/filter", json={}, timeout=10).json()}

    driver = _chromium(tmp_path / "chromium-profile")
    try:
        driver.get(f"{ui}/runs/flow-run/{flow_run['id']}")
        _wait_for_text(driver, [name, "Completed", "plan", "emit"])
        driver.save_screenshot(str(tmp_path / "flow-run.png"))
        _click_tab(driver, "Artifacts")
        _wait_for_text(driver, ["hanflow-counts", "hanflow-report", f"{n_raw} of {n_raw} documents"])
        driver.save_screenshot(str(tmp_path / "flow-run-artifacts.png"))
        driver.get(f"{ui}/artifacts/artifact/{artifacts['hanflow-counts']}")
        _wait_for_text(driver, ["files found", "kept records", "lines removed by rule"])
        driver.save_screenshot(str(tmp_path / "counts-artifact.png"))
        driver.get(f"{ui}/artifacts/artifact/{artifacts['hanflow-report']}")
        _wait_for_text(driver, ["Script and language mix", "Duplicate clusters", "reposts/city-bikes-repost.html"])
        driver.save_screenshot(str(tmp_path / "report-artifact.png"))
    finally:
        driver.quit()
    assert all((tmp_path / f).stat().st_size > 10_000
               for f in ("flow-run.png", "flow-run-artifacts.png", "counts-artifact.png", "report-artifact.png"))
