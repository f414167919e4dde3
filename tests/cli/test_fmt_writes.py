"""`argmap fmt` as a writer of the user's files: an edit saved meanwhile is kept, a failed
write is one line and leaves the file as it was, a folder search stays in its folder."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap.cli.fmt
from argmap.cli import main
from argmap.cli.signals import Interrupted

MESSY = "a->b\nclaim b: B.\npremise a: A.\n"
TIDY = "claim b: B.\npremise a: A.\n\na -> b\n"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["fmt", *args])
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


def messy_map(folder: Path) -> Path:
    path = folder / "m.argmap"
    path.write_text(MESSY, encoding="utf-8")
    return path


def test_an_edit_saved_while_formatting_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = messy_map(tmp_path)
    edit = MESSY + "claim c: saved in the editor while fmt worked.\n"
    format_text = argmap.cli.fmt.format_text

    def slow_format(text: str, name: str) -> str:
        path.write_text(edit, encoding="utf-8")
        return format_text(text, name)

    monkeypatch.setattr(argmap.cli.fmt, "format_text", slow_format)
    code, err = run(str(path))
    assert code == 1
    assert err == (
        f"error: {path}: not formatted: it changed after argmap read it (saved in an editor "
        "meanwhile?), so argmap wrote nothing: run it again\n1 file not written\n"
    )
    assert path.read_text(encoding="utf-8") == edit
    assert os.listdir(tmp_path) == ["m.argmap"]


def _fail(number: int) -> object:
    def failing(*_args: object, **_kwargs: object) -> None:
        raise OSError(number, os.strerror(number))

    return failing


@pytest.mark.parametrize(
    ("module", "name", "number"),
    [
        (os, "fsync", errno.ENOSPC),  # a full disk
        (tempfile, "mkstemp", errno.EROFS),  # a read-only mount
        (os, "replace", errno.EIO),
    ],
    ids=["full-disk", "read-only-mount", "io-error"],
)
def test_a_failed_write_is_one_line_and_leaves_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: object, name: str, number: int
) -> None:
    path = messy_map(tmp_path)
    monkeypatch.setattr(module, name, _fail(number))
    code, err = run(str(path))
    assert (code, err) == (1, f"error: cannot write {path}: {os.strerror(number)}\n"
                              "1 file not written\n")
    assert path.read_text(encoding="utf-8") == MESSY
    assert os.listdir(tmp_path) == ["m.argmap"]


def test_a_file_size_limit_is_one_line_in_a_real_process(tmp_path: Path) -> None:
    """`ulimit -f`: Python ignores SIGXFSZ, so a write past the limit fails with EFBIG
    instead of killing argmap half-way, temporary file left behind."""
    path = tmp_path / "m.argmap"
    path.write_text(MESSY + "# " + "x" * 2000 + "\n", encoding="utf-8")
    before = path.read_bytes()
    script = (
        "import resource, sys\n"
        "from argmap.cli import main\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))\n"
        "main(['fmt', sys.argv[1]])\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert done.stderr == f"error: cannot write {path}: File too large\n1 file not written\n"
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["m.argmap"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs POSIX permissions that bind (root writes anywhere)")
def test_a_read_only_folder_is_one_line(tmp_path: Path) -> None:
    path = messy_map(tmp_path)
    tmp_path.chmod(0o555)
    try:
        code, err = run(str(path))
    finally:
        tmp_path.chmod(0o755)
    assert code == 1
    assert err.startswith(f"error: cannot write {path}: Permission denied (argmap writes a "
                          f"temporary file in {tmp_path}")
    assert path.read_text(encoding="utf-8") == MESSY


def test_a_folder_search_skips_links_that_lead_out_of_it(tmp_path: Path) -> None:
    folder, outside = tmp_path / "maps", tmp_path / "elsewhere"
    folder.mkdir()
    outside.mkdir()
    stranger = messy_map(outside)
    (folder / "stranger.argmap").symlink_to(stranger)
    (folder / "linked-folder").symlink_to(outside, target_is_directory=True)
    own = folder / "own.argmap"
    own.write_text(MESSY, encoding="utf-8")
    (folder / "alias.argmap").symlink_to(own)
    code, err = run(str(folder))
    assert code == 0
    link = folder / "stranger.argmap"
    assert err == (
        f"skipped {link}: a link to a file outside {folder} (name it to format it)\n"
        f"formatted {own}\n1 file formatted\n"
    )
    assert stranger.read_text(encoding="utf-8") == MESSY
    assert own.read_text(encoding="utf-8") == TIDY and (folder / "alias.argmap").is_symlink()
    # Named, a link is followed: the user asked for that file.
    assert run(str(link)) == (0, f"formatted {link}\n1 file formatted\n")
    assert stranger.read_text(encoding="utf-8") == TIDY


def test_a_signal_while_writing_leaves_the_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = messy_map(tmp_path)

    def terminated(_descriptor: int) -> None:
        raise Interrupted(signal.SIGTERM)

    monkeypatch.setattr(os, "fsync", terminated)
    code, err = run(str(path))
    assert (code, err) == (143, "argmap: terminated\n")
    assert path.read_text(encoding="utf-8") == MESSY
    assert os.listdir(tmp_path) == ["m.argmap"]
