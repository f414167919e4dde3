"""The map's `@document` cannot be read as text.

What it finds: an `@document` (or `--document`) file that does not exist, is a folder, or
is not UTF-8 text. The path in `@document` is relative to the map file.

Why it matters: the document is what the map's quotes are checked against; without it,
quote-not-found cannot check anything, and a moved or renamed source goes unnoticed. It is
a warning, because a map is often read where its source is not (a clone of a repository
whose sources live elsewhere); a project that keeps its sources beside its maps can make it
an error: `severity = { document-not-found = "error" }` in `[tool.argmap.check]`.

Failing example (no file `article.txt` beside the map):

    @document article.txt
    premise rain: It is raining.
      > it is raining

Fixed example (the map names the file where it is):

    @document sources/article.txt
    premise rain: It is raining.
      > it is raining
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import CheckContext, display_path
from argmap.checks.finding import Problem, Severity
from argmap.model import ArgumentMap

CODE = "AM202"
NAME = "document-not-found"
SEVERITY = Severity.WARNING


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    state = context.document
    if state.path is not None and state.problem is not None:
        yield Problem(
            f"document {display_path(state.path)} {state.problem}; the map's quotes were not "
            "verified",
            state.span or context.map_span,
        )
