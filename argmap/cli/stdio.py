"""Standard output that fails with one clear line, whether the disk is full or it is closed."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from typing import TextIO


class StdoutError(OSError):
    """Writing to standard output failed (full device, closed descriptor, I/O error)."""


class _GuardedRaw(io.RawIOBase):
    """File descriptor 1, or nothing when it was closed; any failure becomes a StdoutError.
    Once `silence()`d, writes are dropped, so that the interpreter's final flush of what
    could not be written does not fail a second time."""

    def __init__(self, descriptor: int | None) -> None:
        super().__init__()
        self._descriptor = descriptor
        self._silenced = False

    def silence(self) -> None:
        self._silenced = True

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._descriptor is not None and os.isatty(self._descriptor)

    def fileno(self) -> int:
        if self._descriptor is None:
            raise io.UnsupportedOperation("standard output is closed")
        return self._descriptor

    def write(self, data: object) -> int:
        size = memoryview(data).nbytes  # type: ignore[arg-type]
        if self._silenced:
            return size
        if self._descriptor is None:
            raise StdoutError(errno.EBADF, "standard output is closed")
        try:
            return os.write(self._descriptor, data)  # type: ignore[arg-type]
        except OSError as error:
            raise StdoutError(error.errno, error.strerror) from None


def _is_open(descriptor: int) -> bool:
    try:
        os.fstat(descriptor)
    except OSError:
        return False
    return True


def occupy_standard_descriptors() -> None:
    """Open the null device on whichever of descriptors 0, 1 and 2 is closed, so that no file
    argmap opens later (a temporary output, a cache entry) is given one of those numbers."""
    for descriptor in (0, 1, 2):
        if not _is_open(descriptor):
            null = os.open(os.devnull, os.O_RDWR)
            if null != descriptor:
                os.dup2(null, descriptor)
                os.close(null)


def guard_stdout() -> _GuardedRaw | None:
    """Replace sys.stdout (the process's own; not a test runner's) with one whose failures are
    StdoutErrors. Returns its raw layer for `silence()`, or None when nothing was replaced."""
    original: TextIO | None = sys.stdout
    if original is not None and original is not sys.__stdout__:
        return None
    closed = original is None
    raw = _GuardedRaw(None if closed else 1)
    encoding = "utf-8" if original is None else original.encoding
    errors = "strict" if original is None else original.errors
    line_buffering = False if original is None else original.line_buffering
    if original is not None:
        with contextlib.suppress(OSError, ValueError):
            original.flush()
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(raw), encoding=encoding, errors=errors, line_buffering=line_buffering
    )
    return raw


def stdout_failure(error: StdoutError) -> str:
    """The one line that says why standard output could not be written."""
    if error.errno == errno.EBADF:
        return "error: cannot write to standard output: it is closed"
    return f"error: cannot write to standard output: {error.strerror or error}"


def tolerate_narrow_encodings() -> None:
    """Print `?` for what an ASCII or Latin-1 terminal cannot show, rather than fail."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, TypeError, io.UnsupportedOperation):
            reconfigure(errors="replace")
