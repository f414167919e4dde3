"""Fuzzing the trust boundary: planted symlinks, forged manifests and edits saved mid-run.

Each case builds a small project (a Markdown report with ```argmap blocks, a map, and an
`outside/` folder beside the project holding a secret and a precious file), lets hypothesis
plant symlinks where argmap writes, forge the figures folder's manifest, or edit a file while
argmap works, then runs the CLI. The properties: nothing outside the project changes, no
file argmap did not write is changed or deleted, the secret is never printed, a user's edit
is never lost, and every run ends in one message and exit status 0, 1 or 2, never a traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from fuzz_harness import FUZZ
from hypothesis import given
from hypothesis import strategies as st

import argmap.fileio
from argmap.cli import main

STILL_UNCHANGED = argmap.fileio.still_unchanged

SECRET = "SECRET_TOKEN=fuzz-7f3a"
REPORT = """\
# Report

```argmap
premise a: A reason.
claim b: What follows.
a -> b
```

```argmap src="m.argmap" split fit=10cm
```
"""
MAP = """\
== One
premise a: Cyclists are hurt on Main Street.
premise c: Lanes cut injuries.
claim b: A lane would cut injuries here.
a + c -> b

== Two
premise d: The street is wide enough.
conclusion e: Main Street should get a lane.
b + d -> e
"""


def _tree(root: Path) -> dict[str, str]:
    """Every file and link below `root`, with a digest of what it holds or points to."""
    seen: dict[str, str] = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(folder) / name
            key = str(path.relative_to(root))
            if path.is_symlink():
                seen[key] = "link:" + os.readlink(path)
            elif path.is_file():
                seen[key] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                seen[key] = "folder"
    return seen


class Figures(dict[str, bytes]):
    """The figures of a project embedded once, by path relative to the project."""

    def __repr__(self) -> str:  # hypothesis prints the fixture: names, not megabytes
        return f"Figures({sorted(self)})"


@pytest.fixture(scope="module")
def drawn() -> Iterator[tuple[Path, Figures]]:
    """A project embedded once: the figures' paths (relative to the project) and bytes."""
    with tempfile.TemporaryDirectory(prefix="argmap-fuzz-drawn-") as name:
        project = _project(Path(name))
        result = _run(project, ["embed", "report.md"])
        assert result.exit_code == 0, result.output
        figures = Figures(
            (str(path.relative_to(project)), path.read_bytes())
            for path in sorted((project / "report-argmap").rglob("*"))
            if path.is_file()
        )
        yield project, figures


def _project(root: Path) -> Path:
    project = root / "project"
    project.mkdir()
    (project / ".git").mkdir()  # the project root
    (project / "report.md").write_text(REPORT, encoding="utf-8")
    (project / "m.argmap").write_text(MAP, encoding="utf-8")
    (project / "photo.png").write_bytes(b"\x89PNG the user's own photo")
    outside = root / "outside"
    outside.mkdir()
    (outside / "precious.txt").write_text("precious\n", encoding="utf-8")
    (outside / "secret.env").write_text(SECRET + "\n", encoding="utf-8")
    (outside / "folder").mkdir()
    return project


def _run(project: Path, arguments: list[str]) -> Result:
    cwd = os.getcwd()
    os.chdir(project)
    try:
        result = CliRunner().invoke(main, arguments)
    finally:
        os.chdir(cwd)
    return result


def _assert_clean(result: Result) -> None:
    output = result.output
    assert result.exit_code in (0, 1, 2), output
    assert "Traceback" not in output
    assert SECRET not in output
    exception = result.exception
    assert exception is None or isinstance(exception, SystemExit), repr(exception)


LINK_TARGETS = ["../outside/precious.txt", "../outside/folder", "../outside/secret.env",
                "/dev/zero", "missing-target"]


