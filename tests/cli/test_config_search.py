"""What `check DIR` and `fmt DIR` find: `[tool.argmap] exclude` and the .gitignore files
leave maps out; a map named on the command line is always read."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

MAP = "premise rain: It is raining.\nconclusion wet: The street is wet.\n\nrain -> wet\n"
UNFORMATTED = "premise rain:   It is raining.\nconclusion wet: The street is wet.\nrain->wet\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with maps in maps/, a built docs copy in site/, and drafts/; the test
    runs inside it (monkeypatch puts the working folder back, whatever the test did)."""
    root = tmp_path / "project"
    for folder in ("maps", "site/maps", "drafts"):
        (root / folder).mkdir(parents=True)
        (root / folder / "a.argmap").write_text(MAP, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def checked(*args: str) -> tuple[int, list[str], str]:
    """Exit status, the files `check --select ALL` reported on (each of these maps gets a
    finding, so the files reported are the files read), and stderr."""
    result = CliRunner().invoke(main, ["check", "--format", "github", "--select", "ALL",
                                       *args])
    files = sorted({line.split("file=", 1)[1].split(",", 1)[0]
                    for line in result.stdout.splitlines() if "file=" in line})
    return result.exit_code, files, result.stderr


def git_init(root: Path) -> None:
    subprocess.run(["git", "init", "-q", str(root)], check=True)


def test_a_git_ignored_site_folder_is_not_checked(project: Path) -> None:
    git_init(project)
    write(project / ".gitignore", "site/\n")
    assert checked(".")[1] == ["drafts/a.argmap", "maps/a.argmap"]


def test_gitignore_applies_outside_a_repository_too(project: Path) -> None:
    write(project / ".gitignore", "/site\n")
    assert checked(".")[1] == ["drafts/a.argmap", "maps/a.argmap"]


def test_respect_gitignore_false_reads_them(project: Path) -> None:
    write(project / ".gitignore", "site/\n")
    write(project / "pyproject.toml", "[tool.argmap]\nrespect-gitignore = false\n")
    assert checked(".")[1] == ["drafts/a.argmap", "maps/a.argmap", "site/maps/a.argmap"]


def test_exclude_patterns_are_relative_to_the_pyproject(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.argmap]\nexclude = ["/drafts/", "site/**/a.argmap"]\n')
    assert checked(".")[1] == ["maps/a.argmap"]
    # From a folder below, the same patterns, still read from the project's root.
    os.chdir(project / "site")
    assert checked(".")[0] == 2  # no maps left in site/


def test_a_map_named_is_checked_though_excluded(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.argmap]\nexclude = ["drafts/"]\n')
    assert checked("drafts/a.argmap")[1] == ["drafts/a.argmap"]


def test_a_gitignore_above_the_folder_searched_applies_inside_the_repository(
    project: Path,
) -> None:
    git_init(project)
    write(project / ".gitignore", "site/maps/\n")
    os.chdir(project / "site")
    code, files, err = checked(".")
    assert code == 2
    assert "no .argmap files in ." in err


def test_a_deeper_gitignore_brings_back_what_an_outer_one_ignores(project: Path) -> None:
    git_init(project)
    write(project / ".gitignore", "*.argmap\n")
    write(project / "maps" / ".gitignore", "!a.argmap\n")
    assert checked(".")[1] == ["maps/a.argmap"]


def test_git_info_exclude_is_read(project: Path) -> None:
    git_init(project)
    write(project / ".git" / "info" / "exclude", "drafts\n")
    assert checked(".")[1] == ["maps/a.argmap", "site/maps/a.argmap"]


def test_fmt_check_leaves_out_what_is_excluded(project: Path) -> None:
    write(project / "drafts" / "a.argmap", UNFORMATTED)
    assert CliRunner().invoke(main, ["fmt", "--check", "."]).exit_code == 1
    write(project / "pyproject.toml", '[tool.argmap]\nexclude = ["drafts/"]\n')
    result = CliRunner().invoke(main, ["fmt", "--check", "."])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[tool.argmap]\nexclude = "site/"\n', "exclude must be a list of glob patterns"),
        ('[tool.argmap]\nrespect-gitignore = "yes"\n', "respect-gitignore must be true or false"),
        ("[tool.argmap\n", "invalid TOML"),
    ],
)
def test_a_broken_setting_is_a_usage_error_naming_the_file(
    project: Path, text: str, message: str
) -> None:
    write(project / "pyproject.toml", text)
    for command in (["check", "."], ["fmt", "--check", "."]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2
        assert result.stderr.startswith("error: pyproject.toml: ")
        assert message in result.stderr
        assert "Traceback" not in result.output
