"""Helpers for messages: did-you-mean suggestions, lists of names, counts, where a thing was."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from argmap.errors import Span


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate most like `word`, or None when none is close enough."""
    pool = list(candidates)
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=cutoff)
    if matches:
        return matches[0]
    folded = {candidate.casefold(): candidate for candidate in pool}
    return folded.get(word.casefold())


def did_you_mean(word: str, candidates: Iterable[str], prefix: str = "") -> str:
    """`; did you mean `x`?` or "" when nothing is close."""
    match = closest(word, candidates)
    return f"; did you mean `{prefix}{match}`?" if match is not None else ""


def plural(count: int, noun: str) -> str:
    """`1 error`, `3 errors`."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def one_of(names: Iterable[str], prefix: str = "") -> str:
    """Quote names for a message: `a`, `b` or `c`."""
    quoted = [f"`{prefix}{name}`" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def where(span: Span, here: Span) -> str:
    """`line 3`, or `file.argmap:3` when `span` is in another file than `here`."""
    return f"line {span.line}" if span.file == here.file else f"{span.file}:{span.line}"
