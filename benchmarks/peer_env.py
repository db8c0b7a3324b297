"""Throw-away environments for the libraries hanflow is measured against.

Made with the project's uv under `.bench/` and never in the project's venv: the official C++
`opencc` binding and opencc-python-reimplemented both provide the module `opencc`, and
datatrove pins its own trafilatura. Versions are pinned so that runs compare alike.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UV = REPO / ".uv" / "bin" / "uv"
ENVS = {
    # the fastest well-kept library per stage
    "limits": ["resiliparse==2.0.1", "opencc==1.4.2", "rjieba==0.2.2", "trafilatura==2.3.1"],
    # the datatrove pipeline peer: datatrove's trafilatura needs lxml_html_clean, its MinHash
    # tokenizer for Chinese needs spaCy (with jieba), JsonlWriter needs orjson
    "datatrove": ["datatrove[processing]==0.10.1", "lxml_html_clean==0.4.6", "spacy==3.8.18", "jieba==0.42.1",
                  "opencc==1.4.2", "orjson==3.13.0"],
}


def python(name: str) -> Path:
    """The interpreter of environment `name`, made (or brought up to its package list) first."""
    folder = REPO / ".bench" / f"venv-{name}"
    marker, wanted = folder / ".packages", "\n".join(ENVS[name])
    exe = folder / "bin" / "python"
    if exe.exists() and marker.exists() and marker.read_text() == wanted:
        return exe
    try:
        subprocess.run([str(UV), "venv", "-q", "--allow-existing", "--python", "3.11", str(folder)], check=True)
        subprocess.run([str(UV), "pip", "install", "-q", "--python", str(exe), *ENVS[name]], check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise SystemExit(f"could not make the benchmark environment {folder} ({exc}); "
                         f"run `make .venv/.synced` first so that {UV} exists") from exc
    marker.write_text(wanted)
    return exe
