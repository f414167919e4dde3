"""`[tool.argmap] force-exclude = true`: files named on the command line (as pre-commit names
them) that `exclude` matches are left out too, as ruff does."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import main

UNFORMATTED = "premise a:   A.\nconclusion c: C.\na -> c\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "site" / "deep").mkdir(parents=True)
    (tmp_path / "maps").mkdir()
    for name in ("site/x.argmap", "site/deep/z.argmap", "maps/y.argmap"):
        (tmp_path / name).write_text(UNFORMATTED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def configure(project: Path, force: str) -> None:
    (project / "pyproject.toml").write_text(
        f'[tool.argmap]\nexclude = ["site/"]\nforce-exclude = {force}\n', encoding="utf-8"
    )


def test_named_files_are_checked_by_default(project: Path) -> None:
    configure(project, "false")
    assert "no problems in 2 files" in run("check", "site/x.argmap", "maps/y.argmap").output


def test_force_exclude_leaves_out_named_files_in_excluded_folders(project: Path) -> None:
    configure(project, "true")
    result = run("check", "site/x.argmap", "site/deep/z.argmap", "maps/y.argmap")
    assert (result.exit_code, result.output) == (0, "no problems in 1 file\n")
    result = run("fmt", "--check", "site/x.argmap", "maps/y.argmap")
    assert result.exit_code == 1
    assert result.stderr == "maps/y.argmap: would be reformatted\n1 file would be reformatted\n"


def test_when_every_named_file_is_excluded_nothing_fails(project: Path) -> None:
    configure(project, "true")
    assert run("check", "site/x.argmap").exit_code == 0
    result = run("fmt", "--check", "site/x.argmap")
    assert result.exit_code == 0
    assert result.stderr == "0 files formatted: every file named is excluded (force-exclude)\n"
    assert (project / "site" / "x.argmap").read_text(encoding="utf-8") == UNFORMATTED


def test_force_exclude_must_be_a_boolean(project: Path) -> None:
    configure(project, '"yes"')
    result = run("check", "maps/y.argmap")
    assert result.exit_code == 2
    assert "[tool.argmap] force-exclude must be true or false" in result.output
