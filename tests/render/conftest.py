"""Fixtures for the renderer's tests: an isolated module cache, small maps, engine markers."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap
from argmap.model import ArgumentMap
from argmap.render.embedded import CACHE_ENV

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
MAPS = Path(__file__).parents[2] / "maps"
UPDATE = bool(os.environ.get("ARGMAP_UPDATE_GOLDEN"))

needs_dot = [
    pytest.mark.system_graphviz,
    pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed"),
]

SMALL = """\
@title A small map
== Reasons ==
premise a: First reason. #alpha
  > a quote
  @note a note
assumption b: Assumed bridge. #beta
claim c: Intermediate claim.
== Thesis ==
conclusion d: The thesis.
premise x: An objection.
premise y: A rival claim.
premise u: An undercutter.

a + b -> c : together they show it
c -> d
x -| d
u -| (c -> d)
x >< y
"""


@pytest.fixture(autouse=True, scope="session")
def _isolated_module_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled modules go to a temporary folder, not the user's cache."""
    previous = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("module-cache"))
    yield
    if previous is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = previous


@pytest.fixture
def small_map() -> ArgumentMap:
    return argmap.parse(SMALL, "small.argmap")
