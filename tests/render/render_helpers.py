"""Paths, markers and the module-cache fixture the renderer's tests share (a uniquely named
module, not `conftest`, so that imports cannot pick up another folder's conftest)."""

from __future__ import annotations

import os
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap
from argmap.fileio import CACHE_ENV
from argmap.render.fit import PAGE_BOXES
from argmap.render.render import RenderOptions
from argmap.render.split import SplitFigure, split_map

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
MAPS = Path(__file__).parents[2] / "maps"
EXAMPLE_MAPS = [MAPS / "russia-china.argmap", MAPS / "tutorial.argmap"]
SVG = "{http://www.w3.org/2000/svg}"  # ElementTree's prefix for SVG element names
UPDATE = bool(os.environ.get("ARGMAP_UPDATE_GOLDEN"))

skip_without_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz `dot` is not installed"
)
needs_dot = [pytest.mark.system_graphviz, skip_without_dot]


@pytest.fixture(autouse=True, scope="session")
def isolated_module_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled modules go to a temporary folder, not the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("module-cache")))
        yield


@pytest.fixture(scope="session")
def a4_figures() -> dict[str, list[SplitFigure]]:
    """The example maps split to fit A4's text block, 453.5 × 700 pt (one figure when a map
    fits), drawn once for the tests that look at them, by the embedded engine (as the
    committed ones, and as `--fit a4` draws them)."""
    width, height = PAGE_BOXES["a4"]
    options = RenderOptions(fit=width, fit_height=height, engine="embedded")
    return {path.stem: split_map(argmap.load(str(path)), options) for path in EXAMPLE_MAPS}


def fan_map(premises: int, section: str | None = None) -> argmap.ArgumentMap:
    """`top` and `premises` short reasons `p1`, `p2`, ... each supporting it alone (the
    split tests' fan), under one `section` when given."""
    lines = [f"== {section} =="] if section else []
    lines.append("conclusion top: The conclusion.")
    for n in range(1, premises + 1):
        lines += [f"premise p{n}: Reason {n}.", f"p{n} -> top"]
    return argmap.parse("\n".join(lines) + "\n", "f.argmap")


def hub_of_six_text() -> str:
    """One section: a conclusion and six long reasons each supporting it alone (cut into
    several parts at small page boxes)."""
    lines = ["== Only ==",
             "conclusion top: The conclusion that all of these premises support together."]
    for n in range(1, 7):
        lines += [f"premise p{n}: Premise number {n}, a reason stated at some length here.",
                  f"p{n} -> top"]
    return "\n".join(lines) + "\n"


def png_dpi(png: bytes) -> float | None:
    """The resolution a PNG records (its pHYs chunk, in metres), in dots per inch."""
    position = 8  # after the PNG signature
    while position + 8 <= len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        if png[position + 4 : position + 8] == b"pHYs":
            x, _y, unit = struct.unpack(">IIB", png[position + 8 : position + 17])
            return x * 0.0254 if unit == 1 else None
        position += 12 + length
    return None
