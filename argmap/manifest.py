"""The record of files argmap wrote into a folder, and the only way it writes or deletes there.

`argmap embed` and `render --split` write into folders that may hold the user's own files,
planted symbolic links or a forged record. So below the folder named as the top no
symbolic link is ever followed, a file is replaced or deleted only when the record says
argmap wrote it (its content digest matches), and the record is read like any other input.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from argmap.fileio import MIB, digest, file_kind, read_limited, replace_regular

NAME = ".argmap-manifest.json"
LIMIT = 4 * MIB
"""The largest manifest argmap reads (a few hundred thousand figures' names)."""

DELETE_LIMIT = 256 * MIB
"""The largest file argmap reads to compare with its record (a figure is far smaller);
a larger one is never taken for argmap's."""
_DIGEST = re.compile(r"[0-9a-f]{64}")
NOT_OURS = "argmap did not write it"


class ManifestError(OSError):
    """A manifest argmap cannot read (a link, not a regular file, too large): it names it."""


@dataclass
class Manifest:
    """Who (a document or a map, relative to the folder) had argmap write which files (relative
    POSIX names) with which content digest. `legacy` names were read from a manifest without
    digests: they may be replaced by a figure of the same name but are never deleted."""

    folder: Path
    files: dict[str, dict[str, str]] = field(default_factory=dict)
    legacy: set[str] = field(default_factory=set)

    def written(self, name: str, data_digest: str) -> bool:
        """Whether argmap wrote `name` with this content (for anyone)."""
        return any(names.get(name) == data_digest for names in self.files.values())

    def lists(self, name: str) -> bool:
        """Whether argmap recorded writing `name` (for anyone, whatever it holds now)."""
        return any(name in names for names in self.files.values())

    def names_of_others(self, owner: str) -> set[str]:
        return {name for key, names in self.files.items() if key != owner for name in names}


def read_manifest(folder: Path) -> Manifest:
    """The manifest in `folder`; an empty one when there is none. An OSError (naming the file)
    when it is a link or not a regular file or too large; what it says that is not a
    well-formed entry is ignored (and so deletes nothing)."""
    manifest = Manifest(folder)
    path = folder / NAME
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return manifest
    try:
        _refuse_link(info, path)
        data = read_limited(path, LIMIT, "manifests")
    except OSError as error:
        raise ManifestError(error.errno, error.strerror or str(error), os.fspath(path)) from None
    try:
        parsed = json.loads(data.decode("utf-8"))
    except ValueError:
        return manifest
    if not isinstance(parsed, dict):
        return manifest
    files = parsed.get("files")
    if isinstance(files, dict) and parsed.get("version") == 2:
        for owner, names in files.items():
            if isinstance(names, dict):
                kept = {name: value for name, value in names.items()
                        if _safe_name(name) and isinstance(value, str) and _DIGEST.fullmatch(value)}
                manifest.files[str(owner)] = kept
        manifest.legacy = _names(parsed.get(UNDIGESTED))
        return manifest
    documents = parsed.get("documents")
    if isinstance(documents, dict):  # the first format: names without digests
        manifest.legacy = {name for names in documents.values() for name in _names(names)}
    return manifest


UNDIGESTED = "listed before digests"
"""The key of the names an old manifest listed that argmap has not written since."""


def _names(names: object) -> set[str]:
    if not isinstance(names, list):
        return set()
    return {name for name in names if isinstance(name, str) and _safe_name(name)}


def write_manifest(manifest: Manifest, top: Path) -> None:
    """Record `manifest.files` in its folder (below `top`); an empty manifest is removed."""
    path = manifest.folder / NAME
    kept = {owner: dict(sorted(names.items())) for owner, names in manifest.files.items() if names}
    # An old manifest's names are kept (never deleted, but redrawn) until argmap writes them.
    undigested = sorted(manifest.legacy - {name for names in kept.values() for name in names})
    if not kept and not undigested:
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            _refuse_link(os.lstat(path), path)
            path.unlink()
        return
    data: dict[str, object] = {
        "written by": "argmap; only the files listed here, with these SHA-256 digests, are "
        "ever replaced or deleted by it",
        "version": 2,
        "files": dict(sorted(kept.items())),
    }
    if undigested:
        data[UNDIGESTED] = undigested
    text = (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    with contextlib.suppress(OSError):
        if existing(top, path, LIMIT) == text:
            return
    write_inside(top, path, text)


def _safe_name(name: str) -> bool:
    """A name the manifest may list: relative, downward only, not the manifest itself."""
    if not name or "\\" in name or "\0" in name or name.startswith("/"):
        return False
    parts = PurePosixPath(name).parts
    return bool(parts) and all(part not in (".", "..") for part in parts) and name != NAME \
        and not re.match(r"^[A-Za-z]:", name)


def _refuse_link(info: os.stat_result, path: Path) -> None:
    if stat.S_ISLNK(info.st_mode):
        raise OSError(errno.ELOOP, "it is a symbolic link; argmap neither reads nor writes "
                      "its own files through links", os.fspath(path))


def _parts_below(top: Path, path: Path) -> tuple[str, ...]:
    """The names leading from `top` to `path` (lexically; ValueError when not below it)."""
    relative = Path(os.path.relpath(os.path.abspath(path), os.path.abspath(top)))
    if relative.parts[:1] == ("..",) or relative == Path("."):
        raise ValueError(f"{path} is not inside {top}")
    return relative.parts


def check_no_links(top: Path, path: Path) -> None:
    """Raise an OSError naming the first part of `path` below `top` that is a symbolic link
    or, for a folder on the way, not a folder; a missing part ends the walk."""
    current = top
    parts = _parts_below(top, path)
    for index, part in enumerate(parts):
        current = current / part
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return
        _refuse_link(info, current)
        if index < len(parts) - 1 and not stat.S_ISDIR(info.st_mode):
            raise NotADirectoryError(errno.ENOTDIR, f"{current} is {file_kind(info.st_mode)}, "
                                     "not a folder", os.fspath(path))


def existing(top: Path, path: Path, limit: int) -> bytes | None:
    """What the regular file `path` (below `top`, reached through no link) holds, None when
    it is missing; of a file larger than `limit`, its first `limit` + 1 bytes (enough to
    tell it from any content argmap writes). OSError for a link or a special file."""
    check_no_links(top, path)
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, f"it is {file_kind(info.st_mode)}, not a regular file",
                      os.fspath(path))
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # swapped since the lstat
            raise OSError(errno.EINVAL, "it is not a regular file", os.fspath(path))
        chunks: list[bytes] = []
        size = 0
        while size <= limit and (chunk := os.read(descriptor, min(limit + 1 - size, MIB))):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def write_inside(top: Path, path: Path, data: bytes) -> None:
    """Write `data` to `path` below `top`, making the folders on the way: through no
    symbolic link, atomically (a temporary file renamed over it), and leaving nothing behind
    on failure (no temporary file, no folder it made); an OSError names `path`."""
    created: list[Path] = []
    try:
        check_no_links(top, path)
        current = top
        for part in _parts_below(top, path)[:-1]:
            current = current / part
            if not current.is_dir():
                current.mkdir()
                created.append(current)
        with contextlib.suppress(FileNotFoundError):
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode):
                raise OSError(errno.EINVAL, f"it is {file_kind(info.st_mode)}; argmap "
                              "replaces only regular files", os.fspath(path))
        # Nothing on the way may have been swapped for a link while the data was written.
        replace_regular(path, data, before_rename=lambda: check_no_links(top, path))
    except OSError as error:
        _clean(created)
        if error.filename == os.fspath(path):
            raise
        raise type(error)(error.errno, error.strerror or str(error), os.fspath(path)) from None
    except BaseException:
        _clean(created)
        raise


