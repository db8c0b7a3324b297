"""The command-line contract: commands, help, exit codes, streams."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanflow.cli import app

RAW = Path(__file__).resolve().parents[1] / "raw"
runner = CliRunner()


@pytest.mark.parametrize("command", [[], ["run"], ["extract"], ["convert"], ["segment"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_extract_prints_main_text() -> None:
    result = runner.invoke(app, ["extract", str(RAW / "news" / "city-bikes.html")])
    assert result.exit_code == 0
    assert result.output.startswith("江畔市交通运输局昨天发布消息")
    assert "ICP" not in result.output


def test_extract_json_keeps_the_original_script() -> None:
    result = runner.invoke(app, ["extract", "--json", str(RAW / "news" / "mountain-railway.big5.html")])
    fields = json.loads(result.output)
    assert set(fields) == {"title", "author", "published", "url", "page_type", "text"}
    assert fields["page_type"] == "article"
    assert "鐵道局" in fields["text"]


def test_extract_explains_removals() -> None:
    result = runner.invoke(app, ["extract", "--json", "--explain", str(RAW / "news" / "city-bikes.html")])
    removed = json.loads(result.output)["removed"]
    assert removed and all(set(r) == {"rule", "text"} for r in removed)


def test_extract_missing_file_says_so() -> None:
    result = runner.invoke(app, ["extract", "no-such-file.html"])
    assert result.exit_code == 2 and "cannot read" in result.output


def test_convert_reads_stdin() -> None:
    result = runner.invoke(app, ["convert"], input="鐵道觀光列車\n首週載客\n")
    assert result.exit_code == 0 and result.output == "铁道观光列车\n首周载客\n"


def test_convert_rejects_unknown_config() -> None:
    result = runner.invoke(app, ["convert", "--config", "x2y"])
    assert result.exit_code == 2 and "unknown OpenCC config" in result.output


def test_segment_one_line_per_line() -> None:
    result = runner.invoke(app, ["segment"], input="共享单车新规下月实施\n\nGPT-4o 很快\n")
    lines = result.stdout.split("\n")
    assert result.exit_code == 0 and len(lines) == 4 and lines[1] == ""
    assert lines[0].replace(" ", "") == "共享单车新规下月实施"
    assert lines[0].split("  ")[:2] == ["共享", "单车"]
    assert "GPT-4o" in lines[2].split("  ")


def test_run_on_missing_raw_folder_explains(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "does not exist" in result.output


@pytest.mark.parametrize("which", ["--raw", "--out"])
def test_run_given_a_file_for_a_folder_explains(tmp_path: Path, which: str) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    folders = {"--raw": str(tmp_path / "raw"), "--out": str(tmp_path / "o"), which: str(tmp_path / "a-file")}
    result = runner.invoke(app, ["run", *[x for kv in folders.items() for x in kv]])
    assert result.exit_code == 2 and f"{which} {tmp_path / 'a-file'} is a file, not a folder" in result.output
    assert "Errno" not in result.output and "Traceback" not in result.output
