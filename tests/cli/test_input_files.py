"""What argmap reads: only regular files, and none larger than the caps in argmap.fileio.
A FIFO, a device or a folder given as a map, an include, a document or a configuration
file is refused with a message naming it (never a hang, never 4 GB of memory)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.fileio import DOCUMENT_SIZE_LIMIT, MAP_SIZE_LIMIT, read_limited

MAP = "premise a: A reason.\n  > a quoted reason\nconclusion c: The point.\na -> c\n"
POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def run_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """In a child process with a timeout: a FIFO that was opened would block forever."""
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=60)


def sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no room on disk (argmap refuses it by its size)."""
    with path.open("wb") as stream:
        stream.truncate(size)
    return path


@POSIX
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("command", ["show", "check", "render"])
def test_a_device_as_the_map_is_refused(command: str) -> None:
    code, _, err = run(command, "/dev/zero")
    assert code == 2
    assert err.endswith("cannot read /dev/zero: it is a character device, not a regular file\n")


@POSIX
def test_fifos_are_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.argmap")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "top.argmap").write_text(
        "@include pipe.argmap\n@document pipe.txt\n" + MAP, encoding="utf-8")
    done = run_process("show", "pipe.argmap", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "error: cannot read pipe.argmap: it is a FIFO (named pipe), not a " \
                          "regular file; give - (and --stdin-filename PATH) to read a map from " \
                          "standard input\n"
    done = run_process("check", "top.argmap", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith(
        "top.argmap:1:10: error: AM001 syntax-error: cannot include `pipe.argmap`: it is a FIFO "
        "(named pipe), not a regular file\n  @include pipe.argmap\n           ^^^^^^^^^^^\n")


@POSIX
def test_a_fifo_as_the_document_is_a_finding(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "m.argmap").write_text("@document pipe.txt\n" + MAP, encoding="utf-8")
    done = run_process("check", "m.argmap", cwd=tmp_path)
    assert done.returncode == 0  # a warning
    assert done.stdout.startswith(
        "m.argmap:1:11: warning: AM202 document-not-found: document pipe.txt cannot be read (it "
        "is a FIFO (named pipe), not a regular file); the map's quotes were not verified\n")


def test_a_map_over_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    sparse(tmp_path / "big.argmap", MAP_SIZE_LIMIT + 1)
    code, _, err = run("show", "big.argmap")
    assert code == 2
    assert err == (f"error: cannot read big.argmap: it is {MAP_SIZE_LIMIT + 1:,} bytes; argmap "
                   "reads map files of at most 64 MiB\n")


def test_an_include_over_the_cap_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    monkeypatch.chdir(tmp_path)
    sparse(tmp_path / "big.argmap", MAP_SIZE_LIMIT + 1)
    (tmp_path / "top.argmap").write_text("@include big.argmap\n" + MAP, encoding="utf-8")
    code, _, err = run("render", "top.argmap", "-f", "dot", "-o", "-")
    assert code == 1
    assert err.startswith(f"top.argmap:1:10: error: AM001 syntax-error: cannot include "
                          f"`big.argmap`: it is {MAP_SIZE_LIMIT + 1:,} bytes; argmap reads map "
                          "files of at most 64 MiB\n")


def test_a_document_over_the_cap_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    monkeypatch.chdir(tmp_path)
    sparse(tmp_path / "huge.txt", DOCUMENT_SIZE_LIMIT + 1)
    (tmp_path / "m.argmap").write_text("@document huge.txt\n" + MAP, encoding="utf-8")
    code, out, _ = run("check", "m.argmap")
    assert code == 0  # a warning
    assert (f"document huge.txt cannot be read (it is {DOCUMENT_SIZE_LIMIT + 1:,} bytes; "
            "argmap reads documents of at most 64 MiB); the map's quotes were not verified") in out


def test_a_configuration_file_over_the_cap_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sparse(tmp_path / "pyproject.toml", MAP_SIZE_LIMIT + 1)
    (tmp_path / "m.argmap").write_text(MAP, encoding="utf-8")
    code, _, err = run("check", "m.argmap")
    assert code == 2
    assert (f"pyproject.toml: cannot be read: it is {MAP_SIZE_LIMIT + 1:,} bytes; "
            "argmap reads configuration files of at most 64 MiB") in err


def test_read_limited_reads_up_to_the_cap_and_not_beyond(tmp_path: Path) -> None:
    (tmp_path / "ten").write_bytes(b"0123456789")
    assert read_limited(tmp_path / "ten", 10, "tests") == b"0123456789"
    with pytest.raises(OSError, match="it is 10 bytes; argmap reads tests of at most 0 MiB"):
        read_limited(tmp_path / "ten", 9, "tests")
    with pytest.raises(IsADirectoryError, match="it is a folder, not a file"):
        read_limited(tmp_path, 10, "tests")
