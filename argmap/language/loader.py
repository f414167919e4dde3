"""Read and parse a map and its includes into an ArgumentMap, or raise every error at once.

Decisions: text is UTF-8 with or without a BOM; lines end in LF or CRLF; an empty file is a
valid, empty map (the checks warn about it). A file that is not valid UTF-8 gets one
`syntax-error` at its first bad byte and is not parsed further.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from argmap.errors import Diagnostic, MapFileError, ParseError, Span
from argmap.fileio import MAP_SIZE_LIMIT, ReadStamp, read_limited, read_stamped
from argmap.language.build import build_map
from argmap.language.includes import collect_sources
from argmap.language.parser import parse_source
from argmap.language.syntax import SYNTAX_ERROR, SourceFile
from argmap.model import ArgumentMap

BOM = "\ufeff"
MAP_FILES = "map files"
STRING_NAME = "<string>"
"""The file name errors show for text parsed without a path."""


def load_file(path: str | os.PathLike[str], *, syntax: bool = True) -> ArgumentMap:
    """Read the map at `path` (and the files it includes) and build its ArgumentMap.

    `syntax=False` leaves the syntax trees out of `amap.syntax`: a command that reads only
    the graph (`check`) then needs a sixth less memory."""
    display = os.fspath(path)
    data = _read_top(display)
    text, error = decode(data, display)
    if error is not None:
        raise ParseError([error])
    return _parse(text, display, Path(display), syntax)


STDIN_NAME = "<stdin>"
"""The file name messages show for a map read from standard input without --stdin-filename."""


def load_stream(
    data: bytes, filename: str | None = None, *, syntax: bool = True
) -> ArgumentMap:
    """Build the map whose bytes were read from a stream (standard input). `filename`
    (--stdin-filename) names it in messages and anchors `@include` and `@document` in its
    folder, whether or not a file is there; without it the map is `<stdin>`, anchored in
    the working folder."""
    display = filename or STDIN_NAME
    text, error = decode(data, display)
    if error is not None:
        raise ParseError([error])
    return _parse(text, display, Path(filename) if filename else None, syntax)


def parse_text(text: str, path: str | None = None) -> ArgumentMap:
    """Parse map text; `path` names it in errors and anchors `@include` and `@document`."""
    text = text.removeprefix(BOM)
    display = path or STRING_NAME
    if not text.isascii() and (error := _surrogate_error(text, display)) is not None:
        raise ParseError([error])
    return _parse(text, display, Path(path) if path else None)


def _surrogate_error(text: str, display: str) -> Diagnostic | None:
    """An error at the first lone surrogate of `text`, which no file can hold (files are
    decoded from UTF-8) but a string can; it could not be written out, drawn or printed."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        start = text.rfind("\n", 0, error.start) + 1
        end = text.find("\n", error.start)
        line = text[start : end if end >= 0 else len(text)]
        column = error.start - start + 1
        number = text.count("\n", 0, error.start) + 1
        message = (
            f"lone surrogate U+{ord(text[error.start]):04X}, half of a UTF-16 pair, "
            "not a character; argmap reads text that can be written as UTF-8"
        )
        shown = line.rstrip("\r").encode("utf-8", "backslashreplace").decode("utf-8")
        span = Span(display, number, column, number, column + 1)
        return Diagnostic(SYNTAX_ERROR, message, span, source_line=shown)
    return None


def read_map_file(path: str | os.PathLike[str]) -> tuple[bytes, ReadStamp]:
    """The bytes of one map file and the stamp that lets a command replace it only while it
    is unchanged (fileio.replace_if_unchanged); MapFileError when it cannot be read."""
    display = os.fspath(path)
    with _reading(display):
        return read_stamped(display, MAP_SIZE_LIMIT, MAP_FILES)


def _read_top(display: str) -> bytes:
    with _reading(display):
        return read_limited(display, MAP_SIZE_LIMIT, MAP_FILES)


