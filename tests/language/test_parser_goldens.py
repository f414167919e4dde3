"""Data-driven: every valid map matches its golden JSON; every invalid map its exact errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"
REPO = DATA.parents[1]
VALID = sorted((DATA / "valid").glob("*.argmap"))
INVALID = sorted((DATA / "invalid").rglob("*.expected"))


def _relative(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


@pytest.mark.parametrize("map_path", VALID, ids=[p.stem for p in VALID])
def test_valid_map_matches_its_golden_json(
    map_path: Path, in_repo: Path, golden: Callable[[Path, str], None]
) -> None:
    result = CliRunner().invoke(
        main, ["show", "--format", "json", "--indent", "2", _relative(map_path)]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    golden(map_path.with_suffix(".json"), result.stdout)


@pytest.mark.parametrize("expected", INVALID, ids=[_relative(p.parent / p.stem) for p in INVALID])
def test_invalid_map_prints_exactly_the_expected_errors(
    expected: Path, in_repo: Path, golden: Callable[[Path, str], None]
) -> None:
    map_path = expected.with_suffix(".argmap")
    result = CliRunner().invoke(main, ["show", _relative(map_path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    golden(expected, result.stderr)


def test_every_invalid_top_level_map_has_expected_errors() -> None:
    for map_path in (DATA / "invalid").glob("*.argmap"):
        assert map_path.with_suffix(".expected").exists(), map_path
