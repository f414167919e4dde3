"""Fixtures for the renderer's tests: an isolated module cache and a small map."""

from __future__ import annotations

import pytest
from render_helpers import a4_figures, isolated_module_cache

import argmap
from argmap.model import ArgumentMap

# Imported here to apply to this folder (isolated_module_cache is autouse).
__all__ = ["a4_figures", "isolated_module_cache"]

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



@pytest.fixture
def small_map() -> ArgumentMap:
    return argmap.parse(SMALL, "small.argmap")
