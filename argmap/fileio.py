"""Reading and writing files safely: inputs are regular files under a size cap; an output is
replaced atomically when it is a regular file, written through when it is a FIFO or a
character device, and nothing else is ever replaced."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import itertools
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MIB = 1024 * 1024
MAP_SIZE_LIMIT = 64 * MIB
"""The largest map file argmap reads (each `@include`d file and a configuration file too):
room for a map of over 300,000 statements in one file."""
DOCUMENT_SIZE_LIMIT = 64 * MIB
"""The largest `@document` (the analysed text) argmap reads."""

_CHUNK = 1 * MIB
CACHE_ENV = "ARGMAP_CACHE_DIR"


def cache_dir() -> Path:
    """Where argmap keeps what it computed once (the embedded engine's compiled module, font
    subsets): $ARGMAP_CACHE_DIR, else the platform's cache folder."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("argmap"))


def read_limited(path: str | os.PathLike[str], limit: int, what: str) -> bytes:
    """The bytes of the regular file at `path`, refusing anything else and anything over
    `limit` bytes with an OSError whose `strerror` says why (IsADirectoryError for a folder);
    `what` names the kind of file in that message ("a map file", "a document").

    A FIFO or a device is refused before it is opened (a FIFO would block, /dev/zero never
    ends); the file is opened non-blocking and checked again in case it was swapped since.
    """
    _check_input(os.stat(path), path, limit, what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        _check_input(os.fstat(descriptor), path, limit, what)
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(descriptor, _CHUNK):
            size += len(chunk)
            if size > limit:  # it grew after the check
                raise OSError(errno.EFBIG, too_large(size, limit, what), os.fspath(path))
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


@dataclass(frozen=True)
class ReadStamp:
    """What a file was when argmap read it (size, modification time, content digest): a
    file is replaced only while it still matches, so that an edit saved meanwhile is never
    lost."""

    path: Path
    size: int
    mtime_ns: int
    digest: str


class ChangedSinceRead(OSError):
    """The file changed after argmap read it; nothing was written."""


def stamp_of(path: str | os.PathLike[str], data: bytes) -> ReadStamp:
    """The stamp of the file at `path` whose content argmap read as `data`."""
    info = os.stat(path)
    return ReadStamp(Path(path), info.st_size, info.st_mtime_ns, digest(data))


def read_stamped(
    path: str | os.PathLike[str], limit: int, what: str
) -> tuple[bytes, ReadStamp]:
    """`read_limited`, and the stamp that `replace_if_unchanged` later checks."""
    data = read_limited(path, limit, what)
    return data, stamp_of(path, data)


def still_unchanged(stamp: ReadStamp) -> bool:
    """Whether the file is as it was read: same size, modification time and content."""
    try:
        info = os.stat(stamp.path)
    except OSError:
        return False
    if info.st_size != stamp.size or info.st_mtime_ns != stamp.mtime_ns:
        return False
    try:
        data = read_limited(stamp.path, max(stamp.size, 1), "files")
    except OSError:
        return False
    return digest(data) == stamp.digest


def replace_if_unchanged(stamp: ReadStamp, data: bytes) -> None:
    """Replace the file `stamp` describes with `data` (as `write_atomic`), but only if it is
    still as it was read: otherwise raise ChangedSinceRead and leave it alone. The check
    runs after the new content is on disk, just before the rename."""
    write_atomic(stamp.path, data, expected=stamp)


def digest(data: bytes) -> str:
    """The SHA-256 of content, as argmap records it (read stamps, manifests)."""
    return hashlib.sha256(data).hexdigest()


CHANGED_SINCE_READ = (
    "it changed after argmap read it (saved in an editor meanwhile?), so argmap wrote "
    "nothing: run it again"
)
"""Why a file was not replaced (the strerror of ChangedSinceRead)."""


def _check_input(
    info: os.stat_result, path: str | os.PathLike[str], limit: int, what: str
) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", os.fspath(path))
    if not stat.S_ISREG(info.st_mode):
        reason = f"it is {file_kind(info.st_mode)}, not a regular file"
        raise OSError(errno.EINVAL, reason, os.fspath(path))
    if info.st_size > limit:
        raise OSError(errno.EFBIG, too_large(info.st_size, limit, what), os.fspath(path))


def too_large(size: int, limit: int, what: str) -> str:
    return f"it is {size:,} bytes; argmap reads {what} of at most {limit // MIB} MiB"


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    kinds = [
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISLNK, "a symbolic link"),
    ]
    return next((name for test, name in kinds if test(mode)), "a special file")


