"""Where `argmap render -o` writes, and what it never overwrites: special files, symbolic
links, read-only folders, full disks, two runs at once. After every failure the old drawing
is intact and no temporary file is left beside it."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

MAP = "premise a: A reason.\nconclusion c: The point.\na -> c\n"
OLD = b"the old drawing\n"
NOBODY = 65534
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file types and permissions")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "m.argmap").write_text(MAP, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["render", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def drawing(folder: Path) -> bytes:
    """What `render -f dot` writes for the map in `folder`."""
    code, _ = run(str(folder / "m.argmap"), "-f", "dot", "-o", str(folder / "expected.dot"))
    assert code == 0
    data = (folder / "expected.dot").read_bytes()
    (folder / "expected.dot").unlink()
    return data


# -- the files a map is built from are never overwritten -----------------------------------

TOP = """\
@document notes.txt
@include parts/money.argmap
premise a: A reason.
  > a quoted reason
conclusion c: The point.
a -> c
"""
PART = "premise cost: It costs little.\ncost -> c\n"


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A map with an include and a document: the files a drawing must not replace."""
    (tmp_path / "parts").mkdir()
    (tmp_path / "top.argmap").write_text(TOP, encoding="utf-8")
    (tmp_path / "parts" / "money.argmap").write_text(PART, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Here is a quoted reason.\n", encoding="utf-8")
    return tmp_path


def _unchanged(built: Path) -> bool:
    return (
        (built / "top.argmap").read_text(encoding="utf-8") == TOP
        and (built / "parts" / "money.argmap").read_text(encoding="utf-8") == PART
        and (built / "notes.txt").read_text(encoding="utf-8") == "Here is a quoted reason.\n"
        and names(built) == ["notes.txt", "parts", "top.argmap"]
        and names(built / "parts") == ["money.argmap"]
    )


@pytest.mark.parametrize(
    "spelling",
    ["parts/money.argmap", "ABS/parts/money.argmap", "parts/../parts/money.argmap",
     "./parts//money.argmap"],
)
def test_an_included_file_is_never_overwritten(
    built: Path, spelling: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(built)
    target = spelling.replace("ABS", str(built))
    code, err = run("top.argmap", "-o", target, "-f", "svg")
    assert code == 2
    assert (f"refusing to overwrite `parts/money.argmap`, which `top.argmap` includes, with a "
            f"drawing (-o `{Path(target)}`)") in err
    assert _unchanged(built)


@pytest.mark.parametrize(
    ("command", "target"),
    [("report", "parts/money.argmap"), ("report", "notes.txt"),
     ("convert", "parts/money.argmap"), ("convert", "top.argmap")],
)
def test_report_and_convert_never_overwrite_an_input(
    built: Path, command: str, target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(built)
    extra = ["--engine", "embedded"] if command == "report" else []
    result = CliRunner().invoke(main, [command, "top.argmap", "-o", target, *extra])
    assert result.exit_code == 2, result.output
    assert "refusing to overwrite" in result.stderr and f"(-o `{target}`)" in result.stderr
    assert _unchanged(built)


def test_the_document_is_never_overwritten(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(built)
    code, err = run("top.argmap", "-o", "notes.txt", "-f", "dot")
    assert code == 2
    assert "refusing to overwrite `notes.txt`, the @document of `top.argmap`, with a drawing" in err
    assert _unchanged(built)


@POSIX
def test_links_to_the_inputs_are_recognised(built: Path, tmp_path_factory: pytest.TempPathFactory
                                            ) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "soft.svg").symlink_to(built / "parts" / "money.argmap")
    os.link(built / "notes.txt", elsewhere / "hard.svg")
    (elsewhere / "folder").symlink_to(built / "parts")
    for target in ("soft.svg", "hard.svg", "folder/money.argmap"):
        code, err = run(str(built / "top.argmap"), "-o", str(elsewhere / target), "-f", "svg")
        assert code == 2 and "refusing to overwrite" in err, target
    assert _unchanged(built)
    assert (elsewhere / "soft.svg").is_symlink() and (elsewhere / "hard.svg").read_text(
        encoding="utf-8") == "Here is a quoted reason.\n"


def test_a_drawing_never_replaces_another_maps_input(folder: Path) -> None:
    """With several maps, each drawing is checked against every map's files, before any
    is written."""
    (folder / "drawn").mkdir()
    (folder / "drawn" / "m.dot").write_bytes(OLD)
    (folder / "b.argmap").write_text("@document drawn/m.dot\n" + MAP, encoding="utf-8")
    code, err = run(str(folder / "m.argmap"), str(folder / "b.argmap"), "-f", "dot", "-o",
                    str(folder / "drawn"))
    assert code == 2
    assert (f"refusing to overwrite `{folder / 'drawn' / 'm.dot'}`, the @document of "
            f"`{folder / 'b.argmap'}`, with a drawing") in err
    assert (folder / "drawn" / "m.dot").read_bytes() == OLD
    assert names(folder / "drawn") == ["m.dot"]


# -- several maps with one name ---------------------------------------------------------------


def test_two_maps_with_one_name_into_one_folder_are_refused(tmp_path: Path) -> None:
    for side in ("a", "b"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "x.argmap").write_text(MAP, encoding="utf-8")
    first, second = str(tmp_path / "a" / "x.argmap"), str(tmp_path / "b" / "x.argmap")
    code, err = run(first, second, "-f", "dot", "-o", str(tmp_path / "out"))
    assert code == 2
    assert (f"`{first}` and `{second}` would both be drawn to `{tmp_path / 'out' / 'x.dot'}`; "
            "render them one at a time with -o naming each file, or rename one map") in err
    assert names(tmp_path) == ["a", "b"]


def test_one_map_named_twice_is_drawn_once(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    code, err = run("m.argmap", str(folder / "m.argmap"), "./m.argmap", "-f", "dot", "-o", "out")
    assert code == 0 and err == "wrote out/m.dot\n"


# -- special files: written through or refused, never replaced ------------------------------


@POSIX
def test_a_symbolic_link_is_followed_and_kept(folder: Path) -> None:
    expected = drawing(folder)
    (folder / "real.dot").write_bytes(OLD)
    (folder / "link.dot").symlink_to("real.dot")
    code, err = run(str(folder / "m.argmap"), "-f", "dot", "-o", str(folder / "link.dot"))
    assert code == 0 and err == f"wrote {folder / 'link.dot'}\n"
    assert (folder / "link.dot").is_symlink() and os.readlink(folder / "link.dot") == "real.dot"
    assert (folder / "real.dot").read_bytes() == expected
    assert names(folder) == ["link.dot", "m.argmap", "real.dot"]


@POSIX
def test_a_link_into_another_folder_replaces_the_target_there(folder: Path) -> None:
    (folder / "elsewhere").mkdir()
    (folder / "elsewhere" / "real.svg").write_bytes(OLD)
    (folder / "link.dot").symlink_to(folder / "elsewhere" / "real.svg")
    code, _ = run(str(folder / "m.argmap"), "-f", "dot", "-o", str(folder / "link.dot"))
    assert code == 0 and (folder / "link.dot").is_symlink()
    assert (folder / "elsewhere" / "real.svg").read_bytes().startswith(b"digraph")
    assert names(folder / "elsewhere") == ["real.svg"]


@POSIX
def test_a_dangling_link_creates_its_target(folder: Path) -> None:
    (folder / "link.dot").symlink_to("new.dot")
    code, _ = run(str(folder / "m.argmap"), "-f", "dot", "-o", str(folder / "link.dot"))
    assert code == 0 and (folder / "link.dot").is_symlink()
    assert (folder / "new.dot").read_bytes().startswith(b"digraph")


@POSIX
def test_a_fifo_is_written_through(folder: Path) -> None:
    expected = drawing(folder)
    fifo = folder / "pipe.dot"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _ = run(str(folder / "m.argmap"), "-f", "dot", "-o", str(fifo))
    reader.join(10)
    assert code == 0 and received == [expected]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert names(folder) == ["m.argmap", "pipe.dot"]


def _device(folder: Path, name: str, major: int, minor: int, system: str) -> Path:
    """A character device to write to: a private node when allowed (as root), else the
    system's own (which an unprivileged run could not replace even if argmap tried)."""
    node = folder / name
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
    except (PermissionError, AttributeError):
        if os.geteuid() == 0 or not Path(system).exists():
            pytest.skip(f"cannot make a device node, and {system} is not safe to use")
        return Path(system)
    return node


@POSIX
def test_a_character_device_is_written_through(folder: Path) -> None:
    null = _device(folder, "null", 1, 3, "/dev/null")
    code, err = run(str(folder / "m.argmap"), "-f", "dot", "-o", str(null))
    assert code == 0 and err == f"wrote {null}\n"
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert not [name for name in os.listdir(null.parent) if name.startswith(".null.")]


@POSIX
def test_a_full_device_is_an_error_and_stays_a_device(folder: Path) -> None:
    full = _device(folder, "full", 1, 7, "/dev/full")
    code, err = run(str(folder / "m.argmap"), "-f", "dot", "-o", str(full))
    assert code == 1 and err == f"error: cannot write {full}: No space left on device\n"
    assert stat.S_ISCHR(os.lstat(full).st_mode)
    assert not [name for name in os.listdir(full.parent) if name.startswith(".full.")]


@POSIX
def test_a_socket_is_refused_and_left_alone(tmp_path: Path) -> None:
    # Socket paths are short (about 100 bytes): make one in a short temporary folder.
    short = Path(tempfile.mkdtemp(prefix="am"))
    try:
        (short / "m.argmap").write_text(MAP, encoding="utf-8")
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(short / "s.dot"))
        try:
            code, err = run(str(short / "m.argmap"), "-f", "dot", "-o", str(short / "s.dot"))
        finally:
            server.close()
        assert code == 1
        assert err == (f"error: cannot write {short / 's.dot'}: it is a socket; "
                       "argmap replaces only regular files\n")
        assert stat.S_ISSOCK(os.lstat(short / "s.dot").st_mode)
        assert names(short) == ["m.argmap", "s.dot"]
    finally:
        shutil.rmtree(short)


# -- failures leave the old drawing intact and no temporary file ----------------------------


def test_missing_parent_folders_are_created(folder: Path) -> None:
    target = folder / "out" / "deeper" / "m.dot"
    code, _ = run(str(folder / "m.argmap"), "-f", "dot", "-o", str(target))
    assert code == 0 and target.read_bytes().startswith(b"digraph")
    assert names(target.parent) == ["m.dot"]


def test_a_file_in_place_of_the_parent_folder_is_an_error(folder: Path) -> None:
    (folder / "out").write_bytes(OLD)
    target = folder / "out" / "deeper" / "m.dot"
    code, err = run(str(folder / "m.argmap"), "-f", "dot", "-o", str(target))
    assert code == 1
    assert err == (f"error: cannot write {target}: cannot create the folder "
                   f"{folder / 'out' / 'deeper'} (a part of the path is a file, not a folder)\n")
    assert (folder / "out").read_bytes() == OLD and names(folder) == ["m.argmap", "out"]


def test_a_file_in_place_of_the_output_folder_is_an_error(folder: Path) -> None:
    (folder / "out").write_bytes(OLD)
    (folder / "two.argmap").write_text(MAP, encoding="utf-8")
    code, err = run(str(folder / "m.argmap"), str(folder / "two.argmap"), "-f", "dot", "-o",
                    str(folder / "out" / "sub") + "/")
    assert code == 1 and "cannot create the folder" in err
    assert "a part of the path is a file, not a folder" in err
    assert (folder / "out").read_bytes() == OLD


def test_a_full_disk_keeps_the_old_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = folder / "m.dot"
    target.write_bytes(OLD)
    real_fsync = os.fsync

    def no_space(descriptor: int) -> None:
        real_fsync(descriptor)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("argmap.fileio.os.fsync", no_space)
    code, err = run(str(folder / "m.argmap"), "-f", "dot", "-o", str(target))
    assert code == 1 and err == f"error: cannot write {target}: No space left on device\n"
    assert target.read_bytes() == OLD and names(folder) == ["m.argmap", "m.dot"]


def _argmap_command() -> list[str]:
    return [sys.executable, "-m", "argmap"]


@pytest.mark.skipif(sys.platform != "linux" or shutil.which("unshare") is None,
                    reason="needs Linux mount namespaces (unshare)")
def test_a_really_full_disk_keeps_the_old_file(folder: Path) -> None:
    """A 16 KiB tmpfs, filled up, in a private mount namespace (where permitted)."""
    disk = folder / "disk"
    disk.mkdir()
    script = (
        'disk="$1"; shift\n'
        'mount -t tmpfs -o size=16k argmap-test "$disk" || exit 77\n'
        'printf "the old drawing\\n" > "$disk/m.dot"\n'
        'head -c 1048576 /dev/zero > "$disk/filler" 2>/dev/null\n'
        '"$@"; echo "exit $?"\n'
        'ls -a "$disk"; cat "$disk/m.dot"\n'
    )
    command = [*_argmap_command(), "render", str(folder / "m.argmap"), "-f", "dot", "-o",
               str(disk / "m.dot")]
    done = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", str(disk), *command],
                          capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    lines = done.stdout.splitlines()
    assert "exit 1" in lines, done.stdout + done.stderr
    assert f"error: cannot write {disk / 'm.dot'}: No space left on device" in done.stderr
    assert lines[-1] == "the old drawing"
    listing = lines[lines.index("exit 1") + 1 : -1]
    assert sorted(listing) == [".", "..", "filler", "m.dot"]


@contextlib.contextmanager
def unprivileged() -> Iterator[None]:
    """Act as `nobody` when running as root (root may write in any folder); the real user
    stays root, so the effective one can be set back."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@POSIX
def test_a_read_only_folder_keeps_the_old_file(folder: Path) -> None:
    run(str(folder / "m.argmap"), "-f", "dot", "-o", "-")  # import everything as ourselves
    drawings = folder / "drawings"
    drawings.mkdir()
    target = drawings / "m.dot"
    target.write_bytes(OLD)
    target.chmod(0o666)  # the file itself is writable; its folder is not
    # pytest's temporary folders are private: let `nobody` reach this one for the test.
    private = {path: path.stat().st_mode for path in (folder, folder.parent, folder.parent.parent)}
    if os.geteuid() == 0:
        for path, mode in private.items():
            path.chmod(mode | 0o005)
        os.chown(drawings, NOBODY, NOBODY)
        os.chown(target, NOBODY, NOBODY)
    drawings.chmod(0o555)
    try:
        with unprivileged():
            code, err = run(str(folder / "m.argmap"), "-f", "dot", "-o", str(target))
    finally:
        drawings.chmod(0o755)
        for path, mode in private.items():
            path.chmod(stat.S_IMODE(mode))
    assert code == 1
    assert err == (
        f"error: cannot write {target}: Permission denied (argmap writes a temporary file in "
        f"{drawings} and renames it over the old one, so the folder must be writable)\n"
    )
    assert target.read_bytes() == OLD and names(drawings) == ["m.dot"]


def test_two_renders_to_one_file_at_once(folder: Path) -> None:
    """Both finish; the file is one of the two drawings, whole; no temporary file is left."""
    (folder / "n.argmap").write_text(MAP.replace("The point.", "Another point."), "utf-8")
    target = folder / "out.dot"
    target.write_bytes(OLD)
    runs = [
        subprocess.Popen([*_argmap_command(), "render", str(folder / name), "-f", "dot", "-o",
                          str(target)], stderr=subprocess.PIPE)
        for name in ("m.argmap", "n.argmap")
    ]
    for process in runs:
        process.communicate(timeout=60)
        assert process.returncode == 0
    drawn = target.read_bytes()
    assert drawn.startswith(b"digraph") and drawn.endswith(b"}\n")
    assert (b"The point." in drawn) != (b"Another point." in drawn)
    assert names(folder) == ["m.argmap", "n.argmap", "out.dot"]
