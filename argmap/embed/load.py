"""A block's map, from its `src` file or its own text: the one loader of `embed` and Pandoc."""

from __future__ import annotations

from pathlib import Path

from argmap.embed.attributes import BlockAttributeError, BlockSpec
from argmap.embed.boundary import resolve_src
from argmap.errors import Diagnostic, MapFileError, ParseError
from argmap.language.loader import load_file, parse_text
from argmap.model import ArgumentMap


class BlockLoadError(Exception):
    """A block whose map cannot be loaded: `own` are the errors of the block's own text
    (`name`), `reasons` the others, one line each (a `src` file, an included file)."""

    def __init__(self, own: list[Diagnostic], reasons: list[str]) -> None:
        super().__init__("\n".join(reasons))
        self.own = own
        self.reasons = reasons


def load_block(spec: BlockSpec, body: str, folder: Path, root: Path, name: str) -> ArgumentMap:
    """The block's map: its `src` file (relative to `folder`, inside the project `root`) or
    its text, read as the file `name`; BlockLoadError saying why not."""
    if spec.src is not None:
        if body.strip():
            raise BlockLoadError([], ["a block with `src` draws that file, so its body must be "
                                      "empty; remove `src` to draw the text in the block"])
        try:
            return load_file(resolve_src(spec.src, folder, root))
        except BlockAttributeError as error:
            raise BlockLoadError([], [str(error)]) from None
        except MapFileError as error:
            raise BlockLoadError([], [error.message]) from None
        except ParseError as error:
            raise BlockLoadError([], [not_a_map(spec.src, error)]) from None
    try:
        return parse_text(body, name)
    except MapFileError as error:
        raise BlockLoadError([], [error.message]) from None
    except ParseError as error:
        own = [d for d in error.errors if d.span.file == name]
        included: dict[str, list[Diagnostic]] = {}
        for diagnostic in error.errors:
            if diagnostic.span.file != name:
                included.setdefault(diagnostic.span.file, []).append(diagnostic)
        # An included file may not be a map at all: its lines are not printed.
        reasons = [not_a_map(other, ParseError(found)) for other, found in included.items()]
        raise BlockLoadError(own, reasons) from None


def not_a_map(src: str, error: ParseError) -> str:
    """Why `src` is not drawn, quoting nothing of the file past its first line: it may not
    be a map at all (a README, a key file), and its lines must not be printed."""
    count = len(error.errors)
    first = error.errors[0] if error.errors else None
    where = ""
    if first is not None and first.span.line == 1:
        where = f" (line 1: {first.message})"
    elif first is not None:
        where = f" (the first on line {first.span.line})"
    return (
        f"`{src}` is not a map that can be drawn: {count} error{'s' if count != 1 else ''}"
        f"{where}; `argmap check {src}` lists them"
    )
