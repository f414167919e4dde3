"""The exception hierarchy: every error argmap raises is an ArgmapError with source positions."""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.valueclass import value_class


@value_class
class Span:
    """A region of a source file: 1-based line and column; `end_column` is exclusive."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@dataclass(frozen=True)
class Diagnostic:
    """One located problem in a map's source: what went wrong, where, and the line to show.

    `rule` is the name of the check rule it is reported under (`syntax-error`,
    `undefined-reference`, `duplicate-id`); `related` holds other places that the
    message refers to (the first definition of a duplicate, say).
    """

    rule: str
    message: str
    span: Span
    source_line: str = ""
    related: tuple[Span, ...] = field(default_factory=tuple)


class ArgmapError(Exception):
    """Base of every error argmap raises on purpose."""


class MapFileError(ArgmapError):
    """A map file (or an included or referenced file) cannot be read at all."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


class ParseError(ArgmapError):
    """The map's text has syntax or reference errors; `errors` lists every one found."""

    def __init__(self, errors: list[Diagnostic]) -> None:
        self.errors = list(errors)
        first = self.errors[0] if self.errors else None
        summary = (
            f"{first.span.file}:{first.span.line}:{first.span.column}: {first.message}"
            if first
            else "the map has errors"
        )
        if len(self.errors) > 1:
            summary += f" (and {len(self.errors) - 1} more)"
        super().__init__(summary)


class ConvertError(ArgmapError):
    """A file in another tool's format cannot be read or written: what is wrong, and where."""

    def __init__(
        self, message: str, path: str | None = None, line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        where = ":".join(str(part) for part in (path, line, column) if part is not None)
        super().__init__(f"{where}: {message}" if where else message)


class CheckError(ArgmapError):
    """A check could not run as asked: an unknown rule, a broken configuration."""


class RenderError(ArgmapError):
    """A diagram could not be produced: engine missing, engine failure, timeout."""
