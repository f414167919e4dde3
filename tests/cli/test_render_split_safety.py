"""`render --split -o DIR/` in a folder that holds the user's files: it replaces only what it
wrote there (its manifest, digests matching), refuses the rest writing nothing, and removes
the figures of its own that a new run no longer draws."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

SECTIONS = """\
@title Two parts
== Safety ==
premise injuries: Last year 40 cyclists were injured on Main Street.
premise lanes_work: Protected lanes cut cyclist injuries by about a third.
claim safer: A protected lane would make Main Street safer for cyclists.
== Money ==
premise fund: The regional transport fund would pay the full 2 million euros.
claim free: The lane would cost the town nothing.
== Verdict ==
conclusion build: Main Street should get a protected bike lane.
injuries + lanes_work -> safer
fund -> free
safer + free -> build
"""
SMALL = "@title Two parts\npremise a: A.\nclaim b: B.\na -> b\n"


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "m.argmap").write_text(SECTIONS, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(cwd)


def split(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["render", "m.argmap", "--fit", "6cm", "--split",
                                       "-o", "docs/", "--engine", "embedded", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


@pytest.mark.parametrize("name", ["index.md", "01-safety.svg"])
def test_a_file_of_the_users_is_refused_and_nothing_written(folder: Path, name: str) -> None:
    docs = folder / "docs"
    docs.mkdir()
    (docs / name).write_text("the user's own\n", encoding="utf-8")
    status, output = split()
    assert status == 1
    assert output.splitlines() == [
        f"error: cannot write docs/{name}: argmap did not write it (it is not in "
        ".argmap-manifest.json there, or was changed since), so argmap writes nothing into "
        "the folder: move it away, or choose another folder"
    ]
    assert files(docs) == {name: b"the user's own\n"}


def test_a_figure_argmap_wrote_then_the_user_changed_is_refused(folder: Path) -> None:
    assert split()[0] == 0
    (folder / "docs" / "index.md").write_text("# My own index\n", encoding="utf-8")
    before = files(folder / "docs")
    status, output = split()
    assert status == 1 and "cannot write docs/index.md: argmap did not write it" in output
    assert files(folder / "docs") == before


def test_a_second_run_replaces_its_own_files_and_removes_stale_ones(folder: Path) -> None:
    docs = folder / "docs"
    (docs).mkdir()
    (docs / "notes.md").write_text("the user's notes\n", encoding="utf-8")
    assert split()[0] == 0
    first = files(docs)
    assert {"01-safety.svg", "index.md", ".argmap-manifest.json", "notes.md"} <= set(first)
    manifest = json.loads(first[".argmap-manifest.json"])
    assert manifest["files"]["../m.argmap"]["index.md"] == hashlib.sha256(
        first["index.md"]).hexdigest()
    assert split()[0] == 0 and files(docs) == first  # again: the same files
    (folder / "m.argmap").write_text(SMALL, encoding="utf-8")
    status, output = split()
    assert status == 0, output
    assert sorted(files(docs)) == [".argmap-manifest.json", "01-two-parts.svg", "index.md",
                                   "notes.md"]
    assert "deleted docs/01-safety.svg (this map no longer has it)" in output
    assert files(docs)["notes.md"] == b"the user's notes\n"


def test_a_link_planted_in_the_folder_is_not_written_through(folder: Path) -> None:
    docs = folder / "docs"
    docs.mkdir()
    precious = folder / "precious.txt"
    precious.write_text("precious\n", encoding="utf-8")
    (docs / "index.md").symlink_to(precious)
    status, output = split()
    assert status == 1
    assert output.splitlines() == [
        "error: cannot write docs/index.md: it is a symbolic link; argmap neither reads nor "
        "writes its own files through links"
    ]
    assert precious.read_text(encoding="utf-8") == "precious\n"
    assert sorted(path.name for path in docs.iterdir()) == ["index.md"]
