"""JSON Schemas of what hanflow emits."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any


@lru_cache(maxsize=4)
def load(name: str) -> dict[str, Any]:
    """`record`, `duplicate` or `reject`."""
    return json.loads(files(__package__).joinpath(f"{name}.schema.json").read_text("utf-8"))
