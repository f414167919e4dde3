"""Running a job again whenever one of its input files changes (watchfiles, no polling)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import watchfiles

from argmap.errors import MapFileError, ParseError

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

DEBOUNCE_MS = 200
"""Changes this close together are one change: an editor's save is often several writes."""


def map_inputs(map_path: Path) -> set[Path]:
    """The files a map is built from: itself, its includes and its `@document`. For a map
    with errors, itself and the files its errors are in (an include with a mistake)."""
    from argmap.language.loader import load_file

    try:
        amap = load_file(map_path)
    except (ParseError, MapFileError) as error:
        return failed_inputs(map_path, error)
    return loaded_inputs(map_path, amap)


def loaded_inputs(map_path: Path, amap: ArgumentMap) -> set[Path]:
    """map_inputs of a map already loaded (`amap`, from `map_path`), without reading it again."""
    return _real([map_path, *amap.input_paths()])


def failed_inputs(map_path: Path, error: ParseError | MapFileError) -> set[Path]:
    """map_inputs of a map whose loading failed with `error`."""
    if isinstance(error, MapFileError):
        return _real([map_path])
    return _real([map_path, *(Path(d.span.file) for d in error.errors if d.span.file)])


def watch(
    run: Callable[[], Iterable[Path]],
    stop: threading.Event | None = None,
    debounce_ms: int = DEBOUNCE_MS,
) -> None:
    """Call `run`, which does the job and returns the files to watch; call it again each
    time one of them changes, until `stop` is set. Folders are watched rather than files,
    so an editor that saves by replacing the file is seen too; and every half second the
    files' sizes and times are compared with those of the last run, so that a change made
    while the watch was being set up is not missed."""
    watched = _real(run())
    seen = _signatures(watched)
    while stop is None or not stop.is_set():
        folders = sorted({path.parent for path in watched if path.parent.is_dir()})
        if not folders:
            return
        batches = watchfiles.watch(
            *folders,
            watch_filter=_only(frozenset(watched)),
            debounce=debounce_ms,
            step=50,
            stop_event=stop,
            recursive=False,
            rust_timeout=500,
            yield_on_timeout=True,
        )
        for _batch in batches:
            if _signatures(watched) == seen:
                continue  # a timeout, or an event that changed nothing
            now = _real(run())
            seen = _signatures(now)
            if now != watched:
                watched = now
                break  # watch the new set of folders
        else:
            return  # stopped


def _signatures(paths: Iterable[Path]) -> dict[Path, tuple[int, int, int] | None]:
    """What tells that a file changed: its size, modification time and inode (None when
    it is missing)."""
    signatures: dict[Path, tuple[int, int, int] | None] = {}
    for path in paths:
        try:
            status = path.stat()
        except OSError:
            signatures[path] = None
        else:
            signatures[path] = (status.st_size, status.st_mtime_ns, status.st_ino)
    return signatures


def _only(paths: frozenset[Path]) -> Callable[[watchfiles.Change, str], bool]:
    """A watchfiles filter passing changes to these files only (not the outputs beside
    them, nor an editor's swap files)."""
    return lambda _change, name: Path(name) in paths


def _real(paths: Iterable[Path]) -> set[Path]:
    return {Path(os.path.realpath(path)) for path in paths}