@FUZZ
@given(data=st.data(), check=st.booleans())
def test_planted_symlinks_never_lead_outside(
    drawn: tuple[Path, Figures], data: st.DataObject, check: bool
) -> None:
    _, figures = drawn
    candidates = ["report-argmap", "report-argmap/.argmap-manifest.json", *figures]
    candidates += sorted({str(Path(name).parent) for name in figures} - {"report-argmap"})
    planted = data.draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=3,
                                 unique=True))
    with tempfile.TemporaryDirectory(prefix="argmap-fuzz-links-") as name:
        root = Path(name)
        project = _project(root)
        if data.draw(st.booleans()):  # planted into an existing figures folder, or a new one
            for relative, content in figures.items():
                (project / relative).parent.mkdir(parents=True, exist_ok=True)
                (project / relative).write_bytes(content)
        for relative in sorted(planted, key=lambda name: len(Path(name).parts)):
            path = project / relative
            if any((project / parent).is_symlink() for parent in Path(relative).parents):
                planted.remove(relative)  # below a link planted already
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            elif path.exists() or path.is_symlink():
                path.unlink()
            depth = len(Path(relative).parts)
            target = data.draw(st.sampled_from(LINK_TARGETS))
            if target.startswith("../"):
                target = "../" * depth + target
            path.symlink_to(target)
        before = _tree(root / "outside")
        result = _run(project, ["embed", "report.md", *(["--check"] if check else [])])
        _assert_clean(result)
        assert _tree(root / "outside") == before
        for relative in planted:  # the links themselves are the user's: left, or refused
            assert (project / relative).is_symlink()


NAMES = ["photo.png", "../photo.png", "../../outside/precious.txt", "{outside}/precious.txt",
         "report.md", "../report.md", "m.argmap", "../m.argmap", ".", "..", "", "a/../../x"]


@FUZZ
@given(data=st.data())
def test_a_forged_manifest_deletes_nothing_argmap_did_not_write(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory(prefix="argmap-fuzz-manifest-") as name:
        root = Path(name)
        project = _project(root)
        figures = project / "img"
        figures.mkdir()
        (figures / "photo.png").write_bytes(b"\x89PNG another of the user's photos")
        names = st.sampled_from(NAMES).map(lambda n: n.format(outside=root / "outside"))
        photos = [project / "photo.png", figures / "photo.png", root / "outside" / "precious.txt"]
        digests = st.sampled_from(["", "0" * 64, hashlib.sha256(b"").hexdigest()] + [
            hashlib.sha256(path.read_bytes()).hexdigest() for path in photos])
        listing = st.lists(names) | st.dictionaries(names, digests)
        documents = data.draw(st.dictionaries(
            st.sampled_from(["../report.md", "report.md", "../x.md", "/etc/x.md"]), listing))
        manifest = data.draw(st.sampled_from([
            {"documents": documents},
            {"documents": documents, "files": documents},
            {"version": 2, "files": documents},
            documents,
            [documents],
        ]))
        (figures / ".argmap-manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        users = {path: path.read_bytes() for path in
                 [project / "photo.png", figures / "photo.png", project / "m.argmap",
                  root / "outside" / "precious.txt"]}
        result = _run(project, ["embed", "report.md", "--out-dir", "img"])
        _assert_clean(result)
        for path, content in users.items():
            assert path.read_bytes() == content, f"{path} was changed or deleted"


@FUZZ
@given(edit=st.sampled_from(["append", "same size", "touch", "delete"]),
       command=st.sampled_from(["embed", "fmt"]))
def test_an_edit_saved_while_argmap_works_is_never_lost(
    edit: str, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tempfile.TemporaryDirectory(prefix="argmap-fuzz-edit-") as name:
        project = _project(Path(name))
        target = project / ("report.md" if command == "embed" else "m.argmap")
        if command == "fmt":
            target.write_text("premise   a:   Untidy.\nclaim b: B.\na->b\n", encoding="utf-8")
        users: list[bytes | None] = []

        def save_meanwhile(stamp: argmap.fileio.ReadStamp) -> bool:
            # The user saves at the last moment: just before argmap would replace the file.
            if Path(stamp.path).resolve() == target.resolve() and not users:
                if edit == "append":
                    target.write_bytes(target.read_bytes() + b"\nthe user's new line\n")
                elif edit == "same size":
                    data = target.read_bytes()
                    target.write_bytes(data[:-2] + b"X\n")
                    os.utime(target, ns=(stamp.mtime_ns, stamp.mtime_ns))
                elif edit == "touch":
                    os.utime(target, ns=(stamp.mtime_ns + 10**9, stamp.mtime_ns + 10**9))
                else:
                    target.unlink()
                users.append(target.read_bytes() if target.exists() else None)
            return STILL_UNCHANGED(stamp)

        monkeypatch.setattr(argmap.fileio, "still_unchanged", save_meanwhile)
        arguments = [command, target.name]
        result = _run(project, arguments)
        _assert_clean(result)
        assert users, f"{command} replaced {target.name} without checking it was unchanged"
        assert result.exit_code == 1
        assert "changed after argmap read it" in result.output
        assert (target.read_bytes() if target.exists() else None) == users[0]