STALE_SECONDS = 600
"""A temporary file this old is left over from a run that was killed (SIGKILL, a power
cut): no write takes that long."""


def sweep_temporaries(folder: Path, names: list[str]) -> None:
    """Remove what a killed run of `write_inside` left in `folder` for these names (and the
    manifest): regular files named as its temporary files, older than STALE_SECONDS."""
    wanted: dict[PurePosixPath, set[str]] = {}
    for name in [*names, NAME]:
        path = PurePosixPath(name)
        wanted.setdefault(path.parent, set()).add(path.name)
    now = time.time()
    for parent, files in wanted.items():
        try:
            check_no_links(folder, folder / parent / "x")
            entries = list(os.scandir(folder / parent))
        except (OSError, ValueError):
            continue
        for entry in entries:
            match = _TEMPORARY.fullmatch(entry.name)
            if match is None or match.group(1) not in files:
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
                    os.unlink(entry.path)


_TEMPORARY = re.compile(r"\.(.+)\.[A-Za-z0-9_]{8}\.tmp")
"""mkstemp's names for `write_inside`'s temporary files: `.NAME.XXXXXXXX.tmp`."""


def _clean(created: list[Path]) -> None:
    for folder in reversed(created):
        with contextlib.suppress(OSError):
            folder.rmdir()


