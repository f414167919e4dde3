"""Follow `@include` lines: each file once, inside the top-level map's folder, no cycles."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from argmap.errors import Diagnostic, Span
from argmap.language.syntax import SYNTAX_ERROR, Directive, SectionHeader, SourceFile
from argmap.suggest import where

ParseFile = Callable[[Path, str, "str | None"], "tuple[SourceFile, list[Diagnostic]]"]
"""(real path, display path, initial section) -> the parsed file and its errors.

Raises OSError when the file cannot be read; the error is then reported at the include line.
"""


class IncludeError(Exception):
    """An `@include` that cannot be followed; the message is shown at its path."""

    def __init__(self, message: str, related: tuple[Span, ...] = ()) -> None:
        super().__init__(message)
        self.related = related


@dataclass
class _Frame:
    """A file on the include chain and the includes of it still to follow."""

    source: SourceFile
    real: Path | None
    pending: Iterator[tuple[Directive, str | None]]


def includes_of(source: SourceFile) -> Iterator[tuple[Directive, str | None]]:
    """The `@include` directives of a file with the section each one is in."""
    section = source.initial_section
    for node in source.nodes:
        if isinstance(node, SectionHeader):
            section = node.title
        elif isinstance(node, Directive) and node.name == "include":
            yield node, section


def display_path(including: str, value: str) -> str:
    """The path errors show for an included file: the including file's folder joined."""
    folder = posixpath.dirname(including) if not including.startswith("<") else ""
    return posixpath.normpath(posixpath.join(folder, value))


def resolve_include(value: str, folder: Path, root: Path) -> Path:
    """The real path of `@include value` in a file in `folder`; IncludeError if not allowed."""
    if Path(value).is_absolute() or value.startswith(("/", "\\")):
        raise IncludeError(
            f"`{value}` is an absolute path; `@include` takes a path relative to this file"
        )
    try:
        lexical = Path(os.path.normpath(folder / value))
        real = lexical.resolve()
    except (OSError, RuntimeError, ValueError) as error:
        raise IncludeError(f"cannot include `{value}`: {error}") from error
    if real.is_relative_to(root):
        return real
    if lexical.is_relative_to(root):
        raise IncludeError(
            f"`{value}` is a symbolic link to a file outside the map's folder; "
            "includes must stay inside the folder of the top-level map"
        )
    raise IncludeError(
        f"`{value}` is outside the map's folder; "
        "includes must stay inside the folder of the top-level map"
    )


def collect_sources(
    top: SourceFile, top_real: Path | None, root: Path, parse_file: ParseFile
) -> tuple[list[SourceFile], list[Diagnostic]]:
    """The top file and every file it includes (depth first, in order), and include errors."""
    sources = [top]
    errors: list[Diagnostic] = []
    first_include: dict[Path, Span] = {}
    stack = [_Frame(top, top_real, includes_of(top))]
    while stack:
        frame = stack[-1]
        item = next(frame.pending, None)
        if item is None:
            stack.pop()
            continue
        directive, section = item
        folder = frame.real.parent if frame.real is not None else root
        try:
            real = resolve_include(directive.value, folder, root)
            _check_new(real, stack, first_include, directive)
            display = display_path(frame.source.path, directive.value)
            source, found = parse_file(real, display, section)
        except IncludeError as error:
            errors.append(_error(str(error), directive, error.related))
            continue
        except (OSError, ValueError) as error:
            errors.append(_error(_read_error(directive.value, error), directive))
            continue
        first_include[real] = directive.span
        sources.append(source)
        errors.extend(found)
        stack.append(_Frame(source, real, includes_of(source)))
    return sources, errors


def _check_new(
    real: Path, stack: list[_Frame], first_include: dict[Path, Span], directive: Directive
) -> None:
    chain = [frame.real for frame in stack]
    if real in chain:
        top = display_path(stack[0].source.path, ".")
        names = [posixpath.relpath(frame.source.path, top) for frame in stack[chain.index(real) :]]
        names.append(names[0])
        raise IncludeError("include cycle: " + " -> ".join(names))
    first = first_include.get(real)
    if first is not None:
        raise IncludeError(
            f"`{directive.value}` is already included at {where(first, directive.span)}; "
            "include each file once",
            (first,),
        )


def _read_error(value: str, error: OSError | ValueError) -> str:
    if isinstance(error, FileNotFoundError):
        return f"cannot include `{value}`: no such file"
    if isinstance(error, IsADirectoryError):
        return f"cannot include `{value}`: it is a folder, not a map file"
    reason = error.strerror if isinstance(error, OSError) else None
    return f"cannot include `{value}`: {reason or error}"


def _error(message: str, directive: Directive, related: tuple[Span, ...] = ()) -> Diagnostic:
    return Diagnostic(SYNTAX_ERROR, message, directive.value_span, related=related)
