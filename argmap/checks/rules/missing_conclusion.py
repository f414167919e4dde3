"""A map with no `conclusion`.

What it finds: a map (with its includes) in which no statement is of kind `conclusion`.
It is reported at the first line of the map.

Why it matters: a map's conclusion is what the argument is for; without one, argmap
cannot tell which statements matter (irrelevant-statement), whether the argument reaches
its point (ungrounded-conclusion), or whether it survives its objections
(contested-conclusion). Mark the main thesis as `conclusion`.

Failing example:

    premise rain: It is raining.
    claim wet: The streets are wet.
    rain -> wet

Fixed example:

    premise rain: It is raining.
    conclusion wet: The streets are wet.
    rain -> wet
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.model import CONCLUSION, ArgumentMap

CODE = "AM107"
NAME = "missing-conclusion"
SEVERITY = Severity.WARNING


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    if not context.indexed.numbers_of_kind(CONCLUSION):
        yield Problem(
            "the map has no conclusion; mark its main thesis `conclusion`", context.map_span
        )
