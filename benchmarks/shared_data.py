"""Where the shared evaluation data and its scorers live, beside the repository."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load_module(path: Path) -> ModuleType:
    """Import a script by its path (the scorers are not a package); exits with a sentence when
    it cannot be loaded."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None or not path.exists():
        raise SystemExit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def load_tool(name: str) -> ModuleType:
    """`shared/tools/<name>.py`."""
    return load_module(SHARED / "tools" / f"{name}.py")


def module_at(revision: str, path: str) -> ModuleType:
    """The repository's module `path` (e.g. src/hanflow/decode.py) as it was at `revision`, loaded
    under the name `<stem>_at_base`, for baselines measured in the same process. Only modules
    that import nothing of hanflow that changed since can be loaded this way."""
    repo = Path(__file__).resolve().parents[1]
    source = subprocess.run(["git", "-C", str(repo), "show", f"{revision}:{path}"],
                            check=True, capture_output=True, text=True).stdout
    copy = Path(tempfile.mkdtemp()) / f"{Path(path).stem}_at_base.py"
    copy.write_text(source, encoding="utf-8")
    return load_module(copy)
