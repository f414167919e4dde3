"""`argmap embed` on someone else's repository: planted symbolic links, a forged or special
manifest, `src=` outside the project, an edit saved while it works, a full disk. Each attack
ends in one located line, exit 1, no traceback, and nothing outside the project changed."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap.fileio
import argmap.manifest
from argmap.cli import main

sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402
from test_embed import SECTIONS  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

SECRET = "SECRET_TOKEN=do-not-print-7f3a"
REPORT = """\
# Report

```argmap
@title Lane
premise a: A reason.
claim b: What follows.
a -> b
```

```argmap src="m.argmap" split fit=6cm
```
"""


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The figures embed draws for REPORT (paths relative to the project, and bytes)."""
    project = _project(tmp_path_factory.mktemp("drawn"))
    with _inside(project):
        status, output = run("embed", "report.md")
    assert status == 0, output
    return {str(path.relative_to(project)): path.read_bytes()
            for path in sorted((project / "report-argmap").rglob("*.svg"))}


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    folder = _project(tmp_path)
    with _inside(folder):
        yield folder


class _inside:  # noqa: N801 - used as a context manager, like contextlib.chdir
    def __init__(self, folder: Path) -> None:
        self.folder, self.before = folder, os.getcwd()

    def __enter__(self) -> None:
        os.chdir(self.folder)

    def __exit__(self, *_: object) -> None:
        os.chdir(self.before)


