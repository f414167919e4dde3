"""Shared fixtures of the converter tests: the corpora folder and the maps to round-trip."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
DATA = Path(__file__).parent / "data"
ROUND_TRIP_MAPS = sorted(
    [*ROOT.glob("maps/*.argmap"), *(ROOT / "tests" / "data" / "valid").glob("*.argmap"),
     *(ROOT / "tests" / "render" / "data").glob("*.argmap")]
)


def corpus(name: str) -> Path:
    """The corpus folder `name`, or skip the test where ../shared/corpora is absent."""
    folder = CORPORA / name
    if not folder.is_dir():
        pytest.skip(f"the corpus {folder} is not here (it lives in ../shared beside the clone)")
    return folder