def file_identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(device, inode) of the file `path` leads to (following links), None if there is none:
    two names of one file (a hard link, a symlink, `..`) have the same identity."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def write_atomic(
    path: str | os.PathLike[str], data: bytes, expected: ReadStamp | None = None
) -> None:
    """Write `data` to `path`, leaving no partial file and replacing only a regular file.

    A regular file (or a new one) is written to a temporary file in the same folder,
    fsync'd and renamed over it, so that on any failure the temporary file is removed and
    `path` is left as it was. A symbolic link is followed: its target is replaced and the
    link kept. A FIFO or a character device (`/dev/null`, `/dev/stdout`) is written
    through, as a shell's `>` would. Anything else (a folder, a socket, a block device)
    raises an OSError and is left alone. With `expected`, a regular file is replaced only
    if it still matches that stamp (ChangedSinceRead otherwise).
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is None or stat.S_ISREG(mode):
        replace_regular(target, data, expected)
    elif stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        _write_through(target, data)
    elif stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder", os.fspath(path))
    else:
        reason = f"it is {file_kind(mode)}; argmap replaces only regular files"
        raise OSError(errno.EINVAL, reason, os.fspath(path))


def replace_regular(
    path: Path, data: bytes, expected: ReadStamp | None = None,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Write `data` to a temporary file beside `path`, fsync'd, and rename it over `path`
    (a regular file or none): the temporary file is removed on any failure. `expected`: only
    while the old file still matches it; `before_rename` may raise an OSError to stop at the
    last moment. The new file keeps the old one's permissions (a new file gets a plainly
    created file's)."""
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except PermissionError as error:
        folder = os.fspath(path.parent) or "."
        reason = (
            f"{error.strerror} (argmap writes a temporary file in {folder} and renames it "
            "over the old one, so the folder must be writable)"
        )
        raise PermissionError(error.errno, reason, os.fspath(path)) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_permissions(path, temporary)
        # The target may have become something else while the drawing was written.
        with contextlib.suppress(FileNotFoundError):
            mode = os.lstat(path).st_mode
            if not stat.S_ISREG(mode):
                reason = f"it became {file_kind(mode)} while argmap was writing"
                raise OSError(errno.EINVAL, reason, os.fspath(path))
        if expected is not None and not still_unchanged(expected):
            raise ChangedSinceRead(errno.EAGAIN, CHANGED_SINCE_READ, os.fspath(path))
        if before_rename is not None:
            before_rename()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _write_through(path: Path, data: bytes) -> None:
    # Blocks on a FIFO until a reader opens it, like a shell's `>`; never creates a file.
    descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


def _keep_permissions(path: Path, temporary: str) -> None:
    # mkstemp creates the file 0600; give it what a plainly created file would get.
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = new_file_mode()
    os.chmod(temporary, mode)


def new_file_mode() -> int:
    """The permissions a plainly created file gets (0666 less the umask); mkstemp's 0600
    is for the temporary file only."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def make_parent(path: str | os.PathLike[str]) -> list[Path]:
    """Create the folder `path` goes in (and its parents) when it is missing, returning the
    folders it created, deepest first (for `remove_folders` should the write fail); an
    OSError says which folder could not be made."""
    folder = Path(path).parent
    places = (folder, *folder.parents)
    missing = list(itertools.takewhile(lambda place: not os.path.lexists(place), places))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return missing
    except FileExistsError as error:  # mkdir's name for "a file is in the way"
        reason = f"{os.fspath(folder)} is a file, not a folder"
        raise NotADirectoryError(errno.ENOTDIR, reason, os.fspath(path)) from error
    except OSError as error:
        reason = f"cannot create the folder {os.fspath(folder)} ({describe_os_error(error)})"
        raise type(error)(error.errno, reason, os.fspath(path)) from error


def remove_folders(folders: list[Path]) -> None:
    """Remove `folders` (as make_parent returned them), each only while it is empty: what a
    failed write created goes again, and nothing anyone put there meanwhile is lost."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return


def describe_os_error(error: OSError) -> str:
    """An OSError in words, without Python's `[Errno N]` and repeated file names."""
    if isinstance(error, NotADirectoryError) and error.strerror == os.strerror(errno.ENOTDIR):
        return "a part of the path is a file, not a folder"
    return error.strerror or str(error)
