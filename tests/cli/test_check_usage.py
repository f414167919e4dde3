"""check's smaller usage errors: --select/--ignore that name no rule, malformed suppression
comments; and findings over several paths sorted by file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

MAP = "premise x: X.\nconclusion c: C.\nx -> c\npremise lonely: Nobody uses this.\n"


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.argmap"
    path.write_text(MAP, encoding="utf-8")
    return path


@pytest.mark.parametrize("value", ["", ",", " , ", ",,"])
@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_option_naming_no_rule_is_a_usage_error(
    map_file: Path, option: str, value: str
) -> None:
    result = CliRunner().invoke(main, ["check", str(map_file), option, value])
    assert result.exit_code == 2
    assert f"Error: {option} names no rule; give rule codes, names or code prefixes" in (
        result.output
    )


def test_a_prefix_matching_no_rule_is_a_usage_error(map_file: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(map_file), "--select", "AM9"])
    assert result.exit_code == 2
    assert result.output == (
        'argmap check: error: no rule code starts with "AM9"; `argmap rules` lists them\n'
    )


def test_report_takes_the_same_options(map_file: Path, tmp_path: Path) -> None:
    for value in ("", "AM9"):
        result = CliRunner().invoke(
            main, ["report", str(map_file), "-o", str(tmp_path / "r.html"), "--select", value]
        )
        assert result.exit_code == 2, result.output
    assert not (tmp_path / "r.html").exists()


def test_a_valid_prefix_still_works(map_file: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(map_file), "--select", "AM1,"])
    assert result.exit_code == 0
    assert "AM105 orphan-statement" in result.output


SUPPRESSIONS = [
    ("# argmap: ignore[]", 1, "names no rule; write `# argmap: ignore[RULE, ...]`"),
    ("# argmap: ignore[ , ]", 1, "names no rule; write `# argmap: ignore[RULE, ...]`"),
    ("# argmap: ignore[orphan-statement", 1, "has no closing `]`"),
    ("# argmap:ignore orphan-statement", 1,
     "is not of the form `# argmap: ignore[RULE, ...]`"),
    ("# note # argmap: ignore[AM105", 8, "has no closing `]`"),
]


@pytest.mark.parametrize(("comment", "column", "problem"), SUPPRESSIONS,
                         ids=[s[0] for s in SUPPRESSIONS])
def test_a_malformed_suppression_is_reported_where_it_is(
    tmp_path: Path, comment: str, column: int, problem: str
) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(MAP.replace("premise lonely", comment + "\npremise lonely"), "utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    assert result.output == (
        f"argmap check: error: {path}:4:{column}: malformed suppression `{comment}` {problem}\n"
    )


def test_a_well_formed_suppression_still_silences(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    text = MAP.replace("premise lonely", "# argmap: ignore[orphan-statement]\npremise lonely")
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert (result.exit_code, result.output) == (0, "no problems in 1 file\n")


def test_findings_of_several_paths_are_sorted_by_file(tmp_path: Path) -> None:
    for name in ("b.argmap", "a.argmap", "c.argmap"):
        (tmp_path / name).write_text(MAP, encoding="utf-8")
    paths = [str(tmp_path / name) for name in ("c.argmap", "a.argmap", "b.argmap")]
    result = CliRunner().invoke(main, ["check", *paths, "--format", "json"])
    files = [Path(finding["file"]).name for finding in json.loads(result.output)]
    assert files == ["a.argmap", "b.argmap", "c.argmap"]
