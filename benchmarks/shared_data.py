"""Where the shared evaluation data and its scorers live, beside the repository."""

from __future__ import annotations

import importlib.util
import sys
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