def _project(root: Path) -> Path:
    project = root / "project"
    project.mkdir()
    (project / ".git").mkdir()
    (project / "report.md").write_text(REPORT, encoding="utf-8")
    (project / "m.argmap").write_text(SECTIONS, encoding="utf-8")
    (project / "photo.png").write_bytes(b"\x89PNG the user's photo")
    outside = root / "outside"
    outside.mkdir()
    (outside / "precious.txt").write_text("precious\n", encoding="utf-8")
    (outside / "secret.env").write_text(SECRET + "\nSECOND_LINE=also-secret\n", encoding="utf-8")
    return project


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--engine", "embedded"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def tree(folder: Path) -> dict[str, str]:
    """Every file and link below `folder`, with what it holds or points to."""
    seen = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            seen[key] = "link:" + os.readlink(path)
        elif path.is_file():
            seen[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return seen


def errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error:")]


# -- planted symbolic links -------------------------------------------------------------


def _figure(drawn: dict[str, bytes], split: bool) -> str:
    return next(name for name in drawn if (name.count("/") > 1) == split)


LINKS: dict[str, Callable[[dict[str, bytes]], tuple[str, str]]] = {
    "a figure": lambda drawn: (_figure(drawn, False), "precious.txt"),
    "the manifest": lambda drawn: ("report-argmap/.argmap-manifest.json", "precious.txt"),
    "a split map's folder": lambda drawn: (str(Path(_figure(drawn, True)).parent), "."),
    "the figures folder": lambda drawn: ("report-argmap", "."),
}


@pytest.mark.parametrize("check", [False, True], ids=["embed", "check"])
@pytest.mark.parametrize("where", list(LINKS))
def test_a_planted_link_is_not_written_through(
    project: Path, drawn: dict[str, bytes], where: str, check: bool
) -> None:
    planted, target = LINKS[where](drawn)
    link = project / planted
    link.parent.mkdir(parents=True, exist_ok=True)
    depth = len(Path(planted).parts)
    link.symlink_to(Path(*[".."] * depth, "..", "outside", target))
    outside = project.parent / "outside"
    before = tree(outside)
    status, output = run("embed", "report.md", *(["--check"] if check else []))
    assert status == 1, output
    assert tree(outside) == before  # nothing written there, precious.txt as it was
    assert link.is_symlink()  # the link is the user's: left as it is
    assert len(errors(output)) == 1, output
    assert "symbolic link" in errors(output)[0]
    assert "up to date" not in output


def test_a_linked_document_leading_outside_is_refused(project: Path) -> None:
    outside = project.parent / "outside" / "elsewhere.md"
    outside.write_text(REPORT, encoding="utf-8")
    (project / "linked.md").symlink_to(outside)
    status, output = run("embed", "linked.md")
    assert status == 1
    assert errors(output) == [
        f"error: linked.md: it is a symbolic link to a file outside the project "
        f"`{project.resolve()}`; argmap embed writes nothing outside it"
    ]
    assert outside.read_text(encoding="utf-8") == REPORT


# -- the manifest -----------------------------------------------------------------------


FORGED = {
    "old format naming a user's file": {"documents": {"../report.md": ["photo.png"]}},
    "old format climbing out": {"documents": {"../report.md": ["../photo.png"]}},
    "digest of the user's file": {"version": 2, "files": {"../report.md": {
        "photo.png": hashlib.sha256(b"\x89PNG the user's photo in img").hexdigest()}}},
    "digest climbing out": {"version": 2, "files": {"../report.md": {
        "../photo.png": hashlib.sha256(b"\x89PNG the user's photo").hexdigest()}}},
    "not an object": ["photo.png"],
}


@pytest.mark.parametrize("manifest", list(FORGED.values()), ids=list(FORGED))
def test_a_forged_manifest_deletes_nothing_argmap_did_not_write(
    project: Path, manifest: object
) -> None:
    (project / "img").mkdir()
    (project / "img" / "photo.png").write_bytes(b"\x89PNG the user's photo in img")
    (project / "img" / ".argmap-manifest.json").write_text(json.dumps(manifest), "utf-8")
    status, output = run("embed", "report.md", "--out-dir", "img")
    assert status == 0, output
    assert (project / "img" / "photo.png").read_bytes() == b"\x89PNG the user's photo in img"
    assert (project / "photo.png").read_bytes() == b"\x89PNG the user's photo"
    # rewritten in the current format: the figures it wrote, each with its digest
    written = json.loads((project / "img" / ".argmap-manifest.json").read_text("utf-8"))
    assert written["version"] == 2
    assert set(written["files"]) == {"../report.md"}
    assert "photo.png" not in written["files"]["../report.md"]


def test_a_figure_deleted_only_while_it_is_as_argmap_wrote_it(project: Path) -> None:
    assert run("embed", "report.md")[0] == 0
    (project / "report.md").write_text(REPORT.replace("A reason.", "Another."), "utf-8")
    old = next((project / "report-argmap").glob("lane-*.svg"))
    old.write_bytes(b"<svg>the user edited this copy</svg>")
    status, output = run("embed", "report.md")
    assert status == 0, output
    assert old.read_bytes() == b"<svg>the user edited this copy</svg>"
    assert "deleted" not in output


@pytest.mark.parametrize("manifest", ["old format", "none"])
def test_a_figure_file_is_replaced_only_when_the_manifest_lists_it(
    project: Path, drawn: dict[str, bytes], manifest: str
) -> None:
    figure = Path(_figure(drawn, False))
    folder = project / figure.parent
    folder.mkdir()
    (folder / figure.name).write_bytes(b"<svg>drawn by an older argmap</svg>")
    if manifest == "old format":  # what argmap wrote before its manifest had digests
        listing = {"documents": {"../report.md": [figure.name]}}
        (folder / ".argmap-manifest.json").write_text(json.dumps(listing), "utf-8")
    status, output = run("embed", "report.md")
    if manifest == "old format":
        assert status == 0, output
        assert (folder / figure.name).read_bytes() == drawn[str(figure)]
        return
    assert status == 1
    assert errors(output) == [
        f"error: cannot write {figure}: argmap did not write it (it is not in its record "
        "report-argmap/.argmap-manifest.json), so it is left alone: move it away and run "
        "argmap embed again"
    ]
    assert (folder / figure.name).read_bytes() == b"<svg>drawn by an older argmap</svg>"
    assert (project / "report.md").read_text(encoding="utf-8") == REPORT


def test_an_old_manifest_keeps_other_documents_names_until_they_are_redrawn(
    project: Path,
) -> None:
    (project / "report-argmap").mkdir()
    other = "other-map-0123456789.svg"
    (project / "report-argmap" / other).write_bytes(b"<svg>other.md's figure</svg>")
    listing = {"documents": {"../other.md": [other]}}
    (project / "report-argmap" / ".argmap-manifest.json").write_text(json.dumps(listing))
    assert run("embed", "report.md")[0] == 0
    manifest = json.loads((project / "report-argmap" / ".argmap-manifest.json").read_text())
    assert manifest["version"] == 2 and manifest["listed before digests"] == [other]
    assert (project / "report-argmap" / other).read_bytes() == b"<svg>other.md's figure</svg>"


SPECIAL = {
    "a link to /dev/zero": lambda path: path.symlink_to("/dev/zero"),
    "a FIFO": lambda path: os.mkfifo(path),
    "a folder": lambda path: path.mkdir(),
    "too large": lambda path: path.write_bytes(b" " * (argmap.manifest.LIMIT + 1)),
}


@pytest.mark.parametrize("check", [False, True], ids=["embed", "check"])
@pytest.mark.parametrize("make", list(SPECIAL.values()), ids=list(SPECIAL))
def test_a_manifest_that_is_not_a_small_regular_file_is_refused(
    project: Path, make: object, check: bool
) -> None:
    (project / "report-argmap").mkdir()
    make(project / "report-argmap" / ".argmap-manifest.json")  # type: ignore[operator]
    status, output = run("embed", "report.md", *(["--check"] if check else []))
    assert status == 1
    assert len(errors(output)) == 1, output
    line = errors(output)[0]
    assert line.startswith("error: cannot read report-argmap/.argmap-manifest.json: it is ")
    assert (project / "report.md").read_text(encoding="utf-8") == REPORT


# -- src= -------------------------------------------------------------------------------


SOURCES = {
    "/proc/self/environ": "`src` `/proc/self/environ` is an absolute path; `src` takes a "
    "path relative to the document",
    "/etc/passwd": "`src` `/etc/passwd` is an absolute path",
    "../outside/secret.env": "`src` `../outside/secret.env` is outside the project",
    "key.env": "`src` `key.env` is a symbolic link to a file outside the project",
}


@pytest.mark.parametrize("check", [False, True], ids=["embed", "check"])
@pytest.mark.parametrize("src", list(SOURCES))
def test_src_outside_the_project_is_refused_and_never_printed(
    project: Path, src: str, check: bool
) -> None:
    (project / "key.env").symlink_to(project.parent / "outside" / "secret.env")
    (project / "doc.md").write_text(f'```argmap src="{src}"\n```\n', encoding="utf-8")
    status, output = run("embed", "doc.md", *(["--check"] if check else []))
    assert status == 1
    assert SECRET not in output and "root:" not in output and "also-secret" not in output
    assert f"doc.md:1:1: error: {SOURCES[src]}" in output
    assert "up to date" not in output
    assert not (project / "doc-argmap").exists()


@pytest.mark.parametrize("block", ['```argmap src="notes.txt"\n```\n',
                                   "```argmap\n@include notes.txt\n```\n"],
                         ids=["src", "include"])
def test_a_file_that_is_not_a_map_is_not_printed(project: Path, block: str) -> None:
    lines = [f"line {number} of the user's notes, SECRET_{number}" for number in range(40)]
    (project / "notes.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (project / "doc.md").write_text(block, encoding="utf-8")
    status, output = run("embed", "doc.md")
    assert status == 1
    assert not any(f"SECRET_{number}" in output for number in range(1, 40)), output
    problems = [line for line in output.splitlines() if ": error: " in line]
    assert problems == [problems[0]] and problems[0].startswith(
        "doc.md:1:1: error: `notes.txt` is not a map that can be drawn: "), output


# -- an edit saved meanwhile, a failed write ---------------------------------------------


def test_an_edit_saved_while_embed_works_is_kept(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = argmap.fileio.still_unchanged
    document = project / "report.md"

    def save_meanwhile(stamp: argmap.fileio.ReadStamp) -> bool:
        with document.open("a", encoding="utf-8") as stream:
            stream.write("\nThe user's new line.\n")
        return real(stamp)

    monkeypatch.setattr(argmap.fileio, "still_unchanged", save_meanwhile)
    status, output = run("embed", "report.md")
    assert status == 1
    assert errors(output) == [
        f"error: report.md: {argmap.fileio.CHANGED_SINCE_READ}"
    ]
    assert document.read_text(encoding="utf-8") == REPORT + "\nThe user's new line.\n"
    monkeypatch.setattr(argmap.fileio, "still_unchanged", real)
    assert run("embed", "report.md")[0] == 0  # the next run finishes the job
    assert "The user's new line." in document.read_text(encoding="utf-8")


def test_a_full_disk_names_the_figure_and_leaves_nothing_behind(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    status, output = run("embed", "report.md")
    assert status == 1
    [line] = errors(output)
    assert line.startswith("error: cannot write report-argmap/lane-")
    assert line.endswith(f".svg: {os.strerror(errno.ENOSPC)}")
    assert not (project / "report-argmap").exists()  # no empty folder, no .tmp file
    assert (project / "report.md").read_text(encoding="utf-8") == REPORT
    assert not [path for path in project.rglob("*.tmp")]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="names descriptors by /proc")
def test_a_write_that_fails_midway_records_what_it_wrote(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.fsync

    def second_fails(descriptor: int) -> None:
        # The split map's figures come second: the disk fills up under them.
        if "/report-argmap/two-parts-" in os.readlink(f"/proc/self/fd/{descriptor}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(descriptor)

    monkeypatch.setattr(os, "fsync", second_fails)
    assert run("embed", "report.md")[0] == 1
    monkeypatch.setattr(os, "fsync", real)
    manifest = json.loads((project / "report-argmap" / ".argmap-manifest.json").read_text())
    [written] = manifest["files"]["../report.md"]
    assert (project / "report-argmap" / written).is_file()
    assert not [path for path in project.rglob("*.tmp")]
    assert run("embed", "report.md")[0] == 0


def test_temporary_files_a_killed_run_left_are_removed(
    project: Path, drawn: dict[str, bytes]
) -> None:
    figure = Path(_figure(drawn, False))
    folder = project / figure.parent
    folder.mkdir()
    old = folder / f".{figure.name}.k1ll3d_x.tmp"
    fresh = folder / f".{figure.name}.runn1ng_.tmp"
    other = folder / ".notes.md.abcdefgh.tmp"
    for path in (old, fresh, other):
        path.write_bytes(b"<svg")
    os.utime(old, (1, 1))
    os.utime(other, (1, 1))
    assert run("embed", "report.md")[0] == 0
    assert not old.exists()  # left by a run that was killed: removed
    assert fresh.exists() and other.exists()  # another run's, or not argmap's


# -- what the Markdown says --------------------------------------------------------------


DEEP = "".join("  " * level + "- item\n" for level in range(12))


def test_markdown_nested_too_deep_is_an_error_and_deletes_nothing(project: Path) -> None:
    assert run("embed", "report.md")[0] == 0
    before = tree(project / "report-argmap")
    embedded = (project / "report.md").read_text(encoding="utf-8")
    (project / "report.md").write_text(DEEP + "\n" + embedded, encoding="utf-8")
    for check in ([], ["--check"]):
        status, output = run("embed", "report.md", *check)
        assert status == 1
        assert "report.md:10:1: error: lists and quotes nest too deeply here" in output
        assert "up to date" not in output
    assert tree(project / "report-argmap") == before
    assert (project / "report.md").read_text(encoding="utf-8") == DEEP + "\n" + embedded


def test_text_after_a_marker_is_kept(project: Path) -> None:
    assert run("embed", "report.md")[0] == 0
    text = (project / "report.md").read_text(encoding="utf-8")
    text = text.replace("not kept -->", "not kept --> (figure 1)", 1)
    text = text.replace("<!-- argmap:end -->", "<!-- argmap:end --> See also the notes.", 1)
    block = REPORT[REPORT.index("```argmap\n") : REPORT.index("```\n") + 4]
    changed = block.replace("A reason.", "A changed reason.")
    (project / "report.md").write_text(text.replace(block, changed), encoding="utf-8")
    assert run("embed", "report.md")[0] == 0
    again = (project / "report.md").read_text(encoding="utf-8")
    assert "not kept --> (figure 1)\n" in again
    assert "<!-- argmap:end --> See also the notes.\n" in again
    block = changed
    (project / "report.md").write_text(again.replace(block, ""), encoding="utf-8")
    assert run("embed", "report.md")[0] == 0  # the block is gone, and so are its markers
    final = (project / "report.md").read_text(encoding="utf-8")
    assert "Lane" not in final and "\n(figure 1)\nSee also the notes.\n" in final


def test_check_after_an_error_does_not_say_up_to_date(project: Path) -> None:
    assert run("embed", "report.md")[0] == 0
    (project / "bad.md").write_text("```argmap\nclaim a A\n```\n", encoding="utf-8")
    status, output = run("embed", "report.md", "bad.md", "--check")
    assert status == 1
    assert "up to date" not in output
