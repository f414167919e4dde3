"""`-` as the map of `check` and `show`: standard input, named and anchored by
--stdin-filename."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.cli.common import read_stdin_map
from argmap.errors import MapFileError
from argmap.fileio import MAP_SIZE_LIMIT

REPO = Path(__file__).resolve().parents[2]
VALID = REPO / "tests" / "data" / "valid"
FULL = VALID / "full_language.argmap"


def run(args: list[str], text: str, cwd: Path | None = None) -> tuple[int, str, str]:
    before = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args, input=text)
    finally:
        os.chdir(before)
    return result.exit_code, result.stdout, result.stderr


def test_show_reads_the_map_from_stdin() -> None:
    code, out, err = run(["show", "-", "--format", "json"], (VALID / "minimal.argmap").read_text())
    assert (code, err) == (0, "")
    assert {"rain", "wet"} <= {node["id"] for node in json.loads(out)["nodes"]}


def test_stdin_filename_anchors_include_and_document() -> None:
    # full_language.argmap includes parts/evidence.argmap and names full_language.txt,
    # both relative to its own folder, not the working folder.
    code, out, err = run(["show", "-", "--stdin-filename", str(FULL)], FULL.read_text())
    assert (code, err) == (0, "")
    assert f"file: {FULL.as_posix()}" in out
    assert "document: full_language.txt" in out


def test_without_stdin_filename_includes_resolve_in_the_working_folder() -> None:
    code, out, err = run(["show", "-"], FULL.read_text(), cwd=VALID)
    assert (code, err) == (0, "")
    code, _, err = run(["show", "-"], FULL.read_text(), cwd=REPO)
    assert code == 1
    assert "<stdin>:32:" in err
    assert "cannot include `parts/evidence.argmap`: no such file" in err


def test_check_names_stdin_filename_in_findings(tmp_path: Path) -> None:
    code, out, _ = run(
        ["check", "-", "--stdin-filename", "maps/new.argmap"],
        "premise p: x\nconclusion c: y\nq -> c\n",
        cwd=tmp_path,
    )
    assert code == 1
    assert out.startswith("maps/new.argmap:3:1: error:")


def test_check_without_a_name_says_stdin(tmp_path: Path) -> None:
    code, out, _ = run(["check", "-", "--format", "json"], "conclusion c: y\nq -> c\n",
                       cwd=tmp_path)
    assert code == 1
    assert {finding["file"] for finding in json.loads(out)} == {"<stdin>"}


def test_check_of_stdin_reports_as_the_check_of_the_file() -> None:
    on_stdin = run(["check", "-", "--stdin-filename", str(FULL)], FULL.read_text())
    assert on_stdin == run(["check", str(FULL)], "")


def test_check_applies_the_pyproject_above_stdin_filename(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "maps").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.argmap.check]\nignore = ["ALL"]\n')
    text = "conclusion c: y\nq -> c\n"
    code, out, _ = run(["check", "-", "--stdin-filename", "project/maps/x.argmap"], text,
                       cwd=tmp_path)
    assert code == 1  # a parse error is always reported
    code, out, _ = run(["check", "-", "--stdin-filename", "project/maps/x.argmap"],
                       "premise p: x\n", cwd=tmp_path)
    assert code == 0
    code, out, _ = run(["check", "-", "--stdin-filename", "elsewhere.argmap"],
                       "premise p: x\n", cwd=tmp_path)
    assert "elsewhere.argmap:1:1: warning:" in out


def test_dash_must_come_alone() -> None:
    code, _, err = run(["check", "-", str(FULL)], "")
    assert code == 2
    assert "- reads one map from standard input: give it alone" in err


def test_stdin_over_the_size_limit_is_refused() -> None:
    stream = io.BytesIO(b"#" * (MAP_SIZE_LIMIT + 1))
    with pytest.raises(MapFileError, match=r"<stdin> \(standard input\): more than"):
        read_stdin_map(stream=stream)


def test_invalid_utf8_on_stdin_is_located() -> None:
    result = CliRunner().invoke(main, ["check", "-"], input=b"premise p: caf\xe9\n")
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:1:15: error: AM001")
