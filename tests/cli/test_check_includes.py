"""A map that another one `@include`s is checked as part of it, as pre-commit and
lint-staged pass changed files one by one: its includer given, found below a folder given,
or found nearby (its folder and those above, up to the project's root)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

MAIN = "@include parts/more.argmap\npremise a: A.\nconclusion c: C.\na + b -> c\n"
# `c` is defined by the includer: alone, this part has an undefined reference.
PART = "premise b: B.\nb -> c\nb -> zz\n"
ZZ = "parts/more.argmap:3:6: error: AM002 undefined-reference: undefined statement `zz`"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "parts").mkdir()
    (tmp_path / "main.argmap").write_text(MAIN, encoding="utf-8")
    (tmp_path / "parts" / "more.argmap").write_text(PART, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout


@pytest.mark.parametrize("args", [
    ["main.argmap", "parts/more.argmap"],
    ["parts/more.argmap", "main.argmap"],
    ["parts/more.argmap"],
    ["."],
    ["parts"],
], ids=["both", "both reversed", "the part alone", "the folder", "the part's folder"])
def test_the_part_is_checked_once_as_part_of_its_includer(
    project: Path, args: list[str]
) -> None:
    code, out = run(*args)
    assert code == 1
    assert out.count("AM002") == 1 and out.startswith(ZZ), out
    assert "`c`" not in out
    assert out.endswith("1 error in 1 file\n")


def test_only_the_asked_files_findings_when_the_includer_is_found_nearby(
    project: Path,
) -> None:
    (project / "main.argmap").write_text(MAIN + "a -> nowhere\n", encoding="utf-8")
    assert "nowhere" in run("main.argmap")[1]
    code, out = run("parts/more.argmap")
    assert code == 1 and "nowhere" not in out and out.startswith(ZZ)


def test_from_inside_the_parts_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project / "parts")
    code, out = run("more.argmap")
    assert code == 1 and out.startswith("../" + ZZ), out


def test_a_part_of_a_part(project: Path) -> None:
    (project / "parts" / "more.argmap").write_text("@include deeper.argmap\n" + PART, "utf-8")
    (project / "parts" / "deeper.argmap").write_text("b -> a\n", encoding="utf-8")
    assert run("parts/deeper.argmap") == (0, "no problems in 1 file\n")
    code, out = run("parts/more.argmap", "parts/deeper.argmap")
    assert code == 1 and out.startswith(
        "parts/more.argmap:4:6: error: AM002 undefined-reference: undefined statement `zz`")


def test_the_search_stops_at_the_project_root(project: Path) -> None:
    """A map above the folder with pyproject.toml (or .git) is another project's."""
    inner = project / "inner"
    inner.mkdir()
    (inner / ".git").mkdir()
    (inner / "part.argmap").write_text("b -> c\n", encoding="utf-8")
    (project / "outer.argmap").write_text(
        "@include inner/part.argmap\npremise b: B.\nconclusion c: C.\n", encoding="utf-8")
    assert run("outer.argmap") == (0, "no problems in 1 file\n")
    code, out = run("inner/part.argmap")
    assert code == 1 and "undefined statement `b`" in out


def test_an_include_cycle_is_reported(project: Path) -> None:
    (project / "parts" / "more.argmap").write_text("@include ../main.argmap\n" + PART, "utf-8")
    code, out = run("main.argmap", "parts/more.argmap")
    assert code == 1 and "AM001" in out and "cycle" in out, out


def test_an_include_line_with_a_trailing_comment_and_crlf(project: Path) -> None:
    (project / "main.argmap").write_bytes(
        MAIN.replace("parts/more.argmap", "parts/more.argmap   # b and zz").replace("\n", "\r\n")
        .encode())
    code, out = run("parts/more.argmap")
    assert code == 1 and out.startswith(ZZ) and "`c`" not in out, out


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                    reason="needs FIFOs and /dev/zero (POSIX)")
def test_includes_of_a_fifo_and_dev_zero_are_not_read(project: Path) -> None:
    """The search for includers reads files as the loader does: regular ones, of map size;
    a FIFO would block it and /dev/zero fill the memory."""
    os.mkfifo(project / "pipe.argmap")
    (project / "main.argmap").write_text(
        "@include pipe.argmap\n@include /dev/zero\n@include ../../../../../../../dev/zero\n"
        + MAIN, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "argmap", "check", "parts/more.argmap"],
                          cwd=project, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "parts/more.argmap:3:6: error: AM002" in done.stdout
