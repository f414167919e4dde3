"""What rules share: the parser's errors, the document, and analyses computed once per map."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

from argmap.analysis.indexed import IndexedMap, index_map
from argmap.analysis.labels import Semantics, label_codes
from argmap.analysis.support import grounded_flags
from argmap.checks.document import Document, Misquotes, read_document
from argmap.errors import Diagnostic, Span
from argmap.model import ArgumentMap


@dataclass(frozen=True)
class DocumentState:
    """The analysed document as far as the checks are concerned.

    `path` is None when the map names no document; `document` is None when it cannot be
    read, and `problem` then says why.
    """

    path: Path | None
    span: Span | None
    document: Document | None = None
    problem: str | None = None


@dataclass
class CheckContext:
    """Everything a rule needs besides the map; expensive analyses are computed on first use."""

    amap: ArgumentMap
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document_override: Path | None = None
    misquotes_found: Callable[[], Misquotes | None] | None = None
    """Where `misquotes` comes from when another process searches for them (None: here)."""
    semantics: str = Semantics.WELL_FOUNDED
    """How the labels treat circular support."""

    @cached_property
    def statements(self) -> list[tuple[str, dict[str, Any]]]:
        """The map's statements with their data, in definition order: walked once per run,
        then shared by every rule (a 100,000-statement map is walked a dozen times)."""
        return list(self.amap.statements())

    @cached_property
    def indexed(self) -> IndexedMap:
        """The map as lists of ints, made once for grounding, cycles, labels and reach."""
        return index_map(self.amap)

    @cached_property
    def labels(self) -> list[int]:
        """Each node's label (by its number in `indexed`): `label_codes`."""
        return label_codes(self.indexed, self.semantics)

    @cached_property
    def grounded(self) -> list[bool]:
        """Whether each node (by its number in `indexed`) is grounded."""
        return grounded_flags(self.indexed)

    @cached_property
    def quote_lists(self) -> list[list[str]]:
        """Each statement's list of quotes, in definition order."""
        # Gathered in C (map, itemgetter), not by a generator: 100,000 statements on a big map.
        return list(map(itemgetter("quotes"), map(itemgetter(1), self.statements)))

    @cached_property
    def quotes(self) -> list[str]:
        """Every statement's quotes, one after the other in definition order."""
        return list(chain.from_iterable(self.quote_lists))

    @cached_property
    def misquotes(self) -> Misquotes:
        """The quotes (their numbers in `quotes`) not in the document, each with its closest
        passage; none when there is no readable document."""
        if self.misquotes_found is not None:
            found = self.misquotes_found()
            if found is not None:
                return found
        document = self.document.document
        return document.misquotes(self.quotes) if document is not None else ([], [])

    @cached_property
    def map_span(self) -> Span:
        """The start of the top-level map file: where findings about the whole map point."""
        return Span(top_file(self.amap), 1, 1, 1, 1)

    @cached_property
    def document(self) -> DocumentState:
        if self.document_override is not None:
            return load_document(self.document_override, None)
        if self.amap.document is None:
            return DocumentState(None, None)
        return load_document(Path(self.amap.document), self.amap.document_span)


def top_file(amap: ArgumentMap) -> str:
    """The display path of the top-level map file."""
    if amap.files:
        return next(iter(amap.files))
    return str(amap.path) if amap.path is not None else "<map>"


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when below it."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def load_document(path: Path, span: Span | None) -> DocumentState:
    try:
        return DocumentState(path, span, read_document(path))
    except IsADirectoryError:
        problem = "is a folder"
    except FileNotFoundError:
        problem = "does not exist"
    except UnicodeDecodeError:
        problem = "is not UTF-8 text"
    except OSError as error:
        problem = f"cannot be read ({error.strerror or error})"
    return DocumentState(path, span, None, problem)