@contextlib.contextmanager
def _reading(display: str) -> Iterator[None]:
    """An OSError reading the map `display` as a MapFileError that says what went wrong."""
    try:
        yield
    except FileNotFoundError as error:
        raise MapFileError(f"{display}: no such file", display) from error
    except IsADirectoryError as error:
        raise MapFileError(f"{display} is a folder, not a map file", display) from error
    except OSError as error:
        reason = error.strerror or str(error)
        if _is_pipe(display):
            # A pipe given by name (`/dev/stdin` in a shell pipeline): `-` streams one.
            reason += "; give - (and --stdin-filename PATH) to read a map from standard input"
        raise MapFileError(f"cannot read {display}: {reason}", display) from error
    except ValueError as error:  # a path with a NUL byte in it
        raise MapFileError(f"cannot read {display}: {error}", display) from error


def _is_pipe(path: str) -> bool:
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def decode(data: bytes, display: str) -> tuple[str, Diagnostic | None]:
    """The file's text without BOM, or "" and an error located at the first bad byte."""
    data = data.removeprefix(BOM.encode())
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        return "", _encoding_error(data, error, display)


def _encoding_error(data: bytes, error: UnicodeDecodeError, display: str) -> Diagnostic:
    start = data.rfind(b"\n", 0, error.start) + 1
    end = data.find(b"\n", error.start)
    line = data[start : end if end >= 0 else len(data)].decode("utf-8", "replace")
    column = len(data[start : error.start].decode("utf-8", "replace")) + 1
    number = data.count(b"\n", 0, error.start) + 1
    message = (
        f"invalid UTF-8 byte 0x{data[error.start]:02x}; "
        "argmap reads UTF-8 text: save the file as UTF-8"
    )
    span = Span(display, number, column, number, column + 1)
    return Diagnostic(SYNTAX_ERROR, message, span, source_line=line.rstrip("\r"))


def _parse_included(
    real: Path, display: str, section: str | None
) -> tuple[SourceFile, list[Diagnostic]]:
    text, error = decode(read_limited(real, MAP_SIZE_LIMIT, MAP_FILES), display)
    if error is not None:
        return SourceFile(display, "", [], section), [error]
    return parse_source(text, display, section)


def _parse(text: str, display: str, path: Path | None, syntax: bool = True) -> ArgumentMap:
    # The collector is left as the caller set it: the `argmap` program tunes it for a map
    # it builds once (argmap.cli.quick_exit); a notebook parsing map after map must not
    # find its own garbage frozen out of reach.
    top, errors = parse_source(text, display)
    root, top_real = _anchor(path, display)
    read = [top_real] if top_real is not None else []

    def parse_included(
        real: Path, display: str, section: str | None
    ) -> tuple[SourceFile, list[Diagnostic]]:
        parsed = _parse_included(real, display, section)
        read.append(real)
        return parsed

    sources, include_errors = collect_sources(top, top_real, root, parse_included)
    amap = ArgumentMap(path=path)
    amap.files = {source.path: source.text for source in sources}
    amap.source_paths = read
    amap.syntax = list(sources) if syntax else []
    errors += include_errors
    errors += build_map(amap, sources, hand_over=not syntax)
    if errors:
        raise ParseError(_finish(errors, amap, [source.path for source in sources]))
    return amap


def _anchor(path: Path | None, display: str) -> tuple[Path, Path | None]:
    """The folder includes must stay in, and the real path of the map itself."""
    try:
        if path is None:
            return Path.cwd().resolve(), None
        return path.parent.resolve(), path.resolve()
    except (OSError, RuntimeError, ValueError) as error:
        raise MapFileError(f"cannot use the path {display!r}: {error}", display) from error


def _finish(errors: list[Diagnostic], amap: ArgumentMap, order: list[str]) -> list[Diagnostic]:
    """Sort errors by file (in include order), line and column; fill in their lines."""
    rank = {name: index for index, name in enumerate(order)}
    errors.sort(key=lambda d: (rank.get(d.span.file, len(rank)), d.span.line, d.span.column))
    return [
        d if d.source_line else dataclasses.replace(d, source_line=amap.source_line(d.span))
        for d in errors
    ]
