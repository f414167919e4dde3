"""Fixtures for the renderer's tests: an isolated module cache and a small map."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

import argmap
from argmap.model import ArgumentMap
from argmap.render.embedded import CACHE_ENV

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
