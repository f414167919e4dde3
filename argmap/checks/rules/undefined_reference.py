"""A relation that names a statement or an inference the map does not define.

What it finds: an ID in a relation (`a -> b`, `x -| c`, `a >< b`) that no statement
defines, and an undercut `x -| (a + b -> c)` whose inference is not written anywhere in
the map. The message suggests the closest ID or inference.

Why it matters: usually a typo; the relation it is in is lost, and with it part of the
argument.

Failing example:

    premise rain: It is raining.
    claim wet: The streets are wet.
    rian -> wet

Fixed example:

    premise rain: It is raining.
    claim wet: The streets are wet.
    rain -> wet
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.checks.rules._parser import parser_problems
from argmap.model import ArgumentMap

CODE = "AM002"
NAME = "undefined-reference"
SEVERITY = Severity.ERROR


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    return parser_problems(context, NAME)
