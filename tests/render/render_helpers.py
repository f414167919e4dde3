"""Paths and markers the renderer's tests share (a uniquely named module, not `conftest`,
so that imports cannot pick up another folder's conftest)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
MAPS = Path(__file__).parents[2] / "maps"
UPDATE = bool(os.environ.get("ARGMAP_UPDATE_GOLDEN"))

needs_dot = [
    pytest.mark.system_graphviz,
    pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed"),
]