def delete_inside(top: Path, path: Path, data_digest: str | None, stop: Path) -> bool:
    """Delete `path` below `top` if it is a regular file reached through no link whose
    content has `data_digest`, then the folders up to `stop` it leaves empty; whether it
    was deleted (anything else is left alone)."""
    if data_digest is None:
        return False
    try:
        data = existing(top, path, DELETE_LIMIT)
    except (OSError, ValueError):
        return False
    if data is None or len(data) > DELETE_LIMIT or digest(data) != data_digest:
        return False
    path.unlink()
    remove_empty(path.parent, stop)
    return True


def remove_empty(folder: Path, stop: Path) -> None:
    """Remove `folder` and its parents up to (not including) `stop` while they are empty."""
    stop_at = os.path.abspath(stop)
    while os.path.abspath(folder).startswith(stop_at + os.sep):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


@dataclass
class Written:
    """What `write_owned` did: files written (or already as wanted), files deleted."""

    written: list[Path] = field(default_factory=list)
    deleted: list[Path] = field(default_factory=list)


def write_owned(folder: Path, owner: str, files: dict[str, bytes]) -> Written:
    """Write `files` (names relative to `folder`) for `owner`, and delete the files argmap
    wrote for it before that it no longer writes. Nothing is written when one of the files
    is there but argmap did not write it, as it is (an OSError naming it); a failed write
    is an OSError naming the file, with the files written before it recorded."""
    manifest = read_manifest(folder) if folder.is_dir() else Manifest(folder)
    for name, data in files.items():
        path = folder / name
        found = existing(folder, path, DELETE_LIMIT)
        if found is not None and found != data and (
            len(found) > DELETE_LIMIT or not manifest.written(name, digest(found))
        ):
            raise FileExistsError(errno.EEXIST, f"{NOT_OURS} (it is not in {NAME} there, or "
                                  "was changed since), so argmap writes nothing into the "
                                  "folder: move it away, or choose another folder",
                                  os.fspath(path))
    made = not folder.exists()
    if not made:
        sweep_temporaries(folder, list(files))
    done = Written()
    recorded = manifest.files.setdefault(owner, {})
    previous = dict(recorded)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            path = folder / name
            if existing(folder, path, len(data)) != data:
                write_inside(folder, path, data)
            recorded[name] = digest(data)
            done.written.append(path)
    except BaseException:
        if done.written:
            write_manifest(manifest, folder)
        elif made:
            remove_empty(folder, folder.parent)
        raise
    for name, old in sorted(previous.items()):
        if name not in files and name not in manifest.names_of_others(owner):
            recorded.pop(name)
            if delete_inside(folder, folder / name, old, folder):
                done.deleted.append(folder / name)
    write_manifest(manifest, folder)
    return done
